/*
 * disk - the one-boot disk benchmark of issue 12 (/usr/bench/disk in the
 * disk bench root image, tests/bench/disk): a 64 MiB file on an MFS disk
 * (4 KiB blocks, served by the second MFS, label mfs2, on a virtio-blk
 * disk the host made) against `dd` of the raw disk device in the same
 * boot, as `dd if=/dev/vda bs=64k` would read it: the disk is mounted, so
 * VFS sends the block special file's reads to the file system that
 * mounted it (lib/libfsdriver/bio.c), through the same cache.
 *
 *	disk DEV DIR FILE [READS]
 *	  DEV   the disk (/dev/vda), mounted by this program on DIR as mfs2
 *	  FILE  the 64 MiB file, relative to DIR
 *	  READS random reads per random figure (default 1000)
 *
 * Phases (meter.h's line per figure, per MiB or per read; each phase is
 * bracketed by sync() and a "bench-phase: NAME" line, so the mfs-stats
 * lines of MFS started with stats=1 give the device requests of each):
 *
 *   check      the file read once, untimed: POSIX cksum of its bytes
 *              printed ("disk-cksum: CRC BYTES") for the host to compare
 *              with its own, and TCG has translated the read paths
 *   then ROUNDS times, alternating, each after a remount (so the file
 *   system's cache is empty):
 *   raw-read   the first SIZE bytes of DEV, CHUNK at a time
 *   read-cold  FILE whole, CHUNK at a time
 *   raw-read and read-cold print the fastest round: under plain TCG on a
 *   shared machine the least disturbed one (under -icount they agree).
 *   after a remount, READS reads of 4 KiB at the same pseudo-random
 *   4 KiB-aligned offsets (xorshift, fixed seed) in the first SIZE bytes:
 *   rand-raw   of DEV
 *   rand-cold  of FILE, its cache empty
 *   rand-warm  of FILE again, the same offsets (what the cold pass and its
 *              read-ahead left in the cache)
 *
 * The file stays mounted on DIR for the next program (the 10,000-file
 * bench, files N DIR/files).  Any failure prints "bench-failed" or
 * "disk:" lines; the exit status says too.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include "meter.h"

#define CHUNK	(64u * 1024u)
#define MIB	(1024u * 1024u)
#define SIZE	(64ul * MIB)
#define RBLK	4096u
#define ROUNDS	3
#define FSTYPE	"mfs2"

static char buf[CHUNK];
static const char *dev, *dir;
static char file[256];

static int fail(const char *what, const char *path)
{
	fprintf(stderr, "disk: %s %s: %s\n", what, path, strerror(errno));
	return 1;
}

/* (Re)mount DEV on DIR: the new mount starts with an empty cache. */
static int remount(int mounted)
{
	if (mounted && umount(dir) != 0)
		return fail("umount", dir);
	if (mount(dev, dir, FSTYPE, 0, NULL) != 0)
		return fail("mount", dev);
	return 0;
}

/* POSIX cksum: CRC-32 (polynomial 0x04c11db7, most significant bit
 * first) of the bytes, then of the length (least significant byte
 * first, as few bytes as it takes), complemented. */
static unsigned int crc_table[256];

static void crc_init(void)
{
	unsigned int i, j, c;

	for (i = 0; i < 256; i++) {
		for (c = i << 24, j = 0; j < 8; j++)
			c = c & 0x80000000u ? (c << 1) ^ 0x04c11db7u : c << 1;
		crc_table[i] = c;
	}
}

static unsigned int crc_add(unsigned int c, const unsigned char *p, size_t n)
{
	while (n--)
		c = (c << 8) ^ crc_table[(c >> 24) ^ *p++];
	return c;
}

static unsigned int crc_end(unsigned int c, unsigned long long len)
{
	unsigned char b;

	for (; len; len >>= 8) {
		b = (unsigned char)len;
		c = crc_add(c, &b, 1);
	}
	return ~c;
}

