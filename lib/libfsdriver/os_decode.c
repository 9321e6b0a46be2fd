/*
 * os_decode.c - turning request fields into fsdriver arguments, refusing
 * what does not fit: an inode number of 0 or too wide for ino_t, a
 * position that overflows off_t, a device number too wide for dev_t, a
 * name that is empty, too long, holds a NUL or a '/', or cannot be copied.
 * Every message field is hostile; nothing here trusts one.
 */
#include <errno.h>
#include <string.h>

#include "os_priv.h"

/* The largest value of a signed integer type of 'size' bytes. */
#define OS_SMAX(size)	((((u64_t)1) << ((size) * 8 - 1)) - 1)

int os_ino(u64_t x, ino_t *ino)
{
	*ino = (ino_t)x;
	return x == 0 || (u64_t)*ino != x ? -EINVAL : OK;
}

/* pos, and pos + bytes, must be valid file offsets. */
int os_off(u64_t pos, u64_t bytes, off_t *off)
{
	if (pos > OS_SMAX(sizeof(off_t)) ||
	    bytes > OS_SMAX(sizeof(off_t)) - pos)
		return -EINVAL;
	*off = (off_t)pos;
	return OK;
}

int os_dev(u64_t x, dev_t *dev)
{
	*dev = (dev_t)x;
	return (u64_t)*dev != x ? -EINVAL : OK;
}

/* Copy a name into buf (FS_NAME_MAX + 1 bytes) and terminate it.  "." and
 * ".." only where dots_ok (lookup): elsewhere they are EINVAL. */
int os_name(const struct os_req *rq, const struct fs_name *n, char *buf,
    int dots_ok)
{
	struct fsdriver_data d;
	int r;

	if (n->len == 0)
		return -EINVAL;
	if (n->len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	d.fd_ref = (uintptr_t)n->grant;
	d.fd_endpt = rq->who;
	d.fd_size = n->len;
	if ((r = fsdriver_copyin(&d, 0, buf, n->len)) != OK)
		return r;
	buf[n->len] = '\0';
	if (memchr(buf, '\0', n->len) != NULL || memchr(buf, '/', n->len))
		return -EINVAL;
	if (!dots_ok && (strcmp(buf, ".") == 0 || strcmp(buf, "..") == 0))
		return -EINVAL;
	return OK;
}

/* A data descriptor for a grant of the requester; bytes within
 * FS_MAX_BYTES so the count fits the reply. */
int os_data(const struct os_req *rq, cp_grant_id_t grant, u32_t bytes,
    struct fsdriver_data *data)
{
	if (bytes > FS_MAX_BYTES)
		return -EINVAL;
	data->fd_ref = (uintptr_t)grant;
	data->fd_endpt = rq->who;
	data->fd_size = bytes;
	return OK;
}

void os_node_reply(message *m, const struct fsdriver_node *node)
{
	memset(&m->m_fs_node, 0, sizeof m->m_fs_node);
	m->m_fs_node.ino = (u64_t)node->fn_ino_nr;
	m->m_fs_node.size = (u64_t)node->fn_size;
	m->m_fs_node.mode = (u32_t)node->fn_mode;
	m->m_fs_node.uid = (u32_t)node->fn_uid;
	m->m_fs_node.gid = (u32_t)node->fn_gid;
	m->m_fs_node.rdev = (u32_t)node->fn_dev;
}
