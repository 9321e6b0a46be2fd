/*
 * test_ds.c - DS and SEF in QEMU: a fake RS initialises DS and two SEF
 * services, then main drives everything.
 *   ds:     test_ds role=main priv=sys, test_ds role=peer, test_ds role=svc,
 *           test_ds role=rs priv=sys, ds priv=sys, test_ds role=svc2
 *   dsboot: test_ds role=solo priv=sys, kernel, kernel, kernel, ds priv=sys
 * DS: publish/retrieve/delete of every type, subscriptions, the owner-label
 * rule (peer acts as another client), bogus requests.  SEF: init replies,
 * pings through RS, signals (handler, default SIGTERM), live-update prepare
 * (only RS heard until cancelled), panic reported to RS; libsys timers on
 * the real alarm, and a grant table grown past its static part.  dsboot: DS takes
 * a fresh init when no RS exists.
 */
#include "tap.h"
#include <mica/ds.h>
#include <mica/sef.h>
#include <mica/timers.h>

#define MAIN 0
#define PEER 1
#define SVC 2
#define SVC2 5

enum { CMD_PING = 1, CMD_SIGNAL, CMD_LU, CMD_WAIT_PANIC };	/* main -> rs */
enum { SVC_GET = 0x77, SVC_PANIC, SVC_TIMERS };			/* main -> svc */

static message msg(int type)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	return m;
}

/* ---- the fake RS ---- */

static int rs_init(endpoint_t ep, const char *label)
{
	message m = msg(RS_INIT);

	m.m_rs_init.type = SEF_INIT_FRESH;
	memcpy(m.m_rs_init.label, label, strlen(label));
	if (ipc_send(ep, &m) != OK || ipc_receive(ep, &m) != OK)
		return -9999;
	return m.m_type == RS_INIT_REPLY ? m.m_rs_init_reply.result : -9998;
}

/*
 * Init svc2 but do not receive its reply at once: a service that blocked
 * on RS would still be stuck in its send.  Instead it must be back in its
 * receive loop, taking a ping by sendnb; then both answers arrive, the
 * init reply first.  Returns the init result, *busy the sendnb's result.
 */
static int rs_init_busy(endpoint_t ep, const char *label, int *busy)
{
	message m = msg(RS_INIT), p = msg(RS_PING);
	int r = -9999;

	m.m_rs_init.type = SEF_INIT_FRESH;
	memcpy(m.m_rs_init.label, label, strlen(label));
	if (ipc_send(ep, &m) != OK)
		return r;
	tap_sleep(3);
	p.m_rs_ping.seq = 9;
	*busy = ipc_sendnb(ep, &p);
	if (ipc_receive(ep, &m) == OK && m.m_type == RS_INIT_REPLY)
		r = m.m_rs_init_reply.result;
	if (ipc_receive(ep, &p) != OK || p.m_type != RS_PING_REPLY || p.m_rs_pong.seq != 9)
		*busy = -9997;
	return r;
}

static void rs_command(message *m)
{
	endpoint_t ep = (endpoint_t)m->m_u32.data[0];
	u32_t arg = m->m_u32.data[1];
	message r;

	if (m->m_type >= DS_RQ_BASE && m->m_type < DS_RQ_BASE + DS_NR_RQ) {
		int e = ipc_sendrec(DS_PROC_NR, m);	/* a DS request as RS */

		if (e != OK)
			m->m_type = e;
		ipc_send(MAIN, m);
		return;
	}

	if (m->m_type == CMD_PING) {
		r = msg(RS_PING);
		r.m_rs_ping.seq = arg;
	} else if (m->m_type == CMD_SIGNAL) {
		r = msg(RS_SIGNAL);
		r.m_rs_sig.sigmap = arg;
	} else if (m->m_type == CMD_LU) {
		r = msg(RS_LU_PREPARE);
		r.m_rs_lu_prepare.state = (int)arg;
	}
	if (m->m_type != CMD_WAIT_PANIC && ipc_send(ep, &r) != OK)
		r.m_type = -9999;
	else if (m->m_type == CMD_PING || m->m_type == CMD_WAIT_PANIC ||
	    (m->m_type == CMD_LU && arg != SEF_LU_STATE_NULL))
		ipc_receive(ep, &r);			/* its answer */
	ipc_send(MAIN, &r);
}

