# fs/procfs - the process file system (procfs.h, README.md) on
# lib/libvtreefs: the tree and its texts, over a struct procfs_src the
# server (servers/procfs) fills with IPC and the host unit tests
# (tests/unit/procfs) with fakes.
PROCFS_SRCS := $(wildcard fs/procfs/*.c)
$(eval $(call host_lib,procfs,$(PROCFS_SRCS)))
