/*
 * t_bdev85 - /usr/tests/bdev85 program (TAP), suite bdev85 (tests/os):
 * MINIX's test85 story through block special files of the whole system,
 * on the virtio disks tests/os/bdev85.prep makes with the host's pattern
 * (byte p of a disk is (p*7 + (p>>9) + seed) & 0xff, tests/os/vblk_disk.py;
 * the seed is byte 0, so the guest needs no copy of the disk table).
 *
 * The disks by position (tests/os/bdev85.disks says the same):
 *   vda, vdb, vdc   n*4 KiB, n*4 KiB + 512, n*4 KiB - 512 (so n'*1 KiB,
 *                   +512, -512 too): the unmounted path, VFS straight to
 *                   the driver, with 1 KiB and 4 KiB transfers
 *   vdd, vde, vdf   the same sizes, the mounted path: mkfs.mfs -B 4096,
 *                   then -B 1024, each mounted (server mfs2), so reads and
 *                   writes of /dev/vdX go through MFS's libminixfs cache
 *                   (FS_BREAD/FS_BWRITE, lmfs_bio: the partial last block)
 *   vdg             behind QEMU blkdebug: reads touching sector
 *                   FAIL_READ and writes touching FAIL_WRITE fail (EIO)
 *   ram2, ram3      the memory driver's scratch disks (size2=, size3=,
 *                   tests/usr/module.mk: n*4 KiB + 512 and - 512, zeroed):
 *                   the pattern written whole by the guest, then both
 *                   paths as on vdd..vdf (the host never sees them; their
 *                   sizes it checks, "ramsize MINOR BYTES")
 *
 * Cases per disk and path: reads at the start, in the middle (odd offset
 * and length), just before the end, at the end (0), across it (exactly
 * the valid bytes), past it (0); read() after lseek to the end region and
 * SEEK_END = size; writes at the same places: across the end a short count
 * and nothing past it, at or past it ENOSPC (Linux's answer, vfs/blk.c);
 * the block-aligned full-block write (lmfs's no-read path); mmap of the
 * device (VFS_MMAP, VM's page cache filled through the same two paths):
 * the start, inside, the last page zero past the end, the page wholly past
 * it SIGBUS, a page at its offset, stores through a shared mapping landing
 * on the device (msync, the last unmapping; nothing past the end), a load
 * from the failing sector's page SIGBUS.  The guest
 * keeps a model of each disk and checks every read against it; each write
 * that moved bytes is logged ("wrote DISK POS LEN SEED") for bdev85.check,
 * which finds on the host that each image is the pattern plus exactly
 * those writes (on the mounted disks: in the boot block's and the free
 * tail's ranges, where the file system never writes; fsck.minix judges the
 * rest).  The mounted disks are written only there, and fsck.mfs must find
 * them clean after every round.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define MAX_SIZE	(512u * 1024u)	/* the largest disk this test takes */
#define NR_RAW		3		/* vda..vdc */
#define NR_MNT		3		/* vdd..vdf */
#define FAIL_DISK	6		/* vdg */
#define RAM_FIRST	2		/* ram2, ram3 */
#define RAM_LAST	3
#define RAM_NR_BASE	20		/* their numbers in "wrote" lines */
#define FAIL_READ	480		/* sectors bdev85.prep's rules fail */
#define FAIL_WRITE	490
#define TAIL		16384u		/* the mounted disks' written tail */
#define MNT		"/tmp/bdev85.mnt"
#define PG		4096u		/* the page size mmap works in */

static int n_checks, n_failed;
static unsigned char model[MAX_SIZE], buf[MAX_SIZE + 8192];
static int next_seed = 100;