static int rs(void)
{
	message m = msg(0);
	int busy = -9999;

	m.m_u32.data[0] = (u32_t)rs_init(DS_PROC_NR, "ds");
	m.m_u32.data[1] = (u32_t)rs_init(SVC, "svc");
	m.m_u32.data[2] = (u32_t)rs_init_busy(SVC2, "svc2", &busy);
	m.m_u32.data[3] = (u32_t)busy;
	ipc_send(MAIN, &m);
	while (ipc_receive(MAIN, &m) == OK)
		rs_command(&m);
	return 1;
}

/* ---- the SEF services ---- */

static u32_t svc_sigs, svc_init_type;

static void svc_signal(int signo)
{
	svc_sigs |= 1u << signo;
}

static int svc_init(int type, const sef_init_info_t *info)
{
	svc_init_type = (u32_t)type;
	return info->label[0] ? OK : -EINVAL;
}

/* SVC_TIMERS: three timers on the one alarm; answer once all fired. */
static sys_timer_t svc_tmr[3];
static u32_t svc_fired, svc_nfired;
static endpoint_t svc_waiter = NONE;

static void svc_timer(int arg)
{
	message m;

	svc_fired = svc_fired * 10 + (u32_t)arg;
	if (++svc_nfired < 3)
		return;
	m = msg(OK);
	m.m_u32.data[0] = svc_fired;
	ipc_send(svc_waiter, &m);
}

static void svc_timers(endpoint_t who)
{
	static const u32_t ticks[3] = { 6, 2, 4 };
	int i;

	svc_waiter = who;
	for (i = 0; i < 3; i++) {
		init_timer(&svc_tmr[i]);
		set_timer(&svc_tmr[i], ticks[i], svc_timer, i + 1);
	}
	set_timer(&svc_tmr[0], 8, svc_timer, 1);	/* moved later */
}

static int svc(int own_handler)
{
	message m;

	sef_setcb_init_fresh(svc_init);
	if (own_handler)
		sef_setcb_signal_handler(svc_signal);
	if (sef_startup() != OK)
		panic("svc: init failed");
	while (sef_receive(ANY, &m) == OK) {
		if (m.m_type == SVC_PANIC)
			panic("%s: asked to, %d", sef_label(), 42);
		if (m.m_source == CLOCK && IS_NOTIFY(&m)) {
			expire_timers(m.m_notify.timestamp);
			continue;
		}
		if (m.m_type == SVC_TIMERS) {
			svc_timers(m.m_source);
			continue;
		}
		if (m.m_type == SVC_GET) {
			m.m_u32.data[0] = svc_sigs;
			m.m_u32.data[1] = svc_init_type;
			memcpy(&m.m_u32.data[2], sef_label(), 4);
		} else {
			m.m_type = -ENOSYS;
		}
		ipc_send(m.m_source, &m);
	}
	return 1;
}

/* ---- peer: does DS requests as itself ---- */

static int peer(void)
{
	message m;

	while (ipc_receive(MAIN, &m) == OK) {
		int r = ipc_sendrec(DS_PROC_NR, &m);

		if (r != OK)
			m.m_type = r;
		ipc_send(MAIN, &m);
	}
	return 1;
}

/* A DS request, from main itself or through peer or RS; the reply's status. */
static int ds_raw(endpoint_t via, message *m)
{
	int r = ipc_sendrec(via == MAIN ? DS_PROC_NR : via, m);

	return r != OK ? r : m->m_type;
}

static int ds_as(endpoint_t via, int type, const char *key, u32_t flags, u32_t val)
{
	message m = msg(type);

	memcpy(m.m_ds.key, key, strlen(key));
	m.m_ds.flags = flags;
	m.m_ds.val.u32 = val;
	return ds_raw(via, &m);
}

static int ask_rs(int cmd, endpoint_t ep, u32_t arg, message *reply)
{
	*reply = msg(cmd);
	reply->m_u32.data[0] = (u32_t)ep;
	reply->m_u32.data[1] = arg;
	return ipc_sendrec(RS_PROC_NR, reply);
}

/* ---- main's tests ---- */

