/*
 * sef.h - the System Event Framework: how every system service starts and
 * runs (lib/libsys/sef*.c; the contract in lib/libsys/README.md).
 *
 *   sef_setcb_*(...);          register callbacks (NULL restores a default)
 *   sef_startup();             wait for RS's init, run the init callback for
 *                              its type, reply to RS (asynchronously)
 *   for (;;) {
 *           sef_receive(ANY, &m);   SEF-internal messages are consumed here:
 *           ...handle m...          RS pings, signals, live-update requests
 *   }
 *
 * Without RS (its boot slot RS_PROC_NR empty: the kernel refused or never
 * had such a module) sef_startup runs a fresh init with info->rs == NONE.
 *
 * Live update: when RS asks for a prepare state, SEF checks at the top of
 * every sef_receive whether it is reached; then it saves state (callback),
 * answers RS_LU_READY and from then on receives from RS only, until RS
 * cancels (rollback) or swaps the new instance in and removes this one.
 */
#ifndef MICA_SEF_H
#define MICA_SEF_H

#include <mica/kipc.h>
#include <mica/rs.h>

/* What an init callback learns; info->rs is NONE for a boot without RS. */
typedef struct {
	int type;			/* SEF_INIT_* */
	endpoint_t rs;			/* who sent the init (reply target) */
	endpoint_t old_ep;		/* RESTART/LU: the previous instance */
	int prepare_state;		/* LU: the old instance's prepare state */
	u32_t restarts;
	char label[RS_LABEL_LEN];
} sef_init_info_t;

/* Callbacks return OK or a negative error (reported to RS). */
typedef int (*sef_cb_init_t)(int type, const sef_init_info_t *info);
typedef void (*sef_cb_signal_handler_t)(int signo);
/* addr, code: a SIGSEGV's fault address and si_code (0: none), from
 * SYS_GETKSIG */
typedef void (*sef_cb_signal_manager_t)(endpoint_t target, u32_t sigmap,
	vir_bytes addr, int code);
typedef int (*sef_cb_lu_state_t)(int state);

/*
 * Init.  Defaults: fresh does nothing (OK); restart runs the fresh
 * callback (state rebuilt from scratch); live update runs
 * sef_cb_init_lu_identity (the identity transfer, then the restore
 * callback).  The restore callback (default: nothing) runs after a
 * successful transfer, so the new instance can repair what memory does
 * not carry (e.g. re-read state it kept in DS).
 */
void sef_setcb_init_fresh(sef_cb_init_t cb);
void sef_setcb_init_restart(sef_cb_init_t cb);
void sef_setcb_init_lu(sef_cb_init_t cb);
void sef_setcb_state_restore(sef_cb_init_t cb);
int sef_cb_init_lu_identity(int type, const sef_init_info_t *info);

/*
 * Signals.  RS (the services' signal manager) forwards them as RS_SIGNAL;
 * the handler runs once per signal, lowest number first.  Default: SIGTERM
 * exits (status 0), others are ignored.  A signal manager itself (RS, PM:
 * PF_SIG_MGR) registers sef_setcb_signal_manager: SEF then consumes the
 * kernel's SYSTEM notifications and calls it for every process with
 * pending kernel signals (SYS_GETKSIG).
 */
void sef_setcb_signal_handler(sef_cb_signal_handler_t cb);
void sef_setcb_signal_manager(sef_cb_signal_manager_t cb);

/*
 * Live update.  isvalid: may RS ask for this state? (default: the three
 * standard states; custom states need the service's callback).
 * isreached: is the service in that state now? (default: WORK_FREE only,
 * which holds at every sef_receive; a service that never leaves a request
 * unanswered across sef_receive calls registers sef_cb_lu_state_isreached_all).
 * save: last chance to put state where the new instance finds it
 * (default: nothing; identity transfer copies memory anyway).
 */
void sef_setcb_lu_state_isvalid(sef_cb_lu_state_t cb);
void sef_setcb_lu_state_isreached(sef_cb_lu_state_t cb);
void sef_setcb_lu_state_save(sef_cb_lu_state_t cb);
int sef_cb_lu_state_isreached_all(int state);

/* Wait for the init message and run it; OK or the init callback's error. */
int sef_startup(void);

/*
 * Receive the next message for the service from src (ANY or an endpoint),
 * consuming SEF's own; returns OK with work in *m, or an IPC error.
 */
int sef_receive(endpoint_t src, message *m);

/* The service's label ("" before init) and endpoint; whether RS sent the init. */
const char *sef_label(void);
endpoint_t sef_self(void);
int sef_rs_inited(void);

/* Forget every callback and all SEF state (a service that re-inits; tests). */
void sef_reset(void);

/*
 * Identity transfer (lib/libsys/sef_transfer.c): copy the old instance's
 * memory regions, except the stack, into this one at the same addresses,
 * then repair what must be local (SEF's own state, the senda table, the
 * grant table's registration).  Needs VM's region list and copy, the two
 * vm_lu_* calls below (requests to VM, lib/libsys/sef_vm.c).
 */
#define SEF_REGION_STACK 0x01		/* never copied */
#define SEF_REGIONS_MAX  32

struct sef_region {
	vir_bytes addr;			/* page aligned */
	u32_t len;			/* bytes, multiple of PAGE_SIZE */
	u32_t flags;			/* SEF_REGION_* */
};

/* The regions of ep's address space (count, or an error). */
int vm_lu_regions(endpoint_t ep, struct sef_region *r, int max);
/* Copy [addr, addr+len) of src's memory over the same range of dst's. */
int vm_lu_copy(endpoint_t src, endpoint_t dst, vir_bytes addr, u32_t len);

int sef_transfer_identity(endpoint_t old_ep);

/* asynsend.c: send without blocking (queued in a senda table of
 * ASYN_NR entries; in every process but RS the last ASYN_RS_RESERVE of
 * them are for messages to RS only, so SEF's replies are never crowded
 * out).  OK, or -EAGAIN when every entry the message may take is still
 * undelivered. */
#define ASYN_NR 16
#define ASYN_RS_RESERVE 2
int asynsend(endpoint_t dst, message *m);
/* Drop every queued message (after an identity transfer copied the old one's). */
void asynsend_reset(void);

/* panic.c: print, report to RS (RS_PANIC), exit.  Never returns. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif /* MICA_SEF_H */
