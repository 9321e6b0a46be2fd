/*
 * test_pm.c - the process manager in QEMU: an ordinary C program (built
 * by tools/mica-cc against newlib + libposix) that is init, pid 1, of the
 * "pm" suite: PM beside pm_double (the VM and VFS stand-ins).  Children
 * report by their exit status; only init prints (unbuffered), TAP.
 *
 * Covered: fork/wait storms (1,000 processes, 50 at a time), zombies,
 * orphans adopted by init, waitpid by pid/group/any with WNOHANG and
 * WUNTRACED, every default action (terminate, core, ignore, stop,
 * continue), SIGSEGV from the kernel's fault rule, masks and pending
 * sets, SIG_IGN, SIGCHLD (pending, and auto-reaping when ignored), kill
 * to a process, a group, the caller's group and -1 with permissions,
 * identities, groups, sessions, clocks, sleeps, the interval timer,
 * times, and hostile requests straight on the wire.  Then init exits 0
 * and PM powers the machine off with that status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <unistd.h>
#include <signal.h>
#include <setjmp.h>
#include <sys/mman.h>
#include <time.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include <mica/kipc.h>
#include <mica/callnr.h>
#include <mica/abi.h>
#include <mica/cdev.h>
#include <mica/pmvfs.h>
#include "pm_double.h"

static int checks;

static int ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++checks);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return cond;
}

static int fails_with(int r, int err) { return r == -1 && errno == err; }

static void nap_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

/* Fork a child running fn; the child exits with fn's result. */
static pid_t spawn(int (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	return pid;
}

static int wait_for(pid_t pid)
{
	int st = -1;

	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

/* A child that waits for signals forever. */
static int sleeper(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (sigsuspend(&none) == -1 || 1)
		;
	return 0;
}

static int exits_42(void) { return 42; }

static int check_parent_is_caller(void)
{
	return getppid() == 1 ? 0 : 1;
}

static void test_fork_basic(void)
{
	pid_t a = spawn(exits_42), b = spawn(check_parent_is_caller);
	int sa = wait_for(a), sb = wait_for(b);

	ok(a > 1 && b > 1 && a != b, "fork gives distinct pids (%d, %d)", a, b);
	ok(WIFEXITED(sa) && WEXITSTATUS(sa) == 42, "exit status 42 through waitpid (0x%x)", sa);
	ok(WIFEXITED(sb) && WEXITSTATUS(sb) == 0, "child's getppid is its parent");
	ok(fails_with(waitpid(-1, NULL, WNOHANG), ECHILD), "no children left: ECHILD");
}

static int storm_child(void) { return getpid() & 0x7f; }

static void test_storm(void)
{
	int started = 0, reaped = 0, live = 0, bad = 0, st;
	pid_t pid;

	while (reaped < 1000) {
		while (live < 50 && started < 1000) {
			if ((pid = spawn(storm_child)) < 0) {
				bad++;
				break;
			}
			started++;
			live++;
		}
		if ((pid = wait(&st)) < 0) {
			bad++;
			break;
		}
		if (!WIFEXITED(st) || WEXITSTATUS(st) != (pid & 0x7f))
			bad++;
		live--;
		reaped++;
	}
	ok(reaped == 1000 && bad == 0, "storm: 1000 processes, 50 at a time, all reaped with their status (%d reaped, %d bad)", reaped, bad);
	ok(fails_with(wait(&st), ECHILD), "storm: no zombie left behind");
}

static void test_zombie(void)
{
	pid_t pid = spawn(exits_42);
	int st;

	nap_ms(50);
	ok(kill(pid, 0) == 0, "a zombie still exists for kill(pid, 0)");
	ok(waitpid(pid, &st, WNOHANG) == pid && WEXITSTATUS(st) == 42, "zombie reaped by WNOHANG");
	ok(fails_with(waitpid(pid, &st, WNOHANG), ECHILD), "reaped zombie is gone");
	ok(fails_with(kill(pid, 0), ESRCH), "kill of a reaped pid: ESRCH");
}

static int orphan_maker(void)
{
	pid_t g = fork();

	if (g == 0) {
		for (int i = 0; i < 500 && getppid() != 1; i++)
			nap_ms(10);
		_exit(getppid() == 1 ? 7 : 8);
	}
	return g > 0 ? 0 : 1;
}

static void test_orphans(void)
{
	pid_t c = spawn(orphan_maker), g;
	int st, sc = wait_for(c);

	ok(WIFEXITED(sc) && WEXITSTATUS(sc) == 0, "orphan maker exits");
	g = wait(&st);
	ok(g > 0 && g != c && WIFEXITED(st) && WEXITSTATUS(st) == 7,
		"orphan adopted by init, saw getppid()==1, reaped by init");
}

static void test_wnohang_and_kill(void)
{
	pid_t pid = spawn(sleeper);
	int st;

	ok(waitpid(pid, &st, WNOHANG) == 0, "WNOHANG on a live child: 0");
	ok(kill(pid, SIGTERM) == 0, "kill SIGTERM");
	st = wait_for(pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM && !(st & 0x80), "killed by SIGTERM, no core (0x%x)", st);
}

static void test_default_actions(void)
{
	static const int term[] = { SIGHUP, SIGINT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGIO, SIGVTALRM, SIGPROF, SIGLOST };
	static const int core[] = { SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGEMT, SIGFPE, SIGBUS, SIGSEGV, SIGSYS, SIGXCPU, SIGXFSZ };
	static const int stop[] = { SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };
	static const int ign[] = { SIGURG, SIGCHLD, SIGWINCH, SIGCONT };
	int good = 0, st;
	unsigned i;
	pid_t pid;

	for (i = 0; i < sizeof(term) / sizeof(term[0]); i++) {
		pid = spawn(sleeper);
		kill(pid, term[i]);
		st = wait_for(pid);
		good += WIFSIGNALED(st) && WTERMSIG(st) == term[i] && !(st & 0x80);
	}
	ok(good == (int)(sizeof(term) / sizeof(term[0])), "terminating signals: all %d", good);
	for (good = 0, i = 0; i < sizeof(core) / sizeof(core[0]); i++) {
		pid = spawn(sleeper);
		kill(pid, core[i]);
		st = wait_for(pid);
		good += WIFSIGNALED(st) && WTERMSIG(st) == core[i] && (st & 0x80);
	}
	ok(good == (int)(sizeof(core) / sizeof(core[0])), "core signals terminate with the core bit: all %d", good);
	for (good = 0, i = 0; i < sizeof(ign) / sizeof(ign[0]); i++) {
		pid = spawn(sleeper);
		kill(pid, ign[i]);
		nap_ms(20);
		good += waitpid(pid, &st, WNOHANG) == 0;
		kill(pid, SIGKILL);
		st = wait_for(pid);
		good += WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
	}
	ok(good == 2 * (int)(sizeof(ign) / sizeof(ign[0])), "ignored by default, then SIGKILL: all");
	for (good = 0, i = 0; i < sizeof(stop) / sizeof(stop[0]); i++) {
		pid = spawn(sleeper);
		kill(pid, stop[i]);
		good += waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st) && WSTOPSIG(st) == stop[i];
		kill(pid, SIGTERM);	/* pending while stopped */
		nap_ms(20);
		good += waitpid(pid, &st, WNOHANG) == 0;
		kill(pid, SIGCONT);
		st = wait_for(pid);
		good += WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM;
	}
	ok(good == 3 * (int)(sizeof(stop) / sizeof(stop[0])), "stop signals stop (WUNTRACED), SIGTERM waits for SIGCONT: %d", good);
}

static volatile uintptr_t bad_address = 16;

static int crasher(void)
{
	return *(volatile int *)bad_address;
}

static volatile int zero_divisor;

static int divider(void)
{
	return 5 / zero_divisor;
}

static int ignoring_divider(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGFPE, &sa, NULL);
	return divider();
}

