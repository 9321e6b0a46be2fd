/*
 * kipc.h - the kernel interface of libsys: IPC primitives (ipc.S), one
 * wrapper per kernel call (kcall.c) and the grant table (grants.c).
 *
 * This is the seam under the host-testable parts of libsys (SEF, timers,
 * grant-table growth, asynsend): on the OS they link the real functions; the
 * CUnit suites in tests/unit/sef link fakes of the same names.  So this
 * header must stay includable by host code: no libc-like declarations here
 * (those are in syslib.h).  Every function returns OK or a negative error
 * from mica/errno.h unless noted.
 */
#ifndef MICA_KIPC_H
#define MICA_KIPC_H

#include <mica/type.h>
#include <mica/const.h>
#include <mica/com.h>
#include <mica/errno.h>
#include <mica/ipc.h>
#include <mica/safecopies.h>

/* ipc.S */
int ipc_send(endpoint_t dst, message *m);
int ipc_receive(endpoint_t src, message *m);	/* src may be ANY */
int ipc_sendrec(endpoint_t dst, message *m);	/* reply overwrites *m */
int ipc_notify(endpoint_t dst);
int ipc_sendnb(endpoint_t dst, message *m);	/* ENOTREADY if dst not waiting */
int ipc_senda(asynmsg_t *table, u32_t count);
int ipc_raw(int op, endpoint_t e, vir_bytes addr, u32_t count);
int kernel_call(message *m);			/* m->m_type = SYS_x */

/* kcall.c */
int sys_diag_print(const char *s, u32_t len);
int sys_diag_dump(void);
int sys_shutdown(u32_t status);
int sys_ipc_stats(struct ipc_stats *st);	/* the kernel's IPC fast-path counters */
int sys_getinfo(endpoint_t *self, int *slot);
int sys_privctl(endpoint_t e, int request, struct priv_info *pi);
int sys_fork(endpoint_t parent);		/* child endpoint, 0 in the child */
int sys_exec(endpoint_t e, vir_bytes ip, vir_bytes sp);
int sys_clear(endpoint_t e);
void sys_exit(int status) __attribute__((noreturn));
int sys_memmap(endpoint_t e, vir_bytes addr, u32_t len, u32_t flags);
int sys_unmap(endpoint_t e, vir_bytes addr, u32_t len);
int sys_setgrant(cp_grant_t *table, u32_t count, u32_t flags, u32_t *epoch);
int sys_safecopyfrom(endpoint_t granter, cp_grant_id_t gid, vir_bytes offset,
	void *addr, u32_t bytes);
int sys_safecopyto(endpoint_t granter, cp_grant_id_t gid, vir_bytes offset,
	const void *addr, u32_t bytes);
int sys_irqctl(int request, int irq, u32_t policy, int hook_id);
int sys_inb(u32_t port, u32_t *value);
int sys_outb(u32_t port, u32_t value);
/* 16- and 32-bit port I/O (PCI configuration space, virtio registers). */
int sys_inw(u32_t port, u32_t *value);
int sys_outw(u32_t port, u32_t value);
int sys_inl(u32_t port, u32_t *value);
int sys_outl(u32_t port, u32_t value);
/* TSC cycles the CPU has idled since boot (SYS_TIMES; 0 if it fails). */
u64_t sys_idle_tsc(void);
int sys_setalarm(u32_t ticks, u32_t *left);
int sys_times(endpoint_t e, u32_t *uptime, u32_t *user_ticks);
/* The wall clock every service reads (file-system times, PM's
 * CLOCK_REALTIME): uptime plus the real time at uptime 0, which PM sets
 * with sys_stime (from the RTC at boot; clock_settime). */
int sys_realtime(i64_t *sec, u32_t *nsec);
int sys_stime(i64_t boot_sec, u32_t boot_nsec);
int sys_kill(endpoint_t e, int sig);
int sys_getksig(endpoint_t *e, u32_t *sigmap);
/* The same, with a SIGSEGV's fault address and si_code (0: none). */
int sys_getksig_fault(endpoint_t *e, u32_t *sigmap, vir_bytes *addr, int *code);
int sys_update(endpoint_t src, endpoint_t dst);
int sys_schedctl(endpoint_t e, int priority, int quantum);
int sys_vmctl_get_fault(mess_lsys_krn_vmctl *f);	/* f->endpt NONE: none */
int sys_vmctl_resume(endpoint_t e, int result);
/* Resume after mapping a zeroed page (VMCTL_MAP_RO/RW) at the fault. */
int sys_vmctl_resume_map(endpoint_t e, int result, u32_t map);

