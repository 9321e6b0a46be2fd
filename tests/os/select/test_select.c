/*
 * test_select.c - select and poll in the spirit of MINIX's test77 (and
 * the PTY checks MINIX's test77 makes of its pseudo-terminals), on the
 * real servers: VFS, PM (signals, fork, sessions), PFS (pipes, FIFOs),
 * the TTY driver (the serial console, typed by the harness on request:
 * tests/os/select.input, and PTY pairs), memfs as "/".
 *
 * Cases: regular files (always ready); pipes and FIFOs (empty, data,
 * full, no writer: EOF, no reader); the console (typed input wakes a
 * long select; a short timeout, then the next call sees new input);
 * PTYs (both ends, canonical and raw, full buffers both ways, ^C to the
 * slave's foreground group, /dev/tty of a session on a slave, hangup
 * when the master closes, EIO on the master when the slave is gone, a
 * master in use); timeouts 0, short and long; the short-timeout rule (a
 * timeout firing while drivers hold watchers is answered like a
 * non-blocking select, and no late reply disturbs the next call); EBADF
 * and EINVAL; EINTR from a signal; many descriptors at once.  Every
 * case is followed by a call that must still work.  TAP goes to the
 * serial line by the kernel's debug print; the plan comes last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <poll.h>
#include <signal.h>
#include <termios.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <mica/kipc.h>
#include "../lib/ktap.h"

#define NPAIRS 4			/* PTY nodes made on the test's "/" */

static int console = -1;

/* ---- helpers ---- */

/* select on one fd for read (w = 0) or write (w = 1); ms < 0: forever. */
static int sel1(int fd, int w, int ms)
{
	fd_set s;
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };

	FD_ZERO(&s);
	FD_SET(fd, &s);
	return select(fd + 1, w ? NULL : &s, w ? &s : NULL, NULL,
		ms < 0 ? NULL : &tv);
}

static int can_read(int fd) { return sel1(fd, 0, 0) == 1; }
static int can_write(int fd) { return sel1(fd, 1, 0) == 1; }

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read what is there now (non-blocking, by select); bytes. */
static int drain(int fd, char *buf, int max)
{
	int n = 0, r;

	while (n < max && can_read(fd) && (r = read(fd, buf + n, max - n)) > 0)
		n += r;
	if (n < max)
		buf[n] = 0;
	return n;
}

static void feed(void)
{
	if (console >= 0)
		write(console, "# feed\n", 7);
}

static void on_sig(int sig)
{
	(void)sig;
}

static void catch(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;		/* no SA_RESTART */
	sigaction(sig, &sa, NULL);
}

static void setup(void)
{
	char path[32];

	mkdir("/dev", 0755);
	ok(mknod("/dev/console", S_IFCHR | 0600, makedev(4, 0)) == 0 &&
		mknod("/dev/tty", S_IFCHR | 0666, makedev(4, 1)) == 0,
		"mknod /dev/console and /dev/tty");
	for (int i = 0; i < NPAIRS; i++) {
		snprintf(path, sizeof(path), "/dev/ttyp%d", i);
		mknod(path, S_IFCHR | 0666, makedev(4, 128 + i));
		snprintf(path, sizeof(path), "/dev/ptyp%d", i);
		mknod(path, S_IFCHR | 0666, makedev(4, 192 + i));
	}
	ok(access("/dev/ptyp3", F_OK) == 0, "mknod %d PTY pairs", NPAIRS);
	console = open("/dev/console", O_RDWR | O_NOCTTY);
	ok(console >= 0, "open the console");
}

/* ---- regular files ---- */