static void ok(int cond, const char *fmt, ...)
{
	va_list ap;

	n_checks++;
	n_failed += !cond;
	printf("%s %d - ", cond ? "ok" : "not ok", n_checks);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static unsigned char pat(unsigned long pos, int seed)
{
	return (unsigned char)((pos * 7 + (pos >> 9) + (unsigned long)seed) & 0xff);
}

struct disk {
	int nr;				/* 0 = vda, as the host counts */
	char dev[16];
	unsigned long size;
	const char *path;		/* "raw" or "mounted", for messages */
};

static void disk_init(struct disk *d, int nr)
{
	d->nr = nr;
	snprintf(d->dev, sizeof(d->dev), "/dev/vd%c", 'a' + nr);
	d->size = 0;
	d->path = "raw";
}

/* Open the device, learn its size (SEEK_END) and check the host's pattern
 * on all of it; the model starts as that pattern.  -1 on failure. */
static int disk_open(struct disk *d)
{
	int fd = open(d->dev, O_RDWR), seed;
	off_t end;
	unsigned long i;
	ssize_t n;

	ok(fd >= 0, "%s: open O_RDWR", d->dev);
	if (fd < 0)
		return -1;
	end = lseek(fd, 0, SEEK_END);
	ok(end > 0 && (unsigned long)end <= MAX_SIZE,
	    "%s: lseek SEEK_END gives the size (%ld)", d->dev, (long)end);
	if (end <= 0 || (unsigned long)end > MAX_SIZE) {
		close(fd);
		return -1;
	}
	d->size = (unsigned long)end;
	printf("size %d %lu\n", d->nr, d->size);
	n = pread(fd, buf, d->size + 4096, 0);
	seed = buf[0];
	for (i = 0; i < d->size; i++)
		model[i] = pat(i, seed);
	ok(n == (ssize_t)d->size && !memcmp(buf, model, d->size),
	    "%s: the whole device (one read asking 4 KiB more) is the host's "
	    "pattern (seed %d)", d->dev, seed);
	return fd;
}

/* pread of len at pos: want bytes, the model's. */
static void rd(struct disk *d, int fd, unsigned long pos, size_t len,
    long want, const char *what)
{
	ssize_t n;

	memset(buf, 0xee, len);
	n = pread(fd, buf, len, (off_t)pos);
	ok(n == want && (want <= 0 || !memcmp(buf, model + pos, (size_t)want)),
	    "%s %s: read %s (%lu, %zu): %ld bytes, the model's (got %ld)",
	    d->dev, d->path, what, pos, len, want, (long)n);
}

/* Apply and log a write that moved n bytes of seed's pattern at pos. */
static void wrote(struct disk *d, unsigned long pos, long n, int seed)
{
	for (long i = 0; i < n; i++)
		model[pos + (unsigned long)i] = pat(pos + (unsigned long)i, seed);
	if (n > 0)
		printf("wrote %d %lu %ld %d\n", d->nr, pos, n, seed);
}

/* pwrite of len pattern bytes at pos: want bytes, or -ENOSPC etc. */
static void wr(struct disk *d, int fd, unsigned long pos, size_t len,
    long want, const char *what)
{
	int seed = next_seed++ & 0xff;
	ssize_t n;

	for (size_t i = 0; i < len; i++)
		buf[i] = pat(pos + i, seed);
	errno = 0;
	n = pwrite(fd, buf, len, (off_t)pos);
	wrote(d, pos, n, seed);
	if (want < 0)
		ok(n == -1 && errno == -want,
		    "%s %s: write %s (%lu, %zu): error %ld (got %ld, errno %d)",
		    d->dev, d->path, what, pos, len, -want, (long)n, errno);
	else
		ok(n == want, "%s %s: write %s (%lu, %zu): %ld bytes (got %ld)",
		    d->dev, d->path, what, pos, len, want, (long)n);
}

/* The model's bytes in [a, b) against the device's, read in one go. */
static void same(struct disk *d, int fd, unsigned long a, unsigned long b,
    const char *when)
{
	ssize_t n = pread(fd, buf, b - a, (off_t)a);

	ok(n == (ssize_t)(b - a) && !memcmp(buf, model + a, b - a),
	    "%s %s: [%lu, %lu) reads back as written %s", d->dev, d->path,
	    a, b, when);
}

/*
 * The end cases with transfers of bs bytes.  mounted: writes only where
 * a fresh MFS never writes (the boot block, the free tail).
 */
static void cases(struct disk *d, int fd, unsigned long bs, int mounted)
{
	unsigned long size = d->size, last = (size / bs) * bs - bs;
	unsigned long midw = mounted ? size - TAIL + 1111 : size / 2 + 11;
	unsigned long midr = mounted ? size - TAIL + 333 : size / 2 + 3;
	unsigned long first = mounted ? 1024 : bs;	/* the boot block */
	char what[64];
	int seed;
	ssize_t n;

	rd(d, fd, 0, first, (long)first, "at the start");
	rd(d, fd, midr, bs + 5, (long)bs + 5, "inside, odd");
	rd(d, fd, size - bs, bs, (long)bs, "just before the end");
	rd(d, fd, size - 1, 1, 1, "of the last byte");
	rd(d, fd, size, bs, 0, "at the end");
	rd(d, fd, size - 700, bs, 700, "across the end");
	rd(d, fd, size - 3, 512, 3, "across the end, odd");
	rd(d, fd, size + bs, bs, 0, "past the end");
	rd(d, fd, size + 1, 1, 0, "one byte past the end");
	rd(d, fd, last - 3, 7, 7, "across a block boundary");

	ok(lseek(fd, (off_t)(size - 100), SEEK_SET) == (off_t)(size - 100) &&
	    (n = read(fd, buf, bs)) == 100 && !memcmp(buf, model + size - 100, 100) &&
	    read(fd, buf, bs) == 0 && lseek(fd, 0, SEEK_CUR) == (off_t)size,
	    "%s %s: read() from 100 before the end: 100, then 0 (EOF) at the "
	    "size", d->dev, d->path);

	snprintf(what, sizeof(what), "of a whole %lu-byte block", bs);
	wr(d, fd, last, bs, (long)bs, what);
	wr(d, fd, mounted ? 100 : 0, 512, 512, "in the boot block");
	wr(d, fd, midw, 1001, 1001, "odd, inside");
	wr(d, fd, size - 1000, 1000, 1000, "just before the end");
	wr(d, fd, size - 300, bs, 300, "across the end");
	wr(d, fd, size - 1, 2, 1, "across the end, odd");
	wr(d, fd, size, 512, -ENOSPC, "at the end");
	wr(d, fd, size + bs, 10, -ENOSPC, "past the end");
	seed = next_seed++ & 0xff;
	for (unsigned long i = 0; i < 100; i++)
		buf[i] = pat(size - 50 + i, seed);
	n = -2;
	if (lseek(fd, (off_t)(size - 50), SEEK_SET) == (off_t)(size - 50))
		n = write(fd, buf, 100);
	wrote(d, size - 50, n, seed);
	errno = 0;
	ok(n == 50 && write(fd, buf, 100) == -1 && errno == ENOSPC,
	    "%s %s: write() from 50 before the end: 50 (got %ld), then ENOSPC",
	    d->dev, d->path, (long)n);
	rd(d, fd, size - 1000, 1000, 1000, "of the written end");
	if (mounted) {
		same(d, fd, 0, 1024, "through the cache");
		same(d, fd, size - TAIL, size, "through the cache");
		n = pread(fd, buf, size + 4096, 0);
		ok(n == (ssize_t)size && !memcmp(buf, model, 1024) &&
		    !memcmp(buf + size - TAIL, model + size - TAIL, TAIL),
		    "%s %s: the whole device in one read asking 4 KiB more: "
		    "%lu bytes (got %ld), boot block and tail the model's",
		    d->dev, d->path, size, (long)n);
	} else {
		same(d, fd, 0, size, "through the driver");
	}
}

/* ---- mmap of the device (VFS_MMAP, VM's page cache) ---- */

static sigjmp_buf bus_jb;
static volatile void *bus_addr;
static volatile int bus_code;

static void on_bus(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)ctx;
	bus_addr = si->si_addr;
	bus_code = si->si_code;
	siglongjmp(bus_jb, 1);
}

