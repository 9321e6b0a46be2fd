/*
 * test_rs.c - RS at boot (servers/rs, with tests/os/rs.conf as rs_test):
 * services start with exactly their configured privileges (a call, port
 * or IPC target outside them fails), their labels are in DS, a hostile
 * or missing configuration keeps a service from starting, a crash, a
 * panic and a failed init are reported and taken down (the client of the
 * crashed service gets an error, not a hang), a service that stops
 * answering pings is reported, and the system carries on.  The console
 * reports themselves are checked on the host (rs.check).
 *   boot: test_rs role=main priv=sys, kernel, kernel,
 *         rs_test priv=sys ping=20 ds=4 svc=5 ..., ds, test_rs role=svc, ...
 */
#include "tap.h"
#include <mica/sef.h>
#include <mica/ds.h>
#include <mica/callnr.h>
#include <mica/libbdev.h>
#include <mica/memdev.h>
#include "mfs_format.h"		/* MFS_MAGIC_V3 */

#define MAIN 0
#define SVC 5
#define CRASHER 6
#define MUTE 7
#define PANICKER 8
#define BADINIT 9
#define EVIL 10
#define NOSTANZA 11
#define SIGSVC 12
#define SLOW 13
#define DEAF 14
#define PING_TICKS 20		/* rs_test's ping= in tests.list */
#define OP_CRASH 0x7700

/* How a role sleeps: main plainly, a service through SEF (sef_sleep). */
static void (*sleeper)(u32_t ticks) = tap_sleep;

/* Wait (sleeping between tries) until DS's answer for label is want
 * (OK, or -ENOENT); at most ~10 s of guest time. */
static int wait_label(const char *label, int want, endpoint_t *ep)
{
	endpoint_t e = NONE;
	int i, r = -EINVAL;

	for (i = 0; i < 500; i++) {
		if ((r = ds_retrieve_label_endpt(label, &e)) == want)
			break;
		sleeper(2);
	}
	if (ep)
		*ep = e;
	return r;
}

static int wait_gone(endpoint_t ep)
{
	int i;

	for (i = 0; i < 500; i++) {
		if (sys_times(ep, NULL, NULL) != OK)
			return 1;
		tap_sleep(2);
	}
	return 0;
}

static int ipc_bit(const struct priv_info *pi, int id)
{
	return (pi->ipc_to[id / 32] >> (id % 32)) & 1;
}

static void check_svc_privileges(void)
{
	static const int calls[] = { SYS_DIAGCTL, SYS_EXIT, SYS_SETGRANT,
		SYS_SAFECOPYFROM, SYS_SAFECOPYTO, SYS_TIMES, SYS_GETINFO, SYS_DEVIO };
	struct priv_info pi, want;
	int i, other_ipc = 0, other_io = 0, other_mem = 0;

	memset(&pi, 0xa5, sizeof(pi));
	tap_is(sys_privctl(SVC, PRIV_GET, &pi), OK, "read svc's privileges");
	memset(&want, 0, sizeof(want));
	for (i = 0; i < (int)(sizeof(calls) / sizeof(calls[0])); i++)
		PRIV_CALL_SET(&want, KCALL_NR(calls[i]));
	tap_ok(pi.flags == PF_SYS_PROC, "svc: flags exactly PF_SYS_PROC (0x%x)",
		pi.flags);
	tap_ok(!memcmp(pi.calls, want.calls, sizeof(want.calls)),
		"svc: exactly the configured kernel calls (0x%x 0x%x)",
		pi.calls[0], pi.calls[1]);
	tap_ok(pi.irqs == 0, "svc: no IRQ lines");
	for (i = 1; i < NR_IO_RANGES; i++)
		other_io |= pi.io_len[i];
	tap_ok(pi.io_base[0] == 0x80 && pi.io_len[0] == 1 && !other_io,
		"svc: I/O exactly 0x80:1");
	for (i = 0; i < NR_MEM_RANGES; i++)
		other_mem |= pi.mem_len[i];
	tap_ok(!other_mem, "svc: no physical memory ranges");
	for (i = 0; i < NR_SYS_IDS; i++)
		if (i != NR_TASKS + DS_PROC_NR && i != NR_TASKS + RS_PROC_NR)
			other_ipc |= ipc_bit(&pi, i);
	tap_ok(ipc_bit(&pi, NR_TASKS + DS_PROC_NR) &&
		ipc_bit(&pi, NR_TASKS + RS_PROC_NR) && !other_ipc,
		"svc: IPC to exactly DS and RS");
}

