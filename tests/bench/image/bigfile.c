/*
 * bigfile - the 64 MiB benchmark of issue 10 (/usr/bench/bigfile in the
 * big bench root image, tests/bench/image): a file written and read back
 * through VFS -> MFS -> the memory driver, against reading the raw device
 * (/dev/ram0, the same driver and the same MFS block cache, no file
 * system) in the same boot.  Transfers of CHUNK bytes; figures per MiB
 * (meter.h's line), phase by phase:
 *
 *   write        /tmp/bench.big, SIZE, then fsync (the data reached the
 *                driver)
 *   read-warm    the file read back at once: what the write left in the
 *                cache is read from it (a file larger than the cache: the
 *                tail; the head comes from the driver)
 *   write-evict  a second file of SIZE, fsync'd: its blocks take the cache
 *                the first file's had (written blocks are kept LRU)
 *   then ROUNDS times, alternating:
 *   raw-read     the last SIZE of /dev/ram0, which no file reaches (the
 *                image is more than 3 x SIZE; files take blocks from the
 *                start): nothing of it is cached, every block comes from
 *                the driver
 *   read-cold    the first file again: none of it is cached (the second
 *                file took the cache; a streamed read recycles its own
 *                buffers, so a round leaves the next one cold too)
 * raw-read and read-cold print the fastest round: under plain TCG on a
 * shared machine the least disturbed one (under -icount the rounds agree).
 *
 * Each phase is bracketed by sync(): an MFS started with stats=1 prints
 * its libminixfs counters at every sync ("mfs-stats: ..."), and bench.sh
 * takes the device requests and blocks of each phase from them (so the
 * "nothing cached" above is checked, not assumed); the line
 * "bench-phase: NAME" after each bracket says which phase ended.  Every
 * CHUNK read back from a file is checked for its stamp.
 *
 *	bigfile [MiB]	(default 64)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/statvfs.h>
#include "meter.h"

#define CHUNK	(64u * 1024u)
#define MIB	(1024u * 1024u)
#define RAW	"/dev/ram0"
#define FILE_A	"/tmp/bench.big"
#define FILE_B	"/tmp/bench.evict"
#define ROUNDS	3

static char buf[CHUNK];

static int fail(const char *what)
{
	fprintf(stderr, "bigfile: %s: %s\n", what, strerror(errno));
	return 1;
}

static void stamp(unsigned long i)
{
	memcpy(buf, &i, sizeof i);
}

static int stamped(unsigned long i)
{
	return !memcmp(buf, &i, sizeof i);
}

/* Write 'chunks' CHUNKs to a new file and fsync it; failures. */
static unsigned long write_file(const char *path, unsigned long chunks)
{
	unsigned long i, bad = 0;
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);

	if (fd < 0)
		return chunks;
	for (i = 0; i < chunks; i++) {
		stamp(i);
		bad += write(fd, buf, CHUNK) != (ssize_t)CHUNK;
	}
	bad += fsync(fd) != 0;
	bad += close(fd) != 0;
	return bad;
}

/* Read 'chunks' CHUNKs from fd at 'off'; failures (short, or a wrong
 * stamp when 'check'). */
static unsigned long read_all(int fd, off_t off, unsigned long chunks, int check)
{
	unsigned long i, bad = 0;

	if (lseek(fd, off, SEEK_SET) != off)
		return chunks;
	for (i = 0; i < chunks; i++)
		bad += read(fd, buf, CHUNK) != (ssize_t)CHUNK ||
		    (check && !stamped(i));
	return bad;
}

static unsigned long read_file(const char *path, unsigned long chunks)
{
	unsigned long bad;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return chunks;
	bad = read_all(fd, 0, chunks, 1);
	return bad + (close(fd) != 0);
}

int main(int argc, char **argv)
{
	unsigned long mib = 64, chunks, bad;
	unsigned long long dev_bytes;
	struct best raw = { 0, 0, 0, 0 }, cold = { 0, 0, 0, 0 };
	struct statvfs sv;
	struct meter m;
	int fd, round;

	if (argc > 2 || (argc == 2 && (mib = strtoul(argv[1], NULL, 10)) == 0)) {
		fprintf(stderr, "usage: bigfile [MiB]\n");
		return 2;
	}
	chunks = mib * (MIB / CHUNK);
	memset(buf, 'b', sizeof buf);
	if (statvfs("/", &sv) != 0)
		return fail("statvfs /");
	dev_bytes = (unsigned long long)sv.f_blocks * sv.f_frsize;
	if ((unsigned long long)sv.f_bavail * sv.f_frsize < (2ull * mib + 2) * MIB) {
		fprintf(stderr, "bigfile: / has %llu MiB free, needs 2 x %lu + 2\n",
		    (unsigned long long)sv.f_bavail * sv.f_frsize / MIB, mib);
		return 1;
	}

	if (dev_bytes < (3ull * mib + 16) * MIB) {
		fprintf(stderr, "bigfile: / is %llu MiB, needs 3 x %lu + 16 (a raw "
		    "region no file reaches)\n", dev_bytes / MIB, mib);
		return 1;
	}
	meter_phase("start", 0);

	meter_start(&m);
	bad = write_file(FILE_A, chunks);
	meter_stop(&m, "write", mib, bad);
	meter_phase("write", 0);

	meter_start(&m);
	bad = read_file(FILE_A, chunks);
	meter_stop(&m, "read-warm", mib, bad);
	meter_phase("read-warm", 0);

	meter_start(&m);
	bad = write_file(FILE_B, chunks);
	meter_stop(&m, "write-evict", mib, bad);
	meter_phase("write-evict", 0);

	if ((fd = open(RAW, O_RDONLY)) < 0)
		return fail(RAW);
	for (round = 1; round <= ROUNDS; round++) {
		meter_start(&m);
		bad = read_all(fd, (off_t)(dev_bytes - (unsigned long long)mib * MIB),
		    chunks, 0);
		best_keep(&raw, &m, bad);
		meter_phase("raw-read", round);

		meter_start(&m);
		bad = read_file(FILE_A, chunks);
		best_keep(&cold, &m, bad);
		meter_phase("read-cold", round);
	}
	close(fd);
	meter_print("raw-read", mib, raw.tsc, raw.ns, raw.bad);
	meter_print("read-cold", mib, cold.tsc, cold.ns, cold.bad);

	if (unlink(FILE_A) != 0 || unlink(FILE_B) != 0)
		return fail("unlink");
	return 0;
}
