# lib/libfsdriver - how a file system plugs into Mica (README.md).
# FSDRIVER_PORT_SRCS are front-end independent (getdents helpers, shared
# encodings, the name index of large directories).  The host build adds host.c (memory copies, clock, log): the
# library micafuse and the host tools link.  The OS build adds the IPC
# front end (FSDRIVER_OS_SRCS: fsdriver_task, the request table, grant
# copies) and os_dev.c, the mount's block device (libbdev under
# libminixfs); everything but os_dev.c also builds on the host for
# tests/unit/fsdos, over a fake kernel.
FSDRIVER_PORT_SRCS := lib/libfsdriver/dentry.c lib/libfsdriver/encode.c \
	lib/libfsdriver/nameidx.c
FSDRIVER_SRCS := $(FSDRIVER_PORT_SRCS) lib/libfsdriver/host.c \
	lib/libfsdriver/host_linux.c lib/libfsdriver/bio.c
FSDRIVER_OS_SRCS := lib/libfsdriver/os_copy.c lib/libfsdriver/os_decode.c \
	lib/libfsdriver/os_call.c lib/libfsdriver/os_node.c \
	lib/libfsdriver/os_io.c lib/libfsdriver/os_dir.c \
	lib/libfsdriver/os_mount.c lib/libfsdriver/os_task.c \
	lib/libfsdriver/os_delegate.c
# A server with a block device links FSDRIVER_OS_DEV_SRCS (os_dev.c, and
# bio.c: block special files through the cache, over libminixfs); one
# without (PFS) links os_nodev.c instead.
FSDRIVER_OS_DEV_SRCS := lib/libfsdriver/os_dev.c lib/libfsdriver/bio.c
FSDRIVER_OS_NODEV_SRCS := lib/libfsdriver/os_nodev.c
$(eval $(call host_lib,fsdriver,$(FSDRIVER_SRCS)))
# The host build's services for Mica programs too (mkfs.mfs, fsck.mfs
# built by tools/mica-cc: plain memory copies, clock, log).
$(eval $(call os_lib,fsdriver,$(filter-out lib/libfsdriver/host_linux.c,\
	$(FSDRIVER_SRCS)) lib/libfsdriver/host_plain.c))
