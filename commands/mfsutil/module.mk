# commands/mfsutil - code shared by mkfs.mfs and fsck.mfs: the image through
# libminixfs, and in-memory bitmaps.  The superblock decoder and record
# codec are the MFS server's (fs/mfs/mfs_sb.c, mfs_codec.c, in libmfs):
# users link "mfsutil mfs minixfs".
MFSUTIL_SRCS := $(wildcard commands/mfsutil/*.c)
$(eval $(call host_lib,mfsutil,$(MFSUTIL_SRCS)))
$(eval $(call os_lib,mfsutil,$(MFSUTIL_SRCS)))
