/*
 * t_ldisc.c - CUnit tests of the TTY line discipline (drivers/tty/ldisc.c):
 * canonical editing, EOF, signals, echo and output processing, raw mode
 * with VMIN, a full queue, and the ioctls.  Output and signals are
 * captured by fake ops.
 */
#include <CUnit/Basic.h>
#include <string.h>
#include <errno.h>
#include "ldisc.h"

static char out[1024];
static u32_t out_len;
static int sigs[16], sig_pgrp[16], nsigs, oflushes;

static void f_put(void *arg, u8_t c)
{
	(void)arg;
	if (out_len < sizeof(out) - 1)
		out[out_len++] = (char)c;
	out[out_len] = 0;
}

static void f_signal(void *arg, int pgrp, int sig)
{
	(void)arg;
	if (nsigs < 16) {
		sig_pgrp[nsigs] = pgrp;
		sigs[nsigs++] = sig;
	}
}

static void f_oflush(void *arg)
{
	(void)arg;
	oflushes++;
}

static const struct ldisc_ops ops = { f_put, f_signal, f_oflush };
static struct ldisc ld;

static void setup(void)
{
	out_len = 0;
	out[0] = 0;
	nsigs = oflushes = 0;
	ldisc_init(&ld, &ops, NULL);
}

static void type(const char *s)
{
	while (*s)
		ldisc_input(&ld, (u8_t)*s++);
}

/* Read up to max bytes into a NUL-terminated string; returns the count. */
static u32_t rd(char *buf, u32_t max)
{
	u32_t n = ldisc_read(&ld, (u8_t *)buf, max);

	buf[n] = 0;
	return n;
}

static void raw_mode(int vmin)
{
	struct termios t;

	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TCGETS, &t), 0);
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	t.c_cc[VMIN] = (cc_t)vmin;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TCSETS, &t), 0);
}

static void test_canon_line(void)
{
	char buf[64];

	setup();
	type("hello");
	CU_ASSERT_FALSE(ldisc_readable(&ld, 10));
	type("\r");			/* ICRNL */
	CU_ASSERT_TRUE(ldisc_readable(&ld, 10));
	CU_ASSERT_EQUAL(ldisc_available(&ld), 6);
	CU_ASSERT_EQUAL(rd(buf, sizeof(buf) - 1), 6);
	CU_ASSERT_STRING_EQUAL(buf, "hello\n");
	CU_ASSERT_STRING_EQUAL(out, "hello\r\n");	/* echo, ONLCR */
	CU_ASSERT_FALSE(ldisc_readable(&ld, 10));
}

static void test_canon_partial_and_two_lines(void)
{
	char buf[64];

	setup();
	type("ab\ncd\n");
	CU_ASSERT_EQUAL(rd(buf, 1), 1);
	CU_ASSERT_STRING_EQUAL(buf, "a");
	CU_ASSERT_EQUAL(rd(buf, 10), 2);	/* rest of the line only */
	CU_ASSERT_STRING_EQUAL(buf, "b\n");
	CU_ASSERT_EQUAL(rd(buf, 10), 3);
	CU_ASSERT_STRING_EQUAL(buf, "cd\n");
}

static void test_erase_kill(void)
{
	char buf[64];

	setup();
	type("abx\177c\n");
	CU_ASSERT_EQUAL(rd(buf, 60), 4);
	CU_ASSERT_STRING_EQUAL(buf, "abc\n");
	CU_ASSERT_STRING_EQUAL(out, "abx\b \bc\r\n");
	out_len = 0;
	type("junk\025ok\n");
	CU_ASSERT_EQUAL(rd(buf, 60), 3);
	CU_ASSERT_STRING_EQUAL(buf, "ok\n");
	CU_ASSERT_STRING_EQUAL(out, "junk\025\r\nok\r\n");	/* ECHOK */
	/* erase never reaches into a finished line */
	type("x\n\177\177y\n");
	CU_ASSERT_EQUAL(rd(buf, 60), 2);
	CU_ASSERT_STRING_EQUAL(buf, "x\n");
	CU_ASSERT_EQUAL(rd(buf, 60), 2);
	CU_ASSERT_STRING_EQUAL(buf, "y\n");
}

static void test_eof(void)
{
	char buf[64];

	setup();
	type("\004");			/* ^D on an empty line: EOF */
	CU_ASSERT_TRUE(ldisc_readable(&ld, 10));
	CU_ASSERT_EQUAL(rd(buf, 60), 0);
	CU_ASSERT_FALSE(ldisc_readable(&ld, 10));
	type("abc\004");		/* ^D ends a line without a newline */
	CU_ASSERT_EQUAL(rd(buf, 60), 3);
	CU_ASSERT_STRING_EQUAL(buf, "abc");
	CU_ASSERT_FALSE(ldisc_readable(&ld, 10));
	CU_ASSERT_STRING_EQUAL(out, "abc");	/* ^D not echoed */
}