/* Read PATH from the start, CHUNK at a time, at most 'max' bytes (0: to
 * its end); *bytes gets what was read, *crc its cksum if crc != NULL. */
static int read_through(const char *path, unsigned long max,
    unsigned long long *bytes, unsigned int *crc)
{
	unsigned int c = 0;
	ssize_t r;
	size_t want;
	int fd = open(path, O_RDONLY);

	*bytes = 0;
	if (fd < 0)
		return fail("open", path);
	for (;;) {
		want = CHUNK;
		if (max && max - *bytes < want)
			want = max - *bytes;
		if (want == 0 || (r = read(fd, buf, want)) <= 0)
			break;
		if (crc)
			c = crc_add(c, (unsigned char *)buf, (size_t)r);
		*bytes += (unsigned long long)r;
	}
	if (crc)
		*crc = crc_end(c, *bytes);
	if (close(fd) != 0 || (max && *bytes != max))
		return fail("read", path);
	return 0;
}

/* One timed sequential read of SIZE bytes of PATH into b. */
static void seq_round(const char *path, struct best *b)
{
	unsigned long long n;
	struct meter m;
	int bad;

	meter_start(&m);
	bad = read_through(path, SIZE, &n, NULL);
	best_keep(b, &m, (unsigned long)bad);
}

/* 'reads' preads of RBLK at the xorshift offsets in [0, SIZE) of PATH,
 * timed as figure NAME; every read must be whole. */
static int rand_pass(const char *path, const char *name, unsigned long reads)
{
	unsigned int x = 2463534242u;
	unsigned long i, bad = 0;
	struct meter m;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return fail("open", path);
	meter_start(&m);
	for (i = 0; i < reads; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		bad += pread(fd, buf, RBLK, (off_t)(x % (SIZE / RBLK)) * RBLK) !=
		    (ssize_t)RBLK;
	}
	meter_stop(&m, name, reads, bad);
	if (close(fd) != 0)
		return fail("close", path);
	meter_phase(name, 0);
	return bad != 0;
}

int main(int argc, char **argv)
{
	struct best raw = { 0, 0, 0, 0 }, cold = { 0, 0, 0, 0 };
	unsigned long reads = 1000;
	unsigned long long n;
	unsigned int crc;
	int round;

	if (argc < 4 || argc > 5 || (argc == 5 &&
	    ((reads = strtoul(argv[4], NULL, 10)) == 0 || reads > 1000000)) ||
	    strlen(argv[2]) + strlen(argv[3]) + 2 > sizeof file) {
		fprintf(stderr, "usage: disk DEV DIR FILE [READS]\n");
		return 2;
	}
	dev = argv[1];
	dir = argv[2];
	strcpy(file, dir);
	strcat(file, "/");
	strcat(file, argv[3]);
	crc_init();
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return fail("mkdir", dir);
	if (remount(0))
		return 1;
	meter_phase("start", 0);

	if (read_through(file, 0, &n, &crc))
		return 1;
	printf("disk-cksum: %u %llu\n", crc, n);
	meter_phase("check", 0);

	for (round = 1; round <= ROUNDS; round++) {
		if (remount(1))
			return 1;
		meter_phase("remount", round);
		seq_round(dev, &raw);
		meter_phase("raw-read", round);
		seq_round(file, &cold);
		meter_phase("read-cold", round);
	}
	meter_print("raw-read", SIZE / MIB, raw.tsc, raw.ns, raw.bad);
	meter_print("read-cold", SIZE / MIB, cold.tsc, cold.ns, cold.bad);

	if (remount(1))
		return 1;
	meter_phase("remount", 0);
	if (rand_pass(dev, "rand-raw", reads) ||
	    rand_pass(file, "rand-cold", reads) ||
	    rand_pass(file, "rand-warm", reads))
		return 1;
	return 0;
}
