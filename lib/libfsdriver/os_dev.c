/*
 * os_dev.c - the block device of a mount, in the OS: libminixfs's device
 * over the block protocol (libminixfs_os.h) registered with the cache
 * under the number VFS gave the mount.  A server serves one mount, so one
 * device; the context lives here until detach.  Not built on the host
 * (tests/unit/fsdos fakes these two functions).
 */
#include <errno.h>
#include <string.h>

#include <mica/fsdriver_os.h>
#include <mica/libminixfs_os.h>
#include <mica/vfsif.h>

static struct {
	int used;
	dev_t dev;
	void *ctx;
} os_dev;

int fsdriver_dev_attach(dev_t dev, const char *label, int minor, int rdonly)
{
	const struct lmfs_dev_ops *ops;
	void *ctx;
	int r;

	if (os_dev.used)
		return -EBUSY;
	if ((r = lmfs_bdev_open(label, minor, !rdonly, &ops, &ctx)) != OK)
		return r;
	if ((r = lmfs_dev_register(dev, ops, ctx)) != OK) {
		lmfs_bdev_close(ctx);
		return r;
	}
	os_dev.used = 1;
	os_dev.dev = dev;
	os_dev.ctx = ctx;
	return OK;
}

void fsdriver_dev_detach(dev_t dev)
{
	if (!os_dev.used || os_dev.dev != dev)
		return;
	(void)lmfs_dev_unregister(dev);
	lmfs_bdev_close(os_dev.ctx);
	os_dev.used = 0;
}

/* FS_CACHESTAT: the counters, the pool and the usage the fs reported. */
int fsdriver_dev_cachestat(struct mica_fs_cachestat *st)
{
	struct lmfs_stats ls;
	uint64_t total, used;

	lmfs_get_stats(&ls);
	lmfs_get_blockusage(&total, &used);
	memset(st, 0, sizeof *st);
	st->hits = ls.hits;
	st->misses = ls.misses;
	st->read_reqs = ls.read_reqs;
	st->read_blocks = ls.read_blocks;
	st->write_reqs = ls.write_reqs;
	st->write_blocks = ls.write_blocks;
	st->evictions = ls.evictions;
	st->used_blocks = used;
	st->total_blocks = total;
	st->nbufs = ls.nbufs;
	st->block_size = (u32_t)lmfs_fs_block_size();
	st->dev = os_dev.used ? (u32_t)os_dev.dev : 0;
	return OK;
}
