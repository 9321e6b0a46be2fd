/*
 * pm_double.c - the stand-in for VM and VFS in the "pm" suite (two boot
 * modules, role=vm at VM_PROC_NR, role=vfs at VFS_PROC_NR), for any
 * number of processes.
 *
 * VM: the heap break without any per-process state, from what is mapped
 * (SYS_VMQUERY): growing maps the missing pages below the new break,
 * shrinking unmaps the pages above it; anonymous mmap from a bump
 * pointer.  Fork needs nothing: without FORK_NOCOPY the kernel copies.
 *
 * VFS: the console on fds 0-2 for everybody (writes go to the kernel
 * console, reads are end-of-file, TCGETS says "terminal"), and the
 * PM<->VFS protocol checked as VFS must: a process table by endpoint
 * and pid, FORK only from a known parent to an unknown child, EXIT and
 * the others only for known processes; every violation is counted and
 * PMD_STATS tells the test.  EXEC copies the path and the frame through
 * PM's indirect grants and checks the frame (exec_frame_parse); it
 * cannot load programs, so it answers ENOENT, or ENOEXEC for a path
 * starting with "/bin/" whose frame is sound.  Replies go by asynsend.
 */
#include <mica/syslib.h>
#include <mica/sef.h>
#include <mica/callnr.h>
#include <mica/abi.h>
#include <mica/exec.h>
#include <mica/pmvfs.h>
#include <mica/termios.h>
#include "pm_double.h"

#define PG_UP(a)    (((a) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define HEAP_LIMIT  0x80000000u
#define SCAN_MAX    8192		/* pages: 32 MiB of heap per process */
#define MMAP_BASE   0x80000000u
#define MMAP_TOP    0x90000000u

/* ---- VM ---- */

static int mapped(endpoint_t e, vir_bytes a)
{
	phys_bytes phys;
	u32_t prot, refs;

	return sys_vmquery(e, a, &phys, &prot, &refs) == OK;
}

static int vm_brk(message *m)
{
	endpoint_t e = m->m_source;
	vir_bytes top = PG_UP(m->m_lc_vm_brk.addr), a;
	u32_t n;

	if (m->m_lc_vm_brk.addr < USER_BASE || top > HEAP_LIMIT)
		return -ENOMEM;
	for (a = top, n = 0; a > USER_BASE && !mapped(e, a - PAGE_SIZE); a -= PAGE_SIZE)
		if (++n > SCAN_MAX)
			return -ENOMEM;
	if (a < top && sys_memmap(e, a, top - a, MAP_WRITE) != OK)
		return -ENOMEM;
	for (a = top, n = 0; mapped(e, a) && n < SCAN_MAX; a += PAGE_SIZE, n++)
		;
	if (a > top)
		sys_unmap(e, top, a - top);
	return OK;
}

static vir_bytes mmap_next = MMAP_BASE;

static int vm_mmap(message *m)
{
	mess_lc_vm_mmap *q = &m->m_lc_vm_mmap;
	u32_t len = PG_UP(q->len);

	if (q->len == 0 || len < q->len || q->fd != -1 ||
	    !(q->flags & MICA_MAP_ANONYMOUS) || (q->flags & MICA_MAP_FIXED))
		return -EINVAL;
	if (len > MMAP_TOP - mmap_next)
		return -ENOMEM;
	if (sys_memmap(m->m_source, mmap_next, len,
	    (q->prot & MICA_PROT_WRITE) ? MAP_WRITE : 0) != OK)
		return -ENOMEM;
	q->addr = mmap_next;
	mmap_next += len;
	return OK;
}

static int vm_call(message *m)
{
	switch (m->m_type) {
	case VM_BRK: return vm_brk(m);
	case VM_MMAP: return vm_mmap(m);
	case VM_MUNMAP:
		if ((m->m_lc_vm_mmap.addr & (PAGE_SIZE - 1)) || !m->m_lc_vm_mmap.len)
			return -EINVAL;
		return sys_unmap(m->m_source, m->m_lc_vm_mmap.addr,
			PG_UP(m->m_lc_vm_mmap.len)) == OK ? OK : -EINVAL;
	}
	return -ENOSYS;
}

/* ---- VFS ---- */

#define NPROC_D 512
static struct { endpoint_t ep; int pid; } procs[NPROC_D];
static u32_t stats[8];

static int find_proc(endpoint_t ep, int pid)
{
	for (int i = 0; i < NPROC_D; i++)
		if (procs[i].pid && procs[i].ep == ep && (pid < 0 || procs[i].pid == pid))
			return i;
	return -1;
}

static int add_proc(endpoint_t ep, int pid)
{
	if (pid <= 0 || find_proc(ep, -1) >= 0)
		return -1;
	for (int i = 0; i < NPROC_D; i++)
		if (!procs[i].pid) {
			procs[i].ep = ep;
			procs[i].pid = pid;
			stats[PMD_LIVE]++;
			return 0;
		}
	return -1;
}

/* Replies to PM: asynsend, or a plain send when the table is full (PM
 * never blocks on VFS, so that cannot deadlock). */
static void to_pm(message *r)
{
	if (asynsend(PM_PROC_NR, r) == -EAGAIN)
		ipc_send(PM_PROC_NR, r);
}