static void test_signals(void)
{
	int pgrp = 42;
	char buf[8];

	setup();
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSPGRP, &pgrp), 0);
	type("abc\003");
	CU_ASSERT_EQUAL(nsigs, 1);
	CU_ASSERT_EQUAL(sigs[0], SIGINT);
	CU_ASSERT_EQUAL(sig_pgrp[0], 42);
	type("\n");
	CU_ASSERT_EQUAL(rd(buf, 7), 1);	/* "abc" was flushed */
	type("\034\032");
	CU_ASSERT_EQUAL(nsigs, 3);
	CU_ASSERT_EQUAL(sigs[1], SIGQUIT);
	CU_ASSERT_EQUAL(sigs[2], SIGTSTP);
}

static void test_signals_off(void)
{
	struct termios t;
	char buf[8];

	setup();
	ldisc_ioctl(&ld, TCGETS, &t);
	t.c_lflag &= ~(tcflag_t)ISIG;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TCSETS, &t), 0);
	type("\003\n");
	CU_ASSERT_EQUAL(nsigs, 0);
	CU_ASSERT_EQUAL(rd(buf, 7), 2);
	CU_ASSERT_EQUAL(buf[0], 3);
}

static void test_noflsh(void)
{
	struct termios t;
	char buf[8];

	setup();
	ldisc_ioctl(&ld, TCGETS, &t);
	t.c_lflag |= NOFLSH;
	ldisc_ioctl(&ld, TCSETS, &t);
	type("ab\003\n");
	CU_ASSERT_EQUAL(nsigs, 1);
	CU_ASSERT_EQUAL(rd(buf, 7), 3);
}

static void test_raw_vmin(void)
{
	char buf[64];

	setup();
	raw_mode(3);
	type("a\177");			/* no editing in raw mode */
	CU_ASSERT_FALSE(ldisc_readable(&ld, 10));
	CU_ASSERT_TRUE(ldisc_readable(&ld, 2));	/* min(VMIN, count) */
	type("\r");			/* ICRNL still applies */
	CU_ASSERT_TRUE(ldisc_readable(&ld, 10));
	CU_ASSERT_EQUAL(rd(buf, 60), 3);
	CU_ASSERT_EQUAL(memcmp(buf, "a\177\n", 3), 0);
	CU_ASSERT_STRING_EQUAL(out, "");	/* ECHO off */
	raw_mode(0);
	CU_ASSERT_TRUE(ldisc_readable(&ld, 10));	/* VMIN 0: never waits */
	CU_ASSERT_EQUAL(rd(buf, 60), 0);
}

static void test_vtime(void)
{
	struct termios t;

	setup();
	CU_ASSERT_EQUAL(ldisc_vtime(&ld, 100), 0);	/* VTIME 0 */
	ldisc_ioctl(&ld, TCGETS, &t);
	t.c_cc[VTIME] = 5;
	ldisc_ioctl(&ld, TCSETS, &t);
	CU_ASSERT_EQUAL(ldisc_vtime(&ld, 100), 0);	/* canonical: none */
	raw_mode(0);
	CU_ASSERT_EQUAL(ldisc_vtime(&ld, 100), 50);	/* 0.5 s at 100 Hz */
	CU_ASSERT_EQUAL(ldisc_vtime(&ld, 1), 1);	/* never 0 */
	CU_ASSERT_FALSE(ldisc_vtime_restarts(&ld));
	CU_ASSERT_TRUE(ldisc_timeout_readable(&ld));	/* VMIN 0: always */
	CU_ASSERT_FALSE(ldisc_readable(&ld, 10));	/* waits for a byte */
	type("x");
	CU_ASSERT_TRUE(ldisc_readable(&ld, 10));
	ldisc_flush_input(&ld);
	raw_mode(4);
	CU_ASSERT_TRUE(ldisc_vtime_restarts(&ld));
	CU_ASSERT_FALSE(ldisc_timeout_readable(&ld));	/* nothing yet */
	type("ab");
	CU_ASSERT_FALSE(ldisc_readable(&ld, 10));
	CU_ASSERT_TRUE(ldisc_timeout_readable(&ld));
}

static void test_mode_switch(void)
{
	char buf[64];

	setup();
	type("half");
	CU_ASSERT_FALSE(ldisc_readable(&ld, 1));
	raw_mode(1);			/* the edited line becomes readable */
	CU_ASSERT_TRUE(ldisc_readable(&ld, 1));
	CU_ASSERT_EQUAL(rd(buf, 60), 4);
}

