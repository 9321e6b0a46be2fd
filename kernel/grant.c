/*
 * grant.c - checking a grant and copying through it.
 *
 * Decode, then act: grant_resolve() follows the grant (and, for indirect
 * grants, the grants it forwards, up to GRANT_MAX_DEPTH) to the owning
 * process and address, checking at every level that the entry is in use
 * with the id's sequence (else EINVAL: bad or revoked), that the grantee
 * is the asker and the access bits allow the direction (else EPERM), and
 * that [offset, offset+bytes) lies inside the grant (else ERANGE).  Only
 * then is anything copied; a fault in the copy itself is EFAULT.  An
 * unreadable grant table is EINVAL, or with VM EFAULT with the fault
 * recorded, so VM maps the granter's page and the call is retried.
 */
#include "kernel.h"
#include <mica/safecopies.h>

#define GRANT_CHUNK (ARCH_CHUNK_PAGES * PAGE_SIZE)	/* bytes per pass */

struct grant_target {
	struct proc *owner;
	vir_bytes addr;
};

static int grant_entry(struct proc *granter, cp_grant_id_t gid, cp_grant_t *g)
{
	u32_t idx = GRANT_IDX(gid);

	if (gid < 0 || idx >= granter->grant_count)
		return -EINVAL;
	if (arch_copy_from_user(&granter->as, granter->grant_table +
	    idx * sizeof(*g), g, sizeof(*g)) != OK)
		return vmfault_enabled() ? -EFAULT : -EINVAL;	/* VM maps, retry */
	if (!(g->flags & CPF_USED) || g->seq != GRANT_SEQ(gid) ||
	    GRANT_EPOCH(gid) != granter->grant_epoch)
		return -EINVAL;
	return OK;
}

static int grant_resolve(endpoint_t grantee, struct proc *granter,
	cp_grant_id_t gid, vir_bytes offset, u32_t bytes, u32_t access,
	int depth, struct grant_target *t)
{
	struct proc *from;
	cp_grant_t g;
	int r;

	if (depth > GRANT_MAX_DEPTH)
		return -EINVAL;
	if ((r = grant_entry(granter, gid, &g)) != OK)
		return r;
	if (g.to != grantee || (g.flags & access) != access)
		return -EPERM;
	if (offset > g.len || bytes > g.len - offset)
		return -ERANGE;
	switch (g.flags & (CPF_DIRECT | CPF_INDIRECT | CPF_MAGIC)) {
	case CPF_DIRECT:
		t->owner = granter;
		t->addr = g.addr + offset;
		return OK;
	case CPF_INDIRECT:
		if (proc_ep_ok(g.from, &from) != OK)
			return -EDEADSRCDST;
		return grant_resolve(granter->endpoint, from, g.gid,
			g.addr + offset, bytes, access, depth + 1, t);
	case CPF_MAGIC:
		if (!(granter->priv.flags & PF_MAGIC))
			return -EPERM;
		if (proc_ep_ok(g.from, &from) != OK)
			return -EDEADSRCDST;
		t->owner = from;
		t->addr = g.addr + offset;
		return OK;
	default:
		return -EINVAL;
	}
}

/* Copy between the caller's addr and a grant of granter_e, from byte
 * *done on, at most GRANT_CHUNK bytes per pass: OK when all is copied,
 * ARCH_MORE when a pass ended first.  The whole range is checked on every
 * pass, so a grant revoked between passes stops the copy. */
int grant_copy(struct proc *caller, endpoint_t granter_e, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes addr, u32_t bytes, int to_grant, u32_t *done)
{
	struct grant_target t;
	struct proc *granter;
	u32_t n;
	int r;

	if ((r = proc_ep_ok(granter_e, &granter)) != OK)
		return r;
	r = grant_resolve(caller->endpoint, granter, gid, offset, bytes,
		to_grant ? CPF_WRITE : CPF_READ, 0, &t);
	if (r != OK)
		return r;
	if (*done > bytes)
		*done = 0;
	n = bytes - *done < GRANT_CHUNK ? bytes - *done : GRANT_CHUNK;
	if (to_grant)
		r = arch_copy_user(&caller->as, addr + *done, &t.owner->as,
			t.addr + *done, n);
	else
		r = arch_copy_user(&t.owner->as, t.addr + *done, &caller->as,
			addr + *done, n);
	if (r != OK)
		return r;
	*done += n;
	return *done < bytes ? ARCH_MORE : OK;
}