static void test_values(void)
{
	char s[DS_STR_LEN];
	u32_t v = 0;
	endpoint_t ep = NONE;
	int r;

	tap_is(ds_publish_label("main", MAIN, 0), OK, "main publishes its own label");
	r = ds_retrieve_label_endpt("ds", &ep);
	tap_ok(r == OK && ep == DS_PROC_NR, "DS published its label at init (%d)", ep);
	tap_is(ds_publish_u32("main.count", 7, 0), OK, "publish a u32");
	r = ds_retrieve_u32("main.count", &v);
	tap_ok(r == OK && v == 7, "retrieve it (%u)", v);
	tap_is(ds_publish_u32("main.count", 8, 0), -EEXIST, "publish again without overwrite");
	tap_ok(ds_publish_u32("main.count", 8, DSF_OVERWRITE) == OK &&
		ds_retrieve_u32("main.count", &v) == OK && v == 8, "overwrite it");
	tap_is(ds_publish_str("main.name", "hello, ds", 0), OK, "publish a string");
	r = ds_retrieve_str("main.name", s, sizeof(s));
	tap_ok(r == OK && !strcmp(s, "hello, ds"), "retrieve it (%s)", s);
	tap_is(ds_publish_str("main.count", "x", DSF_OVERWRITE), -EINVAL,
		"overwrite with another type");
	tap_is(ds_retrieve_u32("main.name", &v), -EINVAL, "retrieve with the wrong type");
	tap_is(ds_retrieve_u32("main.none", &v), -ENOENT, "retrieve a missing key");
	tap_is(ds_delete("main.name", DSF_TYPE_STR), OK, "delete a key");
	tap_is(ds_retrieve_str("main.name", s, sizeof(s)), -ENOENT, "it is gone");
	tap_is(ds_delete("main.name", DSF_TYPE_STR), -ENOENT, "delete it twice");
}

static u8_t big[6000], back[6000];
static cp_grant_id_t gids[40];

static void test_mem(void)
{
	u32_t i, len = sizeof(back);
	int r;

	for (i = 0; i < sizeof(big); i++)
		big[i] = (u8_t)(i * 7 + 3);
	tap_is(ds_publish_mem("main.state", big, sizeof(big), 0), OK,
		"publish a memory range by grant");
	r = ds_retrieve_mem("main.state", back, &len);
	tap_ok(r == OK && len == sizeof(big) && !memcmp(big, back, sizeof(big)),
		"retrieve it whole (%u bytes)", len);
	memset(back, 0, sizeof(back));
	len = 100;
	tap_ok(ds_retrieve_mem("main.state", back, &len) == OK && len == sizeof(big) &&
		!memcmp(big, back, 100) && back[100] == 0,
		"a smaller buffer gets a prefix and the stored size");
	for (i = 0; i < 40; i++)			/* past the 32 static entries */
		gids[i] = cpf_grant_direct(PEER, (vir_bytes)back, 1, CPF_READ);
	tap_ok(gids[39] != GRANT_INVALID && GRANT_IDX(gids[39]) >= GRANT_INITIAL &&
		cpf_table_size() == 2 * GRANT_INITIAL, "the grant table grew to %u",
		cpf_table_size());
	big[0] ^= 0xff;
	tap_ok(ds_publish_mem("main.state", big, 10, DSF_OVERWRITE) == OK &&
		(len = sizeof(back), ds_retrieve_mem("main.state", back, &len)) == OK &&
		len == 10 && back[0] == big[0],
		"overwrite with a shorter range, through a grown table");
	for (i = 0; i < 40; i++)
		cpf_revoke(gids[i]);
}

static void test_permissions(void)
{
	message m = msg(DS_RETRIEVE);

	tap_is(ds_as(PEER, DS_PUBLISH, "peer.x", DSF_TYPE_U32, 1), -EPERM,
		"a process without a label cannot publish");
	tap_is(ds_as(PEER, DS_SUBSCRIBE, "main.*", 0, 0), -EPERM,
		"nor subscribe");
	tap_is(ds_as(PEER, DS_PUBLISH, "fake", DSF_TYPE_LABEL, MAIN), -EPERM,
		"a label only for oneself");
	tap_is(ds_as(PEER, DS_PUBLISH, "peer", DSF_TYPE_LABEL, PEER), OK,
		"peer publishes its own label");
	tap_is(ds_as(PEER, DS_PUBLISH, "peer2", DSF_TYPE_LABEL, PEER), -EPERM,
		"one label per process");
	tap_is(ds_as(PEER, DS_PUBLISH, "main", DSF_TYPE_LABEL | DSF_OVERWRITE, PEER),
		-EPERM, "peer cannot take main's label");
	tap_is(ds_as(PEER, DS_PUBLISH, "main.count", DSF_TYPE_U32 | DSF_OVERWRITE, 99),
		-EPERM, "peer cannot overwrite main's key");
	tap_is(ds_as(PEER, DS_DELETE, "main.count", DSF_TYPE_U32, 0), -EPERM,
		"peer cannot delete main's key");
	memcpy(m.m_ds.key, "main.count", 10);
	m.m_ds.flags = DSF_TYPE_U32;
	tap_ok(ds_raw(PEER, &m) == OK && m.m_ds.val.u32 == 8 && m.m_ds.owner == MAIN,
		"values are readable by anyone, with their owner");
	tap_is(ds_as(PEER, DS_RETRIEVE, "main.state", DSF_TYPE_MEM, 0), -EPERM,
		"memory ranges only by their owner");
	tap_is(ds_as(PEER, DS_PUBLISH, "peer.x", DSF_TYPE_U32, 1), OK,
		"peer publishes under its label");
}