static void t_files(void)
{
	int fd = open("/f", O_RDWR | O_CREAT, 0644);
	long long t0 = now_ms();
	fd_set r, w;
	struct timeval tv = { 30, 0 };

	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(fd, &r);
	FD_SET(fd, &w);
	ok(select(fd + 1, &r, &w, NULL, &tv) == 2 && FD_ISSET(fd, &r) &&
		FD_ISSET(fd, &w), "a regular file is readable and writable at once");
	ok(now_ms() - t0 < 10000, "a long timeout does not wait when ready");
	ok(tv.tv_sec == 0 && tv.tv_usec == 0, "select clears the timeval");
	ok(can_read(fd) && can_write(fd), "timeout 0: a regular file is ready");
	{
		struct pollfd p = { fd, POLLIN | POLLOUT, 0 };
		ok(poll(&p, 1, 0) == 1 && p.revents == (POLLIN | POLLOUT),
			"poll: POLLIN|POLLOUT on a regular file");
	}
	close(fd);
	unlink("/f");
}

/* ---- pipes ---- */

static void t_pipes(void)
{
	int p[2], n = 0, r;
	char buf[512];
	struct pollfd pf;

	ok(pipe(p) == 0, "pipe");
	ok(sel1(p[0], 0, 0) == 0, "an empty pipe is not readable (timeout 0)");
	ok(can_write(p[1]), "an empty pipe is writable");
	ok(sel1(p[0], 0, 30) == 0, "an empty pipe: a short timeout expires with 0");
	write(p[1], "x", 1);
	ok(can_read(p[0]), "a byte makes it readable");
	read(p[0], buf, 1);
	ok(!can_read(p[0]), "read it: not readable again");
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	memset(buf, 'p', sizeof(buf));
	while ((r = write(p[1], buf, sizeof(buf))) > 0 && n < 1 << 20)
		n += r;
	ok(r < 0 && errno == EAGAIN && n > 0, "filled the pipe (%d bytes)", n);
	ok(!can_write(p[1]), "a full pipe is not writable");
	ok(sel1(p[1], 1, 20) == 0, "a full pipe: a short timeout expires");
	while (n > 0 && (r = read(p[0], buf, sizeof(buf))) > 0)
		n -= r;
	ok(n == 0 && can_write(p[1]), "emptied: writable again");
	close(p[1]);
	ok(can_read(p[0]), "no writer: readable (end of file)");
	ok(read(p[0], buf, 1) == 0, "and the read says end of file");
	pf = (struct pollfd){ p[0], POLLIN, 0 };
	ok(poll(&pf, 1, 0) == 1 && (pf.revents & POLLHUP), "poll: POLLHUP without a writer");
	close(p[0]);

	ok(pipe(p) == 0, "a second pipe");
	close(p[0]);
	ok(can_write(p[1]), "no reader: select says writable (a write would not block)");
	pf = (struct pollfd){ p[1], POLLOUT, 0 };
	ok(poll(&pf, 1, 0) == 1 && (pf.revents & POLLERR), "poll: POLLERR without a reader");
	signal(SIGPIPE, SIG_IGN);
	err(write(p[1], "x", 1), EPIPE, "the write");
	close(p[1]);
}

static int child_pipe_writer_fd = -1;

static int child_late_writer(void)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };

	nanosleep(&ts, NULL);
	return write(child_pipe_writer_fd, "w", 1) == 1 ? 0 : 1;
}

/* A long timeout ended by data from another process. */
static void t_long(void)
{
	int p[2], pid, st;
	long long t0;
	char c;

	pipe(p);
	child_pipe_writer_fd = p[1];
	if ((pid = fork()) == 0)
		_exit(child_late_writer());
	t0 = now_ms();
	ok(sel1(p[0], 0, 60000) == 1, "a 60 s select on a pipe wakes when another process writes");
	ok(now_ms() - t0 < 30000, "long before its timeout");
	ok(read(p[0], &c, 1) == 1 && c == 'w', "the byte is there");
	ok(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && !WEXITSTATUS(st), "writer done");
	close(p[0]);
	close(p[1]);
}

/* ---- FIFOs ---- */

