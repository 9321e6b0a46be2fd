/*
 * commands/date/date.c - date [-u] [+format]: the current time, in UTC
 * (Mica has no time zones: -u is accepted and changes nothing), in
 * POSIX's default format or as strftime(3) formats it.  The time is the
 * wall clock PM keeps from the CMOS RTC (servers/pm/README.md "Time").
 * Setting the clock is not offered (clock_settime is there for programs).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

#define DATE_USAGE  "date [-u] [+format]"
#define DATE_FORMAT "%a %b %e %H:%M:%S UTC %Y"

int main(int argc, char **argv)
{
	const char *fmt = DATE_FORMAT;
	char out[1024];
	struct tm tm;
	time_t now;
	int c;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "u")) != -1)
		if (c != 'u')
			cmd_usage(DATE_USAGE);
	if (optind < argc && argv[optind][0] == '+')
		fmt = argv[optind++] + 1;
	if (optind != argc)
		cmd_usage(DATE_USAGE);
	if (time(&now) == (time_t)-1 || !gmtime_r(&now, &tm))
		return cmd_err("cannot read the clock");
	if (*fmt && strftime(out, sizeof(out), fmt, &tm) == 0)
		return cmd_msg("the format gives nothing or too much");
	printf("%s\n", *fmt ? out : "");
	return 0;
}
