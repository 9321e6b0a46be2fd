# libminixfs - the block cache (static library `minixfs`).
# LMFS_CORE_SRCS build for the host and the OS alike.  The device seam and
# the little the cache needs from its environment come in two sets, chosen
# here and nowhere else:
#   host: host.c (warnings to stderr, memory size), file_dev.c (image files)
#   OS:   os.c (warnings to the console), bdev_dev.c (a block driver over
#         libbdev; also unit-tested on the host, tests/unit/lmfsos)
#   Mica programs (mkfs.mfs, fsck.mfs built by tools/mica-cc): host.c
#         (stderr) and posix_dev.c (image files and block special files
#         through pread/pwrite: file_dev.c's contract without Linux's
#         extras), the os_lib "minixfsprog"
# LMFS_OS_SRCS is what a file-system server links (fs/mfs/module.mk).
LMFS_HOST_ONLY := libminixfs/host.c libminixfs/file_dev.c
LMFS_OS_ONLY   := libminixfs/os.c libminixfs/bdev_dev.c
LMFS_PROG_ONLY := libminixfs/posix_dev.c
LMFS_CORE_SRCS := $(filter-out $(LMFS_HOST_ONLY) $(LMFS_OS_ONLY) $(LMFS_PROG_ONLY),\
	$(wildcard libminixfs/*.c))
LMFS_OS_SRCS   := $(LMFS_CORE_SRCS) $(LMFS_OS_ONLY)
$(eval $(call host_lib,minixfs,$(LMFS_CORE_SRCS) $(LMFS_HOST_ONLY)))
$(eval $(call os_lib,minixfsprog,$(LMFS_CORE_SRCS) libminixfs/host.c $(LMFS_PROG_ONLY)))
