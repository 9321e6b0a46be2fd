/*
 * run - Mica's in-OS test runner, /usr/tests/run [-T] [-t LIST] [-d DIR]
 * [-s SECONDS]: runs the tests in DIR (default /usr/tests) and prints one
 * TAP stream for all of them.
 *
 * A test is an entry of DIR that is a regular file and either ends in
 * ".sh" (run by /bin/sh) or is executable (run itself); "run" itself,
 * names starting with "." or "README", and directories (helpers, data)
 * are not tests.  They run one at a time in name order, or those named by
 * -t (comma-separated names in DIR, or absolute paths), in that order.
 * Each runs in DIR as its working directory, in a process group of its
 * own, stdin /dev/null, stdout and stderr into a pipe the runner reads.
 *
 * TAP, flattened: every "ok"/"not ok" line of a test is renumbered into
 * the runner's one stream as "ok M - TEST: description" (directives such
 * as "# SKIP" kept), so the harness counts each check; a test's own plan
 * "1..N" is checked, not printed; any other line it prints becomes a
 * comment "# TEST: line".  One more line judges the test itself, printed
 * only when something is wrong -- "not ok M - TEST: exit status 3",
 * "killed by signal 11 (SEGV)", "timed out after 30 s", "planned 20, ran 5",
 * "bail out" -- and a test that prints no TAP at all is one check, "ok"
 * when it exits 0.  The plan "1..M" comes last (TAP allows it there),
 * then a summary comment.  Exit status 0 when every check passed, 1 when
 * one failed, 2 on a usage error.
 *
 * -s bounds each test (default 30 s; the process group is killed with
 * SIGKILL); whatever a test leaves running in its group is killed when it
 * ends (so a background job it forgot does not hold its output open).  -T: when done, sync and power the machine off with the verdict
 * as its exit status (reboot_status: under QEMU the isa-debug-exit code
 * the harness reads), so a boot that runs this is a whole test suite.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "cmd.h"

#define USAGE     "run [-T] [-t test,...] [-d dir] [-s seconds]"
#define TESTS_DIR "/usr/tests"
#define SHELL     "/bin/sh"
#define LINE_MAX_ 1024		/* longer output lines are split */
#define MAX_TESTS 256

struct runner {
	const char *dir;
	int timeout;		/* seconds per test */
	int checks;		/* numbered lines printed so far */
	int failed;		/* of them "not ok" */
};

/* What one test printed. */
struct tally {
	int plan;		/* its "1..N", or -1 */
	int ran, failed;	/* its ok / not ok lines */
	int bailed;
};

static int is_script(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && !strcmp(name + n - 3, ".sh");
}

/* Whether the directory entry 'name' is a test. */
static int is_test(const char *dir, const char *name)
{
	struct stat st;
	char *path;
	int r;

	if (name[0] == '.' || !strcmp(name, "run") ||
	    !strncmp(name, "README", 6))
		return 0;
	if ((path = cmd_path_join(dir, name)) == NULL)
		return 0;
	r = stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (is_script(name) || access(path, X_OK) == 0);
	free(path);
	return r;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The tests of 'dir' in name order into names[]; their count or -1. */
static int find_tests(const char *dir, char **names, int max)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return cmd_err("%s", dir), -1;
	while ((e = readdir(d)) != NULL) {
		if (!is_test(dir, e->d_name))
			continue;
		if (n == max) {
			cmd_msg("%s: more than %d tests", dir, max);
			break;
		}
		if ((names[n] = strdup(e->d_name)) == NULL) {
			closedir(d);
			return cmd_err("%s", dir), -1;
		}
		n++;
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof(*names), by_name);
	return n;
}

/* The tests named in 'list' (comma-separated); their count or -1. */
static int list_tests(char *list, char **names, int max)
{
	char *save = NULL, *w;
	int n = 0;

	for (w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		if (n == max) {
			cmd_msg("more than %d tests", max);
			return -1;
		}
		names[n++] = w;
	}
	return n;
}

