/*
 * sef_priv.h - SEF's state, shared by lib/libsys/sef*.c only.  All of it
 * is in one struct so that an identity transfer can keep this instance's
 * copy while the old instance's memory is copied over everything else.
 */
#ifndef LIBSYS_SEF_PRIV_H
#define LIBSYS_SEF_PRIV_H

#include <mica/sef.h>

struct sef_callbacks {
	sef_cb_init_t init_fresh, init_restart, init_lu, state_restore;
	sef_cb_signal_handler_t signal_handler;
	sef_cb_signal_manager_t signal_manager;
	sef_cb_lu_state_t lu_isvalid, lu_isreached, lu_save;
};

struct sef_state {
	struct sef_callbacks cb;
	sef_init_info_t info;		/* the last init */
	endpoint_t self;
	int initialised;
	int lu_state;			/* requested prepare state, or NULL */
	int lu_prepared;		/* RS_LU_READY sent: only RS is heard */
};

extern struct sef_state sef_st;

/* sef_init.c */
int sef_init_run(sef_init_info_t *info);
void sef_init_decode(const message *m, sef_init_info_t *info);
void sef_do_init(const message *m);

/* sef_lu.c */
void sef_do_lu_prepare(const message *m);
void sef_lu_check(void);

/* sef_signal.c */
void sef_do_signal(const message *m);
int sef_do_ksig(const message *m);

/* sef.c: send a reply to RS without blocking; with the senda table full
 * it is dropped, and RS treats the missing answer like a timeout. */
void sef_reply_rs(int type, message *m);

#endif /* LIBSYS_SEF_PRIV_H */
