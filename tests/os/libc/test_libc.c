/*
 * test_libc.c - the C library in Mica: an ordinary C program, built by
 * tools/mica-cc against newlib + libposix, run as a boot module beside
 * libc_double (the PM/VFS/VM stand-in).  It checks newlib's own work
 * (printf with doubles, malloc, strings, setjmp, qsort, strtod/strtol,
 * math) and every system-call path of libposix: files, directories,
 * pipes, the terminal, errno, identities, signals' bookkeeping, memory,
 * time, the user database, argv and the environment.  TAP on stdout;
 * the plan comes last; an atexit handler and a destructor report the last
 * two checks.  The TAP
 * helpers are a separate object (libc_tap.c), so the build also shows
 * mica-cc compiling (-c) and linking objects like any cc.
 */
#include <mica/errno.h>		/* first: its table names ENOTBLK */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <fcntl.h>
#include <unistd.h>
#include <signal.h>
#include <dirent.h>
#include <termios.h>
#include <time.h>
#include <pwd.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/select.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include "libc_tap.h"

static int ctor_ran;

__attribute__((constructor)) static void ctor(void) { ctor_ran = 1; }
__attribute__((destructor)) static void dtor(void) { ok(1, "destructors run at exit, last"); }

static void at_exit_check(void)
{
	ok(1, "atexit handlers run at exit");
}

static void t_start(int argc, char **argv)
{
	ok(argc == 3 && !strcmp(argv[1], "alpha") && !strcmp(argv[2], "beta") &&
		!argv[3], "argv from the command line (argc %d)", argc);
	ok(!strcmp(argv[0], "test_libc"), "argv[0] is the program (%s)", argv[0]);
	ok(getenv("HOME") && !strcmp(getenv("HOME"), "/home/user") &&
		getenv("MICA") && !strcmp(getenv("MICA"), "yes"), "environment from env: words");
	setenv("NEWVAR", "v1", 1);
	setenv("NEWVAR", "v2", 0);
	ok(!strcmp(getenv("NEWVAR"), "v1"), "setenv without overwrite keeps the value");
	unsetenv("HOME");
	ok(getenv("HOME") == NULL && getenv("MICA") != NULL, "unsetenv");
	ok(ctor_ran, "constructors ran before main");
}

static void t_printf(void)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%d|%5d|%-3d|%x|%o|%lld|%u", -42, 7, 1, 0xbeef,
		8, -1234567890123LL, 4000000000u);
	ok(!strcmp(buf, "-42|    7|1  |beef|10|-1234567890123|4000000000"), "printf integers: %s", buf);
	snprintf(buf, sizeof(buf), "%zu|%hhd|%jd|%td", (size_t)3000000000u, (char)300, (intmax_t)-5,
		(ptrdiff_t)-7);
	ok(!strcmp(buf, "3000000000|44|-5|-7"), "printf C99 sizes: %s", buf);
	snprintf(buf, sizeof(buf), "%s|%.3s|%6s|%c", "str", "abcdef", "r", 'z');
	ok(!strcmp(buf, "str|abc|     r|z"), "printf strings: %s", buf);
	snprintf(buf, sizeof(buf), "%.3f|%e|%g|%.1f|%g", 3.14159, 12345.678, 0.0001, -2.25, 1e100);
	ok(!strcmp(buf, "3.142|1.234568e+04|0.0001|-2.2|1e+100"), "printf doubles: %s", buf);
	snprintf(buf, sizeof(buf), "%.10f", 1.0 / 3.0);
	ok(!strcmp(buf, "0.3333333333"), "printf 1/3: %s", buf);
}

