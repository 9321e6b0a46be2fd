/*
 * test_tty.c - the TTY driver in QEMU, driven through the cdev protocol
 * the way VFS will drive it, with input typed into the serial port by the
 * harness (tests/os/tty.input, one chunk per "# feed" line printed here).
 *   tty: test_tty role=main priv=sys, tty priv=sys sigmgr=0
 * main is endpoint 0 (and the TTY's signal manager), the TTY endpoint 1.
 * Covers open/ioctl/read/write, canonical reads with echo, erase and
 * kill, ^D, ^C/^\/^Z reported as CDEV_SIGNAL, raw mode with VMIN and VTIME, select
 * with a later notification, a suspended read cancelled, job control
 * (SIGTTIN, TOSTOP's SIGTTOU), bogus requests answered with errors, and
 * PTY pairs at the protocol level: opens (EIO, ENXIO, the CDEV_CTTY
 * handshake and its hostile fields), I/O both ways with watchers and
 * waiting requests, ^C, full input and a cancelled partial write, hangup.
 */
#include "tap.h"
#include <mica/cdev.h>
#include <mica/termios.h>

#define TTY 1
#define PGRP 7

static u32_t next_id = 100;

static message msg(int type)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	return m;
}

static void feed(void)
{
	printf("# feed\n");
}

/* Wait for the CDEV_REPLY to request id; its status, or -9999. */
static int wait_reply(u32_t id)
{
	message m;

	if (ipc_receive(TTY, &m) != OK || m.m_type != CDEV_REPLY ||
		m.m_cdev_reply.id != id)
		return -9999;
	return m.m_cdev_reply.status;
}

/* Send a request and take its reply; -9998 when another reply came. */
static int call(message *m, u32_t id)
{
	if (ipc_sendrec(TTY, m) != OK)
		return -9997;
	if (m->m_type != CDEV_REPLY)
		return -9996;
	return m->m_cdev_reply.id == id ? m->m_cdev_reply.status : -9998;
}

static message rw_msg(int type, int minor, cp_grant_id_t g, u32_t count,
	u32_t flags, u32_t id)
{
	message m = msg(type);

	m.m_cdev_rw.minor = minor;
	m.m_cdev_rw.id = id;
	m.m_cdev_rw.grant = g;
	m.m_cdev_rw.count = count;
	m.m_cdev_rw.flags = flags;
	m.m_cdev_rw.user = sys_self;
	return m;
}

/* A blocking read of at most max bytes into buf (NUL-terminated). */
static int tty_read(char *buf, u32_t max, u32_t flags)
{
	cp_grant_id_t g = cpf_grant_direct(TTY, (vir_bytes)buf, max, CPF_WRITE);
	u32_t id = next_id++;
	message m = rw_msg(CDEV_READ, 0, g, max, flags, id);
	int r = call(&m, id);

	cpf_revoke(g);
	buf[r > 0 ? r : 0] = 0;
	return r;
}

static int tty_ioctl(u32_t request, void *arg, u32_t len, u32_t access)
{
	cp_grant_id_t g = cpf_grant_direct(TTY, (vir_bytes)arg, len, access);
	u32_t id = next_id++;
	message m = msg(CDEV_IOCTL);
	int r;

	m.m_cdev_ioctl.minor = 0;
	m.m_cdev_ioctl.id = id;
	m.m_cdev_ioctl.request = request;
	m.m_cdev_ioctl.grant = g;
	m.m_cdev_ioctl.user = sys_self;
	r = call(&m, id);
	cpf_revoke(g);
	return r;
}

static int fionread(void)
{
	int n = -1, r = tty_ioctl(FIONREAD, &n, sizeof(n), CPF_WRITE);

	return r == OK ? n : r;
}

/* Change the local flags and VMIN; TCSETSW also drains output. */
static int set_mode(tcflag_t lflag, int vmin)
{
	struct termios t;
	int r;

	if ((r = tty_ioctl(TCGETS, &t, sizeof(t), CPF_WRITE)) != OK)
		return r;
	t.c_lflag = lflag;
	t.c_cc[VMIN] = (cc_t)vmin;
	return tty_ioctl(TCSETSW, &t, sizeof(t), CPF_READ);
}

