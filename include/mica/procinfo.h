/*
 * procinfo.h - one process as PM reports it (PM_GETPROCS, mica/callnr.h):
 * the record `ps` prints and a future procfs will serve.  A fixed layout
 * of 32-bit fields (asserted below) so that PM, the C library and any
 * later reader agree byte for byte, and the caller says the size it
 * expects (m_lc_pm_getprocs.size): a record that grows is a new size,
 * never a silent misreading.
 *
 * PM_GETPROCS copies min(count, n) records into the caller's grant and
 * answers n, the number of processes it knows: user processes (zombies
 * included) and system services — those of the boot image and those RS
 * starts later, which PM learns from RS's label publications in DS (so
 * a service's name is its label).  Order: PM's table order.
 *
 * state, as far as PM can see it:
 *   'Z' a zombie (exited, not yet waited for)
 *   'T' stopped by a signal
 *   'S' waiting in PM (waitpid, sigsuspend, nanosleep)
 *   'R' anything else: running, ready, or inside a call to another server
 *       (a read on a terminal too — only VFS knows that; PM does not ask)
 * vsize/rss come from VM (VM_INFO) when a VM runs, else 0; utime/stime
 * are clock ticks (sysconf(_SC_CLK_TCK)) from the kernel, 0 for a zombie.
 */
#ifndef MICA_PROCINFO_H
#define MICA_PROCINFO_H

#include <mica/type.h>

#define MICA_PI_NAME_LEN 16

#define MICA_PI_SYSTEM  0x1	/* a system service (RS's), not a user process */

struct mica_procinfo {
	i32_t pid;
	i32_t ppid;			/* 0: none (a service, init) */
	i32_t pgid;
	i32_t sid;
	u32_t uid, euid;
	u32_t gid, egid;
	i32_t endpoint;			/* -1 (NONE) for a zombie */
	u32_t flags;			/* MICA_PI_* */
	u32_t vsize;			/* bytes in the address space's regions */
	u32_t rss;			/* resident pages */
	u32_t utime, stime;		/* clock ticks */
	char state;			/* 'R', 'S', 'T', 'Z' (above) */
	u8_t pad[3];
	char name[MICA_PI_NAME_LEN];	/* program or label, NUL-terminated */
};

STATIC_ASSERT(sizeof(struct mica_procinfo) == 76, mica_procinfo_size);
STATIC_ASSERT(__builtin_offsetof(struct mica_procinfo, endpoint) == 32,
	mica_procinfo_endpoint);
STATIC_ASSERT(__builtin_offsetof(struct mica_procinfo, state) == 56,
	mica_procinfo_state);
STATIC_ASSERT(__builtin_offsetof(struct mica_procinfo, name) == 60,
	mica_procinfo_name);

/*
 * A process's command line (PM_GETCMDLINE, mess_lc_pm_cmdline): its argv
 * strings as exec passed them, each with its NUL, back to back (Linux's
 * /proc/PID/cmdline), at most MICA_CMDLINE_MAX bytes (a longer one is cut
 * there, the last string then without its NUL).  PM copies them from the
 * exec frame when the exec succeeds, so what the process later does to
 * its own stack changes nothing; a process that never exec'd through PM
 * (init, a service) has an empty command line, a forked child its
 * parent's.  PM copies min(size, length) bytes into the caller's grant
 * and answers the length; ESRCH for a pid it does not know, or a zombie.
 */
#define MICA_CMDLINE_MAX 256

/*
 * The C library's call (lib/libposix): fills up to count records of buf
 * and returns how many processes there are (more than count: call again
 * with a bigger buffer), or -1 with errno (EFAULT: buf is not writable).
 */
int mica_getprocs(struct mica_procinfo *buf, int count);

#endif /* MICA_PROCINFO_H */
