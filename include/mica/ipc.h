/*
 * ipc.h - the 64-byte message and its typed layouts.
 *
 * Every message is m_source (filled in by the kernel, never trusted from the
 * sender) + m_type + a 56-byte payload.  Each kind of message has its own
 * struct, named mess_<from>_<to>_<op>, in the union below; each is checked at
 * compile time to fit.  "lsys" is any process using libsys, "krn" the
 * kernel.  Kernel calls reuse the request struct for the reply.
 */
#ifndef MICA_IPC_H
#define MICA_IPC_H

#include <mica/type.h>
#include <mica/const.h>
#include <mica/vmif.h>
#include <mica/ipc_lc.h>
#include <mica/vfsif.h>
#include <mica/pmvfs.h>

#define MSG_PAYLOAD 56

typedef struct { u32_t data[14]; } mess_u32;	/* raw words: tests, benchmarks */

typedef struct {			/* kernel -> any: a notification */
	u32_t timestamp;		/* clock ticks at delivery */
	u32_t interrupts;		/* HARDWARE: pending IRQ hook bits */
	u32_t sigs;			/* SYSTEM: a signal is pending */
	u8_t pad[44];
} mess_krn_lsys_notify;

typedef struct {			/* SYS_DIAGCTL */
	int request;			/* DIAG_PRINT, DIAG_DUMP, DIAG_SHUTDOWN */
	vir_bytes buf;			/* PRINT: text in the caller's memory */
	u32_t len;			/* PRINT: its length; SHUTDOWN: status */
	u8_t pad[44];
} mess_lsys_krn_diagctl;

/*
 * A process's privileges as SYS_PRIVCTL reads and writes them: too big for
 * a message (a bit per process, per kernel call, plus I/O and memory
 * ranges), so the message carries its address in the caller's memory.
 */
struct priv_info {
	u32_t flags;			/* PF_* */
	u32_t ipc_ops;			/* bit (1 << IPC_x): allowed IPC ops */
	u32_t ipc_to[BITMAP_WORDS];	/* allowed targets, by priv id */
	u32_t calls[KCALL_WORDS];	/* bit KCALL_NR(SYS_x): allowed calls */
	u32_t irqs;			/* allowed IRQ lines */
	u16_t io_base[NR_IO_RANGES];	/* allowed I/O port ranges */
	u16_t io_len[NR_IO_RANGES];
	phys_bytes mem_base[NR_MEM_RANGES];	/* physical ranges for SYS_PHYSMAP */
	u32_t mem_len[NR_MEM_RANGES];	/* bytes, 0 = unused */
};

#define PRIV_CALL_ISSET(pi, nr) (((pi)->calls[(nr) / 32] >> ((nr) % 32)) & 1)
#define PRIV_CALL_SET(pi, nr) ((pi)->calls[(nr) / 32] |= 1u << ((nr) % 32))
#define PRIV_CALL_UNSET(pi, nr) ((pi)->calls[(nr) / 32] &= ~(1u << ((nr) % 32)))

typedef struct {			/* SYS_PRIVCTL */
	endpoint_t endpt;		/* target process */
	int request;			/* PRIV_SET, PRIV_GET */
	vir_bytes info;			/* struct priv_info in the caller's memory */
	u8_t pad[44];
} mess_lsys_krn_privctl;

typedef struct {			/* SYS_FORK, SYS_EXEC, SYS_CLEAR, SYS_UPDATE, SYS_GETINFO */
	endpoint_t endpt;		/* FORK: parent; EXEC/CLEAR: target; UPDATE: src */
	endpoint_t endpt2;		/* UPDATE: dst; FORK reply: the child */
	vir_bytes ip;			/* EXEC: entry point */
	vir_bytes sp;			/* EXEC: stack pointer */
	int slot;			/* GETINFO reply */
	char name[PROC_NAME_LEN];	/* GETINFO reply; EXEC: the new name */
	u32_t flags;			/* FORK: FORK_NOCOPY | FORK_HOLD */
	u32_t free_frames;		/* GETINFO reply: free page frames */
	u32_t total_frames;		/* GETINFO reply: frames of the pool */
	u8_t pad[8];
} mess_lsys_krn_proc;

typedef struct {			/* SYS_MEMMAP, SYS_UNMAP */
	endpoint_t endpt;
	vir_bytes addr;			/* page aligned, user range */
	u32_t len;			/* bytes, multiple of PAGE_SIZE */
	u32_t flags;			/* MAP_WRITE */
	u8_t pad[40];
} mess_lsys_krn_memmap;

