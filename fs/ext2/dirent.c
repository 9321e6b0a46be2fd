/*
 * dirent.c - walking the entries of one directory block, checked.
 *
 * Every directory block is a chain of entries whose rec_len fields add up
 * to exactly the block size.  The walker checks each entry before handing
 * it out: header inside the block, rec_len a multiple of 4 that holds the
 * name and stays inside the block, a non-empty name, an inode number inside
 * the file system.  Anything else is corruption: -EIO and a log line.
 * Without the filetype feature (revision 0 images), name_len is 16 bits and
 * there is no type byte.
 */
#include <string.h>

#include "ext2.h"

void ext2_dirwalk_init(struct ext2_dirwalk *w, void *base, size_t size)
{
	w->lblk = 0;
	w->base = base;
	w->size = size;
	w->next = 0;
	w->off = SIZE_MAX;
	w->prev = SIZE_MAX;
	w->de = NULL;
}

size_t ext2_de_namelen(const struct ext2_dirent *de)
{
	if (ext2_fs.filetype)
		return de->name_len;
	return de->name_len | ((size_t)de->file_type << 8);
}

unsigned int ext2_de_type(const struct ext2_dirent *de)
{
	return ext2_fs.filetype && de->file_type < EXT2_FT_MAX ?
	    de->file_type : EXT2_FT_UNKNOWN;
}

int ext2_dirwalk_next(struct ext2_dirwalk *w, ino_t dir)
{
	struct ext2_dirent *de;
	size_t rec, nlen;

	if (w->next >= w->size)
		return 0;
	de = (struct ext2_dirent *)(w->base + w->next);
	if (w->next + sizeof(*de) > w->size)
		goto bad;
	rec = de->rec_len;
	nlen = ext2_de_namelen(de);
	if (rec < EXT2_DIR_REC_LEN(0) || (rec & 3) != 0 ||
	    rec > w->size - w->next || EXT2_DIR_REC_LEN(nlen) > rec)
		goto bad;
	if (de->inode != 0 && (nlen == 0 || nlen > EXT2_NAME_LEN ||
	    de->inode > ext2_fs.sb.s_inodes_count))
		goto bad;
	w->prev = w->off;
	w->off = w->next;
	w->next += rec;
	w->de = de;
	return 1;
bad:
	fsdriver_log("ext2: directory %lu has a bad entry at offset %zu",
	    (unsigned long)dir, w->next);
	return -EIO;
}

static unsigned int ext2_mode_to_ft(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: return EXT2_FT_REG_FILE;
	case S_IFDIR: return EXT2_FT_DIR;
	case S_IFCHR: return EXT2_FT_CHRDEV;
	case S_IFBLK: return EXT2_FT_BLKDEV;
	case S_IFIFO: return EXT2_FT_FIFO;
	case S_IFSOCK: return EXT2_FT_SOCK;
	case S_IFLNK: return EXT2_FT_SYMLINK;
	}
	return EXT2_FT_UNKNOWN;
}

void ext2_de_fill(struct ext2_dirent *de, ino_t ino, const char *name,
    size_t len, mode_t mode)
{
	de->inode = (uint32_t)ino;
	de->name_len = (uint8_t)len;
	de->file_type = ext2_fs.filetype ? (uint8_t)ext2_mode_to_ft(mode) :
	    (uint8_t)(len >> 8);
	memcpy(de->name, name, len);
}