static int wait_check(char *key, u32_t *flags, endpoint_t *owner)
{
	message n;

	if (ipc_receive(DS_PROC_NR, &n) != OK || !IS_NOTIFY(&n))
		return -9999;
	return ds_check(key, flags, owner);
}

static void test_subscribe(void)
{
	char key[DS_KEY_LEN];
	u32_t fl = 0;
	endpoint_t ow = NONE;
	int i, r, n;

	tap_is(ds_check(key, &fl, &ow), -ENOENT, "check without a subscription");
	tap_is(ds_subscribe("peer.*", DSF_INITIAL), OK, "subscribe to peer.* with initial");
	r = wait_check(key, &fl, &ow);
	tap_ok(r == OK && !strcmp(key, "peer.x") &&
		fl == DSF_TYPE_U32 && ow == PEER,
		"notified; check gives the existing key (%s %x %d)", key, fl, ow);
	tap_is(ds_check(key, &fl, &ow), -ENOENT, "nothing more");
	ds_as(PEER, DS_PUBLISH, "peer.y", DSF_TYPE_U32, 2);
	r = wait_check(key, &fl, &ow);
	tap_ok(r == OK && !strcmp(key, "peer.y"),
		"a new key is reported (%s)", key);
	ds_as(PEER, DS_DELETE, "peer.x", DSF_TYPE_U32, 0);
	r = wait_check(key, &fl, &ow);
	tap_ok(r == OK && !strcmp(key, "peer.x") &&
		fl == (DSF_TYPE_U32 | DSF_DELETED), "a deletion is reported (%x)", fl);
	ds_publish_u32("main.count", 9, DSF_OVERWRITE);
	tap_is(ds_check(key, &fl, &ow), -ENOENT, "other keys are not reported");
	tap_is(ds_subscribe("peer.*", 0), -EEXIST, "the same pattern twice");
	tap_is(ds_subscribe("main.k*", 0), OK, "a second pattern");
	for (i = 0; i < 17; i++) {
		char k[8] = "main.k";

		k[6] = (char)('a' + i);
		ds_publish_u32(k, (u32_t)i, 0);
	}
	for (n = 0; (r = ds_check(key, &fl, &ow)) == OK && n < 40; n++)
		if (n == 0)
			tap_ok(fl & DSF_OVERRUN, "17 changes overrun the queue (%x)", fl);
	tap_ok(r == -ENOENT && n == 16, "16 changes were kept (%d)", n);
	tap_is(ds_unsubscribe("peer.*"), OK, "unsubscribe");
	tap_is(ds_unsubscribe("peer.*"), -ENOENT, "unsubscribe twice");
	ds_as(PEER, DS_PUBLISH, "peer.z", DSF_TYPE_U32, 3);
	tap_is(ds_check(key, &fl, &ow), -ENOENT, "no reports after unsubscribing");
}

static void test_rs_rights(void)
{
	endpoint_t ep = NONE;
	int r;

	tap_is(ds_as(RS_PROC_NR, DS_PUBLISH, "svc", DSF_TYPE_LABEL, SVC), OK,
		"RS publishes a label for a service");
	r = ds_retrieve_label_endpt("svc", &ep);
	tap_ok(r == OK && ep == SVC, "anyone looks it up (%d)", ep);
	tap_is(ds_as(RS_PROC_NR, DS_PUBLISH, "main", DSF_TYPE_LABEL, SVC), -EEXIST,
		"RS too needs DSF_OVERWRITE");
	tap_is(ds_as(RS_PROC_NR, DS_DELETE, "peer.y", DSF_TYPE_U32, 0), OK,
		"RS may delete another label's key");
	tap_is(ds_as(RS_PROC_NR, DS_PUBLISH, "rs.x", DSF_TYPE_U32, 1), -EPERM,
		"but RS without a label of its own cannot publish values");
}