typedef struct {	/* SYS_VMSHARE, VMPROT, VMREPLACE, PHYSMAP, CONTIGALLOC, UMAP, VMQUERY */
	endpoint_t endpt;		/* the address space acted on */
	vir_bytes addr;			/* page aligned (UMAP, VMQUERY: any) */
	u32_t len;			/* bytes, whole pages (UMAP: any) */
	u32_t prot;			/* VMPROT_* */
	endpoint_t src;			/* VMSHARE: whose frames */
	vir_bytes src_addr;		/* VMSHARE: where in src */
	phys_bytes phys;		/* PHYSMAP: start; CONTIGALLOC, UMAP, VMQUERY reply */
	u32_t refs;			/* VMQUERY reply: mappings of the frame */
	u8_t pad[24];
} mess_lsys_krn_vmmem;

typedef struct {			/* SYS_CLEARREFS, SYS_SIGMGR, SYS_HOLD */
	endpoint_t endpt;		/* the process */
	endpoint_t mgr;			/* SIGMGR: its new manager (NONE: none) */
	int error;			/* CLEARREFS: what waiters get (0: EDEADSRCDST) */
	int hold;			/* HOLD: 1 hold, 0 release */
	u8_t pad[40];
} mess_lsys_krn_slot;

typedef struct {			/* SYS_SETGRANT */
	vir_bytes addr;			/* table in the caller's memory */
	u32_t count;			/* entries */
	u32_t flags;			/* SETGRANT_EPOCH: use 'epoch' */
	u32_t epoch;			/* in with SETGRANT_EPOCH; reply: the table's */
	u8_t pad[40];
} mess_lsys_krn_setgrant;

typedef struct {			/* SYS_SAFECOPYFROM, SYS_SAFECOPYTO */
	endpoint_t granter;		/* who owns the grant */
	cp_grant_id_t gid;
	vir_bytes offset;		/* into the granted range */
	vir_bytes address;		/* in the caller's memory */
	u32_t bytes;
	u8_t pad[36];
} mess_lsys_krn_safecopy;

typedef struct {			/* SYS_IRQCTL */
	int request;
	int irq;
	u32_t policy;			/* IRQ_REENABLE */
	int hook_id;			/* bit set in the notification */
	u8_t pad[40];
} mess_lsys_krn_irqctl;

typedef struct {			/* SYS_DEVIO */
	int request;			/* DIO_* */
	u32_t port;
	u32_t value;			/* out: value written; in: reply */
	u8_t pad[44];
} mess_lsys_krn_devio;

typedef struct {			/* SYS_SETALARM, SYS_TIMES, SYS_STIME */
	u32_t ticks;			/* SETALARM: relative ticks, 0 cancels */
	u32_t left;			/* SETALARM reply: ticks left of the old one */
	u32_t uptime;			/* TIMES reply */
	u32_t user_ticks;		/* TIMES reply (of endpt) */
	u32_t sys_ticks;
	endpoint_t endpt;		/* TIMES: whose times */
	i64_t boot_sec;			/* TIMES reply, STIME: the real time */
	u32_t boot_nsec;		/* at uptime 0 (< 1e9) */
	u32_t idle_lo, idle_hi;		/* TIMES reply: TSC cycles idle */
	u8_t pad[12];
} mess_lsys_krn_time;

typedef struct {			/* SYS_KILL, SYS_GETKSIG */
	endpoint_t endpt;		/* KILL: target; GETKSIG reply: who (NONE) */
	int sig;			/* KILL: signal number */
	u32_t sigmap;			/* GETKSIG reply: pending signals */
	vir_bytes addr;			/* GETKSIG reply: SIGSEGV's fault address */
	int code;			/* GETKSIG reply: SIGSEGV's si_code (MICA_SEGV_*,
					 * MICA_SI_KERNEL); 0: no fault in sigmap */
	u8_t pad[36];
} mess_lsys_krn_sig;

typedef struct {			/* SYS_SCHEDCTL */
	endpoint_t endpt;
	int priority;
	int quantum;
	u8_t pad[44];
} mess_lsys_krn_schedctl;

typedef struct {			/* SYS_VMCTL */
	int request;			/* VMCTL_* */
	endpoint_t endpt;		/* the suspended process */
	endpoint_t owner;		/* GET reply: whose memory faulted */
	vir_bytes addr;			/* GET reply: the faulting address */
	u32_t write;			/* GET reply: a write access */
	u32_t in_call;			/* GET reply: a copy in IPC/kernel call */
	int result;			/* RESUME: OK, or the error; INHIBIT: 1 on, 0 off */
	u32_t present;			/* GET reply: the page held a frame (protection fault) */
	u32_t more;			/* GET reply: another fault waits to be fetched */
	u32_t map;			/* RESUME: first map a zeroed page there (VMCTL_MAP_*) */
	u8_t pad[16];
} mess_lsys_krn_vmctl;