static void test_fault(void)
{
	int st = wait_for(spawn(crasher));

	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && (st & 0x80),
		"a NULL dereference: SIGSEGV from the kernel, core (0x%x)", st);
	st = wait_for(spawn(divider));
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGFPE && (st & 0x80),
		"an integer divide by zero: SIGFPE from the kernel, core (0x%x)", st);
	st = wait_for(spawn(ignoring_divider));
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGFPE,
		"and with SIGFPE ignored: a fault cannot be ignored (0x%x)", st);
}

static int direct_exit(void)
{
	sys_exit(5);
}

static void test_kernel_exit(void)
{
	int st = wait_for(spawn(direct_exit));

	ok(st >= 0 && WIFEXITED(st), "SYS_EXIT without PM_EXIT still makes a zombie PM reaps (0x%x)", st);
}

static int mask_child(void)
{
	sigset_t s, p;

	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigaddset(&s, SIGKILL);		/* cannot be blocked */
	if (sigprocmask(SIG_BLOCK, &s, NULL) < 0)
		return 1;
	kill(getpid(), SIGUSR1);
	if (sigpending(&p) < 0 || !sigismember(&p, SIGUSR1))
		return 2;
	sigprocmask(SIG_SETMASK, NULL, &p);
	if (!sigismember(&p, SIGUSR1) || sigismember(&p, SIGKILL))
		return 3;
	sigprocmask(SIG_UNBLOCK, &s, NULL);	/* dies of SIGUSR1 here */
	return 4;
}

static int ignore_child(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	if (sigaction(SIGTERM, &sa, NULL) < 0 || sigaction(SIGKILL, &sa, NULL) == 0)
		return 1;
	kill(getpid(), SIGTERM);
	if (sigaction(SIGTERM, NULL, &old) < 0 || old.sa_handler != SIG_IGN)
		return 2;
	return 0;
}

static void test_masks(void)
{
	int st = wait_for(spawn(mask_child));

	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1, "blocked signal is pending, delivered on unblock (0x%x)", st);
	st = wait_for(spawn(ignore_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "SIG_IGN ignores; SIGKILL cannot be ignored (%d)", WEXITSTATUS(st));
}

static void test_sigchld(void)
{
	struct sigaction sa;
	sigset_t s, p;
	pid_t pid;
	int st;

	sigemptyset(&s);
	sigaddset(&s, SIGCHLD);
	sigprocmask(SIG_BLOCK, &s, NULL);
	pid = spawn(exits_42);
	st = wait_for(pid);
	sigpending(&p);
	ok(sigismember(&p, SIGCHLD), "SIGCHLD pending after a child exits");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGCHLD, &sa, NULL);	/* drops the pending one */
	sigpending(&p);
	ok(!sigismember(&p, SIGCHLD), "ignoring SIGCHLD discards the pending one");
	pid = spawn(exits_42);
	ok(fails_with(wait(&st), ECHILD), "SIGCHLD ignored: children leave no zombies (wait: ECHILD)");
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = SA_NOCLDWAIT;
	sigaction(SIGCHLD, &sa, NULL);
	pid = spawn(exits_42);
	ok(fails_with(wait(&st), ECHILD), "SA_NOCLDWAIT: no zombies either");
	sa.sa_flags = 0;
	sigaction(SIGCHLD, &sa, NULL);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	(void)pid;
}