static void test_bogus(void)
{
	message m = msg(DS_PUBLISH);

	memset(m.m_ds.key, 'a', DS_KEY_LEN);
	m.m_ds.flags = DSF_TYPE_U32;
	tap_is(ds_raw(MAIN, &m), -EINVAL, "an unterminated key");
	tap_is(ds_as(MAIN, DS_PUBLISH, "", DSF_TYPE_U32, 0), -EINVAL, "an empty key");
	tap_is(ds_as(MAIN, DS_PUBLISH, "a b", DSF_TYPE_U32, 0), -EINVAL, "a key with a space");
	tap_is(ds_as(MAIN, DS_PUBLISH, "main.t", 0, 0), -EINVAL, "type 0");
	tap_is(ds_as(MAIN, DS_PUBLISH, "main.t", 9, 0), -EINVAL, "an unknown type");
	m = msg(DS_PUBLISH);
	memcpy(m.m_ds.key, "main.s", 6);
	m.m_ds.flags = DSF_TYPE_STR;
	memset(m.m_ds.val.str, 'z', DS_STR_LEN);
	tap_is(ds_raw(MAIN, &m), -EINVAL, "an unterminated string value");
	tap_is(ds_as(MAIN, DS_PUBLISH, "main.m", DSF_TYPE_MEM, 0), -EINVAL,
		"a memory range of 0 bytes");
	m = msg(DS_PUBLISH);
	memcpy(m.m_ds.key, "main.m", 6);
	m.m_ds.flags = DSF_TYPE_MEM;
	m.m_ds.val.mem.gid = 999;
	m.m_ds.val.mem.len = DS_MEM_MAX + 1;
	tap_is(ds_raw(MAIN, &m), -EINVAL, "a memory range over the limit");
	m.m_type = DS_PUBLISH;
	m.m_ds.val.mem.len = 16;
	tap_is(ds_raw(MAIN, &m), -EINVAL, "a bogus grant");
	tap_is(ds_retrieve_u32("main.m", &m.m_ds.val.u32), -ENOENT,
		"a failed publish leaves nothing");
	tap_is(ds_as(MAIN, DS_SUBSCRIBE, "a*b", 0, 0), -EINVAL, "'*' inside a pattern");
	tap_is(ds_as(MAIN, DS_RQ_BASE + DS_NR_RQ, "x", 0, 0), -ENOSYS, "an unknown request");
	tap_is(ds_as(MAIN, 0, "x", 0, 0), -ENOSYS, "request 0");
	tap_is(ds_as(MAIN, RS_PING, "x", 0, 0), -ENOSYS,
		"a forged RS ping from a client is unknown work");
	tap_is(ds_as(MAIN, RS_INIT, "x", 0, 0), -ENOSYS, "so is a forged init");
}

static void test_sef(void)
{
	message m;

	int r = ask_rs(CMD_PING, SVC, 5, &m);

	tap_ok(r == OK && m.m_type == RS_PING_REPLY && m.m_rs_pong.seq == 5,
		"svc answers RS's ping through SEF (%d)", m.m_rs_pong.seq);
	tap_ok(ask_rs(CMD_PING, DS_PROC_NR, 6, &m) == OK && m.m_type == RS_PING_REPLY &&
		m.m_rs_pong.seq == 6, "so does DS");
	m = msg(RS_PING);
	tap_ok(ipc_sendrec(SVC, &m) == OK && m.m_type == -ENOSYS,
		"a ping from a client is answered as unknown work");
	m = msg(SVC_GET);
	tap_ok(ipc_sendrec(SVC, &m) == OK && m.m_u32.data[1] == SEF_INIT_FRESH &&
		!memcmp(&m.m_u32.data[2], "svc", 4), "svc ran its fresh init with its label");
	ask_rs(CMD_SIGNAL, SVC, (1u << 10) | (1u << 12), &m);
	m = msg(SVC_GET);
	r = ipc_sendrec(SVC, &m);
	tap_ok(r == OK && m.m_u32.data[0] == ((1u << 10) | (1u << 12)),
		"signals from RS reach the handler (%x)", m.m_u32.data[0]);
	m = msg(SVC_TIMERS);
	r = ipc_sendrec(SVC, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 231,
		"three timers on one alarm fire in order (%u)", m.m_u32.data[0]);
	ask_rs(CMD_SIGNAL, SVC2, 1u << SIGTERM, &m);
	tap_sleep(2);
	m = msg(SVC_GET);
	tap_ok(ipc_sendnb(SVC2, &m) != OK, "SIGTERM ends a service by default");
}