static void test_full_queue(void)
{
	char buf[LDISC_INQ + 8];
	u32_t i;

	setup();
	for (i = 0; i < LDISC_INQ + 20; i++)
		ldisc_input(&ld, 'x');
	CU_ASSERT_EQUAL(ld.count, LDISC_INQ - 1);
	CU_ASSERT_FALSE(ldisc_readable(&ld, 1));
	ldisc_input(&ld, '\n');		/* the reserved slot */
	CU_ASSERT_TRUE(ldisc_readable(&ld, 1));
	CU_ASSERT_EQUAL(rd(buf, sizeof(buf) - 1), LDISC_INQ);
	CU_ASSERT_EQUAL(buf[LDISC_INQ - 1], '\n');
	/* the ring wraps correctly afterwards */
	type("wrap\n");
	CU_ASSERT_EQUAL(rd(buf, 60), 5);
	CU_ASSERT_STRING_EQUAL(buf, "wrap\n");
}

/* A PTY master waits only when a reader can make room (ldisc.h). */
static void test_input_full(void)
{
	char buf[LDISC_INQ + 8];
	u32_t i;

	setup();
	CU_ASSERT_FALSE(ldisc_input_full(&ld));
	for (i = 0; i < LDISC_INQ - 2; i++)
		ldisc_input(&ld, 'x');
	CU_ASSERT_FALSE(ldisc_input_full(&ld));
	ldisc_input(&ld, 'x');
	/* a full partial line: no reader can take it, so never wait */
	CU_ASSERT_FALSE(ldisc_input_full(&ld));
	ldisc_input(&ld, '\n');
	/* a whole line waits for its reader: now the writer waits */
	CU_ASSERT_TRUE(ldisc_input_full(&ld));
	CU_ASSERT_EQUAL(rd(buf, sizeof(buf) - 1), LDISC_INQ);
	CU_ASSERT_FALSE(ldisc_input_full(&ld));
	raw_mode(1);
	for (i = 0; i < LDISC_INQ; i++)
		ldisc_input(&ld, 'y');
	CU_ASSERT_TRUE(ldisc_input_full(&ld));	/* raw: all readable */
	CU_ASSERT_EQUAL(rd(buf, 10), 10);
	CU_ASSERT_FALSE(ldisc_input_full(&ld));
}

/* A window size change raises SIGWINCH for the foreground group. */
static void test_winch(void)
{
	struct winsize ws = { 40, 100, 0, 0 };
	int pgrp = 12;

	setup();
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSWINSZ, &ws), 0);
	CU_ASSERT_EQUAL(nsigs, 0);		/* no foreground group: none */
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSPGRP, &pgrp), 0);
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSWINSZ, &ws), 0);
	CU_ASSERT_EQUAL(nsigs, 0);		/* the same size: none */
	ws.ws_col = 101;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSWINSZ, &ws), 0);
	CU_ASSERT_EQUAL(nsigs, 1);
	CU_ASSERT_EQUAL(sigs[0], SIGWINCH);
	CU_ASSERT_EQUAL(sig_pgrp[0], 12);
}

static void test_output(void)
{
	struct termios t;

	setup();
	ldisc_write(&ld, (const u8_t *)"a\nb", 3);
	CU_ASSERT_STRING_EQUAL(out, "a\r\nb");
	CU_ASSERT_FALSE(ldisc_output_raw(&ld));
	ldisc_ioctl(&ld, TCGETS, &t);
	t.c_oflag &= ~(tcflag_t)OPOST;
	ldisc_ioctl(&ld, TCSETS, &t);
	CU_ASSERT_TRUE(ldisc_output_raw(&ld));
	out_len = 0;
	ldisc_write(&ld, (const u8_t *)"a\nb", 3);
	CU_ASSERT_STRING_EQUAL(out, "a\nb");
}