static void test_groups(void)
{
	pid_t a, b, c;
	int st, good = 0;

	a = spawn(sleeper);
	b = spawn(sleeper);
	c = spawn(sleeper);
	ok(setpgid(a, a) == 0 && setpgid(b, a) == 0 && setpgid(c, a) == 0, "setpgid builds a group of 3");
	ok(getpgid(b) == a && getpgid(0) == getpgrp(), "getpgid");
	ok(kill(-a, SIGTERM) == 0, "kill to the group");
	for (int i = 0; i < 3; i++)
		if (waitpid(-a, &st, 0) > 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM)
			good++;
	ok(good == 3, "all 3 members died, reaped by waitpid(-pgrp) (%d)", good);
	ok(fails_with(kill(-a, SIGTERM), ESRCH), "kill to an empty group: ESRCH");
	ok(fails_with(setpgid(1, 1), EPERM) || fails_with(setpgid(1, 1), ESRCH), "setpgid of a non-child refused");
	ok(fails_with(getpgid(29999), ESRCH), "getpgid of no process: ESRCH");
}

/* In a child: new session; its own children in its group die by kill(0). */
static int session_child(void)
{
	pid_t k, s = setsid();
	struct sigaction sa;
	int st;

	if (s != getpid() || getpgrp() != s)
		return 1;
	if (setsid() != -1 || errno != EPERM)
		return 2;
	if (setpgid(0, 0) != -1 || errno != EPERM)
		return 3;
	k = fork();
	if (k == 0)
		return sleeper();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGTERM, &sa, NULL);
	if (kill(0, SIGTERM) != 0)
		return 4;
	if (waitpid(k, &st, 0) != k || !WIFSIGNALED(st) || WTERMSIG(st) != SIGTERM)
		return 5;
	return 0;
}

/* A session leader with a stopped child in another group, then gone. */
static int orphaning_leader(void)
{
	pid_t b;
	int st;

	if (setsid() < 0)
		return 1;
	b = fork();
	if (b == 0) {
		setpgid(0, 0);
		kill(getpid(), SIGSTOP);
		_exit(3);		/* continued without a SIGHUP */
	}
	if (waitpid(b, &st, WUNTRACED) != b || !WIFSTOPPED(st))
		return 2;
	return 0;			/* b's group is orphaned now */
}

static void test_sessions(void)
{
	int st = wait_for(spawn(session_child));
	pid_t a, b;

	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "setsid, EPERM for a leader, kill(0) to the own group (%d)", WEXITSTATUS(st));
	a = spawn(orphaning_leader);
	st = wait_for(a);
	b = wait(&st);
	ok(b > 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGHUP,
		"a newly orphaned group with a stopped member gets SIGHUP+SIGCONT (0x%x)", st);
}

/* kill(-1) as uid 1000: reaches uid 1000's processes only, not itself. */
static int killall_child(void)
{
	pid_t z;
	int st;

	if (setuid(1000) != 0 || getuid() != 1000 || geteuid() != 1000)
		return 1;
	z = fork();
	if (z == 0)
		return sleeper();
	if (kill(-1, SIGTERM) != 0)
		return 2;
	if (waitpid(z, &st, 0) != z || !WIFSIGNALED(st) || WTERMSIG(st) != SIGTERM)
		return 3;
	return 0;
}

static void test_kill_all(void)
{
	pid_t x = spawn(sleeper);
	int st = wait_for(spawn(killall_child));

	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "kill(-1) reaches the sender's own processes (%d)", WEXITSTATUS(st));
	ok(kill(x, 0) == 0 && waitpid(x, &st, WNOHANG) == 0, "kill(-1) by uid 1000 spares root's process");
	kill(x, SIGKILL);
	wait_for(x);
}

static int ids_child(void)
{
	gid_t g[4] = { 5, 6, 7, 8 }, back[8];

	if (setgroups(4, g) != 0 || getgroups(8, back) != 4 || back[2] != 7)
		return 1;
	if (getgroups(0, back) != 4 || getgroups(2, back) != -1 || errno != EINVAL)
		return 2;
	{
		message m;

		memset(&m, 0, sizeof(m));
		m.m_type = PM_GETGROUPS;
		m.m_lc_pm_groups.grant = 12345;	/* nobody's grant */
		m.m_lc_pm_groups.count = 8;
		if (ipc_sendrec(PM_PROC_NR, &m) != OK || m.m_type != -EFAULT)
			return 13;
	}
	if (seteuid(1000) != 0 || geteuid() != 1000 || getuid() != 0)
		return 3;
	if (setgroups(1, g) != -1 || errno != EPERM)
		return 4;
	if (seteuid(0) != 0 || geteuid() != 0)
		return 5;		/* the saved uid is still 0 */
	if (setegid(100) != 0 || getegid() != 100 || getgid() != 0)
		return 6;
	if (setgid(200) != 0 || getgid() != 200 || getegid() != 200)
		return 7;
	if (setuid(1000) != 0 || getuid() != 1000 || geteuid() != 1000)
		return 8;
	if (setuid(0) != -1 || errno != EPERM || seteuid(0) != -1 || errno != EPERM)
		return 9;
	if (setgid(0) != -1 || errno != EPERM)
		return 10;
	if (kill(1, 0) != -1 || errno != EPERM)
		return 11;		/* init is root's */
	if (reboot(RB_POWEROFF) != -1 || errno != EPERM)
		return 12;
	return 0;
}

static void test_ids(void)
{
	int st;

	ok(getpid() == 1 && getppid() == 0, "the test is init: pid 1, no parent");
	ok(getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0, "init runs as root");
	st = wait_for(spawn(ids_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "set*id and groups follow POSIX (step %d)", WEXITSTATUS(st));
}

static int alarm_child(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 50000 } }, left;

	if (setitimer(ITIMER_REAL, &v, NULL) != 0)
		return 1;
	if (getitimer(ITIMER_REAL, &left) != 0 || left.it_value.tv_usec > 50000 ||
	    left.it_value.tv_sec != 0)
		return 2;
	return sleeper();
}

