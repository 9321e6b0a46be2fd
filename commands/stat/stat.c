/*
 * commands/stat/stat.c - stat [-L] [-c format] file...: show inode data.
 * -c takes GNU-style directives: %n name, %s size, %b blocks, %f raw mode
 * (hex), %a octal permissions, %A "-rw-r--r--", %F type, %h links,
 * %i inode, %u/%g ids, %U/%G names, %X/%Y/%Z times (seconds), %d device,
 * %%.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

#define STAT_USAGE "stat [-L] [-c format] file..."
#define STAT_DEFAULT "  File: %N\n  Size: %s\tBlocks: %b\t%F\n" \
	"Device: %d\tInode: %i\tLinks: %h\n" \
	"Access: (%a/%A)  Uid: %u (%U)  Gid: %g (%G)\n" \
	"Access: %x\nModify: %y\nChange: %z\n"

static const char *st_type(mode_t m, off_t size)
{
	if (S_ISREG(m)) return size ? "regular file" : "regular empty file";
	if (S_ISDIR(m)) return "directory";
	if (S_ISLNK(m)) return "symbolic link";
	if (S_ISCHR(m)) return "character special file";
	if (S_ISBLK(m)) return "block special file";
	if (S_ISFIFO(m)) return "fifo";
	if (S_ISSOCK(m)) return "socket";
	return "unknown";
}

static void st_time(time_t t)
{
	char buf[64];
	struct tm *tm = localtime(&t);

	if (tm && strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", tm))
		fputs(buf, stdout);
	else
		printf("%lld", (long long)t);
}

static void st_name(const char *path, const struct stat *st)
{
	char buf[4096];
	ssize_t n;

	fputs(path, stdout);
	if (S_ISLNK(st->st_mode) && (n = readlink(path, buf, sizeof(buf) - 1)) >= 0) {
		buf[n] = '\0';
		printf(" -> %s", buf);
	}
}

static void st_directive(char d, const char *path, const struct stat *st)
{
	struct passwd *pw;
	struct group *gr;
	char mode[11];

	switch (d) {
	case 'n': fputs(path, stdout); break;
	case 'N': st_name(path, st); break;
	case 's': printf("%lld", (long long)st->st_size); break;
	case 'b': printf("%lld", (long long)st->st_blocks); break;
	case 'f': printf("%x", (unsigned)st->st_mode); break;
	case 'a': printf("%o", (unsigned)(st->st_mode & 07777)); break;
	case 'A': cmd_mode_string(st->st_mode, mode); fputs(mode, stdout); break;
	case 'F': fputs(st_type(st->st_mode, st->st_size), stdout); break;
	case 'h': printf("%lu", (unsigned long)st->st_nlink); break;
	case 'i': printf("%llu", (unsigned long long)st->st_ino); break;
	case 'u': printf("%u", (unsigned)st->st_uid); break;
	case 'g': printf("%u", (unsigned)st->st_gid); break;
	case 'U':
		pw = getpwuid(st->st_uid);
		pw ? (void)fputs(pw->pw_name, stdout) : (void)printf("UNKNOWN");
		break;
	case 'G':
		gr = getgrgid(st->st_gid);
		gr ? (void)fputs(gr->gr_name, stdout) : (void)printf("UNKNOWN");
		break;
	case 'd': printf("%llu", (unsigned long long)st->st_dev); break;
	case 'X': printf("%lld", (long long)st->st_atime); break;
	case 'Y': printf("%lld", (long long)st->st_mtime); break;
	case 'Z': printf("%lld", (long long)st->st_ctime); break;
	case 'x': st_time(st->st_atime); break;
	case 'y': st_time(st->st_mtime); break;
	case 'z': st_time(st->st_ctime); break;
	case '%': putchar('%'); break;
	default: printf("?%c", d); break;
	}
}

static void st_print(const char *fmt, const char *path, const struct stat *st)
{
	for (; *fmt; fmt++) {
		if (*fmt == '%' && fmt[1])
			st_directive(*++fmt, path, st);
		else if (*fmt == '\\' && fmt[1] == 'n' && ++fmt)
			putchar('\n');
		else
			putchar(*fmt);
	}
}

int main(int argc, char **argv)
{
	const char *fmt = NULL;
	struct stat st;
	int c, i, follow = 0, status = 0;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "Lc:")) != -1) {
		if (c == 'L')
			follow = 1;
		else if (c == 'c')
			fmt = optarg;
		else
			cmd_usage(STAT_USAGE);
	}
	if (optind == argc)
		cmd_usage(STAT_USAGE);
	for (i = optind; i < argc; i++) {
		if ((follow ? stat(argv[i], &st) : lstat(argv[i], &st)) < 0) {
			status = cmd_err("%s", argv[i]);
			continue;
		}
		st_print(fmt ? fmt : STAT_DEFAULT, argv[i], &st);
		if (fmt)
			putchar('\n');
	}
	return status;
}