static void test_lu(void)
{
	message m;

	tap_ok(ask_rs(CMD_LU, SVC, SEF_LU_STATE_WORK_FREE, &m) == OK &&
		m.m_type == RS_LU_READY && m.m_rs_lu_ready.result == OK &&
		m.m_rs_lu_ready.state == SEF_LU_STATE_WORK_FREE,
		"svc reports the work-free state reached");
	m = msg(SVC_GET);
	tap_is(ipc_sendnb(SVC, &m), -ENOTREADY, "prepared, it hears only RS");
	ask_rs(CMD_LU, SVC, SEF_LU_STATE_NULL, &m);
	m = msg(SVC_GET);
	tap_is(ipc_sendrec(SVC, &m), OK, "cancelled, it works again");
	tap_ok(ask_rs(CMD_LU, SVC, SEF_LU_STATE_CUSTOM_BASE + 4, &m) == OK &&
		m.m_rs_lu_ready.result == -EINVAL, "an unknown custom state is refused");
	tap_ok(ask_rs(CMD_LU, DS_PROC_NR, SEF_LU_STATE_REQUEST_FREE, &m) == OK &&
		m.m_rs_lu_ready.result == OK, "DS is request-free at once");
	ask_rs(CMD_LU, DS_PROC_NR, SEF_LU_STATE_NULL, &m);
	tap_is(ds_publish_u32("main.after", 1, 0), OK, "and serves again after the cancel");
}

static void test_panic(void)
{
	message m = msg(SVC_PANIC);
	int r;

	tap_is(ipc_send(SVC, &m), OK, "ask svc to panic");
	r = ask_rs(CMD_WAIT_PANIC, SVC, 0, &m);
	tap_ok(r == OK && m.m_type == RS_PANIC &&
		!memcmp(m.m_rs_panic.reason, "svc: asked to, 42", 18),
		"RS gets the panic report (%s)", m.m_rs_panic.reason);
	tap_sleep(2);
	tap_ok(ipc_sendnb(SVC, &m) != OK, "and the service is gone");
}

static void main_tests(void)
{
	message m = msg(0);
	int r = ipc_receive(RS_PROC_NR, &m);

	tap_ok(r == OK && m.m_u32.data[0] == OK &&
		m.m_u32.data[1] == OK && m.m_u32.data[2] == OK,
		"DS, svc and svc2 answer RS's init with OK (%d %d %d)",
		(int)m.m_u32.data[0], (int)m.m_u32.data[1], (int)m.m_u32.data[2]);
	tap_is((int)m.m_u32.data[3], OK,
		"the init reply did not block svc2 while RS was busy (ping taken)");
	test_values();
	test_mem();
	test_permissions();
	test_subscribe();
	test_rs_rights();
	test_bogus();
	test_sef();
	test_lu();
	test_panic();
}

/* No RS in the boot image: DS initialised itself. */
static void solo_tests(void)
{
	u32_t v = 0;
	endpoint_t ep = NONE;

	tap_ok(ds_retrieve_label_endpt("ds", &ep) == OK && ep == DS_PROC_NR,
		"DS runs without RS (fresh init, label published)");
	tap_is(ds_publish_label("solo", MAIN, 0), OK, "publish a label");
	tap_ok(ds_publish_u32("solo.v", 3, 0) == OK && ds_retrieve_u32("solo.v", &v) == OK &&
		v == 3, "publish and retrieve");
	tap_is(ds_as(MAIN, RS_INIT, "x", 0, 0), -ENOSYS, "an init from a non-RS is refused");
}

int main(const char *args)
{
	if (tap_role(args, "rs"))
		return rs();
	if (tap_role(args, "peer"))
		return peer();
	if (tap_role(args, "svc"))
		return svc(1);
	if (tap_role(args, "svc2"))
		return svc(0);
	if (tap_role(args, "solo"))
		solo_tests();
	else
		main_tests();
	tap_done();
}