static void check_svc_results(void)
{
	static const struct { const char *key; int want; const char *what; } res[] = {
		{ "svc.ipc", -ECALLDENIED, "svc: IPC outside its list is ECALLDENIED" },
		{ "svc.inok", OK, "svc: its configured port reads" },
		{ "svc.inno", -EPERM, "svc: a port outside its range is EPERM" },
		{ "svc.memmap", -EPERM, "svc: an unlisted call (MEMMAP) is EPERM" },
		{ "svc.alarm", -EPERM, "svc: SETALARM, a user call it was not given, is EPERM" },
		{ "svc.init", OK, "svc: its init said fresh with its label" },
	};
	u32_t v;
	int i, r;

	for (i = 0; i < 300; i++) {
		if (ds_retrieve_u32("svc.done", &v) == OK)
			break;
		tap_sleep(2);
	}
	for (i = 0; i < (int)(sizeof(res) / sizeof(res[0])); i++) {
		v = 12345;
		r = ds_retrieve_u32(res[i].key, &v);
		tap_ok(r == OK && (int)v == res[i].want, "%s (%d, got %d)",
			res[i].what, r, (int)v);
	}
}

static int role_main(void)
{
	endpoint_t ep;
	message m;
	int r;

	tap_is(wait_label("svc", OK, &ep), OK, "svc's label is in DS");
	tap_is(ep, SVC, "... naming svc's endpoint");
	tap_is(wait_label("ds", OK, &ep), OK, "ds's label is in DS");
	tap_is(ep, DS_PROC_NR, "... naming DS");
	tap_is(wait_label("crasher", OK, &ep), OK, "crasher's label is in DS");
	tap_is(wait_label("mute", OK, &ep), OK, "mute's label is in DS");
	check_svc_privileges();
	check_svc_results();

	/* Refused: never started, slot cleared, no label. */
	tap_ok(wait_gone(EVIL), "evil (hostile configuration) was not started");
	tap_is(ds_retrieve_label_endpt("evil", &ep), -ENOENT, "... and has no label");
	tap_ok(wait_gone(NOSTANZA), "nostanza (no configuration) was not started");
	tap_is(ds_retrieve_label_endpt("nostanza", &ep), -ENOENT, "... and has no label");
	tap_ok(wait_gone(BADINIT), "badinit (init failed) was taken down");
	tap_is(ds_retrieve_label_endpt("badinit", &ep), -ENOENT, "... and has no label");
	tap_ok(wait_gone(PANICKER), "panicker was taken down after its panic");

	/* A crash while a client waits: the client gets an error. */
	memset(&m, 0, sizeof(m));
	m.m_type = OP_CRASH;
	r = ipc_sendrec(CRASHER, &m);
	tap_ok(r == -EDEADSRCDST, "client of the crashing service: EDEADSRCDST (%d)", r);
	tap_ok(wait_gone(CRASHER), "crasher's slot was cleared");
	tap_is(wait_label("crasher", -ENOENT, NULL), -ENOENT, "crasher's label withdrawn");
	memset(&m, 0, sizeof(m));
	r = ipc_sendrec(CRASHER, &m);
	tap_ok(r == -EDEADSRCDST, "a later request to it fails at once (%d)", r);

	/* mute: give RS a few ping rounds to notice (rs.check reads it). */
	tap_sleep(4 * PING_TICKS);
	tap_ok(sys_times(MUTE, NULL, NULL) == OK, "mute is still there (reported, not killed)");
	tap_ok(sys_times(SLOW, NULL, NULL) == OK, "slow is still there");
	tap_ok(sys_times(DEAF, NULL, NULL) == OK, "deaf (never took its init) is still there");
	tap_is(ds_retrieve_label_endpt("deaf", &ep), -ENOENT, "... without a label");

	/* RS is the services' signal manager: it forwards a signal as
	 * RS_SIGNAL (SEF calls the handler), and a SIGTERM's exit is reported. */
	tap_is(wait_label("sigsvc", OK, &ep), OK, "sigsvc's label is in DS");
	tap_is(sys_kill(SIGSVC, MICA_SIGUSR1), OK, "SIGUSR1 to sigsvc");
	{
		u32_t v = 0;
		int i;

		for (i = 0; i < 300 && ds_retrieve_u32("sigsvc.sig", &v) != OK; i++)
			tap_sleep(2);
		tap_is((int)v, MICA_SIGUSR1, "... reached its SEF signal handler via RS");
	}
	tap_is(sys_kill(SIGSVC, SIGTERM), OK, "SIGTERM to sigsvc");
	tap_ok(wait_gone(SIGSVC), "... it exited and RS cleared its slot");

	/* RS refuses service messages from a non-service. */
	memset(&m, 0, sizeof(m));
	m.m_type = RS_INIT_REPLY;
	r = ipc_sendrec(RS_PROC_NR, &m);
	tap_ok(r == OK && m.m_type == -ENOSYS, "a forged init reply to RS: ENOSYS (%d %d)",
		r, m.m_type);
	m.m_type = RS_PANIC;
	r = ipc_sendrec(RS_PROC_NR, &m);
	tap_ok(r == OK && m.m_type == -ENOSYS, "a forged panic to RS: ENOSYS");

	/* The system carries on. */
	tap_is(ds_retrieve_label_endpt("svc", &ep), OK, "DS still answers");
	tap_ok(sys_times(SVC, NULL, NULL) == OK, "svc still runs");
	tap_sleep(2 * PING_TICKS);	/* svc answered its pings meanwhile (rs.check) */
	tap_done();
}