static void t_fifos(void)
{
	int rd, wr;
	char c;

	ok(mknod("/fifo", S_IFIFO | 0666, 0) == 0, "mknod a FIFO");
	rd = open("/fifo", O_RDONLY | O_NONBLOCK);
	ok(rd >= 0, "open the reader without waiting (O_NONBLOCK)");
	ok(can_read(rd) && read(rd, &c, 1) == 0,
		"no writer: readable, and a read says end of file (they agree)");
	wr = open("/fifo", O_WRONLY | O_NONBLOCK);
	ok(wr >= 0, "open a writer");
	ok(!can_read(rd), "a writer and no data: not readable");
	ok(can_write(wr), "the writer end is writable");
	write(wr, "f", 1);
	ok(can_read(rd), "data: readable");
	ok(read(rd, &c, 1) == 1 && c == 'f', "read the byte");
	write(wr, "g", 1);
	close(wr);
	ok(can_read(rd) && read(rd, &c, 1) == 1 && c == 'g',
		"the writer closed: what it wrote is still read first");
	ok(can_read(rd) && read(rd, &c, 1) == 0, "then end of file");
	close(rd);
	unlink("/fifo");
}

/* ---- the console ---- */

static void t_console(void)
{
	char buf[64];
	long long t0;
	int n;

	ok(can_write(console), "the console is writable");
	ok(sel1(console, 0, 0) == 0, "nothing typed: the console is not readable (timeout 0)");
	ok(sel1(console, 0, 50) == 0, "nothing typed: a short timeout expires");
	feed();				/* "abc\r" */
	t0 = now_ms();
	ok(sel1(console, 0, 60000) == 1, "typed input wakes a long select on the console (SEL2)");
	ok(now_ms() - t0 < 50000, "well before its timeout");
	n = read(console, buf, sizeof(buf) - 1);
	ok(n == 4 && !memcmp(buf, "abc\n", 4), "the typed line is read (%d bytes)", n);
	ok(sel1(console, 0, 0) == 0, "nothing left");
	/* A short timeout while the driver holds a watcher; input later. */
	ok(sel1(console, 0, 10) == 0, "a 10 ms select on the console times out");
	feed();				/* "xyz\r" */
	ok(sel1(console, 0, 60000) == 1, "the next select after that timeout sees new input");
	n = read(console, buf, sizeof(buf) - 1);
	ok(n == 4 && !memcmp(buf, "xyz\n", 4), "and reads it");
}

/* ---- PTYs ---- */

static int open_pair(int *m, int *s)
{
	char *name;

	*m = posix_openpt(O_RDWR | O_NOCTTY);
	if (*m < 0 || grantpt(*m) < 0 || unlockpt(*m) < 0 || !(name = ptsname(*m)))
		return -1;
	*s = open(name, O_RDWR | O_NOCTTY);
	return *s < 0 ? -1 : 0;
}

static void set_raw(int fd, int raw)
{
	struct termios t;

	tcgetattr(fd, &t);
	if (raw)
		cfmakeraw(&t);
	else {
		t.c_lflag |= ICANON | ECHO | ISIG;
		t.c_oflag |= OPOST;
		t.c_iflag |= ICRNL;
	}
	tcsetattr(fd, TCSANOW, &t);
}

