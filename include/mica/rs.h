/*
 * rs.h - the protocol between RS and every system service (SEF's side of
 * it lives in lib/libsys/sef*.c): request numbers, init types and
 * live-update prepare states.  The payloads are the mess_rs_lsys_* and
 * mess_lsys_rs_* structs of mica/ipc.h.
 *
 * RS -> service requests are accepted only from RS_PROC_NR (com.h); from
 * anyone else SEF hands them to the service as ordinary (unknown) work.
 * Service -> RS messages go with senda (lib/libsys/asynsend.c), so a
 * service never blocks on RS: RS may itself be waiting on the service, or,
 * for VM, page-faulting into it.
 */
#ifndef MICA_RS_H
#define MICA_RS_H

#include <mica/type.h>
#include <mica/const.h>

#define RS_RQ_BASE     0x1100
#define RS_INIT        (RS_RQ_BASE + 0)	/* RS -> svc: m_rs_init */
#define RS_INIT_REPLY  (RS_RQ_BASE + 1)	/* svc -> RS: m_rs_init_reply */
#define RS_PING        (RS_RQ_BASE + 2)	/* RS -> svc: m_rs_ping (heartbeat) */
#define RS_PING_REPLY  (RS_RQ_BASE + 3)	/* svc -> RS: m_rs_pong */
#define RS_LU_PREPARE  (RS_RQ_BASE + 4)	/* RS -> svc: m_rs_lu_prepare */
#define RS_LU_READY    (RS_RQ_BASE + 5)	/* svc -> RS: m_rs_lu_ready */
#define RS_SIGNAL      (RS_RQ_BASE + 6)	/* RS -> svc: m_rs_sig */
#define RS_PANIC       (RS_RQ_BASE + 7)	/* svc -> RS: m_rs_panic, then exit */
#define RS_GETSVCS     (RS_RQ_BASE + 8)	/* anyone -> RS: m_rs_getsvcs */
#define RS_NR_RQ       9
#define IS_RS_RQ(t)    ((t) >= RS_RQ_BASE && (t) < RS_RQ_BASE + RS_NR_RQ)

/*
 * RS_GETSVCS: the service table, as procfs's /proc/services shows it.  RS
 * copies min(count, n) struct rs_svcinfo into the caller's grant (its
 * size checked: a record that grows is a new size) and answers n, the
 * services it manages, by sendnb: the caller waits in sendrec.
 */
#define RS_SVC_UP      0x1	/* its init was answered OK */
#define RS_SVC_DEAD    0x2	/* crashed, exited or killed; not restarted */
#define RS_SVC_SYS     0x4	/* a boot service (all of them today) */

struct rs_svcinfo {
	char label[RS_LABEL_LEN];	/* NUL-terminated */
	i32_t endpoint;
	u32_t flags;			/* RS_SVC_* */
	u32_t restarts;
	u32_t pad;
};
STATIC_ASSERT(sizeof(struct rs_svcinfo) == RS_LABEL_LEN + 16, rs_svcinfo_size);

/* Init types (m_rs_init.type). */
#define SEF_INIT_FRESH   1	/* first start: no state */
#define SEF_INIT_RESTART 2	/* after a crash or kill: old_ep is gone */
#define SEF_INIT_LU      3	/* live update: old_ep is the prepared old instance */
#define SEF_INIT_NR      4

/*
 * Live-update prepare states (m_rs_lu_prepare.state).  The old instance
 * reports RS_LU_READY once it is at the top of its loop (SEF's receive)
 * and in the state asked for:
 *   WORK_FREE      no request half-handled (always true there)
 *   REQUEST_FREE   and no request accepted but not yet answered
 *   PROTOCOL_FREE  and no conversation with another process in progress
 *                  (e.g. a multi-message exchange with a driver)
 *   CUSTOM..       service-defined, checked by its own callbacks
 * NULL cancels a pending request (and, after a rollback, lets the old
 * instance carry on).
 */
#define SEF_LU_STATE_NULL          0
#define SEF_LU_STATE_WORK_FREE     1
#define SEF_LU_STATE_REQUEST_FREE  2
#define SEF_LU_STATE_PROTOCOL_FREE 3
#define SEF_LU_STATE_CUSTOM_BASE   16
#define SEF_LU_STATE_MAX           31

/*
 * RS's service table and configuration (servers/rs, README.md there).
 *
 * Each boot service has a configuration stanza in RS's configuration text
 * (servers/rs/boot.conf, linked into RS; parsed and checked strictly at
 * start by servers/rs/conf.c):
 *
 *   service LABEL [LABEL...]    a stanza for one or more labels
 *     ipc   ALL | LABEL...      IPC targets (RS itself is always one)
 *     calls NAME...             kernel calls, SYS_ less (none: an empty list)
 *     irq   N...                IRQ lines 0..15 (not the clock's, not 2)
 *     io    BASE:LEN...         I/O port ranges (at most NR_IO_RANGES)
 *     mem   BASE:LEN...         physical ranges for SYS_PHYSMAP, page
 *                               aligned (at most NR_MEM_RANGES)
 *     flags magic | vm | sigmgr ...   PF_MAGIC, PF_VM (one service), PF_SIG_MGR
 *
 * "ipc" and "calls" are required (an empty "calls" line means none), each
 * key appears once per stanza, '#' starts a comment.  A stanza with any
 * error is refused whole, with the line and the reason; its service is
 * never started.  Which boot slot runs which label comes from RS's
 * command line ("label=slot ..."; without one, DESIGN.md's boot order).
 */
#define RS_CONF_LINE_MAX 256	/* bytes in one configuration line */
#define RS_CONF_IPC_MAX  16	/* labels in one "ipc" line */
#define RS_CONF_MAX      64	/* labels in one configuration */
#define RS_CONF_ERR_LEN  80	/* a refusal's reason */

struct rs_conf {
	char label[RS_LABEL_LEN];
	int bad;			/* refused: err says why */
	char err[RS_CONF_ERR_LEN];
	u32_t seen;			/* RS_CONF_KEY_* bits */
	int ipc_all;
	int nr_ipc;
	char ipc[RS_CONF_IPC_MAX][RS_LABEL_LEN];
	u32_t calls[KCALL_WORDS];
	u32_t irqs;
	int nr_io;
	u16_t io_base[NR_IO_RANGES], io_len[NR_IO_RANGES];
	int nr_mem;
	phys_bytes mem_base[NR_MEM_RANGES];
	u32_t mem_len[NR_MEM_RANGES];
	u32_t flags;			/* PF_* beyond PF_SYS_PROC */
};

/* Default pause between heartbeat rounds, and the deadline of a ping. */
#define RS_PING_TICKS (HZ)

#endif /* MICA_RS_H */
