/*
 * service.c - the service table and what happens to a service after its
 * init went out: the init reply (up, or failed), panics, and the signals
 * RS gets as the services' signal manager (crash, exit, kill: reported on
 * the console with label and cause, then the service is taken down so
 * nothing waits on it; other signals are forwarded as RS_SIGNAL).
 *
 * Taking down means: fail everything blocked on the endpoint
 * (SYS_CLEARREFS), free the slot (SYS_CLEAR: later sends fail at once with
 * EDEADSRCDST instead of waiting on a stopped process) and withdraw the
 * label from DS.  Requests to DS go by senda too (ds_*_async): RS never
 * waits for DS either; DS's answers arrive in the main loop (ds_answer).  A restart policy (a later issue) replaces the SYS_CLEAR
 * with a new instance in the kept slot (README.md).
 */
#include "rs.h"

struct rs_service rs_table[RS_MAX_SERVICES];

/* Signals that mean the service crashed (the kernel stopped it). */
#define FAULT_SIGS ((1u << SIGSEGV) | (1u << MICA_SIGILL) | \
	(1u << MICA_SIGFPE) | (1u << MICA_SIGBUS) | (1u << MICA_SIGTRAP) | \
	(1u << MICA_SIGSYS) | (1u << MICA_SIGEMT) | (1u << MICA_SIGABRT))

static const char *const sig_names[MICA_NSIG] = {
	[MICA_SIGILL] = "SIGILL", [MICA_SIGTRAP] = "SIGTRAP",
	[MICA_SIGABRT] = "SIGABRT", [MICA_SIGEMT] = "SIGEMT",
	[MICA_SIGFPE] = "SIGFPE", [MICA_SIGKILL] = "SIGKILL",
	[MICA_SIGBUS] = "SIGBUS", [MICA_SIGSEGV] = "SIGSEGV",
	[MICA_SIGSYS] = "SIGSYS",
};

struct rs_service *svc_by_ep(endpoint_t ep)
{
	int i;

	for (i = 0; i < RS_MAX_SERVICES; i++)
		if (rs_table[i].state != SVC_FREE &&
		    rs_table[i].state != SVC_DEAD && rs_table[i].ep == ep)
			return &rs_table[i];
	return NULL;
}

struct rs_service *svc_by_label(const char *label)
{
	int i;

	for (i = 0; i < RS_MAX_SERVICES; i++)
		if (rs_table[i].state != SVC_FREE &&
		    !strcmp(rs_table[i].label, label))
			return &rs_table[i];
	return NULL;
}

struct rs_service *svc_alloc(const char *label, endpoint_t ep)
{
	int i;

	for (i = 0; i < RS_MAX_SERVICES; i++)
		if (rs_table[i].state == SVC_FREE) {
			memset(&rs_table[i], 0, sizeof(rs_table[i]));
			memcpy(rs_table[i].label, label, RS_LABEL_LEN);
			rs_table[i].ep = ep;
			rs_table[i].state = SVC_INIT;
			return &rs_table[i];
		}
	return NULL;
}

static int ds_up(void)
{
	struct rs_service *ds = svc_by_ep(DS_PROC_NR);

	return ds && ds->state == SVC_UP && !strcmp(ds->label, "ds");
}

/* Publish every label that is up and not yet in DS (once DS is up). */
void svc_publish_ready(void)
{
	int i, r;

	if (!ds_up())
		return;
	for (i = 0; i < RS_MAX_SERVICES; i++) {
		struct rs_service *s = &rs_table[i];

		if (s->state != SVC_UP || s->published)
			continue;
		r = ds_publish_label_async(s->label, s->ep, DSF_OVERWRITE);
		if (r != OK)
			printf("rs: %s (%d): publishing the label failed (%d)\n",
				s->label, s->ep, r);
		s->published = r == OK;
	}
}

