/*
 * test_sig.c - the kernel calls PM delivers signals with: SYS_SIGSEND and
 * SYS_SIGRETURN (signal frames with FPU state), SYS_RUNCTL (stop/resume,
 * RC_DELAY) and SYS_ENDKSIG (hold while kernel signals are handled).
 *   boot: test_sig role=main priv=sys, test_sig role=victim priv=sys,
 *         test_sig role=spinner, test_sig role=sender, test_sig role=other priv=sys
 * main is the manager (SYS_SIGMGR) of victim, spinner and sender.
 *  - victim loads pi into the x87 stack and writes an unmapped page: SIGSEGV
 *    stops it; main builds a frame; the handler wrecks its own FPU state,
 *    maps the page, offers main hostile copies of the frame (each refused,
 *    the victim untouched), then returns through the trampoline, which asks
 *    main for the real sigreturn: the write is retried and succeeds and pi
 *    is still on the FPU stack.  GETKSIG reports the fault's address and
 *    SEGV_MAPERR; the handler starts with esp % 16 == 12 (the i386 SysV
 *    ABI: its first argument 16-byte aligned) and finds the siginfo main
 *    gave SIGSEND in the frame.
 *  - spinner: stopped, its ticks stand still; resumed, they move; held by
 *    a kernel signal (KSIG_HOLD) until KSIG_DONE.
 *  - sender: RC_STOP|RC_DELAY while it is sending is EBUSY, then SIGSNDELAY.
 *  - other: privileged but not the manager: EPERM.
 */
#include "tap.h"
#include <mica/sigcontext.h>

#define MAIN 0
#define VICTIM 1
#define SPINNER 2
#define SENDER 3
#define OTHER 4
#define FAULT_PAGE 0x60000000u
#define SC_MASK 0x1234

/* Hostile frame variants the handler offers, and what main expects. */
enum { V_REAL, V_CS, V_SS, V_DS, V_IOPL, V_NOIF, V_NT, V_VM, V_FPUFMT,
	V_MXCSR, V_BADPTR, V_UNMAPPED, V_COUNT };
static const struct { int want; const char *what; } variants[V_COUNT] = {
	[V_REAL] = { OK, "the real frame" },
	[V_CS] = { -EPERM, "kernel code selector" },
	[V_SS] = { -EPERM, "kernel stack selector" },
	[V_DS] = { -EPERM, "kernel data selector" },
	[V_IOPL] = { -EPERM, "IOPL 3" },
	[V_NOIF] = { -EPERM, "interrupts off" },
	[V_NT] = { -EPERM, "nested-task flag" },
	[V_VM] = { -EPERM, "virtual-8086 flag" },
	[V_FPUFMT] = { -EINVAL, "unknown FPU format" },
	[V_MXCSR] = { -EINVAL, "reserved MXCSR bits" },
	[V_BADPTR] = { -EFAULT, "frame pointer in kernel space" },
	[V_UNMAPPED] = { -EFAULT, "unmapped frame pointer" },
};

static double seen_pi;
static u32_t seen_signo, seen_mask, seen_format;
static u32_t seen_addr, seen_code, seen_pid;
u32_t entry_esp;

/* What SIGSEND puts in the frame's siginfo (besides the fault's). */
#define INFO_PID 4321
#define INFO_UID 77

/* Ask main to sigreturn from scp; returns only if main refused. */
int sig_ask(u32_t variant, vir_bytes scp);
int sig_ask(u32_t variant, vir_bytes scp)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = variant;
	m.m_u32.data[1] = scp;
	if (ipc_sendrec(MAIN, &m) != OK)
		return -999;
	return (int)m.m_u32.data[0];
}

/* The handler's return address: esp points at sf_signo, scp is 8 above. */
void sig_trampoline(void);
__asm__(".text\n.globl sig_trampoline\nsig_trampoline:\n\t"
	"pushl 8(%esp)\n\tpushl $0\n\tcall sig_ask\n1:\tjmp 1b\n");

/* The handler's entry: esp as the kernel left it, then the C handler. */
void sig_entry(void);
__asm__(".text\n.globl sig_entry\nsig_entry:\n\t"
	"movl %esp, entry_esp\n\tjmp handler\n");