static void test_time(void)
{
	struct timespec a, b, rt, bad = { 0, 1000000000L };
	struct timeval tv;
	struct tms tm;
	long ms;
	int st;

	clock_gettime(CLOCK_MONOTONIC, &a);
	nap_ms(30);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
	ok(ms >= 30, "nanosleep 30 ms sleeps at least that long (%ld ms)", ms);
	ok(fails_with(nanosleep(&bad, NULL), EINVAL), "nanosleep with 1e9 ns: EINVAL");
	st = clock_gettime(CLOCK_REALTIME, &rt);	/* before ok()'s arguments */
	ok(st == 0 && rt.tv_sec > 1577836800,
		"realtime from the RTC is after 2020 (%ld)", (long)rt.tv_sec);
	ok(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= rt.tv_sec && tv.tv_sec <= rt.tv_sec + 2,
		"gettimeofday agrees with the realtime clock");
	ok(times(&tm) > 0, "times: uptime in ticks");
	st = wait_for(spawn(alarm_child));
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM, "setitimer ITIMER_REAL fires SIGALRM (0x%x, step %d)", st, WEXITSTATUS(st));
}


/* ---- handlers (the kernel's SIGSEND/SIGRETURN through PM) ---- */

static volatile int h_count, h_depth, h_max_depth, h_masked;
static volatile char h_trace[16];
static volatile int h_len;

static void h_note(char c)
{
	if (h_len < 15)
		h_trace[h_len++] = c;
}

static void h_simple(int sig)
{
	(void)sig;
	h_count++;
}

static void h_check_mask(int sig)
{
	sigset_t cur;

	(void)sig;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	h_masked = sigismember(&cur, SIGUSR1) && sigismember(&cur, SIGUSR2);
	h_count++;
}

static void h_outer(int sig)
{
	(void)sig;
	h_note('(');
	kill(getpid(), SIGUSR2);	/* not blocked here: runs nested */
	h_note(')');
}

static void h_inner(int sig)
{
	(void)sig;
	h_note('*');
}

static void h_again(int sig)
{
	(void)sig;
	if (++h_depth > h_max_depth)
		h_max_depth = h_depth;
	if (h_count++ == 0)
		kill(getpid(), SIGUSR1);
	h_depth--;
}

static int handle(int sig, void (*fn)(int), int flags, int mask_sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (mask_sig)
		sigaddset(&sa.sa_mask, mask_sig);
	return sigaction(sig, &sa, NULL);
}

static int handlers_child(void)
{
	sigset_t cur;

	if (handle(SIGUSR1, h_simple, 0, 0) < 0)
		return 1;
	kill(getpid(), SIGUSR1);
	if (h_count != 1)
		return 2;		/* ran before kill returned */
	handle(SIGUSR1, h_check_mask, 0, SIGUSR2);
	kill(getpid(), SIGUSR1);
	if (h_count != 2 || !h_masked)
		return 3;		/* own signal and sa_mask blocked inside */
	sigprocmask(SIG_BLOCK, NULL, &cur);
	if (sigismember(&cur, SIGUSR1) || sigismember(&cur, SIGUSR2))
		return 4;		/* and the mask is back after it */
	handle(SIGUSR1, h_outer, 0, 0);
	handle(SIGUSR2, h_inner, 0, 0);
	kill(getpid(), SIGUSR1);
	if (h_len != 3 || h_trace[0] != '(' || h_trace[1] != '*' || h_trace[2] != ')')
		return 5;		/* nested handler inside the outer one */
	h_count = 0;
	handle(SIGUSR1, h_again, 0, 0);
	kill(getpid(), SIGUSR1);
	if (h_count != 2 || h_max_depth != 1)
		return 6;		/* re-raised: pending, then run after */
	h_count = h_max_depth = 0;
	handle(SIGUSR1, h_again, SA_NODEFER, 0);
	kill(getpid(), SIGUSR1);
	if (h_count != 2 || h_max_depth != 2)
		return 7;		/* SA_NODEFER: nested in itself */
	h_count = 0;
	handle(SIGUSR2, h_simple, SA_RESETHAND, 0);
	kill(getpid(), SIGUSR2);
	if (h_count != 1)
		return 8;
	kill(getpid(), SIGUSR2);	/* default now: terminates */
	return 9;
}

static void h_alarm(int sig)
{
	(void)sig;
	h_count++;
}

static int eintr_child(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 30000 } };
	struct timespec ts = { 10, 0 }, left = { 0, 0 };
	sigset_t none;
	pid_t s = spawn(sleeper);
	int st;

	handle(SIGALRM, h_alarm, 0, 0);
	setitimer(ITIMER_REAL, &v, NULL);
	if (waitpid(s, &st, 0) != -1 || errno != EINTR || h_count != 1)
		return 1;
	setitimer(ITIMER_REAL, &v, NULL);
	if (nanosleep(&ts, &left) != -1 || errno != EINTR || h_count != 2 ||
	    left.tv_sec < 8)
		return 2;
	setitimer(ITIMER_REAL, &v, NULL);
	sigemptyset(&none);
	if (sigsuspend(&none) != -1 || errno != EINTR || h_count != 3)
		return 3;
	kill(s, SIGKILL);
	waitpid(s, &st, 0);
	return 0;
}

static volatile pid_t restart_victim;
static volatile int in_wait, seen_in_wait;

static void h_alarm_kill(int sig)
{
	(void)sig;
	h_count++;
	seen_in_wait = in_wait;		/* the handler interrupted waitpid */
	kill(restart_victim, SIGTERM);
}