void svc_gone(struct rs_service *s, const char *cause)
{
	int r;

	printf("rs: %s (%d): %s%s%s\n", s->label, s->ep, cause,
		s->panic[0] ? ", after panic: " : "", s->panic);
	s->state = SVC_DEAD;
	if ((r = sys_clearrefs(s->ep, 0)) != OK && r != -EDEADSRCDST)
		printf("rs: %s: clearrefs failed (%d)\n", s->label, r);
	if ((r = sys_clear(s->ep)) != OK && r != -EDEADSRCDST)
		printf("rs: %s: clear failed (%d)\n", s->label, r);
	if (s->published && ds_up()) {
		if ((r = ds_delete_async(s->label, DSF_TYPE_LABEL)) != OK)
			printf("rs: %s: withdrawing the label failed (%d)\n",
				s->label, r);
	}
	s->published = 0;
}

/*
 * Once no service is left waiting for its init: one console line with
 * how many came up and the guest time since RS started (TSC: guest
 * instructions under -icount shift=0), for boot measurements.
 */
u64_t rs_started_tsc;

static void boot_done_check(void)
{
	static int said;
	int i, up = 0, down = 0;

	for (i = 0; i < RS_MAX_SERVICES; i++) {
		if (rs_table[i].state == SVC_INIT)
			return;
		up += rs_table[i].state == SVC_UP;
		down += rs_table[i].state == SVC_DEAD;
	}
	if (said++)
		return;
	printf("rs: boot: %d services up, %d down, %u K TSC cycles after RS started\n",
		up, down, (u32_t)((rdtsc() - rs_started_tsc) >> 10));
}

void svc_init_reply(struct rs_service *s, const message *m)
{
	char why[40];
	int r = m->m_rs_init_reply.result;

	if (s->state != SVC_INIT || m->m_rs_init_reply.type != SEF_INIT_FRESH)
		return;				/* stale or forged: ignore */
	if (r != OK) {
		snprintf(why, sizeof(why), "init failed (%d)", r);
		svc_gone(s, why);
		boot_done_check();
		return;
	}
	if (s->init_late)
		printf("rs: %s (%d): init answered late\n", s->label, s->ep);
	s->state = SVC_UP;
	svc_publish_ready();
	boot_done_check();
}

void svc_panic(struct rs_service *s, const message *m)
{
	u32_t i;

	for (i = 0; i + 1 < sizeof(s->panic) && i < sizeof(m->m_rs_panic.reason) &&
	    m->m_rs_panic.reason[i]; i++)
		s->panic[i] = (m->m_rs_panic.reason[i] >= 0x20 &&
			m->m_rs_panic.reason[i] < 0x7f) ? m->m_rs_panic.reason[i] : '?';
	s->panic[i] = '\0';
	/* The panicking service sent synchronously and exits next; let it. */
}

void svc_signals(endpoint_t ep, u32_t sigmap, vir_bytes addr, int code)
{
	(void)addr;	/* a service's fault: RS restarts it, no handler */
	(void)code;
	struct rs_service *s = svc_by_ep(ep);
	char why[48];
	message m;
	int sig, r;

	if (!s)
		return;
	if (sigmap & FAULT_SIGS) {
		for (sig = 1; !(sigmap & FAULT_SIGS & (1u << sig)); sig++)
			;
		snprintf(why, sizeof(why), "crashed: signal %d (%s)", sig,
			sig_names[sig] ? sig_names[sig] : "?");
		svc_gone(s, why);
		return;
	}
	if (sigmap & (1u << SIGKILL)) {
		svc_gone(s, "killed (SIGKILL)");
		return;
	}
	if (sigmap & (1u << SIGKEXIT)) {
		svc_gone(s, "exited");
		return;
	}
	sigmap &= ~(1u << SIGSNDELAY);
	if (!sigmap || s->state != SVC_UP)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = RS_SIGNAL;
	m.m_rs_sig.sigmap = sigmap;
	if ((r = asynsend(s->ep, &m)) != OK)
		printf("rs: %s (%d): signal not forwarded (%d)\n", s->label,
			s->ep, r);
}

/* DS's answer to a label publish or delete RS queued: log a refusal. */
void ds_answer(const message *m)
{
	char key[DS_KEY_LEN];

	if (m->m_type == OK)
		return;
	memcpy(key, m->m_ds.key, sizeof(key));
	key[sizeof(key) - 1] = '\0';
	printf("rs: DS refused '%s' (%d)\n", key, m->m_type);
}
