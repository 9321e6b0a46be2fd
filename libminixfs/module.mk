# libminixfs - the block cache (static library `minixfs`).
# LMFS_CORE_SRCS build for the host and the OS alike; host.c (warnings to
# stderr, memory size) and file_dev.c (image files) are the host's; an OS
# build pairs the core with its own versions of those.
LMFS_HOST_ONLY := libminixfs/host.c libminixfs/file_dev.c
LMFS_CORE_SRCS := $(filter-out $(LMFS_HOST_ONLY),$(wildcard libminixfs/*.c))
$(eval $(call host_lib,minixfs,$(LMFS_CORE_SRCS) $(LMFS_HOST_ONLY)))