static void t_pty_basic(void)
{
	int m, s, m2, n;
	char buf[256], *name;
	struct termios t;
	struct winsize ws = { 30, 100, 0, 0 }, ws2;

	ok(open_pair(&m, &s) == 0, "posix_openpt, grantpt, unlockpt, ptsname, open the slave");
	name = ptsname(m);
	ok(name && !strcmp(name, "/dev/ttyp0"), "ptsname names the first slave (%s)",
		name ? name : "-");
	ok(isatty(s) && isatty(m), "both ends are terminals (TCGETS)");
	ok(tcgetattr(s, &t) == 0 && (t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO),
		"the slave starts canonical with echo");
	ok(ioctl(m, TIOCSWINSZ, &ws) == 0 && ioctl(s, TIOCGWINSZ, &ws2) == 0 &&
		ws2.ws_row == 30 && ws2.ws_col == 100, "the window size set on the master is the slave's");
	err(open("/dev/ptyp0", O_RDWR | O_NOCTTY), EIO, "opening a master in use");
	m2 = posix_openpt(O_RDWR | O_NOCTTY);
	ok(m2 >= 0 && ptsname(m2) && !strcmp(ptsname(m2), "/dev/ttyp1"),
		"posix_openpt skips the busy pair");
	close(m2);
	ok(ttyname(s) && !strcmp(ttyname(s), "/dev/ttyp0"), "ttyname of the slave");

	ok(!can_read(m) && !can_read(s), "nothing yet: neither end readable");
	ok(can_write(m) && can_write(s), "both ends writable");
	ok(write(m, "ab", 2) == 2, "the master types a partial line");
	ok(!can_read(s), "canonical: a partial line does not make the slave readable");
	ok(can_read(m), "the echo makes the master readable");
	n = drain(m, buf, sizeof(buf));
	ok(n == 2 && !memcmp(buf, "ab", 2), "the master reads the echo");
	write(m, "c\r", 2);
	ok(can_read(s), "the line ends: the slave is readable");
	n = read(s, buf, sizeof(buf));
	ok(n == 4 && !memcmp(buf, "abc\n", 4), "the slave reads the line, CR mapped to NL");
	n = drain(m, buf, sizeof(buf));
	ok(n == 3 && !memcmp(buf, "c\r\n", 3), "echo of the rest, NL as CR NL");
	write(m, "ab\x7f" "d\r", 5);
	n = read(s, buf, sizeof(buf));
	ok(n == 3 && !memcmp(buf, "ad\n", 3), "erase works on the slave");
	drain(m, buf, sizeof(buf));
	write(m, "\x04", 1);
	ok(can_read(s) && read(s, buf, sizeof(buf)) == 0, "^D on an empty line: end of file");
	ok(write(s, "out\n", 4) == 4, "the slave writes");
	ok(sel1(m, 0, 1000) == 1, "the master is readable");
	n = drain(m, buf, sizeof(buf));
	ok(n == 5 && !memcmp(buf, "out\r\n", 5), "the master reads it with ONLCR");

	set_raw(s, 1);
	write(m, "q", 1);
	ok(can_read(s), "raw: one byte makes the slave readable");
	ok(read(s, buf, sizeof(buf)) == 1 && buf[0] == 'q', "and it is read");
	ok(!can_read(m), "raw: no echo");
	set_raw(s, 0);
	close(s);
	close(m);
}

/* Bounded buffers: each side waits, select says when it may go on. */
static void t_pty_full(void)
{
	static char big[8192];
	char buf[512];
	int m, s, n, r, got = 0;

	if (open_pair(&m, &s) < 0) {
		ok(0, "open a pair");
		return;
	}
	fcntl(s, F_SETFL, O_NONBLOCK);
	memset(big, 'o', sizeof(big));
	n = write(s, big, sizeof(big));
	ok(n > 0 && n < (int)sizeof(big), "a non-blocking slave write fills the master's buffer (%d)", n);
	err(write(s, big, 1), EAGAIN, "another slave write (O_NONBLOCK)");
	ok(!can_write(s), "the slave is not writable");
	while ((r = drain(m, buf, sizeof(buf))) > 0)
		got += r;
	ok(got == n, "the master reads all of it (%d)", got);
	ok(can_write(s), "the slave is writable again");

	set_raw(s, 1);			/* raw: everything is readable input */
	fcntl(m, F_SETFL, O_NONBLOCK);
	n = write(m, big, sizeof(big));
	ok(n > 0 && n < (int)sizeof(big), "a non-blocking master write fills the slave's input (%d)", n);
	err(write(m, big, 1), EAGAIN, "another master write (O_NONBLOCK)");
	ok(!can_write(m), "the master is not writable");
	got = 0;
	fcntl(s, F_SETFL, 0);
	while (can_read(s) && (r = read(s, buf, sizeof(buf))) > 0)
		got += r;
	ok(got == n, "the slave reads all of it (%d)", got);
	ok(can_write(m), "the master is writable again");
	close(s);
	close(m);
}

/* Blocking writes larger than the buffers, with a reader that blocks
 * too: each side must be woken as the other makes room. */
static int reader_go[2];

