/*
 * asynsend.c - send without blocking, through the kernel's senda table
 * (mica/ipc.h).  One table of ASYN_NR entries per process; a message takes
 * a free or completed entry and the table is registered again, so the
 * kernel delivers it as soon as the destination receives.  Used for every
 * reply a service owes RS (SEF), so that a service never blocks on RS.
 *
 * The last ASYN_RS_RESERVE entries are for messages to RS only: a service
 * that queues much of its own (PM's notices to VFS, one per boot process)
 * must not take the entry its SEF reply to RS needs, or RS sees a service
 * that never answers its init (this happened when the boot image grew to
 * 16 processes).  RS itself, which never sends to RS, keeps all ASYN_NR
 * for its inits.
 */
#include <mica/sef.h>

static asynmsg_t asyn_table[ASYN_NR];
static u32_t asyn_used;			/* entries registered with the kernel */

/* OK once queued (delivery follows); EAGAIN when all entries are pending. */
int asynsend(endpoint_t dst, message *m)
{
	u32_t i, n = dst == RS_PROC_NR || sef_self() == RS_PROC_NR ?
		ASYN_NR : ASYN_NR - ASYN_RS_RESERVE;

	for (i = 0; i < n; i++) {
		u32_t f = asyn_table[i].flags;

		if (f == AMF_EMPTY || (f & AMF_DONE))
			break;
	}
	if (i == n)
		return -EAGAIN;
	asyn_table[i].flags = AMF_EMPTY;
	asyn_table[i].dst = dst;
	asyn_table[i].result = OK;
	asyn_table[i].msg = *m;
	asyn_table[i].flags = AMF_VALID;
	if (i + 1 > asyn_used)
		asyn_used = i + 1;
	return ipc_senda(asyn_table, asyn_used);
}

void asynsend_reset(void)
{
	u32_t i;

	for (i = 0; i < ASYN_NR; i++)
		asyn_table[i].flags = AMF_EMPTY;
	asyn_used = 0;
	ipc_senda(asyn_table, 0);
}
