/*
 * test_fpu.c - per-process FPU/SSE state.
 *   boot: test_fpu role=main priv=sys, test_fpu role=worker, test_fpu role=worker,
 *         test_fpu role=fpe kind=x87, test_fpu role=fpe kind=sse,
 *         test_fpu role=fpe kind=int
 * main computes an x87 loop (user code is -march=i686: x87 doubles) and an
 * SSE2 loop (asm, when CPUID has SSE2) alone, then starts both workers with
 * a one-tick quantum; each repeats the same loops until it has been charged
 * WORK_TICKS clock ticks, so the two are preempted in the middle of the
 * loops many times with live values in the FPU registers.  Every result
 * must be bit-identical to main's.
 * The fpe processes unmask the divide-by-zero exception (x87 control word,
 * or MXCSR) and divide by zero, or divide an integer by zero: main, their
 * signal manager, must see SIGFPE with FPE_FLTDIV (FPE_INTDIV) at a user
 * address (not SIGSEGV) and the process
 * stopped; resumed, it faults again at the same place, because its saved
 * FPU state still holds the exception (what a SIGFPE handler that returns
 * without fixing it gets, as POSIX has it).
 */
#include "tap.h"

#define MAIN 0
#define WORKER1 1
#define WORKER2 2
#define FPE_X87 3
#define FPE_SSE 4
#define FPE_INT 5
#define LOOPS 20000
#define WORK_TICKS 12

static double x87_loop(double x, u32_t n)
{
	double a = x, b = 1.0, c = 0.5;
	u32_t i;

	for (i = 0; i < n; i++) {
		a = a * 1.000000119 + b / (c + 1.0);
		b = b * 0.999999881 + a * 1e-9;
		c = c + 0.25;
	}
	return a + b + c;
}

static int has_sse2(void)
{
	u32_t a = 1, b, c, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return (d >> 26) & 1;
}

/* The values live in xmm0..xmm3 for the whole loop (the compiler never
 * uses them in -march=i686 code, so no clobbers are needed).  Results go
 * through memory: clang gives an SSE function an SSE calling convention
 * for doubles that -march=i686 callers do not share. */
__attribute__((target("sse2"), noinline))
static void sse_loop(const double *xp, u32_t n, double *out)
{
	static const double k1 = 1.000000119, k2 = 0.25;
	double r, x = *xp;

	__asm__ volatile(
		"movsd %2, %%xmm0\n\t"
		"movsd %3, %%xmm1\n\t"
		"movsd %4, %%xmm2\n\t"
		"movapd %%xmm2, %%xmm3\n"
		"1:\n\t"
		"mulsd %%xmm1, %%xmm0\n\t"
		"addsd %%xmm3, %%xmm0\n\t"
		"addsd %%xmm2, %%xmm3\n\t"
		"sqrtsd %%xmm0, %%xmm1\n\t"
		"divsd %%xmm0, %%xmm1\n\t"
		"addsd %3, %%xmm1\n\t"
		"dec %1\n\t"
		"jnz 1b\n\t"
		"movsd %%xmm0, %0"
		: "=m"(r), "+r"(n) : "m"(x), "m"(k1), "m"(k2) : "cc", "memory");
	*out = r;
}

struct result { double x87, sse; };

static void compute(struct result *r)
{
	r->x87 = x87_loop(3.0, LOOPS);
	static const double seed = 3.0;

	r->sse = 0;
	if (has_sse2())
		sse_loop(&seed, LOOPS / 4, &r->sse);
}

static void worker(void)
{
	struct result ref, got;
	u32_t ticks = 0, rounds = 0, bad_x87 = 0, bad_sse = 0;
	message m;

	ipc_receive(MAIN, &m);
	memcpy(&ref, &m.m_u32.data[0], sizeof(ref));
	while (ticks < WORK_TICKS) {
		compute(&got);
		bad_x87 += memcmp(&got.x87, &ref.x87, sizeof(double)) != 0;
		bad_sse += memcmp(&got.sse, &ref.sse, sizeof(double)) != 0;
		rounds++;
		sys_times(SELF, NULL, &ticks);
	}
	m.m_u32.data[0] = rounds;
	m.m_u32.data[1] = bad_x87;
	m.m_u32.data[2] = bad_sse;
	ipc_send(MAIN, &m);
	for (;;)
		ipc_receive(MAIN, &m);
}

/* Unmask x87 divide by zero, divide by zero: #MF at the next waiting
 * FPU instruction. */
static void fpe_x87(void)
{
	volatile double one = 1.0, zero = 0.0, r;
	u16_t cw;

	__asm__ volatile("fnstcw %0" : "=m"(cw));
	cw &= ~0x04;			/* ZM */
	__asm__ volatile("fldcw %0" : : "m"(cw));
	r = one / zero;
	__asm__ volatile("fwait");
	(void)r;
}

/* The same with SSE2: #XM on the divsd itself. */
__attribute__((target("sse2"), noinline))
static void fpe_sse(void)
{
	static const double one = 1.0, zero = 0.0;
	u32_t mxcsr;

	__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	mxcsr &= ~(1u << 9);		/* ZM */
	__asm__ volatile("ldmxcsr %0\n\t"
		"movsd %1, %%xmm0\n\t"
		"divsd %2, %%xmm0"
		: : "m"(mxcsr), "m"(one), "m"(zero) : "memory");
}