static void t_numbers(void)
{
	char *end;
	long l;

	ok(strtod("2.5e3", &end) == 2500.0 && *end == '\0', "strtod 2.5e3");
	ok(strtod("0x1p4", NULL) == 16.0 && strtod("-0.125xyz", &end) == -0.125 &&
		*end == 'x', "strtod hex and stop character");
	l = strtol("  -123abc", &end, 10);
	ok(l == -123 && *end == 'a', "strtol stops at the first non-digit");
	ok(strtol("0x7fffffff", NULL, 0) == 0x7fffffff && strtol("0755", NULL, 0) == 0755,
		"strtol base 0 (hex, octal)");
	errno = 0;
	l = strtol("99999999999", NULL, 10);
	ok(l == LONG_MAX && errno == ERANGE, "strtol overflow is ERANGE");
	ok(fabs(sqrt(2.0) * sqrt(2.0) - 2.0) < 1e-12 && pow(2.0, 10.0) == 1024.0 &&
		fabs(sin(M_PI / 6) - 0.5) < 1e-12 && fabs(log(exp(1.5)) - 1.5) < 1e-12,
		"libm: sqrt, pow, sin, log, exp");
}

static unsigned rnd_state = 12345;
static unsigned rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

static void t_malloc(void)
{
	enum { N = 1500 };
	static unsigned char *p[N];
	static size_t sz[N];
	int bad = 0;
	void *big, *volatile huge;
	char *brk0 = sbrk(0), *brk1;

	for (int i = 0; i < N; i++) {
		sz[i] = 1 + rnd() % (i % 50 == 0 ? 20000 : 300);
		if (!(p[i] = malloc(sz[i]))) {
			bad++;
			continue;
		}
		memset(p[i], i & 0xff, sz[i]);
	}
	brk1 = sbrk(0);
	for (int k = 0; k < N; k++) {
		int i = (k * 7919) % N;

		for (size_t j = 0; p[i] && j < sz[i]; j++)
			bad += p[i][j] != (i & 0xff);
		if (i % 3 == 0)
			p[i] = realloc(p[i], sz[i] * 2), bad += p[i] && p[i][0] != (i & 0xff);
		free(p[i]);
	}
	ok(bad == 0, "malloc/realloc/free stress: %d allocations intact", N);
	ok(brk1 > brk0 + 100000, "the heap grew through brk (%ld bytes)", (long)(brk1 - brk0));
	ok((char *)sbrk(0) < brk1, "free gave memory back (brk moved down)");
	{
		void *a = aligned_alloc(256, 1000), *b = NULL;

		ok(a && !((unsigned long)a & 255) && posix_memalign(&b, 4096, 10) == 0 &&
			!((unsigned long)b & 4095) && posix_memalign(&b, 3, 10) == EINVAL,
			"aligned_alloc and posix_memalign");
		free(a);
		free(b);
	}
	big = malloc(4 << 20);
	ok(big != NULL, "4 MiB malloc");
	free(big);
	errno = 0;
	huge = malloc(64 << 20);	/* volatile: clang may not elide the call */
	ok(huge == NULL && errno == ENOMEM, "64 MiB malloc fails with ENOMEM");
	free(huge);
}

static void t_getopt(void)
{
	char *av[] = { "prog", "-a", "-b", "val", "-c", "rest", NULL };
	int c, a = 0, cc = 0;
	const char *b = NULL;

	optind = 1;
	while ((c = getopt(6, av, "ab:c")) != -1) {
		if (c == 'a')
			a++;
		else if (c == 'b')
			b = optarg;
		else if (c == 'c')
			cc++;
	}
	ok(a == 1 && cc == 1 && b && !strcmp(b, "val") && optind == 5 &&
		!strcmp(av[optind], "rest"), "getopt");
}

static void t_strings(void)
{
	char buf[32] = "hello, world";
	char tok[] = "a,b,,c";
	int n = 0;

	ok(strlen(buf) == 12 && strcmp("abc", "abd") < 0 && strncmp("abcx", "abcy", 3) == 0 &&
		strstr(buf, "wor") == buf + 7 && strchr(buf, 'o') == buf + 4 &&
		strrchr(buf, 'o') == buf + 8, "strlen/strcmp/strstr/strchr/strrchr");
	memmove(buf + 2, buf, 5);
	ok(!strcmp(buf, "hehelloworld"), "memmove with overlap");
	for (char *t = strtok(tok, ","); t; t = strtok(NULL, ","))
		n++;
	ok(n == 3, "strtok");
}

static jmp_buf jb;
static void jump(int v) { longjmp(jb, v); }