/* The byte at p: 0..255, -1 after a SIGBUS BUS_ADRERR at p, -2 else. */
static int peek(volatile const unsigned char *p)
{
	bus_addr = NULL;
	if (sigsetjmp(bus_jb, 1))
		return bus_addr == p && bus_code == BUS_ADRERR ? -1 : -2;
	return *p;
}

/* Are [a, b) of the mapping m (of the device from 0) the model's? */
static int map_same(const unsigned char *m, unsigned long a, unsigned long b)
{
	return !memcmp(m + a, model + a, b - a);
}

/*
 * The device mapped shared and read-only, whole and one page more: the
 * start, inside, the last page up to the end the model's and zero after
 * it, the page wholly past the end SIGBUS; the last page alone at its
 * offset.  mounted: only the ranges the model knows (boot block, tail).
 */
static void map_cases(struct disk *d, int fd, int mounted)
{
	unsigned long size = d->size, npg = (size + PG - 1) / PG;
	unsigned long lastpg = (npg - 1) * PG, mid = mounted ?
	    size - TAIL + 333 : size / 2 + 3, i, nz = 0;
	struct sigaction sa, old;
	unsigned char *m;

	m = mmap(NULL, (npg + 1) * PG, PROT_READ, MAP_SHARED, fd, 0);
	ok(m != MAP_FAILED, "%s %s: mmap shared read-only, the size and a page "
	    "more (errno %d)", d->dev, d->path, m == MAP_FAILED ? errno : 0);
	if (m == MAP_FAILED)
		return;
	ok(map_same(m, 0, mounted ? 1024 : PG), "%s %s: mmap: the start",
	    d->dev, d->path);
	ok(map_same(m, mid, mid + 3001), "%s %s: mmap: inside, odd (%lu)",
	    d->dev, d->path, mid);
	ok(map_same(m, lastpg, size), "%s %s: mmap: the last page up to the end",
	    d->dev, d->path);
	for (i = size; i < npg * PG; i++)
		nz |= m[i];
	ok(!nz, "%s %s: mmap: the last page's %lu bytes past the end are zero",
	    d->dev, d->path, npg * PG - size);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_bus;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGBUS, &sa, &old);
	ok(peek(m + npg * PG) == -1, "%s %s: mmap: the page past the end: "
	    "SIGBUS BUS_ADRERR", d->dev, d->path);
	sigaction(SIGBUS, &old, NULL);
	munmap(m, (npg + 1) * PG);
	m = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, (off_t)lastpg);
	ok(m != MAP_FAILED && !memcmp(m, model + lastpg, size - lastpg),
	    "%s %s: mmap private of the last page at its offset (%lu)",
	    d->dev, d->path, lastpg);
	if (m != MAP_FAILED)
		munmap(m, PG);
}

