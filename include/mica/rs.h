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

#define RS_RQ_BASE     0x1100
#define RS_INIT        (RS_RQ_BASE + 0)	/* RS -> svc: m_rs_init */
#define RS_INIT_REPLY  (RS_RQ_BASE + 1)	/* svc -> RS: m_rs_init_reply */
#define RS_PING        (RS_RQ_BASE + 2)	/* RS -> svc: m_rs_ping (heartbeat) */
#define RS_PING_REPLY  (RS_RQ_BASE + 3)	/* svc -> RS: m_rs_pong */
#define RS_LU_PREPARE  (RS_RQ_BASE + 4)	/* RS -> svc: m_rs_lu_prepare */
#define RS_LU_READY    (RS_RQ_BASE + 5)	/* svc -> RS: m_rs_lu_ready */
#define RS_SIGNAL      (RS_RQ_BASE + 6)	/* RS -> svc: m_rs_sig */
#define RS_PANIC       (RS_RQ_BASE + 7)	/* svc -> RS: m_rs_panic, then exit */
#define RS_NR_RQ       8
#define IS_RS_RQ(t)    ((t) >= RS_RQ_BASE && (t) < RS_RQ_BASE + RS_NR_RQ)

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

#endif /* MICA_RS_H */