typedef struct {			/* SYS_RUNCTL, SYS_ENDKSIG, SYS_SIGSEND, SYS_SIGRETURN */
	endpoint_t endpt;		/* the process */
	int request;			/* RUNCTL: RC_*; ENDKSIG: KSIG_* */
	int signo, code;		/* SIGSEND: handler(signo, code, scp) */
	vir_bytes handler;		/* SIGSEND: entry point */
	vir_bytes trampoline;		/* SIGSEND: the handler's return address */
	vir_bytes stack;		/* SIGSEND: frame below this; 0: the process's esp */
	u32_t mask;			/* SIGSEND: saved as sc_mask */
	vir_bytes scp;			/* SIGSEND reply, SIGRETURN: the sigcontext */
	vir_bytes addr;			/* SIGSEND: the siginfo's si_addr */
	int pid;			/* SIGSEND: the siginfo's si_pid (SI_USER) */
	u32_t uid;			/* SIGSEND: the siginfo's si_uid (SI_USER) */
	int status;			/* SIGSEND: the siginfo's si_status (SIGCHLD) */
	u8_t pad[4];
} mess_lsys_krn_sigctl;

/*
 * RS <-> service (SEF), numbers in mica/rs.h.  Replies to RS travel by
 * senda, never blocking the service.
 */
typedef struct {			/* RS_INIT */
	int type;			/* SEF_INIT_* */
	endpoint_t old_ep;		/* RESTART/LU: the previous instance */
	int prepare_state;		/* LU: the state old_ep was prepared in */
	u32_t restarts;			/* how many times this label restarted */
	u32_t flags;			/* reserved, 0 */
	char label[RS_LABEL_LEN];	/* the service's label, NUL-terminated */
	u8_t pad[56 - 20 - RS_LABEL_LEN];
} mess_rs_lsys_init;

typedef struct {			/* RS_INIT_REPLY */
	int result;			/* OK or the init callback's error */
	int type;			/* the init type answered */
	u8_t pad[48];
} mess_lsys_rs_init;

typedef struct {			/* RS_PING */
	u32_t seq;			/* echoed in the reply */
	u8_t pad[52];
} mess_rs_lsys_ping;

typedef struct {			/* RS_PING_REPLY */
	u32_t seq;
	u8_t pad[52];
} mess_lsys_rs_ping;

typedef struct {			/* RS_LU_PREPARE */
	int state;			/* SEF_LU_STATE_* (NULL cancels) */
	u32_t flags;			/* reserved, 0 */
	u8_t pad[48];
} mess_rs_lsys_lu_prepare;

typedef struct {			/* RS_LU_READY */
	int result;			/* OK: prepared and state saved */
	int state;
	u8_t pad[48];
} mess_lsys_rs_lu_ready;

typedef struct {			/* RS_SIGNAL */
	u32_t sigmap;			/* bit (1 << signo) per signal */
	u8_t pad[52];
} mess_rs_lsys_sig;

typedef struct {			/* RS_PANIC */
	char reason[56];		/* NUL-terminated unless full */
} mess_lsys_rs_panic;

typedef struct {			/* RS_GETSVCS (anyone -> RS) */
	cp_grant_id_t grant;		/* CPF_WRITE, count struct rs_svcinfo */
	u32_t count;			/* entries the grant holds (0: just count) */
	u32_t size;			/* sizeof(struct rs_svcinfo): checked */
	u8_t pad[44];
} mess_lsys_rs_getsvcs;

typedef struct {			/* every DS request and reply (ds.h) */
	char key[DS_KEY_LEN];		/* NUL-terminated */
	u32_t flags;			/* DSF_TYPE_* | DSF_* */
	union {
		u32_t u32;
		endpoint_t endpt;	/* LABEL */
		char str[DS_STR_LEN];	/* STR */
		struct {
			cp_grant_id_t gid;
			u32_t len;
		} mem;			/* MEM */
	} val;
	endpoint_t owner;		/* CHECK reply */
} mess_lsys_ds_req;

/*
 * VFS (or any client) <-> character driver (mica/cdev.h).  The request
 * id is the caller's, echoed in the reply and named by CDEV_CANCEL.
 */