/* SA_RESTART: the handler runs, waitpid goes on and reaps the victim. */
static int restart_child(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 30000 } };
	int st = 0;
	pid_t r;

	restart_victim = spawn(sleeper);
	handle(SIGALRM, h_alarm_kill, SA_RESTART, 0);
	setitimer(ITIMER_REAL, &v, NULL);
	in_wait = 1;
	r = waitpid(restart_victim, &st, 0);
	if (r != restart_victim)
		return errno == EINTR ? 1 : 2;
	if (!seen_in_wait)
		return 4;
	return h_count == 1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM ? 0 : 3;
}

static void h_segv(int sig)
{
	_exit(sig == SIGSEGV ? 77 : 78);
}

static int segv_handler_child(void)
{
	handle(SIGSEGV, h_segv, 0, 0);
	return crasher();
}

static volatile int chld_seen;

static void h_chld(int sig)
{
	(void)sig;
	chld_seen++;
}

static int sigchld_child(void)
{
	sigset_t block, none;
	int st;

	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, NULL);
	handle(SIGCHLD, h_chld, 0, 0);
	spawn(exits_42);
	sigemptyset(&none);
	while (!chld_seen)
		sigsuspend(&none);	/* no lost wake-up: blocked until here */
	return wait(&st) > 0 && WEXITSTATUS(st) == 42 ? 0 : 1;
}

/* Floating point across handlers that use it too, at random moments. */
static volatile double h_junk;

static void h_fpu(int sig)
{
	double x = 0.1;

	(void)sig;
	for (int i = 0; i < 50; i++)
		x = x * 1.7 + 0.3;
	h_junk = x;
	h_count++;
}

static double series(int n)
{
	double s = 0;

	for (int i = 1; i <= n; i++)
		s += 1.0 / ((double)i * i);
	return s;
}

/* Sums computed again and again until three timer handlers (which use
 * the FPU themselves) have interrupted them: every sum must come out the
 * same.  Ends by the handler count, not by time. */
static int fpu_child(void)
{
	struct itimerval v = { { 0, 10000 }, { 0, 10000 } };
	volatile double quiet = series(20000), noisy;	/* stored: no x87 */
	long rounds = 0, bad = 0;			/* excess precision */

	handle(SIGALRM, h_fpu, 0, 0);
	setitimer(ITIMER_REAL, &v, NULL);
	while (h_count < 3 && rounds++ < 1000000) {
		noisy = series(20000);
		bad += noisy != quiet;
	}
	v.it_value.tv_usec = v.it_interval.tv_usec = 0;
	setitimer(ITIMER_REAL, &v, NULL);
	if (h_count < 3)
		return 2;
	return bad ? 1 : 0;
}

static volatile uintptr_t h_where;

static void h_where_am_i(int sig)
{
	volatile char local = 0;

	(void)sig;
	h_where = (uintptr_t)&local;
}

static int altstack_child(void)
{
	static char alt[16384];
	stack_t ss = { .ss_sp = alt, .ss_size = sizeof(alt), .ss_flags = 0 };
	uintptr_t lo = (uintptr_t)alt, hi = lo + sizeof(alt);

	if (sigaltstack(&ss, NULL) < 0)
		return 1;
	handle(SIGUSR1, h_where_am_i, SA_ONSTACK, 0);
	kill(getpid(), SIGUSR1);
	if (h_where < lo || h_where >= hi)
		return 2;
	h_where = 0;
	handle(SIGUSR1, h_where_am_i, 0, 0);
	kill(getpid(), SIGUSR1);
	return h_where && (h_where < lo || h_where >= hi) ? 0 : 3;
}

/* C's signal() and raise() go through PM (libposix), not newlib's table. */
static int signal_child(void)
{
	if (signal(SIGUSR1, h_simple) == SIG_ERR)
		return 1;
	raise(SIGUSR1);
	if (h_count != 1)
		return 2;
	raise(SIGUSR1);			/* BSD semantics: still installed */
	if (h_count != 2)
		return 3;
	if (signal(SIGTERM, SIG_IGN) == SIG_ERR)
		return 4;
	raise(SIGSTOP);			/* the parent's SIGTERM comes now */
	return 0;			/* ignored: still here */
}

static int abort_child(void)
{
	abort();
}

static volatile int si_ok;

static void h_info(int sig, siginfo_t *si, void *ctx)
{
	si_ok = si && si->si_signo == sig && ctx &&
		si->si_code == (sig == SIGSEGV ? SEGV_MAPERR : SI_USER) &&
		(sig == SIGSEGV ? si->si_addr == (void *)bad_address :
		 si->si_pid == getpid() && si->si_uid == getuid());
	if (sig == SIGSEGV)
		_exit(si_ok ? 0 : 4);
}

/* PM's own signals carry siginfo too: SIGCHLD says which child did what
 * (CLD_EXITED with the code, CLD_KILLED / CLD_STOPPED with the signal),
 * SIGALRM of an itimer is SI_TIMER. */
static volatile int got_sig, got_code, got_pid, got_status;

static void h_record(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	got_sig = sig;
	got_code = si->si_code;
	got_pid = si->si_pid;
	got_status = si->si_status;
}

static int wait_sig(int sig, const sigset_t *open)
{
	for (int i = 0; i < 100 && got_sig != sig; i++)
		sigsuspend(open);
	return got_sig == sig;
}

static int exit42(void) { return 42; }
static int stop_self(void) { raise(SIGSTOP); return 0; }

