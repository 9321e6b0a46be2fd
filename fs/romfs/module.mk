# fs/romfs - Linux's ROM file system, read-only: the skeleton of a port
# (docs/porting.md), library `romfs`, linked into micafuse.  Its host test
# mounts genromfs images and compares them with their source trees.
ROMFS_SRCS := $(wildcard fs/romfs/*.c)
$(eval $(call host_lib,romfs,$(ROMFS_SRCS)))
HOST_TESTS += $(sort $(wildcard tests/host/romfs_*.sh))
