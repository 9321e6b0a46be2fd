/*
 * kernel.h - the generic kernel's shared declarations: the process table,
 * privileges, and the entry points of each kernel layer.
 *
 * The kernel is not preemptible and runs with interrupts off: every entry
 * (trap, IPC, kernel call, IRQ) runs to completion, then the scheduler picks
 * the process to resume.  A process is runnable exactly when its rts_flags
 * are zero; rts_set/rts_clear keep the run queues in step with that.
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <mica/type.h>
#include <mica/const.h>
#include <mica/com.h>
#include <mica/errno.h>
#include <mica/ipc.h>
#include "arch/i386/arch.h"

/* rts_flags: reasons a process cannot run. */
#define RTS_SLOT_FREE 0x01
#define RTS_SENDING   0x02	/* blocked sending to p_sendto */
#define RTS_RECEIVING 0x04	/* blocked receiving from p_getfrom */
#define RTS_NO_PRIV   0x08	/* not started yet (fork, before exec) */
#define RTS_STOPPED   0x10	/* held for the signal manager */
#define RTS_VMFAULT   0x20	/* waiting for VM to resolve a fault */
#define RTS_HELD      0x100	/* forked with FORK_HOLD, until SYS_RELEASE */
#define RTS_INHIBIT   0x200	/* kept off the CPU while VM is replaced */
#define RTS_SIG_HELD  0x400	/* kernel signal posted, manager not done (ENDKSIG) */

/* Internal result of a handler: the caller is blocked or gone, no reply. */
#define EDONTREPLY 2001
/* Internal result: the call did one pass of its work and is re-executed
 * from its trap instruction, letting interrupts in between (restart.c). */
#define ERESTART 2002

typedef struct { u32_t w[BITMAP_WORDS]; } sys_map_t;

static inline void map_set(sys_map_t *m, int i) { m->w[i / 32] |= 1u << (i % 32); }
static inline void map_unset(sys_map_t *m, int i) { m->w[i / 32] &= ~(1u << (i % 32)); }
static inline int map_isset(const sys_map_t *m, int i) { return (m->w[i / 32] >> (i % 32)) & 1; }

/* Is any bit set?  Cheaper than a scan on the common empty map; two
 * words a step (every receive asks twice). */
static inline int map_any(const sys_map_t *m)
{
	u32_t i, v = 0;

	for (i = 0; i + 1 < BITMAP_WORDS; i += 2)
		v |= m->w[i] | m->w[i + 1];
	if (BITMAP_WORDS & 1)
		v |= m->w[BITMAP_WORDS - 1];
	return v != 0;
}

struct proc {
	struct trapframe regs;		/* user registers (trap.S saves here) */
	struct fpu_state fpu;		/* FPU/SSE registers (arch/i386/fpu.c) */
	struct addrspace as;
	int slot;
	endpoint_t endpoint;
	u32_t rts_flags;
	char name[PROC_NAME_LEN];
	struct priv_info priv;		/* privileges, as SYS_PRIVCTL sees them */

	/* scheduling */
	int priority, quantum, ticks_left;
	struct proc *next_ready;
	u32_t user_ticks, sys_ticks;

	/* IPC */
	endpoint_t sendto, getfrom;	/* while RTS_SENDING / RTS_RECEIVING */
	vir_bytes msgaddr;		/* the user message buffer of the call */
	int sendrec;			/* in sendrec: only the reply may arrive */
	struct proc *caller_q;		/* processes blocked sending to me */
	struct proc *q_link;		/* next in the caller queue I am in */
	sys_map_t notify_pending;	/* notifications waiting, by priv id */
	sys_map_t async_pending;	/* senders whose senda table holds one for me */
	int pending_hint;		/* a bit may be set in either map (pending_mark) */
	vir_bytes async_table;		/* my senda table, if any */
	u32_t async_count;

	/* grants, signals, timers, interrupts */
	vir_bytes grant_table;
	u32_t grant_count;
	u32_t grant_epoch;		/* part of every id of this table */
	u32_t sig_pending;		/* for the signal manager */
	u8_t sig_hold;			/* KSIG_HOLD: RTS_SIG_HELD on each kernel signal */
	u8_t sig_delay;			/* RC_STOP|RC_DELAY refused: SIGSNDELAY once sent */
	vir_bytes sig_addr;		/* the last SIGSEGV's fault address */
	int sig_code;			/* and its si_code; 0: none pending */
	u32_t alarm_at;			/* uptime tick, 0 = none */
	u32_t irq_pending;		/* hook bits for a HARDWARE notification */

	/* a long kernel call done in passes (restart.c) */
	struct {
		int active;
		message m;		/* the call as first seen */
		u32_t done;		/* progress, in the handler's unit */
		endpoint_t child;	/* SYS_FORK: the child being built */
	} restart;

	endpoint_t sig_mgr;		/* notified of crashes and exits; NONE: none */

	/* page fault handed to VM (vmfault.c) */
	struct {
		endpoint_t owner;	/* whose memory faulted */
		vir_bytes addr;
		int write, in_call, taken, present;
		vir_bytes retried;	/* page VM said it fixed, +1; 0 = none */
		int retried_write;	/* ... for a write (else a read) */
	} vmf;
};

/* Set bit id of p's notify_pending or async_pending map.  Every setting
 * goes through here, so a clear pending_hint means both maps are empty
 * and the IPC fast path's receive need not scan them (ipc_fast.c). */
static inline void pending_mark(struct proc *p, sys_map_t *m, int id)
{
	map_set(m, id);
	p->pending_hint = 1;
}

/* proc.c */
extern struct proc proc_table[NR_PROCS];