/*
 * Stores through a shared writable mapping land on the device (msync,
 * then read back through the descriptor; logged for the host check): a
 * page inside (in the free tail when mounted), and the last page up to
 * the end, with a store past the end in that page too, which no device
 * byte holds (a page is written back only up to the size).
 */
static void map_write(struct disk *d, int fd, int mounted)
{
	unsigned long size = d->size, lastpg = (size - 1) / PG * PG;
	unsigned long pg = mounted ? (size - TAIL + PG - 1) / PG * PG : PG;
	int seed = next_seed++ & 0xff, seed2 = next_seed++ & 0xff;
	unsigned char *m;
	unsigned long i, tailn = size - lastpg < 50 ? size - lastpg : 50;

	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)pg);
	ok(m != MAP_FAILED, "%s %s: mmap shared writable at %lu", d->dev,
	    d->path, pg);
	if (m == MAP_FAILED)
		return;
	for (i = 0; i < 100; i++)
		m[7 + i] = pat(pg + 7 + i, seed);
	ok(msync(m, PG, MS_SYNC) == 0, "%s %s: msync", d->dev, d->path);
	munmap(m, PG);
	wrote(d, pg + 7, 100, seed);
	rd(d, fd, pg, PG, PG, "of the page stored to through the mapping");

	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)lastpg);
	ok(m != MAP_FAILED, "%s %s: mmap shared writable of the last page",
	    d->dev, d->path);
	if (m == MAP_FAILED)
		return;
	for (i = size - tailn; i < size; i++)
		m[i - lastpg] = pat(i, seed2);
	if (size - lastpg < PG)
		m[size - lastpg] = 0xaa;	/* past the end, in the page */
	munmap(m, PG);			/* the last unmapping writes back */
	wrote(d, size - tailn, (long)tailn, seed2);
	rd(d, fd, size - tailn, 100, (long)tailn,
	    "of the end stored to through the mapping (nothing past it)");
}

