/*
 * com.h - endpoints, IPC operation numbers and kernel call numbers.
 *
 * An endpoint names one incarnation of a process: slot + generation, so a
 * message aimed at a process that died and whose slot was reused fails with
 * EDEADSRCDST instead of reaching the newcomer.  Boot modules start with
 * generation 0, so boot module i has endpoint i.  The kernel's
 * pseudo-processes have small negative endpoints; they only ever appear as
 * the source of notifications.
 */
#ifndef MICA_COM_H
#define MICA_COM_H

#include <mica/const.h>
#include <mica/abi.h>

/* Endpoint encoding. */
#define ENDPOINT_SLOT_BITS 10
#define ENDPOINT_GEN_MAX   (1 << 20)
#define MAKE_ENDPOINT(gen, slot) (((gen) << ENDPOINT_SLOT_BITS) + (slot))
#define ENDPOINT_SLOT(e)   ((e) & ((1 << ENDPOINT_SLOT_BITS) - 1))
#define ENDPOINT_GEN(e)    ((e) >> ENDPOINT_SLOT_BITS)

/* Special endpoints (never valid process endpoints: slot part is 0x2ce). */
#define ANY   0x7ace	/* receive from anyone */
#define NONE  0x6ace	/* no process */
#define SELF  0x8ace	/* the caller itself (kernel calls only) */

/*
 * Boot-image endpoints of system services that others must find before
 * any lookup works (DESIGN.md's boot order "vm,pm,vfs,rs,ds,...").  The C
 * library sends its system calls to VM, PM and VFS here; RS is the one
 * that sends SEF its init message; DS is where every other service's
 * endpoint is looked up.
 */
#define VM_PROC_NR  0	/* memory: brk, mmap (mica/callnr.h VM_*) */
#define PM_PROC_NR  1	/* processes and signals (PM_*) */
#define VFS_PROC_NR 2	/* files (VFS_*) */
#define RS_PROC_NR  3
#define DS_PROC_NR  4

/* Kernel pseudo-processes, sources of notifications. */
#define KERNEL   (-4)
#define CLOCK    (-3)	/* alarms */
#define SYSTEM   (-2)	/* kernel signals for the signal manager */
#define HARDWARE (-1)	/* interrupts */
#define TASK_ID(e) ((e) + NR_TASKS)	/* priv-mask index of a task */

/* IPC operations: eax of the IPC trap (int $IPC_VECTOR). */
#define IPC_VECTOR   0x80
#define KCALL_VECTOR 0x81
#define IPC_SEND     1
#define IPC_RECEIVE  2
#define IPC_SENDREC  3
#define IPC_NOTIFY   4
#define IPC_SENDNB   5
#define IPC_SENDA    6
#define IPC_NR_OPS   7

/* The m_type of a notification; the payload is m_notify (ipc.h). */
#define NOTIFY_MESSAGE 0x1000
#define IS_NOTIFY(m) ((m)->m_type == NOTIFY_MESSAGE)

/* Kernel calls: m_type of the message given to int $KCALL_VECTOR. */
#define KERNEL_CALL    0x600
#define SYS_DIAGCTL    (KERNEL_CALL + 0)	/* print, dump, shutdown */
#define SYS_PRIVCTL    (KERNEL_CALL + 1)	/* set a process's privileges */
#define SYS_FORK       (KERNEL_CALL + 2)	/* copy a process into a free slot */
#define SYS_EXEC       (KERNEL_CALL + 3)	/* set a process's entry and stack */
#define SYS_CLEAR      (KERNEL_CALL + 4)	/* tear a process down */
#define SYS_EXIT       (KERNEL_CALL + 5)	/* the caller ends itself */
#define SYS_MEMMAP     (KERNEL_CALL + 6)	/* map zeroed pages into a process */
#define SYS_UNMAP      (KERNEL_CALL + 7)	/* unmap pages of a process */
#define SYS_SETGRANT   (KERNEL_CALL + 8)	/* register the caller's grant table */
#define SYS_SAFECOPYFROM (KERNEL_CALL + 9)	/* copy from a grant */
#define SYS_SAFECOPYTO (KERNEL_CALL + 10)	/* copy to a grant */
#define SYS_IRQCTL     (KERNEL_CALL + 11)	/* interrupt policy */
#define SYS_DEVIO      (KERNEL_CALL + 12)	/* port I/O */
#define SYS_SETALARM   (KERNEL_CALL + 13)	/* alarm -> notify from CLOCK */
#define SYS_TIMES      (KERNEL_CALL + 14)	/* uptime and process times */
#define SYS_KILL       (KERNEL_CALL + 15)	/* post a signal for the signal manager */
#define SYS_GETKSIG    (KERNEL_CALL + 16)	/* fetch a process with pending signals */
#define SYS_UPDATE     (KERNEL_CALL + 17)	/* swap two slots (live update / rollback) */
#define SYS_GETINFO    (KERNEL_CALL + 18)	/* self endpoint, slot, name */
#define SYS_SCHEDCTL   (KERNEL_CALL + 19)	/* priority and quantum */
#define SYS_VMCTL      (KERNEL_CALL + 20)	/* VM: fetch and answer page faults */
#define SYS_RUNCTL     (KERNEL_CALL + 21)	/* stop or resume a process (its manager) */
#define SYS_ENDKSIG    (KERNEL_CALL + 22)	/* hold on kernel signals; signals handled */
#define SYS_SIGSEND    (KERNEL_CALL + 23)	/* build a signal frame on a process's stack */
#define SYS_SIGRETURN  (KERNEL_CALL + 24)	/* resume a process from a signal frame */
#define SYS_VMSHARE    (KERNEL_CALL + 25)	/* VM: share frames into another address space */
#define SYS_VMPROT     (KERNEL_CALL + 26)	/* VM: set protection in place */
#define SYS_VMREPLACE  (KERNEL_CALL + 27)	/* VM: give pages a private copy of their frame */
#define SYS_PHYSMAP    (KERNEL_CALL + 28)	/* map a physical range the privileges list */
#define SYS_CONTIGALLOC (KERNEL_CALL + 29)	/* map physically contiguous memory (DMA) */
#define SYS_UMAP       (KERNEL_CALL + 30)	/* virtual -> physical */
#define SYS_VMQUERY    (KERNEL_CALL + 31)	/* frame, protection, share count of a page */
#define SYS_CLEARREFS  (KERNEL_CALL + 32)	/* fail every waiter on an endpoint, keep the slot */
#define SYS_SIGMGR     (KERNEL_CALL + 33)	/* set a process's signal manager */
#define SYS_HOLD       (KERNEL_CALL + 34)	/* hold a process off the CPU, or release it */
#define SYS_STIME      (KERNEL_CALL + 35)	/* PM: the real time at uptime 0 (TIMES reports it) */
#define KCALL_NR(c)    ((c) - KERNEL_CALL)