static void check_line(struct runner *r, int ok, const char *test,
    const char *what)
{
	r->checks++;
	if (!ok)
		r->failed++;
	printf("%s %d - %s: %s\n", ok ? "ok" : "not ok", r->checks, test, what);
	fflush(stdout);
}

/* "ok", "not ok": the length of the keyword when 'line' is a test line. */
static size_t tap_keyword(const char *line, int *ok)
{
	size_t n;

	if (!strncmp(line, "ok", 2))
		*ok = 1, n = 2;
	else if (!strncmp(line, "not ok", 6))
		*ok = 0, n = 6;
	else
		return 0;
	return line[n] == '\0' || line[n] == ' ' ? n : 0;
}

/* One line of a test's output, judged and printed. */
static void take_line(struct runner *r, struct tally *t, const char *test,
    const char *line)
{
	const char *p;
	size_t n;
	int ok;
	char *end;
	long v;

	if ((n = tap_keyword(line, &ok)) != 0) {
		p = line + n + strspn(line + n, " ");
		p += strspn(p, "0123456789");
		p += strspn(p, " ");
		if (p[0] == '-' && (p[1] == ' ' || p[1] == '\0'))
			p += 1 + (p[1] == ' ');
		t->ran++;
		t->failed += !ok;
		check_line(r, ok, test, p);
		return;
	}
	if (!strncmp(line, "1..", 3)) {
		v = strtol(line + 3, &end, 10);
		if (end != line + 3 && (*end == '\0' || *end == ' ') &&
		    v >= 0 && v < 1000000 && t->plan < 0) {
			t->plan = (int)v;
			return;
		}
	}
	if (!strncmp(line, "Bail out!", 9))
		t->bailed = 1;
	printf("# %s: %s\n", test, line);
	fflush(stdout);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Read the test's output from 'fd' until end of file or the deadline;
 * 1 when the deadline passed first.  Once the test (pid) has ended, what
 * it left running in its group is killed, so a forgotten background job
 * holding the pipe open cannot keep the runner waiting; *status is then
 * the test's wait status and *reaped 1.
 */
static int read_output(struct runner *r, struct tally *t, const char *test,
    int fd, pid_t pid, int *status, int *reaped)
{
	char buf[LINE_MAX_ + 1];
	size_t have = 0;
	long deadline = now_ms() + (long)r->timeout * 1000;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t got;
	char *nl;

	for (;;) {
		long left = deadline - now_ms();

		if (left <= 0)
			return 1;
		if (!*reaped && waitpid(pid, status, WNOHANG) == pid) {
			*reaped = 1;
			kill(-pid, SIGKILL);
		}
		if (poll(&pfd, 1, left > 200 ? 200 : (int)left) < 0) {
			if (errno == EINTR)
				continue;
			cmd_err("poll");
			return 1;
		}
		if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		got = read(fd, buf + have, LINE_MAX_ - have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		have += (size_t)got;
		buf[have] = '\0';
		while ((nl = strchr(buf, '\n')) != NULL || have == LINE_MAX_) {
			size_t len = nl ? (size_t)(nl - buf) : have;

			buf[len] = '\0';
			take_line(r, t, test, buf);
			len += nl != NULL;
			memmove(buf, buf + len, have - len);
			have -= len;
			buf[have] = '\0';
		}
	}
	if (have > 0)
		take_line(r, t, test, buf);
	return 0;
}

/* The child: the test in its own process group, output into 'out'. */
static void start_test(const char *dir, const char *path, int out)
{
	int null = open("/dev/null", O_RDONLY);

	setpgid(0, 0);
	if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 ||
	    dup2(out, 2) < 0 || chdir(dir) < 0) {
		fprintf(stderr, "run: %s: cannot set up: %s\n", path,
		    strerror(errno));
		_exit(126);
	}
	if (null > 2)
		close(null);
	if (out > 2)
		close(out);
	signal(SIGPIPE, SIG_DFL);
	if (is_script(path))
		execv(SHELL, (char *[]){ "sh", (char *)path, NULL });
	else
		execv(path, (char *[]){ (char *)path, NULL });
	fprintf(stderr, "run: %s: %s\n", path, strerror(errno));
	_exit(127);
}

/* Run one test and print its lines and, when it failed, its verdict. */
static void run_test(struct runner *r, const char *name)
{
	struct tally t = { .plan = -1 };
	char what[128], *path;
	int fds[2], status = 0, timed_out, reaped = 0;
	pid_t pid;

	path = name[0] == '/' ? strdup(name) : cmd_path_join(r->dir, name);
	if (path == NULL || pipe(fds) < 0) {
		check_line(r, 0, name, strerror(errno));
		free(path);
		return;
	}
	if ((pid = fork()) < 0) {
		check_line(r, 0, name, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		free(path);
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		start_test(r->dir, path, fds[1]);
	}
	setpgid(pid, pid);	/* either side may come first */
	close(fds[1]);
	timed_out = read_output(r, &t, name, fds[0], pid, &status, &reaped);
	if (timed_out)
		kill(-pid, SIGKILL);
	close(fds[0]);
	while (!reaped && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	kill(-pid, SIGKILL);	/* whatever it left behind */

	what[0] = '\0';
	if (timed_out)
		snprintf(what, sizeof(what), "timed out after %d s",
		    r->timeout);
	else if (WIFSIGNALED(status))
		snprintf(what, sizeof(what), "killed by signal %d (%s)",
		    WTERMSIG(status), sig_name(WTERMSIG(status)) ?
		    sig_name(WTERMSIG(status)) : "?");
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		snprintf(what, sizeof(what), "exit status %d",
		    WEXITSTATUS(status));
	else if (t.bailed)
		snprintf(what, sizeof(what), "bail out");
	else if (t.plan >= 0 && t.plan != t.ran)
		snprintf(what, sizeof(what), "planned %d, ran %d", t.plan,
		    t.ran);
	else if (t.plan < 0 && t.ran > 0)
		snprintf(what, sizeof(what), "no plan");
	if (what[0])
		check_line(r, 0, name, what);
	else if (t.ran == 0 && t.plan <= 0)
		check_line(r, 1, name, "exit status 0");
	free(path);
}

static int parse_seconds(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1 || v > 24 * 3600)
		cmd_usage(USAGE);
	return (int)v;
}

int main(int argc, char **argv)
{
	struct runner r = { .dir = TESTS_DIR, .timeout = 30 };
	char *names[MAX_TESTS], *list = NULL;
	int c, n, i, poweroff = 0, verdict;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "Tt:d:s:")) != -1) {
		switch (c) {
		case 'T': poweroff = 1; break;
		case 't': list = optarg; break;
		case 'd': r.dir = optarg; break;
		case 's': r.timeout = parse_seconds(optarg); break;
		default: cmd_usage(USAGE);
		}
	}
	if (optind != argc)
		cmd_usage(USAGE);
	signal(SIGPIPE, SIG_IGN);
	n = list ? list_tests(list, names, MAX_TESTS) :
	    find_tests(r.dir, names, MAX_TESTS);
	if (n <= 0)
		check_line(&r, 0, list ? "-t" : r.dir,
		    n < 0 ? "cannot list the tests" : "no tests found");
	for (i = 0; i < n; i++)
		run_test(&r, names[i]);
	printf("1..%d\n# run: %d tests, %d checks, %d failed\n", r.checks,
	    n < 0 ? 0 : n, r.checks, r.failed);
	fflush(stdout);
	verdict = r.failed ? 1 : 0;
	if (poweroff) {
		sync();
		reboot_status(RB_POWEROFF, verdict);
		return cmd_err("reboot");
	}
	return verdict;
}