/* kcall_sig.c: what PM needs to deliver signals (the caller must be e's
 * signal manager).  sys_sigsend returns the frame's sigcontext in *scp. */
int sys_runctl(endpoint_t e, int request);		/* RC_STOP/RC_RESUME [| RC_DELAY] */
int sys_endksig(endpoint_t e, int request);		/* KSIG_* */
int sys_sigsend(endpoint_t e, int signo, int code, vir_bytes handler,
	vir_bytes trampoline, vir_bytes stack, u32_t mask, vir_bytes *scp);
/* The same with the whole siginfo (si_signo, si_code, si_addr, si_pid,
 * si_uid) the handler's frame carries. */
int sys_sigsend_info(endpoint_t e, const struct mica_siginfo *si,
	vir_bytes handler, vir_bytes trampoline, vir_bytes stack, u32_t mask,
	vir_bytes *scp);
int sys_sigreturn(endpoint_t e, vir_bytes scp);

/* kcall_vm.c: memory calls for VM and drivers, slot calls for PM/RS. */
int sys_vmshare(endpoint_t dst, vir_bytes addr, endpoint_t src,
	vir_bytes src_addr, u32_t len, u32_t prot);
int sys_vmprot(endpoint_t e, vir_bytes addr, u32_t len, u32_t prot);
int sys_vmreplace(endpoint_t e, vir_bytes addr, u32_t len, u32_t prot);
int sys_physmap(endpoint_t e, vir_bytes addr, phys_bytes phys, u32_t len,
	u32_t prot);
int sys_contigalloc(endpoint_t e, vir_bytes addr, u32_t len, u32_t prot,
	phys_bytes *phys);
int sys_umap(endpoint_t e, vir_bytes addr, u32_t len, phys_bytes *phys);
int sys_vmquery(endpoint_t e, vir_bytes addr, phys_bytes *phys, u32_t *prot,
	u32_t *refs);
/* The first run of pages in [*addr, *addr+len) holding frames with one
 * protection: *addr = its start, *run = its bytes; -EFAULT if none. */
int sys_vmquery_run(endpoint_t e, vir_bytes *addr, u32_t len, u32_t *run,
	u32_t *prot, u32_t *refs);
int sys_sigmgr(endpoint_t e, endpoint_t mgr);	/* mgr NONE: none */
int sys_clearrefs(endpoint_t e, int error);	/* error 0: EDEADSRCDST */
int sys_hold(endpoint_t e);			/* keep e off the CPU */
int sys_release(endpoint_t e);			/* run a held (or FORK_HOLD) child */
int sys_fork_flags(endpoint_t parent, u32_t flags);	/* FORK_* */
int sys_exec_named(endpoint_t e, vir_bytes ip, vir_bytes sp, const char *name);
u32_t sys_free_frames(void);
u32_t sys_total_frames(void);	/* frames of the pool */
int sys_getname(void *name);		/* PROC_NAME_LEN bytes, NUL-terminated */
int sys_vmctl_inhibit(endpoint_t e, int on);

/*
 * grants.c: the grant table, registered on first use.  It starts with
 * GRANT_INITIAL static entries and doubles (pages from sys_pages_alloc) up
 * to GRANT_MAX when full; ids stay valid across growth.  Failure to create
 * a grant is GRANT_INVALID.
 */
#define GRANT_INITIAL 32
cp_grant_id_t cpf_grant_direct(endpoint_t to, vir_bytes addr, u32_t len,
	u32_t access);
cp_grant_id_t cpf_grant_indirect(endpoint_t to, endpoint_t from,
	cp_grant_id_t gid, vir_bytes offset, u32_t len, u32_t access);
cp_grant_id_t cpf_grant_magic(endpoint_t to, endpoint_t from, vir_bytes addr,
	u32_t len, u32_t access);
int cpf_revoke(cp_grant_id_t gid);
int cpf_reload(void);		/* register the table again (after a transfer) */
u32_t cpf_table_size(void);	/* entries in the current table */

/*
 * pages.c: page-granular memory for libsys itself (grant tables, DS
 * values), zeroed, from a window of the address space mapped with
 * SYS_MEMMAP (so only for processes allowed that call; through VM once VM
 * exists).  NULL when out of memory or not allowed.
 */
void *sys_pages_alloc(u32_t bytes);
void sys_pages_free(void *p, u32_t bytes);

#endif /* MICA_KIPC_H */
