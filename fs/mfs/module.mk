# fs/mfs - the MINIX file system (V1/V2/V3) on libminixfs + libfsdriver.
# The library holds everything but a server main: micafuse, mkfs.mfs,
# fsck.mfs and the unit tests link it.
MFS_SRCS := $(wildcard fs/mfs/*.c)
$(eval $(call host_lib,mfs,$(MFS_SRCS)))
# The same library for Mica programs (Mica's mkfs.mfs and fsck.mfs).
$(eval $(call os_lib,mfs,$(MFS_SRCS)))
