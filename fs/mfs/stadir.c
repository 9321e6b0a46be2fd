/*
 * stadir.c - stat.
 *
 * st_blocks counts the zones a file holds, indirect blocks included, in
 * 512-byte units; the count is computed once per in-core inode by walking
 * its zone tree and then kept current by allocation and freeing.
 */
#include <string.h>
#include "mfs.h"

/* fdr_stat */
int mfs_stat(ino_t ino_nr, struct stat *st)
{
	struct mfs_inode *ip;
	int r;

	if ((r = mfs_get_inode(ino_nr, &ip)) != OK)
		return r;
	if ((r = mfs_count_blocks(ip)) != OK) {
		mfs_put_inode(ip);
		return r;
	}
	memset(st, 0, sizeof(*st));
	st->st_dev = mfs_m.dev;
	st->st_ino = ip->i_num;
	st->st_mode = ip->i_mode;
	st->st_nlink = ip->i_nlinks;
	st->st_uid = ip->i_uid;
	st->st_gid = ip->i_gid;
	st->st_rdev = mfs_inode_rdev(ip);
	st->st_size = ip->i_size;
	st->st_blksize = mfs_m.sb.block_size;
	st->st_blocks = (blkcnt_t)ip->i_nblocks * (mfs_m.sb.block_size / 512);
	st->st_atim.tv_sec = ip->i_atime;
	st->st_mtim.tv_sec = ip->i_mtime;
	st->st_ctim.tv_sec = ip->i_ctime;
	return mfs_put_inode(ip);
}