void handler(int signo, int code, struct sigcontext *scp);
void handler(int signo, int code, struct sigcontext *scp)
{
	static struct sigcontext bad;
	const struct sigframe *f = (const void *)((char *)scp -
		__builtin_offsetof(struct sigframe, sf_sc));
	volatile double junk = 1.0;
	int v;

	seen_addr = f->sf_info.si_addr;
	seen_code = f->sf_info.si_code == code && f->sf_info.si_signo == signo ?
		(u32_t)code : 0xdead;
	seen_pid = f->sf_info.si_pid == INFO_PID &&
		f->sf_info.si_uid == INFO_UID ? INFO_PID : 0;
	junk = junk * 7.0 + 0.5;		/* the handler uses the FPU too */
	__asm__ volatile("fninit; fld1; fld1; fld1");
	seen_signo = signo;
	seen_mask = scp->sc_mask;
	seen_format = scp->sc_fpu_format;
	sys_memmap(SELF, FAULT_PAGE, PAGE_SIZE, MAP_WRITE);
	for (v = V_CS; v < V_COUNT; v++) {
		vir_bytes at = (vir_bytes)&bad;

		bad = *scp;
		switch (v) {
		case V_CS: bad.sc_cs = 0x08; break;
		case V_SS: bad.sc_ss = 0x10; break;
		case V_DS: bad.sc_ds = 0x10; break;
		case V_IOPL: bad.sc_eflags |= 0x3000; break;
		case V_NOIF: bad.sc_eflags &= ~0x200u; break;
		case V_NT: bad.sc_eflags |= 0x4000; break;
		case V_VM: bad.sc_eflags |= 0x20000; break;
		case V_FPUFMT: bad.sc_fpu_format = 7; break;
		case V_MXCSR:
			bad.sc_fpu_format = FPU_FORMAT_FXSAVE;
			memset(bad.sc_fpu + 24, 0xff, 4);
			break;
		case V_BADPTR: at = 0x1000; break;
		case V_UNMAPPED: at = FAULT_PAGE + 0x100000; break;
		}
		sig_ask(v, at);
	}
}

static void victim(void)
{
	message m;
	double pi;

	ipc_receive(MAIN, &m);
	__asm__ volatile("fldpi\n\tmovl $0x5a5a, (%1)\n\tfstpl %0"
		: "=m"(pi) : "r"(FAULT_PAGE) : "memory");
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = *(volatile u32_t *)FAULT_PAGE;
	memcpy(&m.m_u32.data[1], &pi, sizeof(pi));
	m.m_u32.data[3] = seen_signo;
	m.m_u32.data[4] = seen_mask;
	m.m_u32.data[5] = seen_format;
	m.m_u32.data[6] = seen_addr;
	m.m_u32.data[7] = seen_code;
	m.m_u32.data[8] = seen_pid;
	m.m_u32.data[9] = entry_esp;
	(void)seen_pi;
	ipc_send(MAIN, &m);
	for (;;)
		ipc_receive(MAIN, &m);
}