static int child_reader(int fd, int want)
{
	static char buf[4096];		/* takes all there is each time */
	int got = 0, r;

	write(reader_go[1], "g", 1);	/* then it waits in read */
	while (got < want && (r = read(fd, buf, sizeof(buf))) > 0)
		got += r;
	return got == want ? 0 : 1;
}

/* Let the reader reach its read first, the order that once stalled a
 * writer (the result never depends on this pause, only the coverage). */
static void reader_waits(void)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	char c;

	read(reader_go[0], &c, 1);
	nanosleep(&ts, NULL);
}

static void t_pty_stream(void)
{
	static char big[6000];
	int m, s, pid, st, n;

	if (open_pair(&m, &s) < 0) {
		ok(0, "open a pair");
		return;
	}
	set_raw(s, 1);
	memset(big, 'r', sizeof(big));
	pipe(reader_go);
	if ((pid = fork()) == 0)
		_exit(child_reader(s, sizeof(big)));
	reader_waits();
	n = write(m, big, sizeof(big));
	ok(n == (int)sizeof(big) && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
		WEXITSTATUS(st) == 0,
		"a blocking %d-byte master write to a slave that reads all there is each time (%d)",
		(int)sizeof(big), n);
	if ((pid = fork()) == 0)
		_exit(child_reader(m, sizeof(big)));
	reader_waits();
	n = write(s, big, sizeof(big));
	ok(n == (int)sizeof(big) && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
		WEXITSTATUS(st) == 0,
		"a blocking %d-byte slave write to a master that reads all there is each time (%d)",
		(int)sizeof(big), n);
	close(s);
	close(m);
	close(reader_go[0]);
	close(reader_go[1]);
}

static int pty_m, pty_ready[2];
static char pty_slave[32];

/* A session on the slave: its controlling terminal; reports by exit. */
static int child_session(void)
{
	char c;
	int fd, t;

	close(pty_ready[0]);
	close(pty_m);
	if (setsid() < 0)
		return 1;
	if (open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
		return 2;		/* a new session has no terminal */
	if ((fd = open(pty_slave, O_RDWR)) < 0)
		return 3;		/* acquires it: a session leader */
	if (tcgetpgrp(fd) != getpid())
		return 4;		/* its group is the foreground */
	if ((t = open("/dev/tty", O_RDWR)) < 0)
		return 5;
	if (write(t, "via-tty\n", 8) != 8)
		return 6;
	if (!ttyname(fd) || strcmp(ttyname(fd), pty_slave))
		return 7;
	if (!ttyname(t) || strcmp(ttyname(t), "/dev/tty"))
		return 8;
	write(pty_ready[1], "r", 1);
	read(fd, &c, 1);		/* waits for the parent's ^C */
	return 9;
}

static void t_pty_session(void)
{
	int s, pid, st, n;
	char buf[128], c;

	if (open_pair(&pty_m, &s) < 0) {
		ok(0, "open a pair");
		return;
	}
	strcpy(pty_slave, ptsname(pty_m));
	close(s);
	pipe(pty_ready);
	if ((pid = fork()) == 0)
		_exit(child_session());
	close(pty_ready[1]);
	n = read(pty_ready[0], &c, 1);
	ok(n == 1, "the child runs a session on %s (%d, errno %d)", pty_slave, n, errno);
	ok(tcgetpgrp(pty_m) == pid, "tcgetpgrp on the master: the child's group");
	n = drain(pty_m, buf, sizeof(buf));
	ok(n >= 9 && strstr(buf, "via-tty\r\n") != NULL,
		"/dev/tty in that session is the slave: its write reaches the master");
	write(pty_m, "\x03", 1);	/* ^C */
	n = waitpid(pid, &st, 0);
	ok(n == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGINT,
		"^C typed on the master kills the slave's foreground group with SIGINT "
		"(waitpid %d of %d, errno %d, status 0x%x)", n, pid, errno, st);
	close(pty_ready[0]);
	ok(can_read(pty_m), "the slave closed by everybody: the master is readable");
	err(read(pty_m, buf, 1), EIO, "the master read");
	close(pty_m);
	ok(open(pty_slave, O_RDWR | O_NOCTTY) == -1 && errno == EIO,
		"the slave of a closed master does not open (EIO)");
}

/* Job control on a slave: a background group's read stops it. */
static int child_jobs(void)
{
	int fd, st;
	pid_t g;
	char c;

	close(pty_m);
	setsid();
	if ((fd = open(pty_slave, O_RDWR)) < 0)
		return 1;
	if ((g = fork()) == 0) {
		setpgid(0, 0);		/* a background group */
		read(fd, &c, 1);
		_exit(9);		/* SIGTTIN should have stopped it */
	}
	if (g < 0 || waitpid(g, &st, WUNTRACED) != g)
		return 2;
	if (!WIFSTOPPED(st) || WSTOPSIG(st) != SIGTTIN)
		return 3;
	if (tcgetpgrp(fd) != getpid())
		return 4;		/* the foreground stayed ours */
	if (tcsetpgrp(fd, g) != 0 || tcgetpgrp(fd) != g)
		return 5;		/* now it is the job's */
	kill(g, SIGKILL);
	waitpid(g, &st, 0);
	{
		/* a new window size: SIGWINCH for the foreground group */
		struct winsize ws = { 33, 77, 0, 0 };
		sigset_t block, none;

		if (tcsetpgrp(fd, getpid()) != 0)
			return 6;
		catch(SIGWINCH);
		sigemptyset(&block);
		sigaddset(&block, SIGWINCH);
		sigprocmask(SIG_BLOCK, &block, NULL);
		if (ioctl(fd, TIOCSWINSZ, &ws) != 0)
			return 7;
		sigemptyset(&none);
		if (sigsuspend(&none) != -1 || errno != EINTR)
			return 8;	/* returns once SIGWINCH is caught */
	}
	return 0;
}

static void t_pty_jobs(void)
{
	int s, pid, st;

	if (open_pair(&pty_m, &s) < 0) {
		ok(0, "open a pair");
		return;
	}
	strcpy(pty_slave, ptsname(pty_m));
	close(s);
	if ((pid = fork()) == 0)
		_exit(child_jobs());
	st = -1;
	if (waitpid(pid, &st, 0) != pid)
		st = -1;
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"job control on a slave: a background read stops with SIGTTIN, "
		"tcsetpgrp moves the foreground, a new size raises SIGWINCH (status 0x%x)", st);
	close(pty_m);
}

