/*
 * bio.c - block-special access to a mounted device, through the cache: the
 * body of every file system's fdr_bread/fdr_bwrite (fsdriver.h).  When the
 * device a file system has mounted is also opened as a block device (VFS
 * forwards such requests to the file system that owns the device, as in
 * MINIX), reads and writes go through libminixfs's lmfs_bio() so that
 * they see, and are seen by, the file system's cached blocks.  The bytes
 * pass through a 4 KiB chunk, so a read first asks for its whole range (up
 * to LMFS_MAX_IOV blocks) with lmfs_readahead(): one device request per
 * run of uncached blocks, not one per chunk (a raw `dd bs=64k` of the
 * device went 4 blocks a request before; tests/bench/image).  A read that
 * starts where the last one on the same device ended is sequential: it
 * reads ahead a whole gather (LMFS_MAX_IOV blocks) with lmfs_prefetch(),
 * which does nothing while the first block is cached, so `dd bs=64k` of
 * a disk with 4 KiB blocks is one 64-block request per four reads, not
 * one 16-block request per read (tests/bench/disk).
 */
#include <errno.h>
#include <mica/fsdriver.h>
#include <mica/libminixfs.h>

#define FSDRIVER_BIO_CHUNK	4096

/* Where the last read ended, on which device (one stream is followed). */
static dev_t seq_dev;
static uint64_t seq_next;

/* Read the uncached blocks of [pos, pos + bytes) ahead, at most
 * LMFS_MAX_IOV of them (lmfs_readahead clips at the device's end); a
 * sequential read, a whole gather from pos on. */
static void fsdriver_bio_ahead(dev_t dev, off_t pos, size_t bytes)
{
	size_t bs = lmfs_fs_block_size();
	block64_t set[LMFS_MAX_IOV];
	uint64_t first, n;
	unsigned int i;
	int seq = dev == seq_dev && (uint64_t)pos == seq_next && pos > 0;

	seq_dev = dev;
	seq_next = (uint64_t)pos + bytes;
	if (bs == 0 || bytes == 0)
		return;
	first = (uint64_t)pos / bs;
	if (seq) {
		for (i = 0; i < LMFS_MAX_IOV; i++)
			set[i] = first + i;
		lmfs_prefetch(dev, set, LMFS_MAX_IOV);
		return;
	}
	n = ((uint64_t)pos + bytes - 1) / bs - first + 1;
	lmfs_readahead(dev, first, n > LMFS_MAX_IOV ? LMFS_MAX_IOV : (unsigned int)n);
}

ssize_t fsdriver_bio(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos, int write)
{
	char chunk[FSDRIVER_BIO_CHUNK];
	size_t done = 0, len;
	ssize_t n = 0;
	int r;

	if (pos < 0)
		return -EINVAL;
	if (!write)
		fsdriver_bio_ahead(dev, pos, bytes);
	while (done < bytes) {
		len = bytes - done < sizeof(chunk) ? bytes - done :
		    sizeof(chunk);
		if (write && (r = fsdriver_copyin(data, done, chunk, len)) != OK)
			return done > 0 ? (ssize_t)done : r;
		n = lmfs_bio(dev, write, (uint64_t)pos + done, chunk, len);
		if (n <= 0)
			break;
		if (!write && (r = fsdriver_copyout(data, done, chunk,
		    (size_t)n)) != OK)
			return done > 0 ? (ssize_t)done : r;
		done += (size_t)n;
		if ((size_t)n < len)
			break;
	}
	return done > 0 || n >= 0 ? (ssize_t)done : n;
}

int fsdriver_bflush(dev_t dev)
{
	int r = lmfs_flushdev(dev);

	if (r != OK)
		fsdriver_log("flushing device %lu failed", (unsigned long)dev);
	return r;
}