static int pm_siginfo_child(void)
{
	struct sigaction sa;
	struct itimerval it = { { 0, 0 }, { 0, 10000 } };
	sigset_t block, open;
	pid_t c;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = h_record;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, &open);
	if (sigaction(SIGCHLD, &sa, NULL) < 0 || sigaction(SIGALRM, &sa, NULL) < 0)
		return 1;
	got_sig = 0;
	c = spawn(exit42);
	if (!wait_sig(SIGCHLD, &open) || got_code != CLD_EXITED || got_pid != c ||
	    got_status != 42 || wait_for(c) < 0)
		return 2;
	got_sig = 0;
	c = spawn(stop_self);
	if (!wait_sig(SIGCHLD, &open) || got_code != CLD_STOPPED || got_pid != c ||
	    got_status != SIGSTOP)
		return 3;
	got_sig = 0;
	kill(c, SIGKILL);
	if (!wait_sig(SIGCHLD, &open) || got_code != CLD_KILLED || got_pid != c ||
	    got_status != SIGKILL || wait_for(c) < 0)
		return 4;
	got_sig = 0;
	if (setitimer(ITIMER_REAL, &it, NULL) < 0 || !wait_sig(SIGALRM, &open) ||
	    got_code != SI_TIMER)
		return 5;
	return 0;
}

static int siginfo_child(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = h_info;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGUSR1, &sa, NULL) < 0 || sigaction(SIGUSR1, NULL, &old) < 0 ||
	    !(old.sa_flags & SA_SIGINFO) || old.sa_sigaction != h_info)
		return 1;
	kill(getpid(), SIGUSR1);
	if (!si_ok)
		return 2;
	sigaction(SIGSEGV, &sa, NULL);
	crasher();
	return 3;
}

/*
 * Faults caught by a SA_SIGINFO handler that checks si_addr and si_code,
 * then siglongjmps out: each probe runs in a child whose exit status says
 * what went wrong (0: right address and code).
 */
#define PG 4096
static sigjmp_buf probe_jmp;
static volatile char *probe_at;
static volatile int probe_want, probe_status;
static volatile uintptr_t null_address;	/* 0, hidden from the compiler */

static void h_probe(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	probe_status = sig != SIGSEGV || si->si_signo != SIGSEGV ? 5 :
		si->si_addr != (void *)probe_at ? 6 :
		si->si_code != probe_want ? 7 : 0;
	siglongjmp(probe_jmp, 1);
}

/* 0, or 1: no fault, 5..7: h_probe's verdict, 8: no handler. */
static int probe(volatile char *at, int write, int want)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = h_probe;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSEGV, &sa, NULL) < 0)
		return 8;
	probe_at = at;
	probe_want = want;
	probe_status = 1;
	if (sigsetjmp(probe_jmp, 1) == 0) {
		if (write)
			*at = 1;
		else
			(void)*at;
		return 1;
	}
	return probe_status;
}

static int probe_null(void)
{
	return probe((volatile char *)null_address, 0, SEGV_MAPERR);
}

static int probe_readonly(void)
{
	char *p = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 9;
	if (p[100] != 0)		/* readable, zero */
		return 10;
	return probe(p + 100, 1, SEGV_ACCERR);
}

static int probe_unmapped(void)
{
	char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || munmap(p + PG, PG) < 0)
		return 9;
	p[0] = 1;
	return probe(p + PG + 33, 0, SEGV_MAPERR);
}

/* A guard page (mprotect PROT_NONE) read, then written; 11: the VM
 * (pm_double in suite "pm") has no mprotect. */
static int probe_guard(void)
{
	char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int r;

	if (p == MAP_FAILED)
		return 9;
	p[0] = p[PG] = 1;
	if (mprotect(p + PG, PG, PROT_NONE) < 0)
		return errno == ENOSYS ? 11 : 12;
	p[1] = 2;			/* the page below still works */
	if ((r = probe(p + PG + 7, 0, SEGV_ACCERR)) != 0)
		return r;
	if ((r = probe(p + PG + PG - 1, 1, SEGV_ACCERR)) != 0)
		return 20 + r;
	if (mprotect(p + PG, PG, PROT_READ | PROT_WRITE) < 0 || p[PG] != 1)
		return 13;		/* the page kept its contents */
	return p[1] == 2 ? 0 : 14;
}

static void test_fault_info(void)
{
	int st = wait_for(spawn(probe_null));

	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"NULL dereference: SA_SIGINFO handler sees si_addr 0, SEGV_MAPERR (0x%x)", st);
	st = wait_for(spawn(probe_readonly));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"write to a read-only mmap page: si_addr exact, SEGV_ACCERR (0x%x)", st);
	st = wait_for(spawn(probe_unmapped));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"read of a munmapped page: si_addr exact, SEGV_MAPERR (0x%x)", st);
	st = wait_for(spawn(probe_guard));
	if (WIFEXITED(st) && WEXITSTATUS(st) == 11)
		printf("ok %d - # SKIP guard page: this VM has no mprotect\n", ++checks);
	else
		ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
			"guard page (PROT_NONE) read and write: si_addr exact, SEGV_ACCERR; the page comes back intact (0x%x)", st);
}