static void test_frames(void)
{
	message m;
	endpoint_t who;
	u32_t map, got;
	vir_bytes scp = 0, addr = 0;
	struct mica_siginfo si = { .si_signo = SIGSEGV, .si_pid = INFO_PID,
		.si_uid = INFO_UID };
	double pi, want;
	int v, r, code = 0;

	tap_is(sys_sigmgr(VICTIM, SELF), OK, "main manages the victim");
	memset(&m, 0, sizeof(m));
	ipc_send(VICTIM, &m);
	tap_ok(ipc_receive(SYSTEM, &m) == OK, "SYSTEM notification");
	r = sys_getksig_fault(&who, &map, &addr, &code);
	tap_ok(r == OK && who == VICTIM && map == 1u << SIGSEGV,
		"the victim's SIGSEGV (%d %x)", who, map);
	tap_ok(addr == FAULT_PAGE && code == MICA_SEGV_MAPERR,
		"GETKSIG: the fault's address and SEGV_MAPERR (%x, %d)", addr, code);
	si.si_code = code;
	si.si_addr = addr;
	tap_is(sys_sigsend(VICTIM, SIGSEGV, 0, 0, (vir_bytes)sig_trampoline, 0, 0, NULL),
		-EINVAL, "sigsend: handler 0 is EINVAL");
	tap_is(sys_sigsend(VICTIM, 0, 0, (vir_bytes)handler, (vir_bytes)sig_trampoline,
		0, 0, NULL), -EINVAL, "sigsend: signal 0 is EINVAL");
	tap_is(sys_sigsend(VICTIM, SIGSEGV, 0, (vir_bytes)handler,
		(vir_bytes)sig_trampoline, USER_BASE + 8, 0, NULL), -EFAULT,
		"sigsend: a stack with no room is EFAULT");
	tap_is(sys_sigreturn(VICTIM, 0x1000), -EFAULT, "sigreturn from a kernel address");
	tap_is(sys_sigsend_info(VICTIM, &si, (vir_bytes)sig_entry,
		(vir_bytes)sig_trampoline, 0, SC_MASK, &scp), OK, "sigsend builds the frame");
	tap_ok(scp >= USER_BASE && scp < USER_TOP &&
		scp % 16 == (16 + 12) % 16,
		"the frame is in user space, placed for the ABI (%x)", scp);
	tap_is(sys_runctl(VICTIM, RC_RESUME), OK, "resume the victim into its handler");
	for (v = 1; v < V_COUNT; v++) {
		if (ipc_receive(VICTIM, &m) != OK)
			break;
		got = m.m_u32.data[0];
		r = sys_sigreturn(VICTIM, m.m_u32.data[1]);
		tap_ok(got < V_COUNT && r == variants[got].want,
			"hostile sigreturn, %s: %d", got < V_COUNT ? variants[got].what : "?", r);
		m.m_u32.data[0] = r;
		ipc_send(VICTIM, &m);
	}
	tap_ok(ipc_receive(VICTIM, &m) == OK && m.m_u32.data[0] == V_REAL,
		"the trampoline asks for the real sigreturn");
	tap_is(sys_sigreturn(VICTIM, m.m_u32.data[1]), OK, "sigreturn");
	tap_ok(ipc_receive(VICTIM, &m) == OK, "the victim goes on");
	tap_ok(m.m_u32.data[0] == 0x5a5a, "the faulting write was retried (%x)",
		m.m_u32.data[0]);
	memcpy(&pi, &m.m_u32.data[1], sizeof(pi));
	__asm__ volatile("fldpi; fstpl %0" : "=m"(want));
	tap_ok(!memcmp(&pi, &want, sizeof(pi)),
		"pi survived on the FPU stack across the handler");
	tap_ok(m.m_u32.data[3] == SIGSEGV && m.m_u32.data[4] == SC_MASK,
		"the handler saw signo %u and mask %x", m.m_u32.data[3], m.m_u32.data[4]);
	tap_ok(m.m_u32.data[5] != FPU_FORMAT_NONE, "the frame carried FPU state (format %u)",
		m.m_u32.data[5]);
	tap_ok(m.m_u32.data[6] == FAULT_PAGE && m.m_u32.data[7] == MICA_SEGV_MAPERR &&
		m.m_u32.data[8] == INFO_PID,
		"the handler's frame siginfo: si_addr %x, si_code %u, si_pid/uid %s",
		m.m_u32.data[6], m.m_u32.data[7], m.m_u32.data[8] ? "right" : "wrong");
	tap_ok(m.m_u32.data[9] % 16 == 12 && m.m_u32.data[9] + 16 == scp,
		"the handler starts with esp %% 16 == 12, the i386 SysV ABI (%x)",
		m.m_u32.data[9]);
}

static u32_t ticks_of(endpoint_t e)
{
	u32_t t = 0;

	sys_times(e, NULL, &t);
	return t;
}