/* Run a command (argv[0] a path); its exit status, -1 if it died. */
static int run(const char *const argv[])
{
	int st;
	pid_t p = fork();

	if (p == 0) {
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (p < 0 || waitpid(p, &st, 0) != p || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static void raw_disk(int nr)
{
	struct disk d;
	int fd;

	disk_init(&d, nr);
	if ((fd = disk_open(&d)) < 0)
		return;
	cases(&d, fd, 1024, 0);
	cases(&d, fd, 4096, 0);
	map_cases(&d, fd, 0);
	map_write(&d, fd, 0);
	close(fd);
	fd = open(d.dev, O_RDONLY);
	ok(fd >= 0, "%s: open again", d.dev);
	same(&d, fd, 0, d.size, "after close and open");
	close(fd);
}

/* One round on a mounted disk: mkfs with bs, mount, the cases, umount. */
static void mounted_round(struct disk *d, unsigned long bs)
{
	char bsarg[16];
	const char *mkfs[] = { "/sbin/mkfs.mfs", "-q", "-B", bsarg, d->dev, NULL };
	const char *fsck[] = { "/sbin/fsck.mfs", "-f", d->dev, NULL };
	const char *mnt[] = { "/bin/mount", "-t", "mfs2", d->dev, MNT, NULL };
	const char *umnt[] = { "/bin/umount", MNT, NULL };
	int fd, ffd;

	snprintf(bsarg, sizeof(bsarg), "%lu", bs);
	d->path = "raw";
	ok(run(mkfs) == 0, "%s: mkfs.mfs -B %lu", d->dev, bs);
	fd = open(d->dev, O_RDONLY);
	/* mkfs writes only where the file system has metadata or data: the
	 * free tail keeps what it had; the boot block becomes the model's */
	same(d, fd, d->size - TAIL, d->size, "after mkfs (mkfs left the tail)");
	if (fd < 0 || pread(fd, model, 1024, 0) != 1024)
		ok(0, "%s: read the boot block after mkfs", d->dev);
	close(fd);
	ok(run(mnt) == 0, "%s: mount -t mfs2 (block size %lu)", d->dev, bs);
	d->path = bs == 1024 ? "mounted 1K" : "mounted 4K";
	fd = open(d->dev, O_RDWR);
	ok(fd >= 0 && lseek(fd, 0, SEEK_END) == (off_t)d->size,
	    "%s %s: open, SEEK_END the same size", d->dev, d->path);
	if (fd >= 0) {
		cases(d, fd, 1024, 1);
		if (bs == 4096)
			cases(d, fd, 4096, 1);
		map_cases(d, fd, 1);
		map_write(d, fd, 1);
		close(fd);
	}
	ffd = open(MNT "/file", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ok(ffd >= 0 && write(ffd, buf, 3000) == 3000 && close(ffd) == 0,
	    "%s %s: a file written on the file system too", d->dev, d->path);
	ok(run(umnt) == 0, "%s: umount", d->dev);
	d->path = "raw";
	fd = open(d->dev, O_RDONLY);
	same(d, fd, 0, 1024, "through the driver after umount");
	same(d, fd, d->size - TAIL, d->size, "through the driver after umount");
	close(fd);
	ok(run(fsck) == 0, "%s: fsck.mfs -f clean after the raw writes (bs %lu)",
	    d->dev, bs);
}

static void mounted_disk(int nr)
{
	struct disk d;
	int fd;

	disk_init(&d, nr);
	if ((fd = disk_open(&d)) < 0)
		return;
	close(fd);
	mounted_round(&d, 4096);
	mounted_round(&d, 1024);
}

/* Reads of FAIL_READ: EIO each time; the sectors around read the model. */
static void fail_reads(struct disk *d, int fd, unsigned long bs)
{
	unsigned long bad = FAIL_READ * 512ul, blk = bad / bs * bs;

	errno = 0;
	ok(pread(fd, buf, 512, (off_t)bad) == -1 && errno == EIO,
	    "%s %s: a read of the failing sector: EIO", d->dev, d->path);
	errno = 0;
	ok(pread(fd, buf, 512, (off_t)bad) == -1 && errno == EIO,
	    "%s %s: again EIO (nothing cached)", d->dev, d->path);
	rd(d, fd, blk - 512, 512, 512, "of the sector before its block");
	rd(d, fd, blk + bs, 512, 512, "of the sector after its block");
	errno = 0;
	ok(pread(fd, buf, 512, (off_t)bad) == -1 && errno == EIO,
	    "%s %s: the failing sector after its neighbours: EIO",
	    d->dev, d->path);
	rd(d, fd, blk - bs, bs, (long)bs, "of the block before it, whole");
	if (bs > 512) {		/* through the cache: readahead over it */
		rd(d, fd, blk - 2 * bs, 4 * bs, 2 * (long)bs,
		    "of 4 blocks, the 3rd failing: short, up to it");
		rd(d, fd, blk + bs, 2 * bs, 2 * (long)bs,
		    "of the 2 blocks after it (readahead failed with it)");
		errno = 0;
		ok(pread(fd, buf, bs, (off_t)blk) == -1 && errno == EIO,
		    "%s %s: its block after all that: EIO", d->dev, d->path);
	}
}

/* A scratch RAM disk: zeroed, given the pattern, then both paths. */
static void ram_disk(int minor)
{
	struct disk d;
	unsigned long i, zero = 0;
	ssize_t n;
	int fd, seed = 30 + minor;

	disk_init(&d, RAM_NR_BASE + minor);
	snprintf(d.dev, sizeof(d.dev), "/dev/ram%d", minor);
	fd = open(d.dev, O_RDWR);
	ok(fd >= 0, "%s: open O_RDWR", d.dev);
	if (fd < 0)
		return;
	d.size = (unsigned long)lseek(fd, 0, SEEK_END);
	ok(d.size > TAIL && d.size <= MAX_SIZE, "%s: lseek SEEK_END: %lu",
	    d.dev, d.size);
	if (d.size <= TAIL || d.size > MAX_SIZE) {
		close(fd);
		return;
	}
	printf("ramsize %d %lu\n", minor, d.size);
	n = pread(fd, buf, d.size + 4096, 0);
	for (i = 0; i < d.size; i++)
		zero |= buf[i];
	ok(n == (ssize_t)d.size && !zero, "%s: a fresh scratch disk, all zeros",
	    d.dev);
	for (i = 0; i < d.size + 4096; i++)
		buf[i] = pat(i, seed);
	n = pwrite(fd, buf, d.size + 4096, 0);
	wrote(&d, 0, n, seed);
	ok(n == (ssize_t)d.size, "%s raw: the pattern written whole (one write "
	    "4 KiB too long: %ld)", d.dev, (long)n);
	cases(&d, fd, 1024, 0);
	cases(&d, fd, 4096, 0);
	map_cases(&d, fd, 0);
	map_write(&d, fd, 0);
	close(fd);
	mounted_round(&d, 4096);
	mounted_round(&d, 1024);
}

/*
 * A write through the cache to the sector the disk refuses: taken (write
 * back), and the refusal is fsync's EIO, each time (the block stays dirty
 * and is tried again; Linux reports it once); the disk never gets it.
 */
static void fail_write_mounted(struct disk *d, int fd)
{
	unsigned long badw = FAIL_WRITE * 512ul;
	unsigned char mine[512];

	for (unsigned long i = 0; i < sizeof(mine); i++)
		mine[i] = pat(badw + i, 99);
	ok(pwrite(fd, mine, sizeof(mine), (off_t)badw) == sizeof(mine),
	    "%s %s: a write of the refused sector is taken by the cache",
	    d->dev, d->path);
	for (int k = 0; k < 2; k++) {
		int r, e;

		errno = 0;
		r = fsync(fd);
		e = errno;
		ok(r == -1 && e == EIO, "%s %s: fsync%s: EIO (got %d, errno %d)",
		    d->dev, d->path, k ? " again (the block stays dirty)" : "",
		    r, e);
	}
	ok(pread(fd, buf, sizeof(mine), (off_t)badw) == sizeof(mine) &&
	    !memcmp(buf, mine, sizeof(mine)),
	    "%s %s: the cache still holds the written bytes", d->dev, d->path);
}

/* A mapping of the page holding the failing sector: a load there is
 * SIGBUS (the fill's EIO), each time; the page before it reads. */
static void fail_map(struct disk *d, int fd)
{
	unsigned long pg = FAIL_READ * 512ul / PG * PG;
	struct sigaction sa, old;
	unsigned char *m;
	int r1, r2;

	m = mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd, (off_t)(pg - PG));
	ok(m != MAP_FAILED, "%s %s: mmap over the failing sector", d->dev,
	    d->path);
	if (m == MAP_FAILED)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_bus;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGBUS, &sa, &old);
	r1 = peek(m + PG + 5);
	r2 = peek(m + PG + 5);
	sigaction(SIGBUS, &old, NULL);
	ok(r1 < 0 && r2 < 0 && bus_addr == m + PG + 5,
	    "%s %s: mmap: a load from its page is SIGBUS, twice (code %d)",
	    d->dev, d->path, bus_code);
	ok(!memcmp(m, model + pg - PG, PG),
	    "%s %s: mmap: the page before it reads", d->dev, d->path);
	munmap(m, 2 * PG);
}

static void failing_disk(int nr)
{
	const char *mkfs[] = { "/sbin/mkfs.mfs", "-q", "-B", "1024", NULL, NULL };
	const char *mnt[] = { "/bin/mount", "-t", "mfs2", NULL, MNT, NULL };
	const char *umnt[] = { "/bin/umount", MNT, NULL };
	unsigned long badw = FAIL_WRITE * 512ul;
	struct disk d;
	int fd;

	disk_init(&d, nr);
	mkfs[4] = mnt[3] = d.dev;
	fd = open(d.dev, O_RDWR);
	ok(fd >= 0, "%s: open O_RDWR", d.dev);
	if (fd < 0)
		return;
	d.size = (unsigned long)lseek(fd, 0, SEEK_END);
	ok(d.size > badw && d.size <= MAX_SIZE, "%s: size %lu", d.dev, d.size);
	if (d.size <= badw || d.size > MAX_SIZE)
		return;
	ok(pread(fd, buf, 1, 0) == 1, "%s: byte 0 (the seed)", d.dev);
	for (unsigned long i = 0; i < d.size; i++)
		model[i] = pat(i, buf[0]);
	fail_reads(&d, fd, 512);
	errno = 0;
	ok(pread(fd, buf, 4096, (off_t)(FAIL_READ - 3) * 512) == -1 &&
	    errno == EIO, "%s raw: a 4 KiB read over the failing sector: EIO",
	    d.dev);
	fail_map(&d, fd);
	wr(&d, fd, badw, 512, -EIO, "of the failing sector");
	wr(&d, fd, badw - 512, 1024, -EIO, "over the failing sector");
	rd(&d, fd, badw - 512, 1024, 1024,
	    "where the failed writes went: unchanged");
	wr(&d, fd, badw + 512, 512, 512, "of the next sector");
	rd(&d, fd, badw + 512, 512, 512, "of the next sector");
	close(fd);

	for (unsigned long bs = 4096; bs >= 1024; bs /= 4) {
		mkfs[3] = bs == 4096 ? "4096" : "1024";
		ok(run(mkfs) == 0, "%s: mkfs.mfs -B %lu", d.dev, bs);
		ok(run(mnt) == 0, "%s: mount -t mfs2", d.dev);
		d.path = bs == 4096 ? "mounted 4K" : "mounted 1K";
		fd = open(d.dev, O_RDWR);
		ok(fd >= 0, "%s %s: open", d.dev, d.path);
		if (fd >= 0) {
			fail_reads(&d, fd, bs);
			fail_map(&d, fd);
			fail_write_mounted(&d, fd);
			close(fd);
		}
		ok(run(umnt) == 0, "%s: umount", d.dev);
		fd = open(d.dev, O_RDONLY);
		d.path = "raw";
		rd(&d, fd, badw - 4096, 12288, 12288,
		    "around the refused block after umount: unchanged");
		close(fd);
	}
}

int main(void)
{
	int i;

	mkdir(MNT, 0755);
	for (i = 0; i < NR_RAW; i++)
		raw_disk(i);
	for (i = 0; i < NR_MNT; i++)
		mounted_disk(NR_RAW + i);
	failing_disk(FAIL_DISK);
	for (i = RAM_FIRST; i <= RAM_LAST; i++)
		ram_disk(i);
	rmdir(MNT);
	printf("1..%d\n", n_checks);
	return n_failed ? 1 : 0;
}