static void test_ioctls(void)
{
	struct termios t;
	struct winsize ws = { 50, 132, 0, 0 };
	u32_t size;
	int dir, v;

	setup();
	CU_ASSERT_EQUAL(ldisc_ioctl_arg(TCGETS, &size, &dir), 0);
	CU_ASSERT_EQUAL(size, sizeof(struct termios));
	CU_ASSERT_EQUAL(dir, LDISC_ARG_OUT);
	CU_ASSERT_EQUAL(ldisc_ioctl_arg(TCSETSF, &size, &dir), 0);
	CU_ASSERT_EQUAL(dir, LDISC_ARG_IN);
	CU_ASSERT_EQUAL(ldisc_ioctl_arg(0x1234, &size, &dir), -ENOTTY);
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, 0x1234, &v), -ENOTTY);

	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TCGETS, &t), 0);
	CU_ASSERT_TRUE(t.c_lflag & ICANON);
	CU_ASSERT_EQUAL(t.c_cc[VMIN], 1);
	t.c_cflag = (t.c_cflag & ~(tcflag_t)CSIZE) | 0000020;	/* CS6 */
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TCSETS, &t), -EINVAL);

	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSWINSZ, &ws), 0);
	ws.ws_row = 0;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCGWINSZ, &ws), 0);
	CU_ASSERT_EQUAL(ws.ws_row, 50);
	CU_ASSERT_EQUAL(ws.ws_col, 132);

	v = 0;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSPGRP, &v), -EINVAL);
	v = -3;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSPGRP, &v), -EINVAL);
	v = 7;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCSPGRP, &v), 0);
	v = 0;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TIOCGPGRP, &v), 0);
	CU_ASSERT_EQUAL(v, 7);

	type("abc\nde");
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, FIONREAD, &v), 0);
	CU_ASSERT_EQUAL(v, 4);
	v = 99;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TCFLSH, &v), -EINVAL);
	v = TCIOFLUSH;
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TCFLSH, &v), 0);
	CU_ASSERT_EQUAL(oflushes, 1);
	CU_ASSERT_EQUAL(ldisc_available(&ld), 0);

	type("q\n");
	ldisc_ioctl(&ld, TCGETS, &t);
	CU_ASSERT_EQUAL(ldisc_ioctl(&ld, TCSETSF, &t), 0);	/* flushes */
	CU_ASSERT_EQUAL(ldisc_available(&ld), 0);
}

static void test_echonl_igncr(void)
{
	struct termios t;
	char buf[8];

	setup();
	ldisc_ioctl(&ld, TCGETS, &t);
	t.c_lflag = (t.c_lflag & ~(tcflag_t)ECHO) | ECHONL;
	t.c_iflag = IGNCR;
	ldisc_ioctl(&ld, TCSETS, &t);
	type("a\r\n");
	CU_ASSERT_STRING_EQUAL(out, "\r\n");	/* only the newline */
	CU_ASSERT_EQUAL(rd(buf, 7), 2);
	CU_ASSERT_STRING_EQUAL(buf, "a\n");
}

static void test_job_control(void)
{
	struct termios t;
	int pgrp = 5;

	setup();
	CU_ASSERT_EQUAL(ldisc_job_signal(&ld, 9, 0), 0);	/* no fg group yet */
	ldisc_ioctl(&ld, TIOCSPGRP, &pgrp);
	CU_ASSERT_EQUAL(ldisc_job_signal(&ld, 5, 0), 0);
	CU_ASSERT_EQUAL(ldisc_job_signal(&ld, 0, 0), 0);	/* unknown group */
	CU_ASSERT_EQUAL(ldisc_job_signal(&ld, 9, 0), SIGTTIN);
	CU_ASSERT_EQUAL(ldisc_job_signal(&ld, 9, 1), 0);	/* no TOSTOP */
	ldisc_ioctl(&ld, TCGETS, &t);
	t.c_lflag |= TOSTOP;
	ldisc_ioctl(&ld, TCSETS, &t);
	CU_ASSERT_EQUAL(ldisc_job_signal(&ld, 9, 1), SIGTTOU);
	CU_ASSERT_EQUAL(ldisc_job_signal(&ld, 5, 1), 0);
}

int ldisc_suite(void)
{
	CU_pSuite s = CU_add_suite("ldisc", NULL, NULL);

	if (!s)
		return -1;
	CU_add_test(s, "canonical line", test_canon_line);
	CU_add_test(s, "partial reads, two lines", test_canon_partial_and_two_lines);
	CU_add_test(s, "erase and kill", test_erase_kill);
	CU_add_test(s, "EOF", test_eof);
	CU_add_test(s, "signals", test_signals);
	CU_add_test(s, "ISIG off", test_signals_off);
	CU_add_test(s, "NOFLSH", test_noflsh);
	CU_add_test(s, "raw mode, VMIN", test_raw_vmin);
	CU_add_test(s, "mode switch", test_mode_switch);
	CU_add_test(s, "VTIME", test_vtime);
	CU_add_test(s, "full queue", test_full_queue);
	CU_add_test(s, "input full (PTY master)", test_input_full);
	CU_add_test(s, "SIGWINCH", test_winch);
	CU_add_test(s, "output processing", test_output);
	CU_add_test(s, "ioctls", test_ioctls);
	CU_add_test(s, "ECHONL, IGNCR", test_echonl_igncr);
	CU_add_test(s, "job control", test_job_control);
	return 0;
}

int main(void)
{
	unsigned failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	if (ldisc_suite() != 0)
		return 1;
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