static int child_hangup(void)
{
	char c;
	int fd;

	close(pty_ready[0]);
	close(pty_m);			/* only the parent holds the master */
	signal(SIGHUP, SIG_IGN);
	setsid();
	if ((fd = open(pty_slave, O_RDWR)) < 0)
		return 1;
	write(pty_ready[1], "r", 1);
	if (sel1(fd, 0, 60000) != 1)
		return 2;		/* the hangup wakes the select */
	if (read(fd, &c, 1) != 0)
		return 3;		/* end of file */
	if (write(fd, "x", 1) != -1 || errno != EIO)
		return 4;
	return 0;
}

static int child_hangup_dies(void)
{
	close(pty_ready[0]);
	close(pty_m);
	setsid();
	if (open(pty_slave, O_RDWR) < 0)
		return 1;
	sigset_t none;

	sigemptyset(&none);
	write(pty_ready[1], "r", 1);
	for (;;)
		sigsuspend(&none);
}

static void t_pty_hangup(void)
{
	int s, pid, st;
	char c;

	for (int die = 0; die < 2; die++) {
		if (open_pair(&pty_m, &s) < 0) {
			ok(0, "open a pair");
			return;
		}
		strcpy(pty_slave, ptsname(pty_m));
		close(s);
		pipe(pty_ready);
		if ((pid = fork()) == 0)
			_exit(die ? child_hangup_dies() : child_hangup());
		close(pty_ready[1]);
		read(pty_ready[0], &c, 1);
		close(pty_ready[0]);
		close(pty_m);		/* hang up */
		if (waitpid(pid, &st, 0) != pid)
			st = -1;
		if (die)
			ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGHUP,
				"the master closes: SIGHUP ends the session (status 0x%x)", st);
		else
			ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
				"the master closes: a slave select wakes, reads end of file, writes EIO (status 0x%x)", st);
	}
	ok(open_pair(&pty_m, &s) == 0, "the pair opens again afterwards");
	close(s);
	close(pty_m);
}