static int select_msg(u32_t ops, int *minor)
{
	message m = msg(CDEV_SELECT);

	m.m_cdev_select.minor = 0;
	m.m_cdev_select.ops = ops;
	if (ipc_sendrec(TTY, &m) != OK || m.m_type != CDEV_SEL1_REPLY)
		return -9999;
	*minor = m.m_cdev_sel.minor;
	return m.m_cdev_sel.status;
}

static int open_minor(int minor, u32_t access)
{
	u32_t id = next_id++;
	message m = msg(CDEV_OPEN);

	m.m_cdev_oc.minor = minor;
	m.m_cdev_oc.id = id;
	m.m_cdev_oc.access = access;
	m.m_cdev_oc.user = sys_self;
	return call(&m, id);
}

static void t_open_ioctl(void)
{
	struct termios t;
	struct winsize ws;
	int pgrp = PGRP;

	tap_is(open_minor(0, CDEV_R | CDEV_W), OK, "open /dev/console");
	tap_is(open_minor(1, CDEV_R | CDEV_W | CDEV_NOCTTY), OK, "open /dev/tty");
	tap_is(open_minor(2, CDEV_R), -ENXIO, "open of a minor that does not exist");
	tap_is(open_minor(0, 0x80), -EINVAL, "open with unknown access bits");
	tap_is(tty_ioctl(TCGETS, &t, sizeof(t), CPF_WRITE), OK, "TCGETS");
	tap_ok((t.c_lflag & (ICANON | ECHO | ISIG)) == (ICANON | ECHO | ISIG) &&
		t.c_cc[VINTR] == 3 && t.c_cc[VMIN] == 1, "default termios: canonical, echo, ISIG");
	tap_is(tty_ioctl(TIOCGWINSZ, &ws, sizeof(ws), CPF_WRITE), OK, "TIOCGWINSZ");
	tap_ok(ws.ws_row == 24 && ws.ws_col == 80, "window 24x80");
	tap_is(tty_ioctl(TIOCSPGRP, &pgrp, sizeof(pgrp), CPF_READ), OK, "TIOCSPGRP");
	pgrp = 0;
	tap_ok(tty_ioctl(TIOCGPGRP, &pgrp, sizeof(pgrp), CPF_WRITE) == OK &&
		pgrp == PGRP, "TIOCGPGRP gives it back");
}

static void t_canonical(void)
{
	char buf[64];

	feed();				/* "hello\r" */
	tap_is(tty_read(buf, 63, 0), 6, "canonical read of a typed line");
	tap_ok(!strcmp(buf, "hello\n"), "the line, CR mapped to NL");
	tap_is(set_mode(ISIG | ICANON | ECHOE | ECHOK, 1), OK, "echo off (TCSETSW)");
	feed();				/* "abx\x7fc\rjunk\x15ok\r" */
	tap_is(tty_read(buf, 63, 0), 4, "erase: one line");
	tap_ok(!strcmp(buf, "abc\n"), "erase removed one character");
	tap_is(tty_read(buf, 63, 0), 3, "kill: the next line");
	tap_ok(!strcmp(buf, "ok\n"), "kill removed the whole line");
	feed();				/* "\x04" */
	tap_is(tty_read(buf, 63, 0), 0, "^D on an empty line reads as end of file");
	feed();				/* "abc\x04" */
	tap_is(tty_read(buf, 63, 0), 3, "^D ends a line without newline");
	tap_is(tty_read(buf, 63, CDEV_NONBLOCK), -EAGAIN,
		"nothing left: non-blocking read gets EAGAIN");
}

static int wait_signal(int *pgrp)
{
	message m;

	if (ipc_receive(TTY, &m) != OK || m.m_type != CDEV_SIGNAL)
		return -9999;
	*pgrp = m.m_cdev_sig.pgrp;
	return m.m_cdev_sig.sig;
}

