/*
 * mntinfo.c - getmntinfo(): the mount table from VFS (VFS_GETMNTINFO,
 * records of mica/mntinfo.h), for `mount` and `df`.  BSD-style: the
 * records land in a buffer this file owns (valid until the next call),
 * grown and asked again while VFS reports more mounts than it held.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include "posix.h"

#define MNT_TRIES 4		/* mounts may come and go between two asks */

int getmntinfo(struct mica_mntinfo **list)
{
	static struct mica_mntinfo *buf;
	static int room;
	struct mica_mntinfo *nbuf;
	message m;
	int n, tries;

	if (!list)
		return lc_err(-EFAULT);
	for (tries = 0; tries < MNT_TRIES; tries++) {
		memset(&m, 0, sizeof(m));
		m.m_lc_vfs_io.fd = -1;
		m.m_lc_vfs_io.grant = -1;	/* room 0: only the count */
		m.m_lc_vfs_io.count = (u32_t)room * sizeof(*buf);
		if (room == 0)
			n = lc_call(VFS_PROC_NR, VFS_GETMNTINFO, &m);
		else
			n = lc_call_buf(VFS_PROC_NR, VFS_GETMNTINFO, &m,
			    &m.m_lc_vfs_io.grant, buf, room * sizeof(*buf),
			    CPF_WRITE);
		if (n < 0)
			return -1;
		if (n <= room) {
			*list = buf;
			return n;
		}
		if (!(nbuf = realloc(buf, (size_t)n * sizeof(*buf))))
			return lc_err(-ENOMEM);
		buf = nbuf;
		room = n;
	}
	return lc_err(-EAGAIN);
}