static int exec_check(const mess_pm_vfs_exec *q)
{
	static u8_t frame[EXEC_FRAME_MAX];
	char path[256];
	struct exec_frame f;

	if (q->path_len == 0 || q->path_len >= sizeof(path))
		return -ENAMETOOLONG;
	if (sys_safecopyfrom(PM_PROC_NR, q->path, 0, path, q->path_len) != OK)
		return -EFAULT;
	path[q->path_len] = '\0';
	if (q->frame_len > EXEC_FRAME_MAX || (q->frame_len & 15))
		return -EINVAL;
	if (sys_safecopyfrom(PM_PROC_NR, q->frame, 0, frame, q->frame_len) != OK)
		return -EFAULT;
	if (exec_frame_parse(frame, q->frame_len, USER_STACK_TOP - q->frame_len, &f) != OK)
		return -EINVAL;
	return memcmp(path, "/bin/", 5) ? -ENOENT : -ENOEXEC;
}

static void pm_request(message *m)
{
	const mess_pm_vfs_proc *q = &m->m_pm_vfs_proc;
	message r;
	int type = m->m_type, i, result = OK;

	memset(&r, 0, sizeof(r));
	r.m_type = VFS_PM_REPLY(type);
	r.m_vfs_pm_reply.endpt = q->endpt;
	r.m_vfs_pm_reply.pid = q->pid;
	if (m->m_source != PM_PROC_NR) {
		stats[PMD_BAD]++;
		return;
	}
	switch (type) {
	case VFS_PM_INIT:
		if (add_proc(q->endpt, q->pid) < 0)
			stats[PMD_BAD]++;
		break;
	case VFS_PM_FORK:
		stats[PMD_FORKS]++;
		if (find_proc(q->parent, -1) < 0 || add_proc(q->endpt, q->pid) < 0) {
			stats[PMD_BAD]++;
			result = -EINVAL;
		}
		break;
	case VFS_PM_EXIT:
		stats[PMD_EXITS]++;
		if ((i = find_proc(q->endpt, q->pid)) < 0)
			stats[PMD_BAD]++;
		else {
			procs[i].pid = 0;
			stats[PMD_LIVE]--;
		}
		break;
	case VFS_PM_EXEC:
		stats[PMD_EXECS]++;
		if (find_proc(q->endpt, q->pid) < 0)
			stats[PMD_BAD]++;
		r.m_vfs_pm_exec.result = exec_check(&m->m_pm_vfs_exec);
		to_pm(&r);
		return;
	case VFS_PM_SETGROUPS:
		if (m->m_pm_vfs_groups.count > PMVFS_NGROUPS_MAX) {
			stats[PMD_BAD]++;
			result = -EINVAL;
		} else if (m->m_pm_vfs_groups.count) {
			u32_t g[PMVFS_NGROUPS_MAX];

			if (sys_safecopyfrom(PM_PROC_NR, m->m_pm_vfs_groups.grant, 0, g,
			    m->m_pm_vfs_groups.count * sizeof(u32_t)) != OK) {
				stats[PMD_BAD]++;
				result = -EFAULT;
			}
		}
		/* fall through */
	case VFS_PM_SETUID: case VFS_PM_SETGID: case VFS_PM_SETSID:
	case VFS_PM_SETPGID:
		stats[PMD_IDS]++;
		if (find_proc(q->endpt, q->pid) < 0)
			stats[PMD_BAD]++;
		break;
	case VFS_PM_UNPAUSE:
		stats[PMD_UNPAUSE]++;
		break;
	case VFS_PM_REBOOT:
		break;
	default:
		stats[PMD_BAD]++;
		result = -ENOSYS;
	}
	r.m_vfs_pm_reply.result = result;
	to_pm(&r);
}

static int console_write(message *m)
{
	char buf[256];
	u32_t done = 0, n;

	if (m->m_lc_vfs_io.fd < 1 || m->m_lc_vfs_io.fd > 2)
		return -EBADF;
	while (done < m->m_lc_vfs_io.count) {
		n = m->m_lc_vfs_io.count - done;
		if (n > sizeof(buf))
			n = sizeof(buf);
		if (sys_safecopyfrom(m->m_source, m->m_lc_vfs_io.grant, done, buf, n) != OK)
			return done ? (int)done : -EFAULT;
		sys_diag_print(buf, n);
		done += n;
	}
	return done;
}

static int vfs_call(message *m)
{
	int fd = m->m_lc_vfs_io.fd;

	switch (m->m_type) {
	case VFS_WRITE:
		return console_write(m);
	case VFS_READ:
		return fd == 0 ? 0 : -EBADF;
	case VFS_CLOSE:
		return fd >= 0 && fd <= 2 ? OK : -EBADF;
	case VFS_IOCTL:
		if (fd < 0 || fd > 2)
			return -EBADF;
		return m->m_lc_vfs_io.request == TCGETS ? OK : -ENOTTY;
	case VFS_FSTAT:
		return fd >= 0 && fd <= 2 ? -ENOSYS : -EBADF;
	case PMD_STATS:
		memcpy(m->m_u32.data, stats, sizeof(stats));
		return OK;
	}
	return -ENOSYS;
}

int main(const char *args)
{
	const char *role = arg_value(args, "role");
	int vfs = role && !memcmp(role, "vfs", 3);
	message m;

	for (;;) {
		if (ipc_receive(ANY, &m) != OK || IS_NOTIFY(&m))
			continue;
		if (vfs && m.m_type >= VFS_PM_RQ_BASE &&
		    m.m_type < VFS_PM_RQ_BASE + VFS_PM_NR_RQ) {
			pm_request(&m);
			continue;
		}
		m.m_type = vfs ? vfs_call(&m) : vm_call(&m);
		ipc_sendnb(m.m_source, &m);
	}
}