static void fpe(const char *args)
{
	const char *kind = arg_value(args, "kind");
	message m;

	ipc_receive(MAIN, &m);
	if (kind && !memcmp(kind, "int", 3)) {
		volatile int zero = 0;

		m.m_u32.data[1] = 5 / zero;
	} else if (kind && !memcmp(kind, "sse", 3)) {
		fpe_sse();
		/* QEMU's TCG never raises #XM, it only sets MXCSR's flags:
		 * tell main, with MXCSR as evidence, rather than hang it */
		__asm__ volatile("stmxcsr %0" : "=m"(m.m_u32.data[1]));
	} else {
		fpe_x87();
	}
	m.m_u32.data[0] = 1;
	ipc_send(MAIN, &m);
	for (;;)
		ipc_receive(MAIN, &m);
}

static void test_fpe(void)
{
	static const char *const names[] = { "x87 (#MF)", "SSE (#XM)",
		"integer (#DE)" };
	endpoint_t who;
	u32_t map;
	vir_bytes addr, again;
	int w, code, r;
	message m;

	for (w = FPE_X87; w <= FPE_INT; w++) {
		const char *n = names[w - FPE_X87];
		int want = w == FPE_INT ? MICA_FPE_INTDIV : MICA_FPE_FLTDIV;

		if (w == FPE_SSE && !has_sse2()) {
			tap_ok(1, "# SKIP no SSE2 on this CPU");
			continue;
		}
		tap_is(sys_sigmgr(w, SELF), OK, "main manages an fpe process");
		memset(&m, 0, sizeof(m));
		tap_is(ipc_send(w, &m), OK, "it divides by zero");
		r = ipc_receive(ANY, &m);
		if (r == OK && w == FPE_SSE && m.m_source == w) {
			tap_ok((m.m_u32.data[1] & 0x204) == 0x004,
				"# SKIP the CPU set MXCSR.ZE with ZM clear (%x) "
				"but raised no #XM (QEMU's TCG never does)",
				m.m_u32.data[1]);
			continue;
		}
		tap_ok(r == OK && m.m_source == SYSTEM, "SYSTEM notification");
		r = sys_getksig_fault(&who, &map, &addr, &code);
		tap_ok(r == OK && who == w && map == 1u << MICA_SIGFPE,
			"%s: SIGFPE, not SIGSEGV (%d %x)", n, who, map);
		tap_ok(code == want && addr >= USER_BASE && addr < USER_TOP,
			"%s: FPE_%s at a user eip (%d, %x)", n,
			w == FPE_INT ? "INTDIV" : "FLTDIV", code, addr);
		r = ipc_sendnb(w, &m);
		tap_ok(r == -ENOTREADY, "%s: the process is stopped (%d)", n, r);
		tap_is(sys_runctl(w, RC_RESUME), OK, "resume it");
		again = 0;
		r = ipc_receive(SYSTEM, &m) == OK &&
			sys_getksig_fault(&who, &map, &again, &code) == OK &&
			who == w && map == 1u << MICA_SIGFPE && again == addr &&
			code == want;
		tap_ok(r, "%s: resumed, it faults again at the same eip (%x)%s",
			n, again, w == FPE_INT ? "" :
			": its saved FPU state kept the exception");
	}
}

int main(const char *args)
{
	struct result ref, again;
	message m;
	int i, w;

	if (tap_role(args, "worker"))
		worker();
	if (tap_role(args, "fpe"))
		fpe(args);
	compute(&ref);
	tap_ok(ref.x87 == ref.x87 && ref.x87 > 3.0, "x87 loop alone gives a number");
	if (!has_sse2())
		tap_ok(1, "# SKIP no SSE2 on this CPU");
	else
		tap_ok(ref.sse == ref.sse && ref.sse != 0, "SSE2 loop alone gives a number");
	for (w = WORKER1; w <= WORKER2; w++)
		tap_is(sys_schedctl(w, USER_Q, 1), OK, "one-tick quantum for a worker");
	for (w = WORKER1; w <= WORKER2; w++) {
		memset(&m, 0, sizeof(m));
		memcpy(&m.m_u32.data[0], &ref, sizeof(ref));
		tap_is(ipc_send(w, &m), OK, "start a worker");
	}
	for (i = 0; i < 2; i++) {
		tap_is(ipc_receive(ANY, &m), OK, "a worker's report");
		tap_ok(m.m_u32.data[0] >= 2, "worker %d ran %u rounds while preempted",
			m.m_source, m.m_u32.data[0]);
		tap_ok(m.m_u32.data[1] == 0, "x87: %u of %u results differ from main's",
			m.m_u32.data[1], m.m_u32.data[0]);
		tap_ok(m.m_u32.data[2] == 0, "SSE: %u of %u results differ from main's",
			m.m_u32.data[2], m.m_u32.data[0]);
	}
	test_fpe();
	compute(&again);
	tap_ok(!memcmp(&again, &ref, sizeof(ref)), "main computes the same again afterwards");
	tap_done();
}