/*
 * rsvm suite: VM in slot 0 and RS touching fresh memory from VM right
 * after VM's init (rs_test touch=64).  This role is an RS-started service
 * itself; it checks that VM, DS and it came up and VM serves it.
 */
/* Sleep as a service: through sef_receive, so RS's pings are answered. */
static void sef_sleep(u32_t ticks)
{
	message m;

	sys_setalarm(ticks, NULL);
	for (;;)
		if (sef_receive(ANY, &m) == OK && IS_NOTIFY(&m) &&
		    m.m_source == CLOCK)
			return;
}

static int role_vmmain(void)
{
	endpoint_t ep;
	message m;
	int r;

	if (sef_startup() != OK)
		return 1;
	sleeper = sef_sleep;
	tap_is(wait_label("vm", OK, &ep), OK, "vm's label is in DS");
	tap_is(ep, VM_PROC_NR, "... naming VM");
	tap_is(wait_label("ds", OK, &ep), OK, "ds's label is in DS");
	tap_is(wait_label("vmmain", OK, &ep), OK, "this service's label is in DS");
	tap_ok(ep == sef_self(), "... naming it");
	memset(&m, 0, sizeof(m));
	m.m_type = VM_BRK;			/* addr 0: only asks */
	r = ipc_sendrec(VM_PROC_NR, &m);
	tap_ok(r == OK && m.m_type == OK && m.m_lc_vm_brk.addr > USER_BASE,
		"VM serves a request after RS's boot (%d %d)", r, m.m_type);
	sef_sleep(3 * PING_TICKS);	/* pings answered meanwhile (rsvm.check) */
	tap_done();
}

/*
 * rsimg suite: the memory driver started by RS keeps the root image range
 * the kernel listed for it ("image=6") next to its configured privileges,
 * maps it, and serves the MFS image as /dev/ram0.
 */
#define IMG_MEMORY 1

static int role_imgmain(void)
{
	static const int calls[] = { SYS_DIAGCTL, SYS_EXIT, SYS_SETGRANT,
		SYS_SAFECOPYFROM, SYS_SAFECOPYTO, SYS_SETALARM, SYS_TIMES,
		SYS_GETINFO, SYS_MEMMAP, SYS_UNMAP, SYS_PHYSMAP };
	struct priv_info pi, want;
	struct bdev_dev d;
	static u8_t buf[1024];
	endpoint_t ep;
	int i, r;

	if (sef_startup() != OK)
		return 1;
	sleeper = sef_sleep;
	tap_is(wait_label("memory", OK, &ep), OK, "memory's label is in DS");
	tap_is(ep, IMG_MEMORY, "... naming the driver");
	tap_is(sys_privctl(IMG_MEMORY, PRIV_GET, &pi), OK, "read the driver's privileges");
	memset(&want, 0, sizeof(want));
	for (i = 0; i < (int)(sizeof(calls) / sizeof(calls[0])); i++)
		PRIV_CALL_SET(&want, KCALL_NR(calls[i]));
	tap_ok(!memcmp(pi.calls, want.calls, sizeof(want.calls)),
		"driver: exactly boot.conf's calls");
	tap_ok(pi.mem_len[0] >= 1024 * 1024 && pi.mem_len[1] == 0,
		"driver: the boot image's range kept, nothing else (%u bytes)",
		pi.mem_len[0]);
	r = bdev_open(&d, IMG_MEMORY, MEM_RAM_MINOR, BDEV_R_BIT);
	tap_is(r, OK, "open /dev/ram0");
	r = bdev_read(&d, 1024, buf, sizeof(buf));
	tap_ok(r == 1024 && (buf[24] | buf[25] << 8) == MFS_MAGIC_V3,
		"its superblock is the root image's (MFS v3)");
	bdev_close(&d);
	sef_sleep(3 * PING_TICKS);	/* pings answered meanwhile */
	tap_done();
}

