# commands/mfsutil - code shared by mkfs.mfs and fsck.mfs (image I/O, inode,
# directory-entry and bitmap codecs).  The superblock decoder is the MFS
# server's (fs/mfs/mfs_sb.c, in libmfs): users link "mfsutil mfs".
MFSUTIL_SRCS := $(wildcard commands/mfsutil/*.c)
$(eval $(call host_lib,mfsutil,$(MFSUTIL_SRCS)))