/* Classify e (inline: every IPC resolves endpoints several times): OK with *pp set, EDEADSRCDST (dead/stale), EBADEPT. */
static inline int proc_ep_ok(endpoint_t e, struct proc **pp)
{
	int slot = ENDPOINT_SLOT(e);
	struct proc *p;

	if (e < 0 || slot >= NR_PROCS || ENDPOINT_GEN(e) >= ENDPOINT_GEN_MAX)
		return -EBADEPT;
	p = &proc_table[slot];
	if ((p->rts_flags & RTS_SLOT_FREE) || p->endpoint != e)
		return -EDEADSRCDST;
	*pp = p;
	return OK;
}

static inline struct proc *proc_lookup(endpoint_t e)
{
	struct proc *p;

	return proc_ep_ok(e, &p) == OK ? p : NULL;
}

/* Index of e in priv masks and notify bitmaps: tasks first, then slots. */
static inline int priv_id(endpoint_t e)
{
	if (e < 0 && e >= -NR_TASKS)
		return TASK_ID(e);
	if (e < 0 || ENDPOINT_SLOT(e) >= NR_PROCS)
		return -1;
	return NR_TASKS + ENDPOINT_SLOT(e);
}

extern struct proc *proc_current;		/* NULL while idle */
void proc_init(void);
struct proc *proc_alloc(void);
struct proc *proc_alloc_at(int slot);
void proc_kill(struct proc *p, const char *why);
void proc_free_slot(struct proc *p);
void priv_set_user(struct proc *p);
void priv_set_system(struct proc *p);
static inline sys_map_t *priv_ipc_to(struct priv_info *pi)
{
	return (sys_map_t *)pi->ipc_to;
}

/* sched.c */
void rts_set(struct proc *p, u32_t flag);
void rts_clear(struct proc *p, u32_t flag);
void sched_dequeue(struct proc *p);
void sched_requeue(struct proc *p);
struct proc *sched_pick(void);
extern u64_t sched_idle_tsc;	/* TSC cycles idle since boot */
int sched_is_head(const struct proc *p);
void sched_block_head(struct proc *p, u32_t flag);
void sched_handoff(struct proc *from, u32_t flag, struct proc *to,
	u32_t toflag);
void sched_tick(void);
int proc_count(void);

/* ipc_fast.c, ipc.c, ipc_async.c, ipc_notify.c */
extern struct ipc_stats ipc_stats;
int ipc_fast(struct proc *caller, const struct trapframe *tf);
int ipc_dispatch(struct proc *caller, int op, endpoint_t e, vir_bytes m,
	u32_t count);
int ipc_notify_kernel(struct proc *dst, endpoint_t src);	/* from a task */
int ipc_try_async(struct proc *dst, endpoint_t from);
int ipc_notify_check(struct proc *dst, endpoint_t from);
int ipc_deliver(struct proc *dst, const message *m);
int ipc_deliver_try(struct proc *dst, const message *m);
int ipc_deliver_async(struct proc *dst, const message *m);
int ipc_ready_async(const struct proc *p, endpoint_t src);
void ipc_cleanup_dead(struct proc *dead);
void ipc_clear_refs(struct proc *p, int err);
void ipc_unlink_sender(struct proc *p);
int ipc_async_send(struct proc *caller, vir_bytes table, u32_t count);

/* restart.c */
u32_t *restart_state(struct proc *caller, const message *m);
int restart_pass(struct proc *caller, int r);
int restart_done(struct proc *caller, int r);
void restart_drop(struct proc *p);

/* system.c and the do_*.c handlers */
int kcall_dispatch(struct proc *caller, vir_bytes m);

/* clock.c, interrupt.c, exception.c */
extern u32_t clock_uptime;
void clock_init(void);
void clock_irq(void);
u32_t clock_set_alarm(struct proc *p, u32_t ticks);
void irq_handle(int irq);
void irq_release(struct proc *p);
int irq_setpolicy(struct proc *p, int irq, u32_t policy, int hook);
int irq_rmpolicy(struct proc *p, int irq);
int irq_enable(struct proc *p, int irq, int on);
void exception_user(struct proc *p, const struct trapframe *tf);

/* vmfault.c */
int vmfault_enabled(void);
int vmfault_exception(struct proc *p, vir_bytes addr, u32_t err);
int vmfault_call(struct proc *caller);
int vmfault_receiver(struct proc *p, vir_bytes addr);
void vmfault_vm_gone(void);
void vmfault_vm_changed(void);
void vmfault_vm_new(struct proc *vm);
struct proc *vmfault_next(int *more);
int vmfault_resume(struct proc *p, int result);

/* do_sig.c */
void sig_send(struct proc *p, int sig, const char *why);
void sig_fault(struct proc *p, vir_bytes addr, int code, const char *why);
void sig_trap(struct proc *p, int sig, vir_bytes addr, int code,
	const char *why);
void sig_delay_done(struct proc *p);

/* do_slot.c */
int proc_managed_stop(struct proc *p, int sig);
struct proc *proc_manager(const struct proc *p);

/* grant.c */
int grant_copy(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes addr, u32_t bytes, int to_grant, u32_t *done);

/* debug.c, printk.c, kstring.c, main.c */
void debug_dump(void);
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kputs_n(const char *s, u32_t n);
void panic(const char *msg) __attribute__((noreturn));
void *kmemset(void *d, int c, u32_t n);
void *kmemcpy(void *d, const void *s, u32_t n);
void *kmemmove(void *d, const void *s, u32_t n);
int kmemcmp(const void *a, const void *b, u32_t n);
void kstrlcpy(char *d, const char *s, u32_t n);
struct trapframe *trap_entry(struct trapframe *tf);

#endif /* KERNEL_KERNEL_H */
