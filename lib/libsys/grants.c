/*
 * grants.c - the process's grant table (in its own memory, registered
 * with SYS_SETGRANT on first use) and helpers to fill and revoke entries.
 * Revoking bumps the entry's sequence, so the old id is refused at once.
 *
 * The table starts as GRANT_INITIAL static entries.  When every entry is
 * in use it doubles: a zeroed table twice the size (sys_pages_alloc)
 * receives the old entries at the same indices, is registered, and only
 * then replaces the old one, so every id stays valid and the kernel never
 * sees a half-built table.  GRANT_MAX bounds it (the kernel's limit).
 * The first registration gets the table's epoch from the kernel (part of
 * every id); growing and reloading hand the same epoch back, so ids stay
 * valid, while another instance's table never honours them.
 */
#include <mica/kipc.h>

static cp_grant_t grant_static[GRANT_INITIAL];
static cp_grant_t *grant_table = grant_static;
static u32_t grant_count = GRANT_INITIAL;
static int grants_registered;
static u32_t grant_epoch;

static int grant_grow(void)
{
	u32_t n = grant_count * 2, i;
	cp_grant_t *t;
	int r;

	if (grant_count >= GRANT_MAX)
		return -ENOMEM;
	if (n > GRANT_MAX)
		n = GRANT_MAX;
	if (!(t = sys_pages_alloc(n * sizeof(*t))))
		return -ENOMEM;
	for (i = 0; i < grant_count; i++)
		t[i] = grant_table[i];
	if ((r = sys_setgrant(t, n, SETGRANT_EPOCH, &grant_epoch)) != OK) {
		sys_pages_free(t, n * sizeof(*t));
		return r;
	}
	if (grant_table != grant_static)
		sys_pages_free(grant_table, grant_count * sizeof(*t));
	grant_table = t;
	grant_count = n;
	return OK;
}

static int grant_free_slot(void)
{
	u32_t i;

	if (!grants_registered) {
		if (sys_setgrant(grant_table, grant_count, 0, &grant_epoch) != OK)
			return -1;
		grants_registered = 1;
	}
	for (;;) {
		for (i = 0; i < grant_count; i++)
			if (!(grant_table[i].flags & CPF_USED))
				return (int)i;
		if (grant_grow() != OK)
			return -1;
	}
}

static cp_grant_id_t grant_new(const cp_grant_t *g)
{
	int i = grant_free_slot();
	u32_t seq;

	if (i < 0)
		return GRANT_INVALID;
	seq = grant_table[i].seq;
	grant_table[i] = *g;
	grant_table[i].seq = seq;
	return MAKE_GRANT(i, seq, grant_epoch);
}

cp_grant_id_t cpf_grant_direct(endpoint_t to, vir_bytes addr, u32_t len,
	u32_t access)
{
	cp_grant_t g = { .flags = CPF_USED | CPF_DIRECT | access, .to = to,
		.addr = addr, .len = len };

	return grant_new(&g);
}

cp_grant_id_t cpf_grant_indirect(endpoint_t to, endpoint_t from,
	cp_grant_id_t gid, vir_bytes offset, u32_t len, u32_t access)
{
	cp_grant_t g = { .flags = CPF_USED | CPF_INDIRECT | access, .to = to,
		.from = from, .gid = gid, .addr = offset, .len = len };

	return grant_new(&g);
}

cp_grant_id_t cpf_grant_magic(endpoint_t to, endpoint_t from, vir_bytes addr,
	u32_t len, u32_t access)
{
	cp_grant_t g = { .flags = CPF_USED | CPF_MAGIC | access, .to = to,
		.from = from, .addr = addr, .len = len };

	return grant_new(&g);
}

int cpf_revoke(cp_grant_id_t gid)
{
	u32_t i = GRANT_IDX(gid);

	if (gid < 0 || i >= grant_count || !(grant_table[i].flags & CPF_USED) ||
	    grant_table[i].seq != GRANT_SEQ(gid) ||
	    GRANT_EPOCH(gid) != (grant_epoch & GRANT_EPOCH_MASK))
		return -EINVAL;
	grant_table[i].flags = 0;
	grant_table[i].seq = (grant_table[i].seq + 1) & GRANT_SEQ_MASK;
	return OK;
}

/* After an identity transfer the table's memory is the old instance's:
 * tell the kernel where it is again (nothing to do if never registered). */
int cpf_reload(void)
{
	if (!grants_registered)
		return OK;
	return sys_setgrant(grant_table, grant_count, SETGRANT_EPOCH, &grant_epoch);
}

u32_t cpf_table_size(void)
{
	return grant_count;
}
