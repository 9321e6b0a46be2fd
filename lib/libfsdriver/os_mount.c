/*
 * os_mount.c - FS_MOUNT and FS_UNMOUNT, and the mount record: the state
 * of a file-system server that must outlive an instance.
 *
 * A server serves one mount.  FS_MOUNT names the block device by its
 * driver's DS label and minor (attached to the cache as the request's
 * dev, os_dev.c); a label of length 0 mounts without a device (PFS).
 * The record (os_mount in os_priv.h) is published in DS under
 * "<label>.mnt" as a MEM entry when the mount succeeds and deleted at
 * unmount.  A restarted instance (SEF restart) reads it back, attaches the
 * device again and mounts with FS_MOUNT_FORCE (the crash left the file
 * system marked in use), so VFS's inode numbers stay valid; the inode
 * references VFS held are not restored (README.md).  A live update keeps
 * the record in memory (identity transfer).
 *
 * A client that saw the old instance die cannot know the new one mounted
 * by itself, and may send FS_MOUNT again (VFS remounts a dead PFS this
 * way).  The first FS_MOUNT after a restore, from the record's owner and
 * naming the same device, label, minor and flags, is answered with the
 * restored root (the reference the restore took goes to the client);
 * any other FS_MOUNT while mounted is EBUSY.  Without a block device the
 * device number is only what stat reports (st_dev): a new one (VFS gives
 * every mount its own) is taken and the record updated.
 */
#include <errno.h>
#include <string.h>

#include <mica/errno.h>
#include <mica/ds.h>
#include <mica/sef.h>
#include "os_priv.h"

#define OS_MOUNT_FLAGS	(FS_MOUNT_RDONLY | FS_MOUNT_FORCE)

/* The protocol's flags are handed to fdr_mount as they are. */
STATIC_ASSERT(FS_MOUNT_RDONLY == FSDRIVER_MOUNT_RDONLY, fs_mount_rdonly);
STATIC_ASSERT(FS_MOUNT_FORCE == FSDRIVER_MOUNT_FORCE, fs_mount_force);

struct os_mount fsdriver_os_mnt;

static int os_restored;			/* mounted by os_state_restore, and */
static struct fsdriver_node os_restored_root;	/* not yet re-asked */

/* The DS key of this server's mount record. */
static void os_state_key(char *key)
{
	const char *label = sef_label();
	size_t n = strlen(label);

	if (n > DS_KEY_LEN - 5)
		n = DS_KEY_LEN - 5;
	memcpy(key, label, n);
	memcpy(key + n, ".mnt", 5);
}

/* Attach the device, ask the type's probe when 'probe' (a fresh mount of
 * a server started with fsdriver_task_fstype) and mount; on failure
 * nothing stays attached.  A device the probe does not recognise is
 * EFTYPE: mount(8) tries the next type (commands/mount). */
static int os_mount_fs(const struct fsdriver *fdp, struct os_mount *mp,
    struct fsdriver_node *root, unsigned int *res, int probe)
{
	int r;

	if (mp->has_dev && (r = fsdriver_dev_attach((dev_t)mp->dev,
	    mp->label, mp->minor, (mp->flags & FS_MOUNT_RDONLY) != 0)) != OK)
		return r;
	if (probe && mp->has_dev && fsdriver_os_fstype &&
	    (r = fsdriver_os_fstype->probe((dev_t)mp->dev)) != 1) {
		fsdriver_dev_detach((dev_t)mp->dev);
		return r < 0 ? r : -EFTYPE;
	}
	*res = 0;
	memset(root, 0, sizeof *root);
	r = fdp->fdr_mount((dev_t)mp->dev, mp->flags, root, res);
	if (r != OK && mp->has_dev)
		fsdriver_dev_detach((dev_t)mp->dev);
	return r;
}

/* Decode the driver label: 0..FS_LABEL_MAX bytes, no NUL. */
static int os_label(const struct os_req *rq, const struct fs_name *n,
    char *label)
{
	struct fsdriver_data d;
	int r;

	memset(label, 0, RS_LABEL_LEN);
	if (n->len == 0)
		return OK;
	if (n->len > FS_LABEL_MAX)
		return -EINVAL;
	if ((r = os_data(rq, n->grant, n->len, &d)) != OK ||
	    (r = fsdriver_copyin(&d, 0, label, n->len)) != OK)
		return r;
	return memchr(label, '\0', n->len) != NULL ? -EINVAL : OK;
}

/* FS_MOUNT while mounted after a restore: the same mount again from its
 * owner gets the restored root, once; anything else is EBUSY. */
