/*
 * commands/sleep/sleep.c - sleep seconds: wait that long.  Seconds may
 * have a decimal fraction (an extension POSIX allows).
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "cmd.h"

int main(int argc, char **argv)
{
	struct timespec ts;
	char *end;
	double s;

	cmd_init(argv[0]);
	if (argc != 2)
		cmd_usage("sleep seconds");
	s = strtod(argv[1], &end);
	if (end == argv[1] || *end || !(s >= 0) || s > 1e9) {
		cmd_msg("%s: invalid time interval", argv[1]);
		cmd_usage("sleep seconds");
	}
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	return 0;
}
