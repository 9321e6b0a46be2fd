# commands/mkfs.mfs - make MINIX V1/V2/V3 file systems (host tool).
# The core is a library so the unit tests (tests/unit/mkfsck) can call it.
MKFSMFS_SRCS := $(filter-out commands/mkfs.mfs/main.c,\
	$(wildcard commands/mkfs.mfs/*.c))
$(eval $(call host_lib,mkfsmfs,$(MKFSMFS_SRCS)))
$(eval $(call host_prog,mkfs.mfs,commands/mkfs.mfs/main.c,mkfsmfs mfsutil mfs fsdriver minixfs,))
HOST_PROGS += $(HBIN)/mkfs.mfs
# -D device tables, checked against genext2fs (the format's origin).
HOST_TESTS += tests/host/mkfs_devtab.sh