static void t_setjmp(void)
{
	volatile int count = 0;
	int r = setjmp(jb);

	if (r < 3) {
		count++;
		jump(r + 1);
	}
	ok(r == 3 && count == 3, "setjmp/longjmp (%d jumps)", count);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void t_qsort(void)
{
	static int v[1000];
	int sorted = 1, key;

	for (int i = 0; i < 1000; i++)
		v[i] = (int)(rnd() % 100000) - 50000;
	v[500] = 4242;
	qsort(v, 1000, sizeof(v[0]), cmp_int);
	for (int i = 1; i < 1000; i++)
		sorted &= v[i - 1] <= v[i];
	key = 4242;
	ok(sorted && bsearch(&key, v, 1000, sizeof(v[0]), cmp_int), "qsort of 1000 ints, bsearch");
}

static void t_errno(void)
{
	char c;

	ok(fails_with(open("/nonexistent", O_RDONLY), ENOENT), "open of a missing file: ENOENT");
	ok(fails_with(close(99), EBADF) && fails_with(read(12, &c, 1), EBADF), "bad fd: EBADF");
	ok(fails_with(mkdir("/etc", 0755), EEXIST), "mkdir of an existing name: EEXIST");
	ok(fails_with(rmdir("/etc"), ENOTEMPTY), "rmdir of a full directory: ENOTEMPTY");
	ok(fails_with(open("/etc", O_WRONLY), EISDIR), "a directory opened for writing: EISDIR");
	ok(fails_with(lseek(1, 0, SEEK_SET), ESPIPE), "lseek on the console: ESPIPE");
	ok(fails_with(open("/etc/passwd/x", O_CREAT | O_WRONLY, 0644), ENOTDIR),
		"create under a file: ENOTDIR");
	{
		char b4[4];
		int fd = open("/liar", O_RDONLY);

		ok(fd >= 0 && fails_with(read(fd, b4, sizeof(b4)), EIO),
			"a reply claiming more bytes than asked: EIO");
		close(fd);
	}
	ok(fails_with(open("", O_RDONLY), ENOENT) && fails_with(open(NULL, O_RDONLY), EFAULT),
		"empty and NULL paths");
}

/* Every error number of mica/errno.h has its own message (strerror.c). */
static void t_errstr(void)
{
#define ERR_ROW(name, text) { name, #name, text },
	static const struct { int e; const char *name, *text; } tab[] = {
		MICA_ERRNO_TABLE(ERR_ROW)
	};
	size_t n = sizeof(tab) / sizeof(tab[0]), i, j, bad = 0, dup = 0;
	char buf[64];

	for (i = 0; i < n; i++) {
		const char *s = strerror(tab[i].e);

		if (!s || !*s || strcmp(s, tab[i].text)) {
			if (!bad++)
				ok(0, "strerror(%s) = '%s'", tab[i].name, s ? s : "(null)");
			continue;
		}
		for (j = 0; j < i; j++)
			if (!strcmp(s, strerror(tab[j].e)) && !dup++)
				ok(0, "%s and %s share '%s'", tab[i].name, tab[j].name, s);
	}
	ok(!bad && !dup, "strerror: %u error numbers, each its own non-empty message",
		(unsigned)n);
	ok(!strcmp(strerror(ENOTBLK), "Block device required"),
		"strerror(ENOTBLK) (newlib's build has none)");
	ok(strerror_r(EDEADSRCDST, buf, sizeof(buf)) == 0 &&
		!strcmp(buf, "IPC source or destination is dead"), "strerror_r of an IPC error");
	errno = 0;
	ok(!strcmp(strerror(4242), "Unknown error 4242") && errno == EINVAL,
		"an unknown number: 'Unknown error 4242', EINVAL");
}

static void t_stdio_files(void)
{
	FILE *f = fopen("/tmp/lines", "w");
	char line[64];
	int n = 0, good = 1;
	struct stat st;

	for (int i = 0; f && i < 100; i++)
		fprintf(f, "line %03d %g\n", i, i / 4.0);
	ok(f && fclose(f) == 0, "fopen/fprintf/fclose of a new file");
	f = fopen("/tmp/lines", "r");
	while (f && fgets(line, sizeof(line), f)) {
		char want[64];

		snprintf(want, sizeof(want), "line %03d %g\n", n, n / 4.0);
		good &= !strcmp(line, want);
		n++;
	}
	ok(n == 100 && good, "fgets reads back the 100 lines");
	ok(f && fseek(f, 9, SEEK_SET) == 0 && ftell(f) == 9 && fgetc(f) == '0', "fseek/ftell");
	if (f)
		fclose(f);
	memset(&st, 0, sizeof(st));
	n = stat("/tmp/lines", &st);
	ok(n == 0 && S_ISREG(st.st_mode) && st.st_size > 1000, "stat gives the size (%ld)",
		(long)st.st_size);
	ok(rename("/tmp/lines", "/tmp/moved") == 0 && fails_with(stat("/tmp/lines", &st), ENOENT) &&
		stat("/tmp/moved", &st) == 0, "rename");
	ok(unlink("/tmp/moved") == 0 && fails_with(unlink("/tmp/moved"), ENOENT), "unlink");
	ok(fputs("# stderr reaches the console\n", stderr) >= 0, "stderr");
}

static void t_fds(void)
{
	char buf[16] = { 0 };
	int fd = open("/tmp/raw", O_CREAT | O_EXCL | O_RDWR, 0600), fd2;
	struct stat st;

	ok(fd >= 3 && write(fd, "abcdef", 6) == 6, "open O_CREAT|O_EXCL, write");
	ok(fails_with(open("/tmp/raw", O_CREAT | O_EXCL | O_RDWR, 0600), EEXIST), "O_EXCL on an existing file");
	ok(lseek(fd, 2, SEEK_SET) == 2 && read(fd, buf, 3) == 3 && !memcmp(buf, "cde", 3),
		"lseek + read");
	fd2 = dup2(fd, 9);
	ok(fd2 == 9 && write(9, "X", 1) == 1 && lseek(fd, 0, SEEK_CUR) == 6,
		"dup2 shares the file position");
	ok(fstat(fd, &st) == 0 && st.st_size == 6 && (st.st_mode & 0777) == 0600, "fstat");
	close(fd);
	close(9);
	fd = open("/tmp/raw", O_WRONLY | O_APPEND);
	ok(write(fd, "Z", 1) == 1 && close(fd) == 0 && stat("/tmp/raw", &st) == 0 &&
		st.st_size == 7, "O_APPEND writes at the end");
	fd = open("/tmp/raw", O_RDONLY);
	ok(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC &&
		(fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDONLY, "fcntl FD_CLOEXEC, F_GETFL");
	close(fd);
}

static void t_pipe(void)
{
	int p[2];
	char buf[8] = { 0 };

	ok(pipe(p) == 0 && write(p[1], "hello", 5) == 5 && read(p[0], buf, 8) == 5 &&
		!strcmp(buf, "hello"), "pipe carries bytes");
	close(p[1]);
	ok(read(p[0], buf, 8) == 0, "EOF once the writer is closed");
	close(p[0]);
	ok(pipe(p) == 0 && close(p[0]) == 0 && fails_with(write(p[1], "x", 1), EPIPE),
		"write with no reader: EPIPE");
	close(p[1]);
}

static void t_select(void)
{
	int p[2];
	fd_set r, w;
	struct timeval zero = { 0, 0 }, shortwait = { 0, 20000 };
	struct pollfd pf[3];
	struct timespec a, b;

	ok(pipe(p) == 0, "a pipe for select");
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	ok(select(p[0] + 1, &r, NULL, NULL, &zero) == 0 && !FD_ISSET(p[0], &r),
		"select, timeout 0: an empty pipe is not readable");
	clock_gettime(CLOCK_REALTIME, &a);
	FD_SET(p[0], &r);
	ok(select(p[0] + 1, &r, NULL, NULL, &shortwait) == 0, "select, 20 ms timeout: still nothing");
	clock_gettime(CLOCK_REALTIME, &b);
	ok((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 >= 20,
		"the 20 ms timeout ran out before select returned");
	write(p[1], "x", 1);
	FD_SET(p[0], &r);
	FD_ZERO(&w);
	FD_SET(p[1], &w);
	FD_SET(1, &w);
	ok(select(p[1] + 1, &r, &w, NULL, &zero) == 3 && FD_ISSET(p[0], &r) &&
		FD_ISSET(p[1], &w) && FD_ISSET(1, &w), "select: data makes the pipe readable");
	FD_ZERO(&r);
	FD_SET(13, &r);
	ok(fails_with(select(14, &r, NULL, NULL, &zero), EBADF), "select on a closed fd: EBADF");
	pf[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pf[1] = (struct pollfd){ .fd = 1, .events = POLLOUT };
	pf[2] = (struct pollfd){ .fd = -1, .events = POLLIN };
	ok(poll(pf, 3, 0) == 2 && pf[0].revents == POLLIN && pf[1].revents == POLLOUT &&
		pf[2].revents == 0, "poll: readable pipe, writable console, skipped fd -1");
	close(p[0]);
	close(p[1]);
}

static void t_dirs(void)
{
	DIR *d = opendir("/etc");
	struct dirent *e;
	int seen = 0, n = 0;
	char cwd[64], real[PATH_MAX];
	struct stat st;

	while (d && (e = readdir(d))) {
		n++;
		seen |= (!strcmp(e->d_name, "passwd")) | (!strcmp(e->d_name, "group") << 1) |
			(!strcmp(e->d_name, "hostname") << 2);
	}
	ok(d && n == 3 && seen == 7, "readdir lists /etc (%d entries)", n);
	if (d)
		closedir(d);
	errno = 0;
	ok(opendir("/nonexistent") == NULL && errno == ENOENT, "opendir of a missing directory");
	ok(mkdir("/tmp/sub", 0755) == 0 && chdir("/tmp/sub") == 0 &&
		getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/tmp/sub"), "mkdir, chdir, getcwd");
	ok(close(open("rel", O_CREAT | O_WRONLY, 0644)) == 0 && stat("/tmp/sub/rel", &st) == 0,
		"a relative path resolves against the cwd");
	ok(fails_with(getcwd(cwd, 3) ? 0 : -1, ERANGE), "getcwd into a short buffer: ERANGE");
	ok(realpath("../sub/./rel", real) && !strcmp(real, "/tmp/sub/rel") &&
		realpath("/etc/../tmp//", real) && !strcmp(real, "/tmp"),
		"realpath folds . and .. (%s)", real);
	errno = 0;
	ok(!realpath("/etc/passwd/x", real) && errno == ENOTDIR &&
		!realpath("nothere", real) && errno == ENOENT, "realpath errors: ENOTDIR, ENOENT");
	chdir("/");
	ok(unlink("/tmp/sub/rel") == 0 && rmdir("/tmp/sub") == 0, "rmdir of an emptied directory");
}

static void t_tty(void)
{
	struct termios t, t2;
	int fd = open("/etc/group", O_RDONLY);

	ok(isatty(1) && !isatty(fd) && errno == ENOTTY, "isatty: console yes, file no (ENOTTY)");
	close(fd);
	ok(tcgetattr(0, &t) == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO), "tcgetattr");
	t.c_lflag &= ~ECHO;
	ok(tcsetattr(0, TCSANOW, &t) == 0 && tcgetattr(0, &t2) == 0 && !(t2.c_lflag & ECHO),
		"tcsetattr then tcgetattr");
	t.c_lflag |= ECHO;
	tcsetattr(0, TCSANOW, &t);
}

static void on_info(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si, (void)ctx;
}

static void t_process(void)
{
	struct sigaction sa, old;
	sigset_t set, pend;
	gid_t g[4];

	ok(getpid() == 7 && getppid() == 1 && getuid() == 0 && geteuid() == 0,
		"getpid/getppid/getuid from PM");
	ok(kill(getpid(), 0) == 0 && fails_with(kill(12345, 0), ESRCH) &&
		fails_with(kill(getpid(), 99), EINVAL), "kill: probe, ESRCH, EINVAL");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (void (*)(int))t_process;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	ok(sigaction(SIGUSR1, &sa, NULL) == 0 && sigaction(SIGUSR1, NULL, &old) == 0 &&
		old.sa_handler == sa.sa_handler && sigismember(&old.sa_mask, SIGUSR2),
		"sigaction installs and reads back");
	ok(fails_with(sigaction(SIGKILL, &sa, NULL), EINVAL), "SIGKILL cannot be caught");
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	ok(sigaction(SIGSEGV, &sa, NULL) == 0 && sigaction(SIGSEGV, NULL, &old) == 0 &&
		old.sa_sigaction == on_info && old.sa_flags == (SA_SIGINFO | SA_RESTART),
		"SA_SIGINFO handler installs and reads back");
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	ok(sigprocmask(SIG_BLOCK, &set, NULL) == 0 && kill(getpid(), SIGUSR1) == 0 &&
		sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1), "a blocked signal is pending");
	{
		char *av[] = { "prog", "one", "two", NULL }, *ev[] = { "A=1", NULL };

		ok(fails_with(execve("/bin/prog", av, ev), ENOEXEC),
			"execve: PM checked the frame (the stand-in answers ENOEXEC)");
		ok(fails_with(execve(NULL, av, ev), EFAULT), "execve(NULL): EFAULT");
	}
	ok(getgroups(0, NULL) == 2 && getgroups(4, g) == 2 && g[0] == 0 && g[1] == 100,
		"getgroups");
}

static void t_userdb(void)
{
	struct passwd *pw = getpwnam("user");
	struct group *gr;

	ok(pw && pw->pw_uid == 100 && !strcmp(pw->pw_dir, "/home/user") &&
		!strcmp(pw->pw_shell, "/bin/sh"), "getpwnam from /etc/passwd");
	pw = getpwuid(0);
	ok(pw && !strcmp(pw->pw_name, "root") && !getpwnam("nobody"), "getpwuid; unknown name");
	gr = getgrnam("users");
	ok(gr && gr->gr_gid == 100 && gr->gr_mem[0] && !strcmp(gr->gr_mem[1], "root") &&
		!gr->gr_mem[2] && getgrgid(0) && !strcmp(getgrgid(0)->gr_name, "wheel"),
		"getgrnam/getgrgid from /etc/group");
}

static void t_system(void)
{
	struct utsname u;
	struct timeval tv;
	struct timespec a, b, nap = { 0, 30 * 1000 * 1000 };
	long ms;
	char *p;

	ok(uname(&u) == 0 && !strcmp(u.sysname, "Mica") && !strcmp(u.nodename, "micatest"),
		"uname (%s on %s)", u.sysname, u.nodename);
	ok(time(NULL) >= 1700000000 && gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= 1700000000,
		"time and gettimeofday");
	clock_gettime(CLOCK_REALTIME, &a);
	nanosleep(&nap, NULL);
	clock_gettime(CLOCK_REALTIME, &b);
	ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
	ok(ms >= 30, "nanosleep 30 ms: the clock moved %ld ms", ms);
	p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(p != MAP_FAILED && p[0] == 0 && p[3 * 4096 - 1] == 0, "mmap of zeroed pages");
	if (p != MAP_FAILED)
		p[5000] = 'x';
	ok(p != MAP_FAILED && p[5000] == 'x' && munmap(p, 3 * 4096) == 0 &&
		fails_with(munmap(p + 1, 4096), EINVAL), "mmap'd memory is writable; munmap");
}

int main(int argc, char **argv)
{
	atexit(at_exit_check);
	t_start(argc, argv);
	t_printf();
	t_numbers();
	t_malloc();
	t_strings();
	t_getopt();
	t_setjmp();
	t_qsort();
	t_errno();
	t_errstr();
	t_stdio_files();
	t_fds();
	t_pipe();
	t_select();
	t_dirs();
	t_tty();
	t_process();
	t_userdb();
	t_system();
	printf("1..%d\n", tap_count() + 2);	/* + the atexit handler and the destructor */
	return 0;
}