/* SYS_DIAGCTL requests. */
#define DIAG_PRINT    1
#define DIAG_DUMP     2
#define DIAG_SHUTDOWN 3
#define DIAG_IPCSTAT  4	/* copy struct ipc_stats (ipc.h) to buf, len bytes */

/* SYS_PRIVCTL requests. */
#define PRIV_SET      1	/* set masks from the message */
#define PRIV_GET      2	/* read them back */

/* Privilege flags. */
#define PF_SYS_PROC   0x01	/* a system service */
#define PF_MAGIC      0x02	/* may create magic grants */
#define PF_SIG_MGR    0x04	/* receives SYSTEM notifications for signals */
#define PF_VM         0x08	/* handles page faults (KERNEL notifications) */

/* SYS_VMCTL requests (VM only). */
#define VMCTL_GET_FAULT 1	/* next unhandled fault, endpt NONE if none */
#define VMCTL_RESUME    2	/* fault handled (result OK) or not (error) */
#define VMCTL_INHIBIT   3	/* endpt off the CPU (result 1) or back (0) while VM is replaced */
#define VMCTL_MAP_RO    1	/* RESUME's map: a zeroed read-only page at the fault */
#define VMCTL_MAP_RW    2	/* ... a zeroed writable one */

/* Page protections of the VM memory calls. */
#define VMPROT_NONE  0x0
#define VMPROT_READ  0x1
#define VMPROT_WRITE 0x2
#define VMPROT_RW    (VMPROT_READ | VMPROT_WRITE)

/* SYS_FORK flags. */
#define FORK_NOCOPY 0x01	/* no eager copy: the child's memory is VM's to fill */
#define FORK_HOLD   0x02	/* the child waits for SYS_RELEASE before it runs */

/* SYS_IRQCTL requests. */
#define IRQ_SETPOLICY 1
#define IRQ_RMPOLICY  2
#define IRQ_ENABLE    3
#define IRQ_DISABLE   4
#define IRQ_REENABLE  0x01	/* policy flag: leave the line unmasked */

/* SYS_DEVIO requests. */
#define DIO_INB   1
#define DIO_INW   2
#define DIO_INL   3
#define DIO_OUTB  4
#define DIO_OUTW  5
#define DIO_OUTL  6

/* SYS_MEMMAP flags. */
#define MAP_WRITE 0x01

/*
 * Signals the kernel knows by number (mica/abi.h has them all; these
 * spellings are token-identical to Mica's <sys/signal.h>).
 * SIGTERM is a service's default exit (lib/libsys/sef_signal.c).
 */
#ifndef SIGKILL
#define SIGKILL   MICA_SIGKILL
#define SIGSEGV   MICA_SIGSEGV
#define SIGTERM   MICA_SIGTERM
#endif
/*
 * kernel -> signal manager only: the process exited (its manager clears
 * the slot).  Its bit in a SYS_GETKSIG map is MICA_SIGUSR2's number; it
 * never reaches a user process as a signal.
 */
#define SIGKEXIT 31

/*
 * kernel -> signal manager only: a process SYS_RUNCTL could not stop
 * with RC_DELAY because it was sending has now delivered its message (as
 * MINIX's SIGSNDELAY).  MICA_SIGLOST's number; never a user signal.
 */
#define SIGSNDELAY 29

/* SYS_RUNCTL requests. */
#define RC_STOP   1	/* keep the process off the CPU (RTS_STOPPED) */
#define RC_RESUME 2	/* let it run again */
#define RC_DELAY  0x100	/* with RC_STOP: EBUSY if it is sending; SIGSNDELAY once sent */

/* SYS_ENDKSIG requests. */
#define KSIG_HOLD   1	/* from now on, hold the process on each kernel signal */
#define KSIG_NOHOLD 2	/* no longer */
#define KSIG_DONE   3	/* its signals are handled: release the hold */

#endif /* MICA_COM_H */