static void test_handlers(void)
{
	int st = wait_for(spawn(handlers_child));

	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2,
		"handlers: run before kill returns, masks inside and after, nested, re-raised, SA_NODEFER, SA_RESETHAND (0x%x)", st);
	st = wait_for(spawn(eintr_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a handler ends waitpid, nanosleep (time left) and sigsuspend with EINTR (%d)", WEXITSTATUS(st));
	st = wait_for(spawn(restart_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "SA_RESTART: waitpid goes on after the handler (%d)", WEXITSTATUS(st));
	st = wait_for(spawn(segv_handler_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 77, "SIGSEGV from a fault reaches a handler (0x%x)", st);
	st = wait_for(spawn(sigchld_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "SIGCHLD handler wakes sigsuspend");
	st = wait_for(spawn(fpu_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "FPU state survives handlers that use the FPU (%d)", WEXITSTATUS(st));
	{
		pid_t c = spawn(signal_child);
		int stopped = waitpid(c, &st, WUNTRACED) == c && WIFSTOPPED(st);

		kill(c, SIGTERM);
		kill(c, SIGCONT);
		st = wait_for(c);
		ok(stopped && WIFEXITED(st) && WEXITSTATUS(st) == 0,
			"signal(): handlers through PM, raise() runs them, SIG_IGN protects from another's kill (0x%x)", st);
	}
	st = wait_for(spawn(abort_child));
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT && (st & 0x80), "abort(): SIGABRT with the core bit (0x%x)", st);
	st = wait_for(spawn(siginfo_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "SA_SIGINFO: siginfo (signo; SI_USER with pid, uid / SEGV_MAPERR with si_addr) and context (%d)", WEXITSTATUS(st));
	st = wait_for(spawn(pm_siginfo_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "siginfo of PM's own signals: SIGCHLD "
		"CLD_EXITED/STOPPED/KILLED with the child's pid and status, SIGALRM SI_TIMER (%d)",
		WEXITSTATUS(st));
	st = wait_for(spawn(altstack_child));
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "SA_ONSTACK runs on the sigaltstack, others on the normal stack (%d)", WEXITSTATUS(st));
}

/* Raw requests: everything libc would refuse before PM sees it. */
static int raw(int call, message *m)
{
	m->m_type = call;
	if (ipc_sendrec(PM_PROC_NR, m) != OK)
		return -9999;
	return m->m_type;
}

/* Messages only a terminal or VFS may send, forged by a user process. */
static void test_forged(void)
{
	pid_t victim = spawn(sleeper);
	message m;
	int st, r1, r2, r3;

	setpgid(victim, victim);
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_SIGNAL;
	m.m_cdev_sig.pgrp = victim;
	m.m_cdev_sig.sig = SIGKILL;
	r1 = ipc_sendrec(PM_PROC_NR, &m) == OK ? m.m_type : 0;
	memset(&m, 0, sizeof(m));
	m.m_type = VFS_PM_REPLY(VFS_PM_EXIT);
	m.m_vfs_pm_reply.endpt = victim;	/* not even an endpoint */
	m.m_vfs_pm_reply.pid = victim;
	r2 = ipc_sendrec(PM_PROC_NR, &m) == OK ? m.m_type : 0;
	memset(&m, 0, sizeof(m));
	m.m_type = VFS_PM_FORK;
	r3 = ipc_sendrec(PM_PROC_NR, &m) == OK ? m.m_type : 0;
	nap_ms(20);
	ok(r1 == -EPERM && r2 == -ENOSYS && r3 == -ENOSYS && kill(victim, 0) == 0 &&
		waitpid(victim, &st, WNOHANG) == 0,
		"a terminal's signal and VFS's replies forged by a user process change nothing (%d %d %d)", r1, r2, r3);
	kill(victim, SIGKILL);
	wait_for(victim);
}

static void test_hostile(void)
{
	message m;
	int bad = 0;

#define EXPECT(call, setup, want) do { \
	memset(&m, 0, sizeof(m)); setup; \
	int r_ = raw(call, &m); \
	if (r_ != (want)) { bad++; printf("# %s: %d, want %d\n", #call " " #setup, r_, want); } \
} while (0)
	EXPECT(PM_KILL, (m.m_lc_pm_kill.pid = 1, m.m_lc_pm_kill.sig = 32), -EINVAL);
	EXPECT(PM_KILL, (m.m_lc_pm_kill.pid = 1, m.m_lc_pm_kill.sig = -1), -EINVAL);
	EXPECT(PM_KILL, (m.m_lc_pm_kill.pid = INT_MIN, m.m_lc_pm_kill.sig = 0), -ESRCH);
	EXPECT(PM_KILL, (m.m_lc_pm_kill.pid = 77777, m.m_lc_pm_kill.sig = 0), -ESRCH);
	EXPECT(PM_SIGACTION, (m.m_lc_pm_sigaction.sig = 0), -EINVAL);
	EXPECT(PM_SIGACTION, (m.m_lc_pm_sigaction.sig = 32), -EINVAL);
	EXPECT(PM_SIGACTION, (m.m_lc_pm_sigaction.sig = SIGKILL, m.m_lc_pm_sigaction.set = 1), -EINVAL);
	EXPECT(PM_SIGACTION, (m.m_lc_pm_sigaction.sig = SIGUSR1, m.m_lc_pm_sigaction.set = 1,
		m.m_lc_pm_sigaction.handler = 0x1000, m.m_lc_pm_sigaction.trampoline = 0x40001000), -EFAULT);
	EXPECT(PM_SIGACTION, (m.m_lc_pm_sigaction.sig = SIGUSR1, m.m_lc_pm_sigaction.set = 1,
		m.m_lc_pm_sigaction.handler = 0x40001000, m.m_lc_pm_sigaction.trampoline = 0xfffff000), -EFAULT);
	EXPECT(PM_SIGPROCMASK, (m.m_lc_pm_sigmask.how = 7), -EINVAL);
	EXPECT(PM_WAITPID, (m.m_lc_pm_waitpid.pid = -1, m.m_lc_pm_waitpid.options = 0x100), -EINVAL);
	EXPECT(PM_WAITPID, (m.m_lc_pm_waitpid.pid = INT_MIN), -ECHILD);
	EXPECT(PM_WAITPID, (m.m_lc_pm_waitpid.pid = 4242), -ECHILD);
	EXPECT(PM_GETGROUPS, (m.m_lc_pm_groups.grant = 12345, m.m_lc_pm_groups.count = 4), 0);
	EXPECT(PM_SETGROUPS, (m.m_lc_pm_groups.grant = 12345, m.m_lc_pm_groups.count = 4), -EFAULT);
	EXPECT(PM_SETGROUPS, (m.m_lc_pm_groups.count = 33), -EINVAL);
	EXPECT(PM_SETUID, (m.m_lc_pm_setid.id = 0xffffffffu), -EINVAL);
	EXPECT(PM_SETPGID, (m.m_lc_pm_pgid.pid = -5), -EINVAL);
	EXPECT(PM_SETPGID, (m.m_lc_pm_pgid.pgid = -5), -EINVAL);
	EXPECT(PM_GETPGID, (m.m_lc_pm_pgid.pid = -5), -EINVAL);
	EXPECT(PM_NANOSLEEP, (m.m_lc_pm_time.nsec = 2000000000u), -EINVAL);
	EXPECT(PM_NANOSLEEP, (m.m_lc_pm_time.sec = -1), -EINVAL);
	EXPECT(PM_CLOCK_GET, (m.m_lc_pm_time.clock = 99), -EINVAL);
	EXPECT(PM_CLOCK_SET, (m.m_lc_pm_time.clock = MICA_CLOCK_REALTIME, m.m_lc_pm_time.nsec = 1000000000u), -EINVAL);
	EXPECT(PM_CLOCK_SET, (m.m_lc_pm_time.clock = MICA_CLOCK_MONOTONIC), -EINVAL);
	EXPECT(PM_ITIMER, (m.m_lc_pm_itimer.which = 5), -EINVAL);
	EXPECT(PM_ITIMER, (m.m_lc_pm_itimer.which = MICA_ITIMER_VIRTUAL), -EINVAL);
	EXPECT(PM_ITIMER, (m.m_lc_pm_itimer.set = 1, m.m_lc_pm_itimer.value_usec = 1000000u), -EINVAL);
	EXPECT(PM_ITIMER, (m.m_lc_pm_itimer.set = 1, m.m_lc_pm_itimer.value_sec = -3), -EINVAL);
	EXPECT(PM_EXEC, (m.m_lc_pm_exec.path_len = 0), -ENOENT);
	EXPECT(PM_EXEC, (m.m_lc_pm_exec.path_len = 1u << 30, m.m_lc_pm_exec.frame_len = 64), -ENAMETOOLONG);
	EXPECT(PM_EXEC, (m.m_lc_pm_exec.path_len = 4, m.m_lc_pm_exec.frame_len = 7), -EINVAL);
	EXPECT(PM_EXEC, (m.m_lc_pm_exec.path_len = 4, m.m_lc_pm_exec.frame_len = 1u << 30), -E2BIG);
	EXPECT(PM_EXEC, (m.m_lc_pm_exec.path = 999, m.m_lc_pm_exec.path_len = 4,
		m.m_lc_pm_exec.frame = 998, m.m_lc_pm_exec.frame_len = 64), -EFAULT);
	EXPECT(PM_REBOOT, (m.m_lc_pm_reboot.how = 7), -EINVAL);
	EXPECT(PM_SIGALTSTACK, (m.m_lc_pm_sigaltstack.set = 1, m.m_lc_pm_sigaltstack.flags = 0x80), -EINVAL);
	EXPECT(PM_SIGALTSTACK, (m.m_lc_pm_sigaltstack.set = 1, m.m_lc_pm_sigaltstack.sp = 0x50000000,
		m.m_lc_pm_sigaltstack.size = 100), -ENOMEM);
	EXPECT(PM_SIGALTSTACK, (m.m_lc_pm_sigaltstack.set = 1, m.m_lc_pm_sigaltstack.sp = 0x100,
		m.m_lc_pm_sigaltstack.size = 8192), -EFAULT);
	EXPECT(PM_RQ_BASE + PM_NR_CALLS, (void)0, -ENOSYS);
	EXPECT(PM_RQ_BASE - 1, (void)0, -ENOSYS);
#undef EXPECT
	ok(bad == 0, "hostile requests on the wire get EINVAL/EFAULT/ESRCH/... (%d wrong)", bad);
	test_forged();
}

static void test_exec(void)
{
	char *argv[] = { "prog", "arg", NULL }, *envp[] = { "A=1", NULL };

	ok(fails_with(execve("/nowhere/prog", argv, envp), ENOENT),
		"execve reaches VFS through PM's indirect grants: ENOENT from VFS");
	ok(fails_with(execve("/bin/prog", argv, envp), ENOEXEC),
		"VFS read the path and a sound frame through PM's grants");
}

static void test_vfs_protocol(int forks_before)
{
	message m;
	int r;

	(void)forks_before;
	memset(&m, 0, sizeof(m));
	m.m_type = PMD_STATS;
	r = ipc_sendrec(VFS_PROC_NR, &m);
	ok(r == OK && m.m_type == OK && m.m_u32.data[PMD_BAD] == 0,
		"VFS saw no protocol violation from PM (%u)", m.m_u32.data[PMD_BAD]);
	ok(m.m_u32.data[PMD_FORKS] >= 1000 && m.m_u32.data[PMD_FORKS] == m.m_u32.data[PMD_EXITS],
		"VFS heard of every fork and every exit (%u forks, %u exits)",
		m.m_u32.data[PMD_FORKS], m.m_u32.data[PMD_EXITS]);
	ok(m.m_u32.data[PMD_IDS] >= 10 && m.m_u32.data[PMD_EXECS] == 3,
		"identity changes and exec requests reached VFS (%u, %u)",
		m.m_u32.data[PMD_IDS], m.m_u32.data[PMD_EXECS]);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("# test_pm: init, pid %d\n", getpid());
	test_ids();
	test_fork_basic();
	test_zombie();
	test_orphans();
	test_wnohang_and_kill();
	test_default_actions();
	test_fault();
	test_kernel_exit();
	test_masks();
	test_sigchld();
	test_groups();
	test_sessions();
	test_kill_all();
	test_time();
	test_handlers();
	test_fault_info();
	test_hostile();
	test_exec();
	test_storm();
	test_vfs_protocol(0);
	printf("1..%d\n", checks);
	return 0;
}
