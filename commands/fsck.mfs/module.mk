# commands/fsck.mfs - check and repair MINIX V1/V2/V3 file systems (host
# tool).  The core is a library so the unit tests can call it.
FSCKMFS_SRCS := $(filter-out commands/fsck.mfs/main.c,\
	$(wildcard commands/fsck.mfs/*.c))
$(eval $(call host_lib,fsckmfs,$(FSCKMFS_SRCS)))
$(eval $(call host_prog,fsck.mfs,commands/fsck.mfs/main.c,fsckmfs mfsutil mfs fsdriver minixfs,))
HOST_PROGS += $(HBIN)/fsck.mfs
# Built for Mica too, from the same sources (in /sbin of the root image).
$(eval $(call os_lib,fsckmfs,$(FSCKMFS_SRCS)))
$(eval $(call os_prog,fsck.mfs,commands/fsck.mfs/main.c,fsckmfs mfsutil mfs fsdriver minixfsprog))