static void t_signals(void)
{
	int pgrp = 0;

	feed();				/* "zz\x03" */
	tap_is(wait_signal(&pgrp), SIGINT, "^C reported as SIGINT");
	tap_is(pgrp, PGRP, "to the foreground process group");
	tap_is(fionread(), 0, "^C flushed the pending input");
	feed();				/* "\x1c\x1a" */
	tap_is(wait_signal(&pgrp), SIGQUIT, "^\\ reported as SIGQUIT");
	tap_is(wait_signal(&pgrp), SIGTSTP, "^Z reported as SIGTSTP");
}

static void t_raw(void)
{
	char buf[16];
	cp_grant_id_t g = cpf_grant_direct(TTY, (vir_bytes)buf, 10, CPF_WRITE);
	u32_t id = next_id++;
	message m = rw_msg(CDEV_READ, 0, g, 10, 0, id);
	int n, spins;

	tap_is(set_mode(0, 3), OK, "raw mode, VMIN 3");
	tap_is(ipc_send(TTY, &m), OK, "read sent");
	feed();				/* "ab" */
	for (spins = 0; (n = fionread()) != 2 && spins < 200; spins++)
		tap_sleep(1);
	tap_is(n, 2, "two bytes queued, the read still waits for VMIN");
	feed();				/* "c" */
	tap_is(wait_reply(id), 3, "the third byte completes the read");
	tap_ok(!memcmp(buf, "abc", 3), "raw bytes");
	cpf_revoke(g);
	tap_is(set_mode(0, 2), OK, "VMIN 2");
	feed();				/* "x\x7f" */
	tap_is(tty_read(buf, 10, 0), 2, "raw read of two bytes");
	tap_ok(buf[0] == 'x' && buf[1] == 0x7f, "no erase processing in raw mode");
}

static u32_t uptime(void)
{
	u32_t now = 0;

	sys_times(SELF, &now, NULL);
	return now;
}

/* VTIME in tenths of a second, VMIN vmin. */
static int set_vtime(int vmin, int vtime)
{
	struct termios t;
	int r;

	if ((r = tty_ioctl(TCGETS, &t, sizeof(t), CPF_WRITE)) != OK)
		return r;
	t.c_lflag = 0;
	t.c_cc[VMIN] = (cc_t)vmin;
	t.c_cc[VTIME] = (cc_t)vtime;
	return tty_ioctl(TCSETS, &t, sizeof(t), CPF_READ);
}

static void t_vtime(void)
{
	char buf[16];
	u32_t t0, dt;

	tap_is(set_vtime(0, 3), OK, "VMIN 0, VTIME 3");
	t0 = uptime();
	tap_is(tty_read(buf, 10, 0), 0, "nothing typed: the read times out empty");
	dt = uptime() - t0;
	tap_ok(dt >= 3 * HZ / 10, "after VTIME (%u ticks)", dt);
	tap_is(set_vtime(5, 2), OK, "VMIN 5, VTIME 2");
	feed();				/* "vt" */
	tap_is(tty_read(buf, 10, 0), 2, "two bytes, then the inter-byte timer ends the read");
	tap_ok(!memcmp(buf, "vt", 2), "the two bytes");
	tap_is(set_vtime(0, 250), OK, "VMIN 0, VTIME 25 s");
	feed();				/* "z" */
	t0 = uptime();
	tap_is(tty_read(buf, 10, 0), 1, "a byte ends the read before VTIME");
	dt = uptime() - t0;
	tap_ok(dt < 250 * HZ / 10, "long before VTIME (%u ticks)", dt);
	tap_is(set_vtime(1, 0), OK, "VMIN 1, VTIME 0");
}

static void t_select(void)
{
	message m;
	char buf[8];
	int minor = -1;

	tap_is(select_msg(CDEV_OP_RD | CDEV_OP_WR | CDEV_NOTIFY, &minor),
		CDEV_OP_WR, "select: writable, not readable");
	tap_is(set_mode(0, 1), OK, "VMIN 1");
	feed();				/* "q" */
	tap_ok(ipc_receive(TTY, &m) == OK && m.m_type == CDEV_SEL2_REPLY &&
		m.m_cdev_sel.status == CDEV_OP_RD && m.m_cdev_sel.minor == 0,
		"typed input: a later select notification for reading");
	tap_is(select_msg(CDEV_OP_RD | CDEV_OP_WR, &minor),
		CDEV_OP_RD | CDEV_OP_WR, "select: now readable and writable");
	tap_is(tty_read(buf, 8, 0), 1, "read the byte");
}

