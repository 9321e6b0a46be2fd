/*
 * tsc - print the TSC and the monotonic clock as a benchmark figure
 * (/usr/bench/tsc in the bench root images, tests/bench/image):
 *
 *	tsc NAME   ->   bench: NAME 1 runs <TSC> cycles <monotonic ns> ns
 *
 * The boot benchmark's /etc/rc runs it last, just before init starts the
 * console shell: under -icount shift=0 the TSC is then the number of guest
 * instructions (plus the virtual time QEMU skips while the CPU idles) from
 * reset to the end of /etc/rc, the same on every run.
 */
#include "meter.h"

int main(int argc, char **argv)
{
	unsigned long long tsc = meter_tsc(), ns = meter_ns();

	if (argc != 2) {
		fprintf(stderr, "usage: tsc NAME\n");
		return 2;
	}
	printf("bench: %s 1 runs %llu cycles %llu ns\n", argv[1], tsc, ns);
	return 0;
}
