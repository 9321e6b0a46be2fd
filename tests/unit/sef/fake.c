/*
 * fake.c - the fake kernel of fake.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake.h"

struct fake_kernel fk;

void fake_reset(void)
{
	memset(&fk, 0, sizeof(fk));
	fk.self = 7;
	fk.swap_self = NONE;
	fk.senda_hold = NONE;
	fk.copy_fail_at = -1;
	fk.uptime = 1000;
	sef_reset();
	asynsend_reset();
	fk.senda_calls = 0;
}

message *fake_push(endpoint_t src, int type)
{
	message *m = &fk.in[fk.in_n++];

	memset(m, 0, sizeof(*m));
	m->m_source = src;
	m->m_type = type;
	return m;
}

int fake_pending(void)
{
	int i, n = 0;

	for (i = 0; i < fk.in_n; i++)
		n += !fk.in_done[i];
	return n;
}

void fake_trace(const char *fmt, ...)
{
	size_t len = strlen(fk.trace);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(fk.trace + len, sizeof(fk.trace) - len, fmt, ap);
	va_end(ap);
}

int fake_boot(int type)
{
	message *m;

	fk.rs_alive = 1;
	m = fake_push(RS_PROC_NR, RS_INIT);
	m->m_rs_init.type = type;
	m->m_rs_init.old_ep = 42;
	strcpy(m->m_rs_init.label, "svc");
	return sef_startup();
}

int ipc_receive(endpoint_t src, message *m)
{
	int i;

	if (fk.recv_n < FAKE_MAX)
		fk.recv_src[fk.recv_n++] = src;
	for (i = 0; i < fk.in_n; i++) {
		if (fk.in_done[i] || (src != ANY && fk.in[i].m_source != src))
			continue;
		fk.in_done[i] = 1;
		*m = fk.in[i];
		if (m->m_type == RS_INIT && fk.swap_self != NONE)
			fk.self = fk.swap_self;		/* RS swapped the slots */
		return OK;
	}
	return -EINTR;
}

int ipc_senda(asynmsg_t *table, u32_t count)
{
	u32_t i;

	fk.senda_calls++;
	for (i = 0; i < count; i++) {
		asynmsg_t *a = &table[i];

		if (!(a->flags & AMF_VALID) || (a->flags & AMF_DONE) ||
		    a->dst == fk.senda_hold)
			continue;
		if (fk.out_n < FAKE_MAX) {
			fk.out[fk.out_n] = a->msg;
			fk.out[fk.out_n].m_source = fk.self;
			fk.out_dst[fk.out_n++] = a->dst;
		}
		fake_trace("send %x;", a->msg.m_type);
		a->result = OK;
		a->flags |= AMF_DONE;
	}
	return OK;
}

int sys_getinfo(endpoint_t *self, int *slot)
{
	if (self)
		*self = fk.self;
	if (slot)
		*slot = fk.self;
	return OK;
}

int sys_times(endpoint_t e, u32_t *uptime, u32_t *user_ticks)
{
	if (e == RS_PROC_NR && !fk.rs_alive)
		return -ESRCH;
	if (uptime)
		*uptime = fk.uptime;
	if (user_ticks)
		*user_ticks = 0;
	return OK;
}

/* The wall clock: the fake kernel's boot time is the epoch. */
int sys_realtime(i64_t *sec, u32_t *nsec)
{
	*sec = fk.uptime / HZ;
	*nsec = (fk.uptime % HZ) * (1000000000u / HZ);
	return OK;
}

int sys_setalarm(u32_t ticks, u32_t *left)
{
	fk.alarm = ticks;
	fk.alarm_calls++;
	if (left)
		*left = 0;
	return OK;
}

void sys_exit(int status)
{
	fk.exited = 1;
	fk.exit_status = status;
	longjmp(fk.exit_jmp, 1);
}

int sys_getksig_fault(endpoint_t *e, u32_t *sigmap, vir_bytes *addr, int *code)
{
	*addr = 0;
	*code = 0;
	return sys_getksig(e, sigmap);
}

int sys_getksig(endpoint_t *e, u32_t *sigmap)
{
	if (fk.ksig_pos == fk.ksig_n) {
		*e = NONE;
		*sigmap = 0;
		return OK;
	}
	*e = fk.ksig_ep[fk.ksig_pos];
	*sigmap = fk.ksig_map[fk.ksig_pos++];
	return OK;
}

/* Like the kernel: a new table gets the next epoch, SETGRANT_EPOCH keeps
 * the one handed in. */
int sys_setgrant(cp_grant_t *table, u32_t count, u32_t flags, u32_t *epoch)
{
	fk.setgrant_calls++;
	fk.setgrant_flags = flags;
	if (fk.setgrant_fail)
		return -EFAULT;
	fk.grant_table = table;
	fk.grant_count = count;
	if (!(flags & SETGRANT_EPOCH))
		fk.grant_epoch = (fk.grant_epoch + 1) & GRANT_EPOCH_MASK;
	else
		fk.grant_epoch = *epoch;
	*epoch = fk.grant_epoch;
	return OK;
}

void *sys_pages_alloc(u32_t bytes)
{
	void *p;

	if (fk.pages_fail || !(p = calloc(1, bytes)))
		return NULL;
	fk.pages_live++;
	return p;
}

void sys_pages_free(void *p, u32_t bytes)
{
	(void)bytes;
	if (p)
		fk.pages_live--;
	free(p);
}

int vm_lu_regions(endpoint_t ep, struct sef_region *r, int max)
{
	int i;

	fake_trace("regions %d;", ep);
	if (fk.regions_err)
		return fk.regions_err;
	for (i = 0; i < fk.nregions && i < max; i++)
		r[i] = fk.regions[i];
	return fk.nregions;
}

/* "Copy" by filling the host object behind addr with 0xAA. */
int vm_lu_copy(endpoint_t src, endpoint_t dst, vir_bytes addr, u32_t len)
{
	int i;

	fake_trace("copy %x;", addr);
	fk.copy_dst = dst;
	if (fk.ncopies++ == fk.copy_fail_at || src == dst)
		return -EFAULT;
	for (i = 0; i < fk.nmem; i++)
		if (fk.mem[i].addr == addr)
			memset(fk.mem[i].host, 0xAA,
				len < fk.mem[i].size ? len : fk.mem[i].size);
	return OK;
}
