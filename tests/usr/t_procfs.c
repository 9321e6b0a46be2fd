/*
 * t_procfs - /usr/tests program (TAP): /proc (fs/procfs) against hostile
 * and awkward readers and processes.
 *   - cmdline bytes exactly: `sleep 30` is "sleep\0" "30\0";
 *   - a huge argv (2000 arguments): cut at MICA_CMDLINE_MAX, "sleep\0"
 *     first; an argv whose process scribbles over its own strings and
 *     NULs afterwards (this program re-run as "scribble"): unchanged;
 *   - a process exiting while its status is being read: the read goes on
 *     or fails cleanly, a zombie's status says Z, its cmdline is empty,
 *     its maps empty, and after the reap open fails with ENOENT;
 *   - reads at every offset (pread, 1..7 bytes) are slices of one text,
 *     reads at and past the end give 0;
 *   - getdents with buffers of one record up to 2 KiB list /proc the same
 *     as readdir; a buffer smaller than a record is EINVAL.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/wait.h>
#include <mica/dirent.h>
#include <mica/procinfo.h>

int lc_getdents(int fd, void *buf, size_t n);	/* libposix's VFS call */

static int n_checks, n_failed;

static void ms_sleep(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void ok(int cond, const char *what)
{
	n_checks++;
	n_failed += !cond;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", n_checks, what);
	fflush(stdout);
}

/* The whole file into buf; bytes, or -1. */
static ssize_t slurp(const char *path, char *buf, size_t size)
{
	ssize_t n, got = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while ((size_t)got < size && (n = read(fd, buf + got, size - got)) > 0)
		got += n;
	close(fd);
	return got;
}

static pid_t spawn(char *const argv[])
{
	pid_t p = fork();

	if (p == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	return p;
}

static void reap(pid_t p)
{
	int st;

	kill(p, SIGKILL);
	waitpid(p, &st, 0);
}

/* Wait (bounded, by polling) until pid's status names prog. */
static int wait_exec(pid_t pid, const char *prog)
{
	char path[64], buf[512], want[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	snprintf(want, sizeof(want), "Name:\t%s\n", prog);
	for (int i = 0; i < 500; i++) {
		if ((n = slurp(path, buf, sizeof(buf) - 1)) > 0) {
			buf[n] = '\0';
			if (strstr(buf, want))
				return 0;
		}
		ms_sleep(10);
	}
	return -1;
}

static void t_cmdline(void)
{
	char *argv[] = { "/bin/sleep", "30", NULL };
	char path[64], buf[512];
	pid_t p = spawn(argv);
	ssize_t n;

	ok(wait_exec(p, "sleep") == 0, "sleep 30 started");
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)p);
	n = slurp(path, buf, sizeof(buf));
	ok(n == 14 && !memcmp(buf, "/bin/sleep\0" "30\0", 14),
	    "cmdline is argv, NUL after each: \"/bin/sleep\\0\" \"30\\0\"");
	reap(p);
}

static void t_huge_argv(void)
{
	enum { N = 2000 };
	static char *argv[N + 2];
	static char arg[] = "0123456789abcdef";
	char path[64], buf[4096];
	pid_t p;
	ssize_t n;

	argv[0] = "/bin/sleep";
	argv[1] = "30";
	for (int i = 2; i < N; i++)
		argv[i] = arg;
	argv[N] = NULL;
	p = spawn(argv);
	ok(wait_exec(p, "sleep") == 0, "sleep with 2000 arguments started");
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)p);
	n = slurp(path, buf, sizeof(buf));
	ok(n == MICA_CMDLINE_MAX, "its cmdline is cut at MICA_CMDLINE_MAX");
	ok(n > 14 && !memcmp(buf, "/bin/sleep\0" "30\0" "0123", 18),
	    "... and starts with argv[0], argv[1], argv[2]");
	reap(p);
}

/* Run as "t_procfs scribble": overwrite argv's strings and the NULs
 * between them, then wait to be killed. */
static void scribble(int argc, char **argv)
{
	char *end = argv[argc - 1] + strlen(argv[argc - 1]);

	memset(argv[0], 'Z', (size_t)(end - argv[0]) + 1);
	printf("scribbled\n");
	fflush(stdout);
	for (;;)
		ms_sleep(1000);
}

static void t_scribble(const char *self)
{
	char *argv[] = { (char *)self, "scribble", "more", NULL };
	char path[64], buf[512], want[256];
	int fds[2];
	ssize_t n;
	pid_t p;

	if (pipe(fds) != 0) {
		ok(0, "pipe");
		return;
	}
	p = fork();
	if (p == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		execv(self, argv);
		_exit(127);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf));
	close(fds[0]);
	ok(n > 0 && !memcmp(buf, "scribbled", 9),
	    "a process overwrote its own argv strings and NULs");
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)p);
	n = slurp(path, buf, sizeof(buf));
	snprintf(want, sizeof(want), "%s", self);
	ok(n == (ssize_t)strlen(self) + 1 + 9 + 5 &&
	    !memcmp(buf, self, strlen(self) + 1) &&
	    !memcmp(buf + strlen(self) + 1, "scribble\0more\0", 14),
	    "its cmdline is still what exec was given");
	reap(p);
}

