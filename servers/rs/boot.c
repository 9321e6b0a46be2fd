/*
 * boot.c - start every boot service: the kernel has already loaded each
 * one into its slot, where it waits in sef_startup for RS's init (from
 * RS_PROC_NR only).  For each "label=slot" of RS's command line, in that
 * order: find the label's configuration (refused stanzas, unknown labels
 * and ipc targets that are not booted keep the service from starting: its
 * slot is cleared), set exactly the configured privileges (plus the
 * physical ranges its module line got from the kernel, "image=J"), become its
 * signal manager, and send the fresh init by senda.  The replies come
 * back to the main loop (service.c); nothing here waits for a service.
 * Boot order matters only for who can run first: VM's init goes out first
 * when VM is listed first, and RS may fault into VM at once (a touch of
 * fresh memory), which works because VM answers its init by senda.
 */
#include "rs.h"

extern const char rs_conf_text[], rs_conf_text_end[];

/* DESIGN.md's boot order, when RS's command line names no services: the
 * slots of `make run` (tests/os/module.mk, which also names them on RS's
 * line): init is slot 9, the root image 10, the virtio-blk driver 11, then
 * the idle ext2, ISO 9660, vnd and second MFS servers, so init's slot does
 * not move. */
static const char default_map[] =
	"vm=0 pm=1 vfs=2 ds=4 tty=5 memory=6 mfs=7 pfs=8 virtio_blk=11 ext2=12 "
	"iso9660=13 vnd=14 mfs2=15 procfs=16";

static struct rs_conf conf_tab[RS_CONF_MAX];
static int conf_n;
static struct rs_boot boot_map[RS_BOOT_MAX];
static int boot_n;
static u32_t touch_pages;		/* "touch=N": test hook, touch.c */
u32_t rs_ping_ticks = RS_PING_TICKS;

static int refuse(const struct rs_boot *b, const char *why, const char *detail)
{
	int r;

	printf("rs: %s (%d): not started: %s%s%s\n", b->label, b->slot, why,
		detail ? ": " : "", detail ? detail : "");
	if ((r = sys_clear(b->slot)) != OK)
		printf("rs: %s: clear failed (%d)\n", b->label, r);
	return r;
}

static int svc_send_init(struct rs_service *s);

static void start_one(const struct rs_boot *b)
{
	const struct rs_conf *c;
	struct rs_service *s;
	struct priv_info pi, boot;
	char err[RS_CONF_ERR_LEN];
	int r;

	if (b->slot == RS_PROC_NR) {
		printf("rs: %s (%d): RS's own slot\n", b->label, b->slot);
		return;
	}
	if (sys_times(b->slot, NULL, NULL) != OK) {
		printf("rs: %s (%d): no boot process in the slot\n", b->label,
			b->slot);
		return;
	}
	if (!(c = rs_conf_find(conf_tab, conf_n, b->label))) {
		refuse(b, "no configuration", NULL);
		return;
	}
	if (c->bad) {
		refuse(b, "configuration refused", c->err);
		return;
	}
	if (rs_conf_priv(c, boot_map, boot_n, &pi, err, sizeof(err)) != OK) {
		refuse(b, "configuration refused", err);
		return;
	}
	if ((r = sys_privctl(b->slot, PRIV_GET, &boot)) != OK) {
		snprintf(err, sizeof(err), "privileges unreadable (%d)", r);
		refuse(b, err, NULL);
		return;
	}
	if (rs_priv_keep_boot(&pi, &boot, err, sizeof(err)) != OK) {
		refuse(b, "configuration refused", err);
		return;
	}
	if (!(s = svc_alloc(b->label, b->slot))) {
		refuse(b, "service table full", NULL);
		return;
	}
	s->conf = c;
	if ((r = sys_privctl(s->ep, PRIV_SET, &pi)) != OK ||
	    (r = sys_sigmgr(s->ep, sef_self())) != OK) {
		snprintf(err, sizeof(err), "privileges not set (%d)", r);
		svc_gone(s, err);
		return;
	}
	if (svc_send_init(s) == OK && (pi.flags & PF_VM) && touch_pages)
		rs_touch_fresh(touch_pages);	/* while VM runs its init */
}

/*
 * Queue s's fresh init by senda.  The senda table is small (asynsend.c):
 * with every entry still undelivered the init waits (EAGAIN) and
 * svc_send_inits retries it after the next message RS takes, when
 * services have received theirs.
 */
static int svc_send_init(struct rs_service *s)
{
	char err[RS_CONF_ERR_LEN];
	message m;
	u32_t now;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_INIT;
	m.m_rs_init.type = SEF_INIT_FRESH;
	m.m_rs_init.old_ep = NONE;
	m.m_rs_init.restarts = s->restarts;
	memcpy(m.m_rs_init.label, s->label, RS_LABEL_LEN);
	if (sys_times(SELF, &now, NULL) == OK)
		s->init_sent = now;
	if ((r = asynsend(s->ep, &m)) == OK) {
		s->init_queued = 1;
		return OK;
	}
	if (r != -EAGAIN) {
		snprintf(err, sizeof(err), "init not sent (%d)", r);
		svc_gone(s, err);
	} else if (!s->init_waited) {
		s->init_waited = 1;
		printf("rs: %s (%d): init waits for a free senda entry\n",
			s->label, s->ep);
	}
	return r;
}

void svc_send_inits(void)
{
	int i;

	for (i = 0; i < RS_MAX_SERVICES; i++)
		if (rs_table[i].state == SVC_INIT && !rs_table[i].init_queued &&
		    svc_send_init(&rs_table[i]) != OK)
			return;			/* still full (or it went down) */
}

int rs_boot(const char *args)
{
	char err[RS_CONF_ERR_LEN];
	int i, ping;

	rs_started_tsc = rdtsc();
	if (arg_value(args, "ping")) {
		ping = arg_int(args, "ping", -1);
		if (ping >= 1 && ping <= 60 * HZ)
			rs_ping_ticks = (u32_t)ping;
		else
			printf("rs: bad ping period, using %u ticks\n", rs_ping_ticks);
	}
	if (arg_value(args, "touch"))
		touch_pages = (u32_t)arg_int(args, "touch", 0);
	boot_n = rs_boot_parse(args, boot_map, RS_BOOT_MAX, err, sizeof(err));
	if (boot_n == 0)
		boot_n = rs_boot_parse(default_map, boot_map, RS_BOOT_MAX, err,
			sizeof(err));
	if (boot_n < 0) {
		printf("rs: bad boot map word '%s': no service started\n", err);
		return OK;		/* RS itself stays up: the system carries on */
	}
	conf_n = rs_conf_parse(rs_conf_text, rs_conf_text_end - rs_conf_text,
		conf_tab, RS_CONF_MAX, err, sizeof(err));
	if (conf_n < 0) {
		printf("rs: configuration refused: %s\n", err);
		conf_n = 0;
	}
	for (i = 0; i < conf_n; i++)
		if (conf_tab[i].bad && conf_tab[i].label[0])
			printf("rs: configuration of '%s' refused: %s\n",
				conf_tab[i].label, conf_tab[i].err);
		else if (conf_tab[i].bad)
			printf("rs: configuration refused: %s\n", conf_tab[i].err);
	for (i = 0; i < boot_n; i++)
		start_one(&boot_map[i]);
	ping_start();
	return OK;
}
