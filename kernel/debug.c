/*
 * debug.c - the process table and IPC state on the console, on demand
 * (SYS_DIAGCTL DIAG_DUMP, or the key 'd' on the serial console).
 */
#include "kernel.h"

static void dump_flags(u32_t f)
{
	static const char *const names[] = { "FREE", "SEND", "RECV", "NOPRIV",
		"STOP", "VMFAULT" };
	int i;

	if (!f)
		kprintf(" ready");
	for (i = 0; i < 6; i++)
		if (f & (1u << i))
			kprintf(" %s", names[i]);
}

static void dump_proc(const struct proc *p)
{
	const struct proc *q;
	int i;

	kprintf("%2d %6d %s pri %d", p->slot, p->endpoint, p->name,
		p->priority);
	dump_flags(p->rts_flags);
	if (p->rts_flags & RTS_SENDING)
		kprintf(" to=%d", p->sendto);
	if ((p->rts_flags & RTS_RECEIVING) && p->getfrom == ANY)
		kprintf(" from=ANY");
	else if (p->rts_flags & RTS_RECEIVING)
		kprintf(" from=%d", p->getfrom);
	kprintf(" q=[");
	for (q = p->caller_q; q; q = q->q_link)
		kprintf(" %d", q->endpoint);
	kprintf(" ] ntf=");
	for (i = BITMAP_WORDS - 1; i >= 0; i--)
		kprintf("%08x", p->notify_pending.w[i]);
	kprintf(" user=%u\n", p->user_ticks);
}

void debug_dump(void)
{
	int i;

	kprintf("--- process dump: uptime %u ticks, %u free pages, current %d\n",
		clock_uptime, arch_free_frames(),
		proc_current ? proc_current->endpoint : NONE);
	for (i = 0; i < NR_PROCS; i++)
		if (!(proc_table[i].rts_flags & RTS_SLOT_FREE))
			dump_proc(&proc_table[i]);
	kprintf("--- end of dump\n");
}