static int os_remount(const struct os_req *rq, const mess_vfs_fs_mount *q,
    const char *label)
{
	struct os_mount *mp = &fsdriver_os_mnt;
	char key[DS_KEY_LEN];

	if (rq->who != mp->owner || (q->dev != mp->dev && mp->has_dev) ||
	    q->minor != mp->minor || strcmp(label, mp->label) != 0 ||
	    ((q->flags ^ mp->flags) & ~FS_MOUNT_FORCE))
		return -EBUSY;
	if (q->dev != mp->dev) {	/* no device: only st_dev changes */
		mp->dev = q->dev;
		os_state_key(key);
		if (ds_publish_mem(key, mp, sizeof *mp, DSF_OVERWRITE) != OK)
			fsdriver_log("fsdriver: mount record not saved: "
			    "no restart");
	}
	os_restored = 0;
	os_node_reply(rq->m, &os_restored_root);
	rq->m->m_fs_node.flags = mp->rdonly ? FS_RES_RDONLY : 0;
	return OK;
}

int os_do_mount(const struct os_req *rq)
{
	mess_vfs_fs_mount q = rq->m->m_fs_mount;
	struct os_mount mnt;
	struct fsdriver_node root;
	unsigned int res;
	char key[DS_KEY_LEN];
	dev_t dev;
	int r;

	if (fsdriver_os_mnt.mounted && !os_restored)
		return -EBUSY;
	memset(&mnt, 0, sizeof mnt);
	if ((r = os_dev(q.dev, &dev)) != OK || (q.flags & ~OS_MOUNT_FLAGS) ||
	    q.minor < 0)
		return r != OK ? r : -EINVAL;
	if ((r = os_label(rq, &q.label, mnt.label)) != OK)
		return r;
	if (fsdriver_os_mnt.mounted)
		return os_remount(rq, &q, mnt.label);
	mnt.has_dev = q.label.len != 0;
	mnt.dev = q.dev;
	mnt.flags = q.flags;
	mnt.minor = q.minor;
	mnt.owner = rq->who;
	if ((r = os_mount_fs(rq->fdp, &mnt, &root, &res, 1)) != OK)
		return r;
	mnt.mounted = 1;
	mnt.rdonly = (q.flags & FS_MOUNT_RDONLY) || (res & FSDRIVER_RES_RDONLY);
	fsdriver_os_mnt = mnt;
	os_state_key(key);
	if (ds_publish_mem(key, &mnt, sizeof mnt, DSF_OVERWRITE) != OK)
		fsdriver_log("fsdriver: mount record not saved: no restart");
	os_node_reply(rq->m, &root);
	rq->m->m_fs_node.flags = mnt.rdonly ? FS_RES_RDONLY : 0;
	return OK;
}

/* The fs forgets the mount even when it reports an error (fsdriver.h). */
int os_do_unmount(const struct os_req *rq)
{
	char key[DS_KEY_LEN];
	int r;

	r = rq->fdp->fdr_unmount();
	os_restored = 0;
	os_delegates_clear();
	if (fsdriver_os_mnt.has_dev)
		fsdriver_dev_detach((dev_t)fsdriver_os_mnt.dev);
	memset(&fsdriver_os_mnt, 0, sizeof fsdriver_os_mnt);
	os_state_key(key);
	(void)ds_delete(key, DSF_TYPE_MEM);
	return r;
}

/* After a restart: mount again what the dead instance had mounted.  OK
 * also when there was nothing (or the record is unreadable: logged). */
int os_state_restore(const struct fsdriver *fdp)
{
	struct fsdriver_node root;
	struct os_mount mnt;
	char key[DS_KEY_LEN];
	unsigned int res;
	u32_t len = sizeof mnt;
	int r;

	os_state_key(key);
	if (ds_retrieve_mem(key, &mnt, &len) != OK)
		return OK;
	if (len != sizeof mnt || !mnt.mounted ||
	    memchr(mnt.label, '\0', sizeof mnt.label) == NULL) {
		fsdriver_log("fsdriver: bad mount record, not remounted");
		return OK;
	}
	mnt.flags |= FS_MOUNT_FORCE;
	if ((r = os_mount_fs(fdp, &mnt, &root, &res, 0)) != OK) {
		fsdriver_log("fsdriver: remount after restart failed (%d)", r);
		return r;
	}
	mnt.rdonly = mnt.rdonly || (res & FSDRIVER_RES_RDONLY);
	fsdriver_os_mnt = mnt;
	os_restored = 1;
	os_restored_root = root;
	return OK;
}
