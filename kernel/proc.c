/*
 * proc.c - the process table: slots, endpoints, privileges, and teardown.
 *
 * A slot's generation advances each time it is reused, so an endpoint held
 * by someone else goes stale when its process dies (EDEADSRCDST).
 * Privileges decide which IPC operations, IPC targets and kernel calls a
 * process may use; boot modules get the user set unless their command line
 * says "priv=sys" (see main.c).
 */
#include "kernel.h"

struct proc proc_table[NR_PROCS];
struct proc *proc_current;
static int proc_gen[NR_PROCS];

void proc_init(void)
{
	int i;

	for (i = 0; i < NR_PROCS; i++) {
		kmemset(&proc_table[i], 0, sizeof(proc_table[i]));
		proc_table[i].slot = i;
		proc_table[i].rts_flags = RTS_SLOT_FREE;
		proc_table[i].endpoint = NONE;
	}
}

/* Take free slot i with a fresh endpoint, not yet runnable (RTS_NO_PRIV). */
struct proc *proc_alloc_at(int i)
{
	struct proc *p = &proc_table[i];

	if (i < 0 || i >= NR_PROCS || !(p->rts_flags & RTS_SLOT_FREE))
		return NULL;
	kmemset(p, 0, sizeof(*p));
	p->slot = i;
	p->endpoint = MAKE_ENDPOINT(proc_gen[i], i);
	p->rts_flags = RTS_NO_PRIV;
	p->priority = USER_Q;
	p->quantum = p->ticks_left = DEFAULT_QUANTUM;
	p->sendto = p->getfrom = NONE;
	p->restart.child = NONE;
	p->sig_mgr = NONE;
	return p;
}

/* The first free slot, as proc_alloc_at(); NULL when the table is full. */
struct proc *proc_alloc(void)
{
	int i;

	for (i = 0; i < NR_PROCS; i++)
		if (proc_table[i].rts_flags & RTS_SLOT_FREE)
			return proc_alloc_at(i);
	return NULL;
}

/* The kernel calls every process may make. */
static const int user_calls[] = {
	SYS_DIAGCTL, SYS_EXIT, SYS_SETGRANT, SYS_SAFECOPYFROM, SYS_SAFECOPYTO,
	SYS_SETALARM, SYS_TIMES, SYS_GETINFO,
};

/* Ordinary process: all IPC ops to anyone, the harmless kernel calls. */
void priv_set_user(struct proc *p)
{
	u32_t i;

	kmemset(&p->priv, 0, sizeof(p->priv));
	p->priv.ipc_ops = ~0u;
	for (i = 0; i < NR_SYS_IDS; i++)
		map_set(priv_ipc_to(&p->priv), i);
	for (i = 0; i < sizeof(user_calls) / sizeof(user_calls[0]); i++)
		PRIV_CALL_SET(&p->priv, KCALL_NR(user_calls[i]));
}

/* System service: every call, IRQ and I/O port; not the signal manager;
 * no physical memory ranges (RS lists those per driver). */
void priv_set_system(struct proc *p)
{
	int i;

	priv_set_user(p);
	p->priv.flags = PF_SYS_PROC | PF_MAGIC;
	for (i = 0; i < KCALL_WORDS; i++)
		p->priv.calls[i] = ~0u;
	p->priv.irqs = ~0u;
	p->priv.io_base[0] = 0;
	p->priv.io_len[0] = 0xffff;
}

/* Release a dead process's slot; its generation moves on. */
void proc_free_slot(struct proc *p)
{
	int i = p->slot;

	proc_gen[i] = (proc_gen[i] + 1) % ENDPOINT_GEN_MAX;
	arch_fpu_drop(&p->fpu);
	kmemset(p, 0, sizeof(*p));
	p->slot = i;
	p->endpoint = NONE;
	p->rts_flags = RTS_SLOT_FREE;
}

/* Kill p: unblock everyone waiting on it, free its memory and slot. */
void proc_kill(struct proc *p, const char *why)
{
	int vm;

	if (p->rts_flags & RTS_SLOT_FREE)
		return;
	if (why)
		kprintf("kernel: %s (endpoint %d) killed: %s\n", p->name,
			p->endpoint, why);
	restart_drop(p);
	sched_dequeue(p);
	p->rts_flags |= RTS_SLOT_FREE;
	ipc_cleanup_dead(p);
	irq_release(p);
	arch_as_destroy(&p->as);
	if (proc_current == p)
		proc_current = NULL;
	vm = p->priv.flags & PF_VM;
	proc_free_slot(p);
	vmfault_vm_changed();
	if (vm)
		vmfault_vm_gone();
}