typedef struct {			/* CDEV_OPEN, CDEV_CLOSE */
	int minor;
	u32_t id;
	u32_t access;			/* OPEN: CDEV_R | CDEV_W | CDEV_NOCTTY
					 * | CDEV_CTTY */
	endpoint_t user;		/* OPEN: the process opening */
	int sid;			/* OPEN with CDEV_CTTY: its session */
	u8_t pad[36];
} mess_vfs_cdev_openclose;

typedef struct {			/* CDEV_READ, CDEV_WRITE */
	int minor;
	u32_t id;
	cp_grant_id_t grant;		/* the caller's buffer */
	u32_t count;			/* bytes */
	u64_t pos;			/* ignored by stream devices */
	u32_t flags;			/* CDEV_NONBLOCK */
	endpoint_t user;		/* the process on whose behalf */
	int pgrp;			/* its process group, 0: unknown */
	u8_t pad[20];
} mess_vfs_cdev_readwrite;

typedef struct {			/* CDEV_IOCTL */
	int minor;
	u32_t id;
	u32_t request;			/* TCGETS, ... (mica/termios.h) */
	cp_grant_id_t grant;		/* the argument */
	endpoint_t user;		/* the process asking */
	u32_t flags;			/* CDEV_NONBLOCK */
	u8_t pad[32];
} mess_vfs_cdev_ioctl;

typedef struct {			/* CDEV_CANCEL */
	int minor;
	u32_t id;			/* the suspended request */
	u8_t pad[48];
} mess_vfs_cdev_cancel;

typedef struct {			/* CDEV_SELECT */
	int minor;
	u32_t ops;			/* CDEV_OP_* | CDEV_NOTIFY */
	u8_t pad[48];
} mess_vfs_cdev_select;

typedef struct {			/* CDEV_REPLY */
	u32_t id;			/* the request's */
	int status;			/* bytes, OK or a negative error */
	u8_t pad[48];
} mess_cdev_vfs_reply;

typedef struct {			/* CDEV_SIGNAL: terminal -> PM */
	int pgrp;			/* foreground process group */
	int sig;			/* ^C/^\\/^Z, job control, hangup */
	int minor;			/* which terminal */
	u8_t pad[44];
} mess_cdev_pm_sig;

typedef struct {			/* CDEV_SEL1_REPLY, CDEV_SEL2_REPLY */
	int minor;
	int status;			/* CDEV_OP_* ready, or a negative error */
	u8_t pad[48];
} mess_cdev_vfs_sel;
typedef struct {			/* every block request and reply (bdev.h) */
	u64_t pos;			/* byte position */
	int minor;
	int request;			/* OPEN: access bits; IOCTL: BDEV_IOC_* */
	cp_grant_id_t grant;		/* buffer, or table of bdev_iovec */
	u32_t count;			/* bytes, or entries of the table */
	u32_t id;			/* echoed in the reply */
	u8_t pad[28];
} mess_lsys_bdev;

typedef struct {
	endpoint_t m_source;		/* set by the kernel */
	int m_type;			/* request/call number, or reply status */
	union {
		mess_u32 m_u32;
		mess_krn_lsys_notify m_notify;
		mess_lsys_krn_diagctl m_diagctl;
		mess_lsys_krn_privctl m_privctl;
		mess_lsys_krn_proc m_proc;
		mess_lsys_krn_memmap m_memmap;
		mess_lsys_krn_setgrant m_setgrant;
		mess_lsys_krn_vmmem m_vmmem;
		mess_lsys_krn_slot m_slot;
		mess_lsys_krn_safecopy m_safecopy;
		mess_lsys_krn_irqctl m_irqctl;
		mess_lsys_krn_devio m_devio;
		mess_lsys_krn_time m_time;
		mess_lsys_krn_sig m_sig;
		mess_lsys_krn_schedctl m_schedctl;
		mess_lsys_krn_vmctl m_vmctl;
		mess_lsys_krn_sigctl m_sigctl;
		mess_rs_lsys_init m_rs_init;
		mess_lsys_rs_init m_rs_init_reply;
		mess_rs_lsys_ping m_rs_ping;
		mess_lsys_rs_ping m_rs_pong;
		mess_rs_lsys_lu_prepare m_rs_lu_prepare;
		mess_lsys_rs_lu_ready m_rs_lu_ready;
		mess_rs_lsys_sig m_rs_sig;
		mess_lsys_rs_panic m_rs_panic;
		mess_lsys_rs_getsvcs m_rs_getsvcs;
		mess_lsys_ds_req m_ds;
		mess_vfs_cdev_openclose m_cdev_oc;
		mess_vfs_cdev_readwrite m_cdev_rw;
		mess_vfs_cdev_ioctl m_cdev_ioctl;
		mess_vfs_cdev_cancel m_cdev_cancel;
		mess_vfs_cdev_select m_cdev_select;
		mess_cdev_vfs_reply m_cdev_reply;
		mess_cdev_vfs_sel m_cdev_sel;
		mess_cdev_pm_sig m_cdev_sig;
		mess_lsys_bdev m_bdev;
#define LC_MEMBER(t, m) t m;
		LC_MESSAGES(LC_MEMBER)
		VMIF_MESSAGES(LC_MEMBER)
#undef LC_MEMBER
#define FS_MEMBER(t, m) t m;
		FS_MESSAGES(FS_MEMBER)
		PMVFS_MESSAGES(FS_MEMBER)
#undef FS_MEMBER
		u8_t size[MSG_PAYLOAD];
	};
} message;

