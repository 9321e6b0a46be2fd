/*
 * bench_ipc.c - sendrec round trip between two user processes, in TSC
 * cycles and in nanoseconds (from the clock tick count), against a
 * reference measured in the same boot: a null kernel call (SYS_GETINFO),
 * i.e. one trap into the kernel and back.
 *   boot: bench_ipc role=client priv=sys, bench_ipc role=server
 * Prints "bench: <what> <n> iterations <cycles> cycles <ns> ns" lines,
 * and after the round trips the kernel's count of the IPC traps they made
 * and how many of those its fast path did ("fastpath: <op> <fast> of
 * <all>"), so the figure says whether the fast path was really taken.
 */
#include <mica/syslib.h>
#include "../lib/bench_sys.h"
#include <mica/sef.h>

#define SERVER 1
#define MIN_TICKS (HZ / 2)		/* measure at least half a second */
#define BATCH 1000

static void op_sendrec(void)
{
	message m;

	m.m_type = 1;
	ipc_sendrec(SERVER, &m);
}

static void op_kcall(void)
{
	endpoint_t e;

	sys_getinfo(&e, NULL);
}

/* IPC traps between two readings of the kernel's counters, by op. */
static void print_fastpath(const struct ipc_stats *a, const struct ipc_stats *b)
{
	static const struct { int op; const char *name; } ops[] = {
		{ IPC_SENDREC, "sendrec" }, { IPC_SEND, "send" },
		{ IPC_RECEIVE, "receive" },
	};
	u32_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		printf("fastpath: %s %u of %u\n", ops[i].name,
			b->fast[ops[i].op] - a->fast[ops[i].op],
			b->traps[ops[i].op] - a->traps[ops[i].op]);
}

static void measure(const char *what, void (*op)(void))
{
	u32_t t0, t1, n = 0, i;
	u64_t c0, c1;

	for (i = 0; i < BATCH; i++)
		op();
	t0 = bench_uptime();
	while (bench_uptime() == t0)
		;
	t0 = bench_uptime();
	c0 = rdtsc();
	do {
		for (i = 0; i < BATCH; i++)
			op();
		n += BATCH;
		t1 = bench_uptime();
	} while (t1 - t0 < MIN_TICKS);
	c1 = rdtsc();
	bench_line(what, n, (struct bench_mark){ c0, t0 },
		(struct bench_mark){ c1, t1 });
}

int main(const char *args)
{
	message m;
	const char *role = arg_value(args, "role"), *only;

	if (role && !memcmp(role, "server", 6)) {
		ipc_receive(ANY, &m);
		for (;;)
			ipc_send(m.m_source, &m), ipc_receive(ANY, &m);
	}
	only = arg_value(args, "only");		/* only=kcall: for tools/qemu/profile.sh */
	if (!only || memcmp(only, "kcall", 5)) {
		struct ipc_stats s0, s1;

		if (sys_ipc_stats(&s0) != OK)
			panic("bench_ipc: DIAG_IPCSTAT failed");
		measure("sendrec-roundtrip", op_sendrec);
		if (sys_ipc_stats(&s1) != OK)
			panic("bench_ipc: DIAG_IPCSTAT failed");
		print_fastpath(&s0, &s1);
	}
	measure("null-kernel-call", op_kcall);
	sys_shutdown(0);
	return 0;
}