/*
 * rsmany suite: 20 services a..t (slots 5..24) besides DS, more inits
 * than RS's senda table holds at once: the rest wait and go out as
 * entries free up; every label reaches DS.
 */
static int role_manymain(void)
{
	char label[2] = "a";
	endpoint_t ep;
	int i, good = 0;

	for (i = 0; i < 20; i++) {
		label[0] = (char)('a' + i);
		good += wait_label(label, OK, &ep) == OK && ep == 5 + i;
	}
	tap_is(good, 20, "all 20 services up, labels in DS");
	tap_is(wait_label("ds", OK, &ep), OK, "and DS's");
	tap_sleep(3 * PING_TICKS);	/* pings answered meanwhile (rsmany.check) */
	tap_done();
}

/* svc: try what it was and was not given, publish the results in DS. */
static int svc_init_ok = -EINVAL;

static int svc_init(int type, const sef_init_info_t *info)
{
	svc_init_ok = type == SEF_INIT_FRESH && info->rs == RS_PROC_NR &&
		!strcmp(info->label, "svc") ? OK : -EINVAL;
	return OK;
}

static void publish(const char *key, int r)
{
	int e = ds_publish_u32(key, (u32_t)r, DSF_OVERWRITE);

	if (e != OK)
		printf("svc: publishing %s failed (%d)\n", key, e);
}

static void serve(void)
{
	message m;

	for (;;) {
		if (sef_receive(ANY, &m) != OK)
			continue;
		if (m.m_type == OP_CRASH)
			*(volatile u32_t *)0 = 1;	/* page fault */
		m.m_type = -ENOSYS;
		ipc_sendnb(m.m_source, &m);
	}
}

static int role_svc(void)
{
	endpoint_t ep;
	message m;
	u32_t v;
	int i;

	sef_setcb_init_fresh(svc_init);
	if (sef_startup() != OK)
		return 1;
	for (i = 0; i < 100000; i++)		/* RS publishes after our reply */
		if (ds_retrieve_label_endpt("svc", &ep) == OK)
			break;
	memset(&m, 0, sizeof(m));
	publish("svc.ipc", ipc_sendnb(MAIN, &m));
	publish("svc.inok", sys_inb(0x80, &v));
	publish("svc.inno", sys_inb(0x81, &v));
	publish("svc.memmap", sys_memmap(SELF, 0x80000000u, PAGE_SIZE, MAP_WRITE));
	publish("svc.alarm", sys_setalarm(100, NULL));
	publish("svc.init", svc_init_ok);
	publish("svc.done", 1);
	serve();
	return 0;
}

static void sigsvc_handler(int signo)
{
	ds_publish_u32("sigsvc.sig", (u32_t)signo, DSF_OVERWRITE);
	if (signo == SIGTERM)
		sys_exit(0);
}

static int fail_init(int type, const sef_init_info_t *info)
{
	(void)type, (void)info;
	return -EIO;
}

int main(const char *args)
{
	message m;

	if (tap_role(args, "main"))
		return role_main();
	if (tap_role(args, "svc"))
		return role_svc();
	if (tap_role(args, "vmmain"))
		return role_vmmain();
	if (tap_role(args, "imgmain"))
		return role_imgmain();
	if (tap_role(args, "manymain"))
		return role_manymain();
	if (tap_role(args, "deaf"))		/* never takes its init */
		for (;;)
			ipc_receive(MAIN, &m);
	if (tap_role(args, "badinit"))
		sef_setcb_init_fresh(fail_init);
	if (tap_role(args, "sigsvc"))
		sef_setcb_signal_handler(sigsvc_handler);
	if (sef_startup() != OK) {
		for (;;)		/* RS takes us down */
			ipc_receive(MAIN, &m);
	}
	if (tap_role(args, "panicker"))
		panic("test panic %d", 42);
	if (tap_role(args, "mute"))
		for (;;)
			ipc_receive(MAIN, &m);	/* never answers a ping */
	if (tap_role(args, "slow"))
		tap_sleep(4 * PING_TICKS);	/* misses pings, then answers */
	serve();			/* crasher */
	return 0;
}
