# fs/pfs - the pipe file system (pfs.h): pipes' bytes in memory, behind
# libfsdriver.  The library holds everything but the server main
# (servers/pfs) and the saved inode mark (pfs_ino_load/save), which the
# server keeps in DS and the host unit tests (tests/unit/pfs) fake.
PFS_SRCS := $(wildcard fs/pfs/*.c)
$(eval $(call host_lib,pfs,$(PFS_SRCS)))