static void t_exit_while_reading(void)
{
	char *argv[] = { "/bin/sleep", "30", NULL };
	char path[64], buf[1024], rest[1024];
	pid_t p = spawn(argv);
	ssize_t a, b;
	int fd, st;

	ok(wait_exec(p, "sleep") == 0, "another sleep started");
	snprintf(path, sizeof(path), "/proc/%d/status", (int)p);
	fd = open(path, O_RDONLY);
	ok(fd >= 0, "its status opened");
	a = read(fd, buf, 10);
	kill(p, SIGKILL);
	ms_sleep(100);
	/* a zombie now: its directory stays until the reap */
	snprintf(path, sizeof(path), "/proc/%d/status", (int)p);
	b = slurp(path, rest, sizeof(rest) - 1);
	rest[b > 0 ? b : 0] = '\0';
	ok(b > 0 && strstr(rest, "State:\tZ (zombie)\n") != NULL,
	    "killed, not reaped: its status says Z");
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)p);
	ok(slurp(path, rest, sizeof(rest)) == 0, "a zombie's cmdline is empty");
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)p);
	ok(slurp(path, rest, sizeof(rest)) == 0, "... and its maps");
	b = read(fd, rest, sizeof(rest));
	ok(a == 10 && (b >= 0 || errno == ENOENT || errno == ESRCH),
	    "the open status read on: the rest, or a clean error");
	waitpid(p, &st, 0);
	b = read(fd, rest, sizeof(rest));
	ok(b >= 0 || errno == ENOENT || errno == ESRCH,
	    "after the reap a read of the open file: 0 bytes or an error");
	b = pread(fd, rest, sizeof(rest), 0);
	ok(b < 0 && (errno == ENOENT || errno == ESRCH),
	    "... a fresh read at 0: ESRCH (gone) or ENOENT (removed)");
	close(fd);
	snprintf(path, sizeof(path), "/proc/%d/status", (int)p);
	ok(open(path, O_RDONLY) < 0 && errno == ENOENT,
	    "after the reap its status does not open: ENOENT");
}

static void t_offsets(void)
{
	char whole[2048], piece[8];
	ssize_t len, n;
	int fd, same = 1;

	fd = open("/proc/1/status", O_RDONLY);
	len = pread(fd, whole, sizeof(whole), 0);
	ok(fd >= 0 && len > 50, "init's status read whole");
	for (off_t off = 1; off < len; off++) {
		size_t want = (size_t)(off % 7) + 1;

		n = pread(fd, piece, want, off);
		if (n != (ssize_t)(want < (size_t)(len - off) ? want :
		    (size_t)(len - off)) || memcmp(piece, whole + off, n))
			same = 0;
	}
	ok(same, "pread of 1..7 bytes at every offset: slices of that text");
	ok(pread(fd, piece, sizeof(piece), len) == 0, "at the end: 0");
	ok(pread(fd, piece, sizeof(piece), len + 1000) == 0, "past it: 0");
	ok(pread(fd, piece, sizeof(piece), 0x7ffff000) == 0, "far past it: 0");
	errno = 0;
	ok(pread(fd, piece, sizeof(piece), 0x7fffffff) == -1 && errno == EINVAL,
	    "where position + count passes the largest offset: EINVAL");
	close(fd);
}

/* /proc's names with buffers of bufsz bytes, joined by ' ' in out. */
static int list_getdents(size_t bufsz, char *out, size_t outsz)
{
	static char buf[2048] __attribute__((aligned(8)));
	int fd = open("/proc", O_RDONLY | O_DIRECTORY), n;

	out[0] = '\0';
	if (fd < 0)
		return -1;
	while ((n = lc_getdents(fd, buf, bufsz)) > 0)
		for (int off = 0; off < n;) {
			struct mica_dirent *e = (struct mica_dirent *)(buf + off);

			if (strlen(out) + strlen(e->d_name) + 2 < outsz) {
				strcat(out, e->d_name);
				strcat(out, " ");
			}
			off += e->d_reclen;
		}
	close(fd);
	return n;
}

static void t_getdents(void)
{
	static char want[4096], got[4096];
	struct dirent *d;
	DIR *dir = opendir("/proc");
	int same = 1, r;

	want[0] = '\0';
	while (dir && (d = readdir(dir))) {
		strcat(want, d->d_name);
		strcat(want, " ");
	}
	if (dir)
		closedir(dir);
	ok(strstr(want, ". .. ") == want && strstr(want, " 1 ") &&
	    strstr(want, " services "), "readdir lists . .. 1 services");
	/* from the smallest that holds the longest name, "services" */
	for (size_t bs = MICA_DIRENT_RECLEN(8); bs <= 2048;
	    bs += bs < 64 ? 8 : 256) {
		r = list_getdents(bs, got, sizeof(got));
		if (r != 0 || strcmp(got, want))
			same = 0;
	}
	ok(same, "getdents with buffers of 32 bytes up to 2 KiB: the same list");
	{
		static char tiny[16] __attribute__((aligned(8)));
		int fd = open("/proc", O_RDONLY | O_DIRECTORY);

		ok(lc_getdents(fd, tiny, sizeof(tiny)) < 0 && errno == EINVAL,
		    "a buffer smaller than one record: EINVAL");
		close(fd);
	}
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "scribble"))
		scribble(argc, argv);
	if (access("/proc/services", F_OK) != 0) {
		printf("1..0 # SKIP /proc is not mounted\n");
		return 0;
	}
	t_cmdline();
	t_huge_argv();
	t_scribble(argv[0][0] == '/' ? argv[0] : "/usr/tests/t_procfs");
	t_exit_while_reading();
	t_offsets();
	t_getdents();
	printf("1..%d\n", n_checks);
	return n_failed != 0;
}
