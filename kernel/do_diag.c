/*
 * do_diag.c - SYS_DIAGCTL (console output, debug dump, power off) and
 * SYS_GETINFO (who am I); DIAG_IPCSTAT reads the IPC fast path's counters.
 */
#include "system.h"

#define DIAG_CHUNK 128
#define DIAG_MAX   4096

static int diag_print(struct proc *caller, vir_bytes buf, u32_t len)
{
	char chunk[DIAG_CHUNK];
	u32_t n;

	if (len > DIAG_MAX)
		return -EINVAL;
	if (arch_check_user(&caller->as, buf, len, 0) != OK)
		return -EFAULT;
	for (; len; len -= n, buf += n) {
		n = len < DIAG_CHUNK ? len : DIAG_CHUNK;
		if (arch_copy_from_user(&caller->as, buf, chunk, n) != OK)
			return -EFAULT;
		kputs_n(chunk, n);
	}
	return OK;
}

int do_diagctl(struct proc *caller, message *m)
{
	switch (m->m_diagctl.request) {
	case DIAG_PRINT:
		return diag_print(caller, m->m_diagctl.buf, m->m_diagctl.len);
	case DIAG_DUMP:
		debug_dump();
		return OK;
	case DIAG_IPCSTAT:		/* counters only: anyone may read them */
		if (m->m_diagctl.len != sizeof(ipc_stats))
			return -EINVAL;
		return arch_copy_to_user(&caller->as, m->m_diagctl.buf,
			&ipc_stats, sizeof(ipc_stats));
	case DIAG_SHUTDOWN:
		if (!(caller->priv.flags & PF_SYS_PROC))
			return -EPERM;
		kprintf("kernel: shutdown by %s, status %u\n", caller->name,
			m->m_diagctl.len);
		arch_poweroff(m->m_diagctl.len);
	default:
		return -EINVAL;
	}
}

int do_getinfo(struct proc *caller, message *m)
{
	m->m_proc.endpt = caller->endpoint;
	m->m_proc.slot = caller->slot;
	/* Terminated and padded; a constant size, so the compiler inlines it
	 * (four moves, not a kmemcpy call). */
	__builtin_memcpy(m->m_proc.name, caller->name, PROC_NAME_LEN);
	m->m_proc.free_frames = arch_free_frames();
	m->m_proc.total_frames = arch_total_frames();
	return OK;
}
