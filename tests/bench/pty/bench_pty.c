/*
 * bench_pty.c - the cost of moving bytes through a pseudo-terminal (make
 * bench), against a pipe measured in the same boot (the select suite's
 * boot: real VFS, PM, PFS and TTY, memfs as "/").  One process, no
 * waiting: each round writes then reads.
 *   pipe-1      1 byte written into a pipe and read back (the reference)
 *   pty-1       1 byte typed on the master, read on the raw slave
 *   pty-echo-1  1 byte typed on the master of a canonical slave with echo,
 *               the echo read on the master (no line, no slave read)
 *   pipe-1k     1 KiB through a pipe
 *   pty-out-1k  1 KiB written on the raw slave, read on the master
 * Per round, the mean over n: rdtsc cycles (under -icount shift=0 the TSC
 * counts guest instructions) and CLOCK_MONOTONIC nanoseconds.  Prints
 *   "bench: <what> <n> iterations <cycles> cycles <ns> ns"
 * and "bench: done" (tests/bench/pty/bench.sh reads them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
#include <termios.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "../lib/bench_libc.h"

#define ROUNDS 200

/* n rounds of: write len bytes on w, read them all back on r. */
static void measure(const char *what, int w, int r, int len, int readlen)
{
	static char buf[1024], in[1024];
	unsigned long long c, ns;
	unsigned bad = 0;

	memset(buf, 'b', sizeof(buf));
	ns = bench_now_ns();
	c = bench_tsc();
	for (int i = 0; i < ROUNDS; i++) {
		int got = 0, k;

		if (write(w, buf, len) != len)
			bad++;
		while (got < readlen && (k = read(r, in, sizeof(in))) > 0)
			got += k;
		bad += got != readlen;
	}
	c = bench_tsc() - c;
	ns = bench_now_ns() - ns;
	if (bad)
		bench_say("bench: %s failed %u of %u\n", what, bad, ROUNDS);
	bench_say("bench: %s %u iterations %lu cycles %lu ns\n", what, ROUNDS,
		(unsigned long)(c / ROUNDS), (unsigned long)(ns / ROUNDS));
}

int main(void)
{
	struct termios t;
	int p[2], m, s;

	mkdir("/dev", 0755);
	mknod("/dev/ptyp0", S_IFCHR | 0666, makedev(4, 192));
	mknod("/dev/ttyp0", S_IFCHR | 0666, makedev(4, 128));
	if (pipe(p) < 0 || (m = open("/dev/ptyp0", O_RDWR | O_NOCTTY)) < 0 ||
	    (s = open("/dev/ttyp0", O_RDWR | O_NOCTTY)) < 0) {
		bench_say("bench: setup failed 1 of 1\n");
		return 1;
	}
	measure("pipe-1", p[1], p[0], 1, 1);
	measure("pty-echo-1", m, m, 1, 1);	/* canonical, echo: the default */
	tcgetattr(s, &t);
	cfmakeraw(&t);
	tcsetattr(s, TCSANOW, &t);
	measure("pty-1", m, s, 1, 1);
	measure("pipe-1k", p[1], p[0], 1024, 1024);
	measure("pty-out-1k", s, m, 1024, 1024);
	bench_say("bench: done\n");
	return 0;
}