#define MESS_CHECK(t) STATIC_ASSERT(sizeof(t) == MSG_PAYLOAD, t##_size)
MESS_CHECK(mess_u32);
MESS_CHECK(mess_krn_lsys_notify);
MESS_CHECK(mess_lsys_krn_diagctl);
MESS_CHECK(mess_lsys_krn_privctl);
MESS_CHECK(mess_lsys_krn_proc);
MESS_CHECK(mess_lsys_krn_memmap);
MESS_CHECK(mess_lsys_krn_setgrant);
MESS_CHECK(mess_lsys_krn_vmmem);
MESS_CHECK(mess_lsys_krn_slot);
MESS_CHECK(mess_lsys_krn_safecopy);
MESS_CHECK(mess_lsys_krn_irqctl);
MESS_CHECK(mess_lsys_krn_devio);
MESS_CHECK(mess_lsys_krn_time);
MESS_CHECK(mess_lsys_krn_sig);
MESS_CHECK(mess_lsys_krn_schedctl);
MESS_CHECK(mess_lsys_krn_vmctl);
MESS_CHECK(mess_lsys_krn_sigctl);
MESS_CHECK(mess_rs_lsys_init);
MESS_CHECK(mess_lsys_rs_init);
MESS_CHECK(mess_rs_lsys_ping);
MESS_CHECK(mess_lsys_rs_ping);
MESS_CHECK(mess_rs_lsys_lu_prepare);
MESS_CHECK(mess_lsys_rs_lu_ready);
MESS_CHECK(mess_rs_lsys_sig);
MESS_CHECK(mess_lsys_rs_panic);
MESS_CHECK(mess_lsys_rs_getsvcs);
MESS_CHECK(mess_lsys_ds_req);
MESS_CHECK(mess_vfs_cdev_openclose);
MESS_CHECK(mess_vfs_cdev_readwrite);
MESS_CHECK(mess_vfs_cdev_ioctl);
MESS_CHECK(mess_vfs_cdev_cancel);
MESS_CHECK(mess_vfs_cdev_select);
MESS_CHECK(mess_cdev_vfs_reply);
MESS_CHECK(mess_cdev_vfs_sel);
MESS_CHECK(mess_cdev_pm_sig);
MESS_CHECK(mess_lsys_bdev);
#define LC_CHECK(t, m) MESS_CHECK(t);
LC_MESSAGES(LC_CHECK)
VMIF_MESSAGES(LC_CHECK)
#undef LC_CHECK
#define FS_CHECK(t, m) MESS_CHECK(t);
FS_MESSAGES(FS_CHECK)
PMVFS_MESSAGES(FS_CHECK)
#undef FS_CHECK
STATIC_ASSERT(sizeof(message) == 64, message_size);

/*
 * IPC traps by operation, and how many of them the kernel's fast path
 * (kernel/ipc_fast.c) finished; SYS_DIAGCTL DIAG_IPCSTAT copies it out, so
 * a benchmark can say how many of its round trips took the fast path.
 */
struct ipc_stats {
	u32_t traps[8];			/* by IPC_x operation (0: unknown) */
	u32_t fast[8];			/* of those, done by the fast path */
};

/*
 * One entry of a senda() table, in the sender's memory.  The kernel reads
 * entries marked AMF_VALID and not yet AMF_DONE, delivers each when its
 * destination receives, then writes back result and AMF_DONE.
 */
#define AMF_EMPTY 0x0
#define AMF_VALID 0x1
#define AMF_DONE  0x2

typedef struct {
	u32_t flags;
	endpoint_t dst;
	int result;			/* OK or a negative error, once DONE */
	u32_t reserved;
	message msg;
} asynmsg_t;
STATIC_ASSERT(sizeof(asynmsg_t) == 80, asynmsg_size);

#endif /* MICA_IPC_H */