static void t_cancel(void)
{
	char buf[8];
	cp_grant_id_t g = cpf_grant_direct(TTY, (vir_bytes)buf, 8, CPF_WRITE);
	u32_t id = next_id++;
	message m = rw_msg(CDEV_READ, 0, g, 8, 0, id);
	message c = msg(CDEV_CANCEL);

	tap_is(ipc_send(TTY, &m), OK, "a read with nothing to read is sent");
	c.m_cdev_cancel.minor = 0;
	c.m_cdev_cancel.id = id;
	tap_is(call(&c, id), -EINTR, "cancel answers the suspended read with EINTR");
	c = msg(CDEV_CANCEL);
	c.m_cdev_cancel.id = 4242;
	tap_is(ipc_send(TTY, &c), OK, "cancel of an unknown id is sent");
	tap_is(fionread(), 0, "and gets no reply (the next reply is the next request's)");
	cpf_revoke(g);
}

static void t_write(void)
{
	static const char line[] = "# tty write through the driver\n";
	cp_grant_id_t g = cpf_grant_direct(TTY, (vir_bytes)line,
		sizeof(line) - 1, CPF_READ);
	u32_t id = next_id++;
	message m = rw_msg(CDEV_WRITE, 0, g, sizeof(line) - 1, 0, id);

	tap_is(call(&m, id), (int)sizeof(line) - 1, "write");
	cpf_revoke(g);
	tap_is(set_mode(ISIG | ICANON, 1), OK, "output drained");
}

/* A read or write by process group pgrp; its reply status. */
static int rw_as(int type, int pgrp, char *buf, u32_t len)
{
	cp_grant_id_t g = cpf_grant_direct(TTY, (vir_bytes)buf, len,
		type == CDEV_READ ? CPF_WRITE : CPF_READ);
	u32_t id = next_id++;
	message m = rw_msg(type, 0, g, len, CDEV_NONBLOCK, id);
	int r;

	m.m_cdev_rw.pgrp = pgrp;
	r = call(&m, id);
	cpf_revoke(g);
	return r;
}

static void t_jobs(void)
{
	char buf[8] = "# bg\n";
	int pgrp = 0;

	tap_is(rw_as(CDEV_READ, 9, buf, 8), -EINTR,
		"read from a background group: EINTR");
	tap_is(wait_signal(&pgrp), SIGTTIN, "and SIGTTIN reported");
	tap_is(pgrp, 9, "for the reader's group");
	tap_is(rw_as(CDEV_READ, PGRP, buf, 8), -EAGAIN,
		"the foreground group reads (nothing there)");
	tap_is(rw_as(CDEV_WRITE, 9, buf, 5), 5,
		"a background write goes out without TOSTOP");
	tap_is(set_mode(ISIG | ICANON | TOSTOP, 1), OK, "TOSTOP on");
	tap_is(rw_as(CDEV_WRITE, 9, buf, 5), -EINTR,
		"with TOSTOP a background write gets EINTR");
	tap_is(wait_signal(&pgrp), SIGTTOU, "and SIGTTOU reported");
	tap_is(set_mode(ISIG | ICANON, 1), OK, "TOSTOP off");
}

