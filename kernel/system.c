/*
 * system.c - kernel call dispatch.
 *
 * A kernel call is int $KCALL_VECTOR with eax = the address of a message
 * in the caller's memory.  The kernel copies it in (EFAULT if it cannot),
 * checks the call number (ENOSYS) and the caller's call mask (EPERM), runs
 * the handler from the table, and copies the message back with m_type =
 * the result, which is also returned in eax.  The message must be
 * writable: that is checked before the call runs, so a call never acts and
 * then fails to report.  A call that fails with EFAULT leaves the message
 * as it was, so that it can be retried after VM has mapped the page.
 */
#include "system.h"
#include "arch/i386/walk.h"

#define CALL(c) [KCALL_NR(c)]
static const kcall_handler kcall_table[NR_KERNEL_CALLS] = {
	CALL(SYS_DIAGCTL) = do_diagctl,
	CALL(SYS_PRIVCTL) = do_privctl,
	CALL(SYS_FORK) = do_fork,
	CALL(SYS_EXEC) = do_exec,
	CALL(SYS_CLEAR) = do_clear,
	CALL(SYS_EXIT) = do_exit,
	CALL(SYS_MEMMAP) = do_memmap,
	CALL(SYS_UNMAP) = do_unmap,
	CALL(SYS_SETGRANT) = do_setgrant,
	CALL(SYS_SAFECOPYFROM) = do_safecopy,
	CALL(SYS_SAFECOPYTO) = do_safecopy,
	CALL(SYS_IRQCTL) = do_irqctl,
	CALL(SYS_DEVIO) = do_devio,
	CALL(SYS_SETALARM) = do_setalarm,
	CALL(SYS_TIMES) = do_times,
	CALL(SYS_KILL) = do_kill,
	CALL(SYS_GETKSIG) = do_getksig,
	CALL(SYS_UPDATE) = do_update,
	CALL(SYS_GETINFO) = do_getinfo,
	CALL(SYS_SCHEDCTL) = do_schedctl,
	CALL(SYS_VMCTL) = do_vmctl,
	CALL(SYS_RUNCTL) = do_runctl,
	CALL(SYS_ENDKSIG) = do_endksig,
	CALL(SYS_SIGSEND) = do_sigsend,
	CALL(SYS_SIGRETURN) = do_sigreturn,
	CALL(SYS_VMSHARE) = do_vmshare,
	CALL(SYS_VMPROT) = do_vmprot,
	CALL(SYS_VMREPLACE) = do_vmreplace,
	CALL(SYS_PHYSMAP) = do_physmap,
	CALL(SYS_CONTIGALLOC) = do_contigalloc,
	CALL(SYS_UMAP) = do_umap,
	CALL(SYS_VMQUERY) = do_vmquery,
	CALL(SYS_CLEARREFS) = do_clearrefs,
	CALL(SYS_SIGMGR) = do_sigmgr,
	CALL(SYS_HOLD) = do_hold,
	CALL(SYS_STIME) = do_stime,
};

int kcall_target(struct proc *caller, endpoint_t e, struct proc **pp)
{
	int r;

	if (e == SELF) {
		*pp = caller;
		return OK;
	}
	r = proc_ep_ok(e, pp);
	return r == OK ? OK : r == -EDEADSRCDST ? -ESRCH : -EINVAL;
}

/*
 * Reading one's own privileges needs no call bit: a boot driver learns the
 * physical range the kernel listed for it ("image=J", main.c) after RS has
 * set its privileges to exactly its configuration.
 */
static int own_privileges(const message *m)
{
	return m->m_type == SYS_PRIVCTL && m->m_privctl.request == PRIV_GET &&
		m->m_privctl.endpt == SELF;
}

static int kcall_run(struct proc *caller, message *m)
{
	u32_t nr = (u32_t)KCALL_NR(m->m_type);

	if (nr >= NR_KERNEL_CALLS || !kcall_table[nr])
		return -ENOSYS;
	if (!PRIV_CALL_ISSET(&caller->priv, nr) && !own_privileges(m))
		return -EPERM;
	return kcall_table[nr](caller, m);
}

/* Run the call whose message is at maddr; the result for eax.  A message
 * in one writable page (every message libsys builds on its stack, but
 * for the rare one across a page boundary) is moved in and out by one
 * inline walk and 16 rep steps each way; the reply goes through the same
 * pointer if the translation still holds (arch_walk_same: the call may
 * have changed the caller's page table), else the slow way. */
int kcall_dispatch(struct proc *caller, vir_bytes maddr)
{
	struct arch_walk_ref ref;
	message m, *um;
	int r;

	if ((um = arch_msg_ptr_at(&caller->as, maddr, 1, &ref)))
		arch_copy_msg(&m, um);
	else if (arch_copy_from_user_rw(&caller->as, maddr, &m,
		 sizeof(m)) != OK)
		return -EFAULT;
	r = kcall_run(caller, &m);
	if (r == EDONTREPLY || r == ERESTART ||
	    (caller->rts_flags & (RTS_SLOT_FREE | RTS_VMFAULT)))
		return EDONTREPLY;
	if (r == -EFAULT)
		return r;		/* message untouched: VM may retry the call */
	m.m_source = caller->endpoint;
	m.m_type = r;
	if (um && arch_walk_same(&caller->as, &ref)) {
		arch_copy_msg(um, &m);
		return r;
	}
	arch_fault_reset();		/* the call acted: a reply fault is not retried */
	if (arch_copy_to_user(&caller->as, maddr, &m, sizeof(m)) != OK)
		return -EFAULT;
	return r;
}