static void t_openpt_all(void)
{
	int fds[NPAIRS], n = 0;

	while (n < NPAIRS && (fds[n] = posix_openpt(O_RDWR | O_NOCTTY)) >= 0)
		n++;
	ok(n == NPAIRS, "posix_openpt gets every free pair (%d)", n);
	err(posix_openpt(O_RDWR | O_NOCTTY), EAGAIN, "posix_openpt with all pairs busy");
	err(posix_openpt(O_RDWR | O_APPEND), EINVAL, "posix_openpt with a bad flag");
	while (n > 0)
		close(fds[--n]);
	ok(grantpt(console) == -1 && ptsname(console) == NULL, "the console is no master");
}

/* ---- timeouts, errors, signals, many descriptors ---- */

static void t_timeouts(void)
{
	int p[2], m, s;
	long long t0;
	fd_set r;
	struct timeval tv;
	char buf[64];

	pipe(p);
	t0 = now_ms();
	ok(sel1(p[0], 0, 0) == 0, "timeout 0 returns at once with 0");
	t0 = now_ms();
	ok(sel1(p[0], 0, 200) == 0, "a 200 ms timeout returns 0");
	ok(now_ms() - t0 >= 190, "after at least its time (%lld ms)", now_ms() - t0);
	tv = (struct timeval){ 0, 1000000 };
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	err(select(p[0] + 1, &r, NULL, NULL, &tv), EINVAL, "a timeval with 1000000 us");
	tv = (struct timeval){ -1, 0 };
	err(select(p[0] + 1, &r, NULL, NULL, &tv), EINVAL, "a negative timeval");
	err(select(-1, NULL, NULL, NULL, NULL), EINVAL, "select with nfds -1");
	err(select(FD_SETSIZE + 1, NULL, NULL, NULL, &tv), EINVAL, "select with nfds past FD_SETSIZE");

	/* The short-timeout rule, many times over, on devices that keep a
	 * watcher (PTY ends, the console) and a pipe at once. */
	if (open_pair(&m, &s) < 0) {
		ok(0, "open a pair");
		return;
	}
	int bad = 0;
	for (int i = 0; i < 40; i++) {
		struct pollfd pf[4] = {
			{ m, POLLIN, 0 }, { s, POLLIN, 0 }, { console, POLLIN, 0 },
			{ p[0], POLLIN, 0 },
		};
		int r1 = poll(pf, 4, i % 4);
		bad += r1 != 0;
		if (i % 10 == 9) {	/* now something is ready: seen at once */
			write(m, "z\r", 2);
			r1 = poll(pf, 4, 0);
			bad += r1 != 2 || !(pf[0].revents & POLLIN) ||
				!(pf[1].revents & POLLIN);
			drain(s, buf, sizeof(buf));
			drain(m, buf, sizeof(buf));
		}
	}
	ok(bad == 0, "40 short timeouts over PTY ends, the console and a pipe: "
		"each answered right, no late reply seen by the next (%d wrong)", bad);
	write(s, "late\n", 5);
	ok(sel1(m, 0, 0) == 1, "after them, a timeout 0 select sees the slave's output");
	drain(m, buf, sizeof(buf));
	close(s);
	close(m);
	close(p[0]);
	close(p[1]);
}

static void t_ebadf(void)
{
	int p[2];
	fd_set r;
	struct pollfd pf[2];

	pipe(p);
	close(p[1]);
	close(p[0]);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	err(select(p[0] + 1, &r, NULL, NULL, NULL), EBADF, "select on a closed descriptor");
	pf[0] = (struct pollfd){ p[0], POLLIN, 0 };
	pf[1] = (struct pollfd){ -1, POLLIN, 0 };
	ok(poll(pf, 2, 0) == 1 && pf[0].revents == POLLNVAL && pf[1].revents == 0,
		"poll: POLLNVAL for a closed descriptor, a negative fd ignored");
	pipe(p);
	write(p[1], "k", 1);
	ok(can_read(p[0]), "the next select works");
	close(p[0]);
	close(p[1]);
}

