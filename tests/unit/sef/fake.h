/*
 * fake.h - a fake kernel under libsys's host-testable parts: the functions
 * of mica/kipc.h that SEF, asynsend, grants and timers call, plus VM's
 * vm_lu_* and the page allocator, all scripted and recorded in 'fk'.
 *
 *   receives   fake_push() queues messages; ipc_receive(src) takes the
 *              first queued one from src (or any for ANY) and fails with
 *              EINTR when there is none, which ends a test's loop
 *   senda      entries go to the outbox at once, except those for
 *              fk.senda_hold (a destination that is not receiving)
 *   sys_exit   longjmps to fk.exit_jmp (tests catch it with FAKE_EXIT)
 *   trace      events appended as text ("copy 4096;reply 1101;")
 */
#ifndef TESTS_UNIT_SEF_FAKE_H
#define TESTS_UNIT_SEF_FAKE_H

#include <setjmp.h>
#include <mica/sef.h>
#include <mica/timers.h>

#define FAKE_MAX 64

struct fake_mem {			/* a guest region backed by a host object */
	vir_bytes addr;
	void *host;
	u32_t size;
};

struct fake_kernel {
	message in[FAKE_MAX];
	int in_done[FAKE_MAX];
	int in_n;
	endpoint_t recv_src[FAKE_MAX];	/* what each receive asked for */
	int recv_n;

	message out[FAKE_MAX];		/* delivered senda messages */
	endpoint_t out_dst[FAKE_MAX];
	int out_n, senda_calls;
	endpoint_t senda_hold;		/* not receiving: entries stay pending */

	endpoint_t self;
	endpoint_t swap_self;		/* not NONE: self after an RS_INIT arrives */
	int rs_alive;
	u32_t uptime, alarm;
	int alarm_calls;

	jmp_buf exit_jmp;
	int exited, exit_status;

	endpoint_t ksig_ep[8];
	u32_t ksig_map[8];
	int ksig_n, ksig_pos;

	cp_grant_t *grant_table;
	u32_t grant_count;
	int setgrant_calls, setgrant_fail;
	u32_t setgrant_flags, grant_epoch;
	int pages_fail, pages_live;

	struct sef_region regions[SEF_REGIONS_MAX + 1];
	int nregions, regions_err, copy_fail_at, ncopies;
	endpoint_t copy_dst;		/* of the last vm_lu_copy */
	struct fake_mem mem[4];
	int nmem;

	char trace[512];
};

extern struct fake_kernel fk;

void fake_reset(void);			/* fk and SEF back to boot state */
message *fake_push(endpoint_t src, int type);	/* queue; fill the payload */
void fake_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fake_pending(void);			/* queued messages not yet received */
/* Boot SEF with an RS init of 'type' (label "svc"); sef_startup's result. */
int fake_boot(int type);

#define FAKE_EXIT() (fk.exited = 0, setjmp(fk.exit_jmp))

#endif /* TESTS_UNIT_SEF_FAKE_H */