static void t_bogus(void)
{
	char buf[8];
	struct termios t;
	int minor, zero = 0;
	u32_t id = next_id++;
	message m = msg(CDEV_RQ_BASE + 40);

	tap_is(call(&m, 0), -ENOSYS, "unknown request: ENOSYS");
	m = rw_msg(CDEV_READ, 99, GRANT_INVALID, 8, 0, id);
	tap_is(call(&m, id), -ENXIO, "read of minor 99: ENXIO");
	m = rw_msg(CDEV_READ, -1, GRANT_INVALID, 8, 0, id);
	tap_is(call(&m, id), -ENXIO, "read of minor -1: ENXIO");
	m = rw_msg(CDEV_WRITE, 0, 12345, 8, 0, id);
	tap_ok(call(&m, id) < 0, "write from a bogus grant fails");
	tap_is(tty_ioctl(0x7777, buf, sizeof(buf), CPF_WRITE), -ENOTTY,
		"unknown ioctl: ENOTTY");
	tap_is(tty_ioctl(TCGETS, &t, 4, CPF_WRITE), -ERANGE,
		"TCGETS into a 4-byte grant: ERANGE");
	tap_is(tty_ioctl(TCSETS, &t, sizeof(t), CPF_WRITE), -EPERM,
		"TCSETS from a grant without read access: EPERM");
	tap_is(tty_ioctl(TIOCSPGRP, &zero, sizeof(zero), CPF_READ), -EINVAL,
		"TIOCSPGRP 0: EINVAL");
	tap_is(select_msg(0x100, &minor), -EINVAL, "select with unknown ops: EINVAL");
	tap_is(tty_read(buf, 0, 0), 0, "read of 0 bytes returns at once");
}

/* ---- PTY pairs, at the protocol level (the select suite drives them
 * through VFS) ---- */

#define PTS0 TTY_MINOR_PTS
#define PTM0 TTY_MINOR_PTM

static int open_sid(int minor, u32_t access, int sid)
{
	u32_t id = next_id++;
	message m = msg(CDEV_OPEN);

	m.m_cdev_oc.minor = minor;
	m.m_cdev_oc.id = id;
	m.m_cdev_oc.access = access;
	m.m_cdev_oc.user = sys_self;
	m.m_cdev_oc.sid = sid;
	return call(&m, id);
}

static int close_minor(int minor)
{
	u32_t id = next_id++;
	message m = msg(CDEV_CLOSE);

	m.m_cdev_oc.minor = minor;
	m.m_cdev_oc.id = id;
	return call(&m, id);
}

/* A read or write on minor with its own grant; sent only (-> id). */
static u32_t send_rw(int type, int minor, void *buf, u32_t len, u32_t flags,
	cp_grant_id_t *g)
{
	u32_t id = next_id++;
	message m;

	*g = cpf_grant_direct(TTY, (vir_bytes)buf, len,
		type == CDEV_READ ? CPF_WRITE : CPF_READ);
	m = rw_msg(type, minor, *g, len, flags, id);
	return ipc_send(TTY, &m) == OK ? id : 0;
}

/* A read or write on minor, answered now; its status. */
static int rw_now(int type, int minor, void *buf, u32_t len, u32_t flags)
{
	cp_grant_id_t g;
	u32_t id = send_rw(type, minor, buf, len, flags, &g);
	int r = id ? wait_reply(id) : -9997;

	cpf_revoke(g);
	return r;
}

static int ioctl_on(int minor, u32_t request, void *arg, u32_t len, u32_t access)
{
	cp_grant_id_t g = cpf_grant_direct(TTY, (vir_bytes)arg, len, access);
	u32_t id = next_id++;
	message m = msg(CDEV_IOCTL);
	int r;

	m.m_cdev_ioctl.minor = minor;
	m.m_cdev_ioctl.id = id;
	m.m_cdev_ioctl.request = request;
	m.m_cdev_ioctl.grant = g;
	m.m_cdev_ioctl.user = sys_self;
	r = call(&m, id);
	cpf_revoke(g);
	return r;
}

/* Two replies, in whatever order they come: ids a and b. */
static int two_replies(u32_t a, int *ra, u32_t b, int *rb)
{
	message m;
	int got = 0;

	while (got < 2) {
		if (ipc_receive(TTY, &m) != OK || m.m_type != CDEV_REPLY)
			return -1;
		if (m.m_cdev_reply.id == a)
			*ra = m.m_cdev_reply.status;
		else if (m.m_cdev_reply.id == b)
			*rb = m.m_cdev_reply.status;
		else
			return -1;
		got++;
	}
	return 0;
}