static void test_stop(void)
{
	endpoint_t who;
	u32_t t1, t2, map;
	message m;

	tap_is(sys_sigmgr(SPINNER, SELF), OK, "main manages the spinner");
	tap_sleep(3);
	tap_is(sys_runctl(SPINNER, RC_STOP), OK, "stop the spinner");
	t1 = ticks_of(SPINNER);
	tap_sleep(5);
	t2 = ticks_of(SPINNER);
	tap_ok(t1 == t2, "stopped: no ticks (%u %u)", t1, t2);
	tap_is(sys_runctl(SPINNER, RC_RESUME), OK, "resume it");
	tap_sleep(5);
	t2 = ticks_of(SPINNER);
	tap_ok(t2 > t1, "it runs again (%u > %u)", t2, t1);
	tap_is(sys_runctl(SPINNER, 77), -EINVAL, "runctl: unknown request");
	tap_is(sys_runctl(SELF, RC_STOP), -EINVAL, "runctl: not on oneself");

	tap_is(sys_endksig(SPINNER, KSIG_HOLD), OK, "hold the spinner on kernel signals");
	tap_is(sys_kill(SPINNER, SIGTERM), OK, "post it a signal");
	tap_ok(ipc_receive(SYSTEM, &m) == OK, "main is told");
	t1 = ticks_of(SPINNER);
	tap_sleep(4);
	tap_ok(ticks_of(SPINNER) == t1, "held while the signal is not handled");
	tap_is(sys_endksig(SPINNER, KSIG_DONE), OK, "done before fetching it");
	tap_sleep(3);
	tap_ok(ticks_of(SPINNER) == t1, "still held: the signal is still pending");
	tap_ok(sys_getksig(&who, &map) == OK && who == SPINNER && map == 1u << SIGTERM,
		"fetch it");
	tap_is(sys_endksig(SPINNER, KSIG_DONE), OK, "signals handled");
	tap_sleep(4);
	tap_ok(ticks_of(SPINNER) > t1, "released");
	tap_is(sys_endksig(SPINNER, 0), -EINVAL, "endksig: unknown request");
	tap_is(sys_endksig(SPINNER, KSIG_NOHOLD), OK, "no more holding");
	tap_is(sys_sigsend(SPINNER, SIGTERM, 0, USER_BASE, USER_BASE, 0, 0, NULL), -EBUSY,
		"sigsend on a running process: EBUSY");
	tap_is(sys_sigreturn(SPINNER, USER_BASE), -EBUSY,
		"sigreturn on a running process: EBUSY");
}

static void test_delay(void)
{
	endpoint_t who;
	u32_t map;
	message m;

	tap_is(sys_sigmgr(SENDER, SELF), OK, "main manages the sender");
	tap_sleep(2);
	tap_is(sys_runctl(SENDER, RC_STOP | RC_DELAY), -EBUSY,
		"RC_DELAY on a process blocked sending: EBUSY");
	tap_ok(ipc_receive(SENDER, &m) == OK, "its message is delivered");
	tap_ok(ipc_receive(SYSTEM, &m) == OK, "then main is told");
	int r = sys_getksig(&who, &map);

	tap_ok(r == OK && who == SENDER && map == 1u << SIGSNDELAY,
		"SIGSNDELAY for the sender (%d %x)", who, map);
	tap_is(sys_runctl(SENDER, RC_STOP | RC_DELAY), OK, "now it stops");
	tap_is(sys_runctl(SENDER, RC_RESUME), OK, "and resumes");
}

static void other(void)
{
	message m;

	ipc_receive(MAIN, &m);
	m.m_u32.data[0] = sys_runctl(SPINNER, RC_STOP);
	m.m_u32.data[1] = sys_endksig(SPINNER, KSIG_HOLD);
	m.m_u32.data[2] = sys_sigsend(SPINNER, 1, 0, USER_BASE, USER_BASE, 0, 0, NULL);
	m.m_u32.data[3] = sys_sigreturn(SPINNER, USER_BASE);
	ipc_send(MAIN, &m);
	for (;;)
		ipc_receive(MAIN, &m);
}

static void test_not_manager(void)
{
	message m;
	int i;

	memset(&m, 0, sizeof(m));
	ipc_sendrec(OTHER, &m);
	for (i = 0; i < 4; i++)
		tap_is((int)m.m_u32.data[i], -EPERM,
			"a privileged process that is not the manager");
}

int main(const char *args)
{
	message m;

	if (tap_role(args, "victim"))
		victim();
	if (tap_role(args, "other"))
		other();
	if (tap_role(args, "spinner"))
		for (;;)
			;
	if (tap_role(args, "sender")) {
		memset(&m, 0, sizeof(m));
		ipc_send(MAIN, &m);
		for (;;)
			ipc_receive(MAIN, &m);
	}
	test_frames();
	test_stop();
	test_delay();
	test_not_manager();
	tap_done();
}
