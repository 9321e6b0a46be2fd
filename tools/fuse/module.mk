# tools/fuse - micafuse, the FUSE mount tool (libfuse3 low-level API), and
# micafuse_memfs, the same front end over an in-memory test double.
MICAFUSE_SRCS := tools/fuse/main.c tools/fuse/opts.c tools/fuse/fstypes.c \
	tools/fuse/image.c tools/fuse/attr.c tools/fuse/ops.c \
	tools/fuse/ll_reply.c tools/fuse/ll_node.c tools/fuse/ll_name.c \
	tools/fuse/ll_file.c tools/fuse/ll_dir.c tools/fuse/ll_xattr.c \
	tools/fuse/loop.c tools/fuse/count.c

CFLAGS_tools/fuse/ += $(FUSE_CFLAGS)

$(eval $(call host_prog,micafuse,$(MICAFUSE_SRCS),mfs ext2 isofs romfs fsdriver minixfs,$(FUSE_LIBS)))
HOST_PROGS += $(HBIN)/micafuse

# micafuse_memfs: micafuse with the in-memory TEST DOUBLE
# tests/unit/fsdriver/memfs_test.c in place of the file-system table
# (fstypes.c), for tests/host/micafuse_basic.sh.  A test program, not a tool.
MICAFUSE_MEMFS_SRCS := $(filter-out tools/fuse/fstypes.c,$(MICAFUSE_SRCS)) \
	tests/unit/fsdriver/memfs_test.c
$(eval $(call host_prog,micafuse_memfs,$(MICAFUSE_MEMFS_SRCS),fsdriver minixfs,$(FUSE_LIBS)))
HOST_PROGS += $(HBIN)/micafuse_memfs

# Real mounts of micafuse_memfs and of small mfs/ext2/iso9660 images.
HOST_TESTS += tests/host/micafuse_basic.sh
# Device syncs per fsync and unmount, counted with strace.
HOST_TESTS += tests/host/micafuse_sync.sh
# Requests per operation (count.c) and the cuts of ops.c.
HOST_TESTS += tests/host/micafuse_requests.sh