static int pty_select(int minor, u32_t ops)
{
	message m = msg(CDEV_SELECT);

	m.m_cdev_select.minor = minor;
	m.m_cdev_select.ops = ops;
	if (ipc_sendrec(TTY, &m) != OK || m.m_type != CDEV_SEL1_REPLY)
		return -9999;
	return m.m_cdev_sel.status;
}

static void t_pty_open(void)
{
	int pgrp = -1;

	tap_is(open_sid(PTS0, CDEV_R | CDEV_W, 0), -EIO, "a slave without its master: EIO");
	tap_is(open_sid(PTM0, 0x80, 0), -EINVAL, "a master with unknown access bits: EINVAL");
	tap_is(open_sid(PTM0 + 16, CDEV_R, 0), -ENXIO, "a master past the pairs the driver has: ENXIO");
	tap_is(open_sid(PTS0 + 63, CDEV_R, 0), -ENXIO, "the last slave minor: ENXIO");
	tap_is(open_sid(TTY_MINOR_PTS - 1, CDEV_R, 0), -ENXIO, "the minor below the slaves: ENXIO");
	tap_is(open_sid(256, CDEV_R, 0), -ENXIO, "minor 256: ENXIO");
	tap_is(open_sid(PTM0, CDEV_R | CDEV_W, 0), OK, "open master ptyp0");
	tap_is(open_sid(PTM0, CDEV_R | CDEV_W, 0), -EIO, "a master in use: EIO");
	tap_is(open_sid(PTS0, CDEV_R | CDEV_CTTY | CDEV_NOCTTY, 33), -EINVAL,
		"CDEV_CTTY with CDEV_NOCTTY: EINVAL");
	tap_is(open_sid(PTS0, CDEV_R | CDEV_CTTY, 0), -EINVAL, "CDEV_CTTY with session 0: EINVAL");
	tap_is(open_sid(PTS0, CDEV_R | CDEV_CTTY, -5), -EINVAL, "CDEV_CTTY with session -5: EINVAL");
	tap_is(open_sid(PTS0, CDEV_R | CDEV_W | CDEV_CTTY, 33), CDEV_CTTY,
		"a session leader opens the slave: CDEV_CTTY, it is the session's terminal");
	tap_is(ioctl_on(PTM0, TIOCGPGRP, &pgrp, sizeof(pgrp), CPF_WRITE), OK,
		"TIOCGPGRP on the master");
	tap_is(pgrp, 33, "the foreground group is the session's");
	tap_is(ioctl_on(PTM0, 0x7777, &pgrp, sizeof(pgrp), CPF_WRITE), -ENOTTY,
		"unknown ioctl on the master: ENOTTY");
	tap_is(open_sid(PTS0, CDEV_R | CDEV_W | CDEV_NOCTTY, 0), OK, "a second open of the slave");
}