static void t_eintr(void)
{
	int p[2], m, s;
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } }, off = { { 0, 0 }, { 0, 0 } };
	struct pollfd pf;
	fd_set r;
	char c;

	pipe(p);
	catch(SIGALRM);
	setitimer(ITIMER_REAL, &it, NULL);
	err(sel1(p[0], 0, 60000), EINTR, "a long select on a pipe, a signal caught");
	pf = (struct pollfd){ p[0], POLLIN, 0 };
	err(poll(&pf, 1, -1), EINTR, "poll without a timeout, a signal caught");
	if (open_pair(&m, &s) == 0) {
		FD_ZERO(&r);
		FD_SET(m, &r);
		FD_SET(s, &r);
		FD_SET(console, &r);
		err(select((m > s ? m : s) + 1, &r, NULL, NULL, NULL), EINTR,
			"select on PTY ends and the console (driver watchers), a signal caught");
		setitimer(ITIMER_REAL, &off, NULL);
		write(m, "i\r", 2);
		ok(sel1(s, 0, 1000) == 1, "after EINTR, the next select sees new input");
		close(s);
		close(m);
	} else {
		setitimer(ITIMER_REAL, &off, NULL);
		ok(0, "open a pair");
		ok(0, "open a pair");
	}
	write(p[1], "e", 1);
	ok(sel1(p[0], 0, 1000) == 1 && read(p[0], &c, 1) == 1, "and on the pipe");
	signal(SIGALRM, SIG_DFL);
	close(p[0]);
	close(p[1]);
}

static void t_many(void)
{
	enum { NP = 24 };
	int p[NP][2], maxfd = 0, n = 0, right = 1, m, s;
	fd_set r, w;

	for (int i = 0; i < NP; i++) {
		if (pipe(p[i]) < 0)
			break;
		n++;
		maxfd = p[i][1] > maxfd ? p[i][1] : maxfd;
	}
	ok(n == NP, "%d pipes (%d descriptors)", n, 2 * n);
	if (open_pair(&m, &s) < 0)
		m = s = -1;
	maxfd = m > maxfd ? m : maxfd;
	maxfd = s > maxfd ? s : maxfd;
	for (int i = 0; i < n; i += 3)
		write(p[i][1], "m", 1);
	if (s >= 0)
		write(s, "M\n", 2);
	FD_ZERO(&r);
	FD_ZERO(&w);
	for (int i = 0; i < n; i++) {
		FD_SET(p[i][0], &r);
		FD_SET(p[i][1], &w);
	}
	if (m >= 0) {
		FD_SET(m, &r);
		FD_SET(s, &r);
	}
	int got = select(maxfd + 1, &r, &w, NULL, NULL);
	int want = (n + 2) / 3 + n + (m >= 0 ? 1 : 0);
	for (int i = 0; i < n; i++)
		right &= !!FD_ISSET(p[i][0], &r) == (i % 3 == 0) && FD_ISSET(p[i][1], &w);
	if (m >= 0)
		right &= FD_ISSET(m, &r) && !FD_ISSET(s, &r);
	ok(got == want && right, "select over %d descriptors: exactly the ready ones (%d of %d)",
		2 * n + 2, got, want);
	for (int i = 0; i < n; i++) {
		close(p[i][0]);
		close(p[i][1]);
	}
	if (m >= 0) {
		close(s);
		close(m);
	}
	ok(sel1(console, 1, 0) == 1, "the next select works");
}

int main(void)
{
	setup();
	t_files();
	t_pipes();
	t_long();
	t_fifos();
	t_console();
	t_pty_basic();
	t_pty_full();
	t_pty_stream();
	t_pty_session();
	t_pty_jobs();
	t_pty_hangup();
	t_openpt_all();
	t_timeouts();
	t_ebadf();
	t_eintr();
	t_many();
	return ktap_plan(0);
}
