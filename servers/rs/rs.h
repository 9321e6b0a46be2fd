/*
 * rs.h - RS's internal interfaces: the service table (service.c), boot
 * start-up (boot.c), heartbeat (ping.c).  The design is in README.md.
 */
#ifndef RS_RS_H
#define RS_RS_H

#include "conf.h"
#include <mica/sef.h>
#include <mica/timers.h>
#include <mica/ds.h>

enum svc_state {
	SVC_FREE = 0,		/* table entry unused */
	SVC_INIT,		/* privileges set, init sent, no reply yet */
	SVC_UP,			/* init answered OK */
	SVC_DEAD,		/* crashed, exited, init failed, killed */
};

/*
 * One entry per service RS manages, indexed by nothing but its label.
 * What a restart policy needs later is kept here already: the
 * configuration the service runs with (a new instance gets the same
 * privileges), its endpoint (which a restart keeps: the kernel keeps the
 * slot until RS clears it), the restart count the init message carries,
 * and why it last went down.
 */
struct rs_service {
	char label[RS_LABEL_LEN];
	endpoint_t ep;
	enum svc_state state;
	const struct rs_conf *conf;
	u32_t restarts;
	int init_queued;		/* the init is in the senda table */
	int init_waited;		/* it found the table full once */
	clock_t_m init_sent;		/* tick the init went out */
	int init_late;			/* "not answering its init" reported */
	u32_t ping_seq;			/* last ping sent */
	int ping_out;			/* that ping is unanswered */
	int mute;			/* "not answering pings" reported */
	int published;			/* label is in DS */
	char panic[56];			/* last RS_PANIC reason, "" if none */
};

#define RS_MAX_SERVICES RS_BOOT_MAX
extern struct rs_service rs_table[RS_MAX_SERVICES];
extern u32_t rs_ping_ticks;
extern u64_t rs_started_tsc;		/* service.c: boot measurement */

/* service.c */
struct rs_service *svc_by_ep(endpoint_t ep);
struct rs_service *svc_by_label(const char *label);
struct rs_service *svc_alloc(const char *label, endpoint_t ep);
void svc_gone(struct rs_service *s, const char *cause);
void svc_publish_ready(void);
void svc_init_reply(struct rs_service *s, const message *m);
void svc_panic(struct rs_service *s, const message *m);
void svc_signals(endpoint_t ep, u32_t sigmap, vir_bytes addr, int code);
void ds_answer(const message *m);

/* query.c: RS_GETSVCS from anyone */
void svc_query(const message *m);

/* boot.c */
int rs_boot(const char *args);
void svc_send_inits(void);

/* touch.c (boot test hook) */
void rs_touch_fresh(u32_t pages);

/* ping.c */
void ping_start(void);
void ping_reply(struct rs_service *s, const message *m);

#endif /* RS_RS_H */