static void t_pty_io(void)
{
	char buf[64], big[600];
	cp_grant_id_t g1, g2;
	u32_t rid, wid;
	int rr = -1, rw = -1, pgrp = 0, sig;
	struct termios t;

	tap_is(pty_select(PTM0, CDEV_OP_RD | CDEV_OP_WR), CDEV_OP_WR,
		"master: writable, nothing to read");
	tap_is(pty_select(PTM0, CDEV_OP_RD | CDEV_NOTIFY), 0, "master: a watcher for read");
	wid = send_rw(CDEV_WRITE, PTS0, "hi\n", 3, 0, &g2);
	{
		message m;
		int sel = 0, n = 0;

		/* two messages: the write's reply and the SEL2 */
		for (int i = 0; i < 2; i++) {
			if (ipc_receive(TTY, &m) != OK)
				break;
			if (m.m_type == CDEV_SEL2_REPLY && m.m_cdev_sel.minor == PTM0)
				sel = m.m_cdev_sel.status, n++;
			else if (m.m_type == CDEV_REPLY && m.m_cdev_reply.id == wid)
				rw = m.m_cdev_reply.status, n++;
		}
		tap_is(n, 2, "a slave write is answered and tells the master's watcher");
		tap_is(sel, CDEV_OP_RD, "the watcher learns the master is readable (SEL2)");
	}
	cpf_revoke(g2);
	tap_is(rw, 3, "the slave write took 3 bytes");
	rr = rw_now(CDEV_READ, PTM0, buf, sizeof(buf), 0);
	buf[rr > 0 ? rr : 0] = 0;
	tap_ok(rr == 4 && !strcmp(buf, "hi\r\n"), "the master reads them with ONLCR (%d)", rr);
	rid = send_rw(CDEV_READ, PTM0, buf, sizeof(buf), 0, &g1);
	tap_ok(rid != 0, "a master read with nothing there waits");
	wid = send_rw(CDEV_WRITE, PTS0, "yo", 2, 0, &g2);
	tap_ok(two_replies(rid, &rr, wid, &rw) == 0 && rr == 2 && rw == 2,
		"a slave write answers itself and the waiting master read (%d, %d)", rr, rw);
	cpf_revoke(g1);
	cpf_revoke(g2);

	/* the master's output is not consumed by a copy that fails */
	rw_now(CDEV_WRITE, PTS0, "ok", 2, 0);
	{
		message m = rw_msg(CDEV_READ, PTM0, 12345, 8, 0, next_id);
		tap_ok(call(&m, next_id++) < 0, "a master read into a bogus grant fails");
	}
	tap_is(rw_now(CDEV_READ, PTM0, buf, sizeof(buf), CDEV_NONBLOCK), 2,
		"and the bytes are still there for the next read");

	/* input from the master: ^C for the foreground group */
	wid = send_rw(CDEV_WRITE, PTM0, "x\003", 2, 0, &g1);
	sig = rw = -1;
	for (int i = 0; i < 2; i++) {	/* the signal comes first */
		message m;

		if (ipc_receive(TTY, &m) != OK)
			break;
		if (m.m_type == CDEV_SIGNAL) {
			sig = m.m_cdev_sig.sig;
			pgrp = m.m_cdev_sig.pgrp;
			tap_is(m.m_cdev_sig.minor, PTS0, "CDEV_SIGNAL names the slave's minor");
		} else if (m.m_type == CDEV_REPLY && m.m_cdev_reply.id == wid)
			rw = m.m_cdev_reply.status;
	}
	cpf_revoke(g1);
	tap_is(rw, 2, "the master types x ^C");
	tap_ok(sig == SIGINT && pgrp == 33, "SIGINT for the slave's foreground group (%d, %d)", sig, pgrp);
	tap_is(rw_now(CDEV_READ, PTS0, buf, sizeof(buf), CDEV_NONBLOCK), -EAGAIN,
		"^C flushed the partial line");
	rw_now(CDEV_READ, PTM0, buf, sizeof(buf), CDEV_NONBLOCK);	/* the echo */

	/* raw: a blocking master write waits for room, a cancel says how far */
	tap_ok(ioctl_on(PTS0, TCGETS, &t, sizeof(t), CPF_WRITE) == OK, "TCGETS on the slave");
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
	tap_is(ioctl_on(PTM0, TCSETS, &t, sizeof(t), CPF_READ), OK, "raw mode set from the master");
	memset(big, 'b', sizeof(big));
	wid = send_rw(CDEV_WRITE, PTM0, big, sizeof(big), 0, &g1);
	tap_is(pty_select(PTM0, CDEV_OP_WR), 0, "the slave's input is full: master not writable");
	{
		message c = msg(CDEV_CANCEL);
		int r;

		c.m_cdev_cancel.minor = PTM0;
		c.m_cdev_cancel.id = wid;
		r = call(&c, wid);
		tap_ok(r > 0 && r < (int)sizeof(big), "cancel of the waiting master write: the bytes it moved (%d)", r);
	}
	cpf_revoke(g1);
	tap_ok(rw_now(CDEV_READ, PTS0, big, sizeof(big), 0) > 0, "the slave reads them");
	tap_is(pty_select(PTM0, CDEV_OP_WR), CDEV_OP_WR, "the master is writable again");

	/* a blocking slave read released by a master write */
	rid = send_rw(CDEV_READ, PTS0, buf, 4, 0, &g1);
	wid = send_rw(CDEV_WRITE, PTM0, "wxyz", 4, 0, &g2);
	tap_ok(two_replies(rid, &rr, wid, &rw) == 0 && rr >= 1 && rw == 4,
		"a waiting slave read is answered by the master's write (%d, %d)", rr, rw);
	cpf_revoke(g1);
	cpf_revoke(g2);
	rw_now(CDEV_READ, PTS0, buf, sizeof(buf), CDEV_NONBLOCK);
}

