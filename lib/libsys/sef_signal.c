/*
 * sef_signal.c - signals for services.  RS, the signal manager of system
 * services, forwards a service's signals as RS_SIGNAL; the handler runs
 * once per signal.  A signal manager itself (sef_setcb_signal_manager)
 * gets the kernel's SYSTEM notifications turned into one callback per
 * process with pending signals.
 */
#include "sef_priv.h"

static void sef_signal_default(int signo)
{
	if (signo == SIGTERM)
		sys_exit(0);
}

void sef_do_signal(const message *m)
{
	sef_cb_signal_handler_t h = sef_st.cb.signal_handler ?
		sef_st.cb.signal_handler : sef_signal_default;
	u32_t map = m->m_rs_sig.sigmap;
	int sig;

	for (sig = 1; sig < 32; sig++)
		if (map & (1u << sig))
			h(sig);
}

/* A SYSTEM notification: SEF's only for a signal manager (returns 1). */
int sef_do_ksig(const message *m)
{
	endpoint_t who;
	u32_t map;
	vir_bytes addr;
	int code;

	(void)m;
	if (!sef_st.cb.signal_manager)
		return 0;
	while (sys_getksig_fault(&who, &map, &addr, &code) == OK && who != NONE)
		sef_st.cb.signal_manager(who, map, addr, code);
	return 1;
}
