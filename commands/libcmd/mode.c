/*
 * commands/libcmd/mode.c - the ten-character mode string of ls -l and
 * stat ("drwxr-xr-x", with s/S, t/T for the set-id and sticky bits).
 */
#include <sys/stat.h>

#include "cmd.h"

static char mode_type(mode_t m)
{
	if (S_ISDIR(m)) return 'd';
	if (S_ISLNK(m)) return 'l';
	if (S_ISCHR(m)) return 'c';
	if (S_ISBLK(m)) return 'b';
	if (S_ISFIFO(m)) return 'p';
	if (S_ISSOCK(m)) return 's';
	return '-';
}

/* buf gets 10 characters and a NUL. */
void cmd_mode_string(mode_t m, char *buf)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	buf[0] = mode_type(m);
	for (i = 0; i < 9; i++)
		buf[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		buf[3] = buf[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		buf[6] = buf[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		buf[9] = buf[9] == 'x' ? 't' : 'T';
	buf[10] = '\0';
}
