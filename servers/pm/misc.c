/*
 * misc.c - reboot and power-off: every user process is held (nothing
 * writes after the sync), VFS syncs and unmounts every file system
 * (VFS_PM_REBOOT: each is left clean on its disk),
 * then the kernel shuts the machine down.  The same path ends the system
 * when init exits, with init's status as the machine's.  The kernel has
 * one way down (SYS_DIAGCTL shutdown), so RB_REBOOT powers off too.
 * reboot_status() gives the machine's exit status (QEMU's isa-debug-exit:
 * a test runner's verdict); plain reboot() gives 0.
 */
#include "pm.h"

static int going_down;
static u32_t down_status;

static void go_down(u32_t status)
{
	message m;

	if (going_down)
		return;
	going_down = 1;
	down_status = status;
	for (struct mproc *p = mproc; p < mproc + NR_MPROCS; p++)
		if (is_user(p) && !(p->flags & (MP_ZOMBIE | MP_STOPPED)) &&
		    p->ep != NONE)
			sys_hold(p->ep);
	memset(&m, 0, sizeof(m));
	if (vfs_request(NULL, VFS_PM_REBOOT, &m) != OK)
		vfs_reply_reboot(-EIO);
}

void vfs_reply_reboot(int result)
{
	if (result != OK)
		printf("pm: sync before shutdown failed: %d\n", result);
	sys_shutdown(down_status);
}

int do_reboot(void)
{
	int how = m_in.m_lc_pm_reboot.how;

	if (how != MICA_RB_REBOOT && how != MICA_RB_POWEROFF)
		return -EINVAL;
	if (mp->euid != 0)
		return -EPERM;
	go_down(m_in.m_lc_pm_reboot.status & 0xff);
	return PM_NO_REPLY;
}

/* init has gone: the status of its exit (or 128 + signal) is the system's. */
void pm_shutdown(int wait_status)
{
	u32_t code = (wait_status & 0x7f) ? 128u + (u32_t)(wait_status & 0x7f) :
		(u32_t)((wait_status >> 8) & 0xff);

	go_down(code);
}
