# commands/mkfs.mfs - make MINIX V1/V2/V3 file systems (host tool).
# The core is a library so the unit tests (tests/unit/mkfsck) can call it.
# sys_linux.c / sys_posix.c: the one host-specific step, chosen here.
MKFSMFS_SRCS := $(filter-out commands/mkfs.mfs/main.c commands/mkfs.mfs/sys_%.c,\
	$(wildcard commands/mkfs.mfs/*.c))
$(eval $(call host_lib,mkfsmfs,$(MKFSMFS_SRCS) commands/mkfs.mfs/sys_linux.c))
$(eval $(call host_prog,mkfs.mfs,commands/mkfs.mfs/main.c,mkfsmfs mfsutil mfs fsdriver minixfs,))
HOST_PROGS += $(HBIN)/mkfs.mfs
# Built for Mica too, from the same sources (in /sbin of the root image):
# libminixfs's "minixfsprog" set is its device seam (posix_dev.c).
$(eval $(call os_lib,mkfsmfs,$(MKFSMFS_SRCS) commands/mkfs.mfs/sys_posix.c))
$(eval $(call os_prog,mkfs.mfs,commands/mkfs.mfs/main.c,mkfsmfs mfsutil mfs fsdriver minixfsprog))
# -D device tables, checked against genext2fs (the format's origin).
HOST_TESTS += tests/host/mkfs_devtab.sh tests/host/usage_status.sh