static void t_pty_hangup(void)
{
	char buf[8];
	int pgrp = 0, s1, s2;

	tap_is(close_minor(PTM0), OK, "close the master with the slave open");
	s1 = wait_signal(&pgrp);
	tap_ok(s1 == SIGHUP && pgrp == 33, "SIGHUP for the slave's foreground group (%d, %d)", s1, pgrp);
	s2 = wait_signal(&pgrp);
	tap_is(s2, MICA_SIGCONT, "then SIGCONT");
	tap_is(rw_now(CDEV_READ, PTS0, buf, sizeof(buf), 0), 0, "hung up: a slave read is end of file");
	tap_is(rw_now(CDEV_WRITE, PTS0, "z", 1, 0), -EIO, "a slave write is EIO");
	tap_is(pty_select(PTS0, CDEV_OP_RD | CDEV_OP_WR), CDEV_OP_RD | CDEV_OP_WR,
		"select on the slave: ready both ways at once");
	tap_is(open_sid(PTS0, CDEV_R, 0), -EIO, "the slave does not open again");
	tap_is(open_sid(PTM0, CDEV_R | CDEV_W, 0), -EIO, "nor the master while the slave is open");
	close_minor(PTS0);
	close_minor(PTS0);
	tap_is(open_sid(PTM0, CDEV_R | CDEV_W, 0), OK, "all closed: the master opens again");
	pgrp = -1;
	tap_is(ioctl_on(PTM0, TIOCGPGRP, &pgrp, sizeof(pgrp), CPF_WRITE), OK, "TIOCGPGRP");
	tap_is(pgrp, 0, "a fresh pair: no foreground group");
	tap_is(open_sid(PTS0, CDEV_R | CDEV_W | CDEV_NOCTTY, 0), OK, "open the slave");
	tap_is(close_minor(PTS0), OK, "close it");
	tap_is(rw_now(CDEV_READ, PTM0, buf, sizeof(buf), 0), -EIO,
		"the slave gone after use: the master reads EIO");
	tap_is(pty_select(PTM0, CDEV_OP_RD), CDEV_OP_RD, "and select says readable");
	tap_is(close_minor(PTM0), OK, "close the master");
	{
		/* a client that closes the master under its own waiting read */
		cp_grant_id_t g;
		u32_t rid, cid = 0;
		int rr = 0, rc = -1;
		message m = msg(CDEV_CLOSE);

		tap_is(open_sid(PTM0, CDEV_R | CDEV_W, 0), OK, "open the master again");
		rid = send_rw(CDEV_READ, PTM0, buf, sizeof(buf), 0, &g);
		cid = next_id++;
		m.m_cdev_oc.minor = PTM0;
		m.m_cdev_oc.id = cid;
		tap_ok(rid && ipc_send(TTY, &m) == OK &&
			two_replies(rid, &rr, cid, &rc) == 0 && rr == -EIO && rc == OK,
			"closing the master ends its own waiting read with EIO (%d, %d)", rr, rc);
		cpf_revoke(g);
	}
}

int main(const char *args)
{
	if (!tap_role(args, "main"))
		return 0;
	t_open_ioctl();
	t_canonical();
	t_signals();
	t_raw();
	t_vtime();
	t_select();
	t_cancel();
	t_write();
	t_jobs();
	t_bogus();
	t_pty_open();
	t_pty_io();
	t_pty_hangup();
	tap_done();
}
