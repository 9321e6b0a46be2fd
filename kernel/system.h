/*
 * system.h - kernel call handlers.  Each gets the caller and its message
 * (already copied in), validates every argument first, then acts; it
 * returns OK or a negative error, written back as m_type and eax, or
 * EDONTREPLY when the caller is gone.
 */
#ifndef KERNEL_SYSTEM_H
#define KERNEL_SYSTEM_H

#include "kernel.h"

typedef int (*kcall_handler)(struct proc *caller, message *m);

/* Resolve a kernel-call target: SELF or a live endpoint (EINVAL/ESRCH). */
int kcall_target(struct proc *caller, endpoint_t e, struct proc **pp);

int do_diagctl(struct proc *caller, message *m);
int do_getinfo(struct proc *caller, message *m);
int do_privctl(struct proc *caller, message *m);
int do_schedctl(struct proc *caller, message *m);
int do_fork(struct proc *caller, message *m);
int do_exec(struct proc *caller, message *m);
int do_clear(struct proc *caller, message *m);
int do_exit(struct proc *caller, message *m);
int do_memmap(struct proc *caller, message *m);
int do_unmap(struct proc *caller, message *m);
int do_setgrant(struct proc *caller, message *m);
int do_safecopy(struct proc *caller, message *m);
int do_irqctl(struct proc *caller, message *m);
int do_devio(struct proc *caller, message *m);
int do_setalarm(struct proc *caller, message *m);
int do_times(struct proc *caller, message *m);
int do_stime(struct proc *caller, message *m);
int do_kill(struct proc *caller, message *m);
int do_getksig(struct proc *caller, message *m);
int do_update(struct proc *caller, message *m);
int do_vmctl(struct proc *caller, message *m);
int sig_target(struct proc *caller, endpoint_t e, struct proc **pp);
int do_runctl(struct proc *caller, message *m);
int do_endksig(struct proc *caller, message *m);
int do_sigsend(struct proc *caller, message *m);
int do_sigreturn(struct proc *caller, message *m);
int do_vmshare(struct proc *caller, message *m);
int do_vmprot(struct proc *caller, message *m);
int do_vmreplace(struct proc *caller, message *m);
int do_physmap(struct proc *caller, message *m);
int do_contigalloc(struct proc *caller, message *m);
int do_umap(struct proc *caller, message *m);
int do_vmquery(struct proc *caller, message *m);
int do_clearrefs(struct proc *caller, message *m);
int do_sigmgr(struct proc *caller, message *m);
int do_hold(struct proc *caller, message *m);

#endif /* KERNEL_SYSTEM_H */
