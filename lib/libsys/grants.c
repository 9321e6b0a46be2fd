/*
 * grants.c - the process's grant table (in its own memory, registered
 * with SYS_SETGRANT on first use) and helpers to fill and revoke entries.
 * Revoking bumps the entry's sequence, so the old id is refused at once.
 */
#include <mica/syslib.h>

#define NR_GRANTS 32

static cp_grant_t grant_table[NR_GRANTS];
static int grants_registered;

static cp_grant_id_t grant_new(const cp_grant_t *g)
{
	int i;

	if (!grants_registered) {
		if (sys_setgrant(grant_table, NR_GRANTS) != OK)
			return GRANT_INVALID;
		grants_registered = 1;
	}
	for (i = 0; i < NR_GRANTS; i++) {
		if (grant_table[i].flags & CPF_USED)
			continue;
		u32_t seq = grant_table[i].seq;

		grant_table[i] = *g;
		grant_table[i].seq = seq;
		return MAKE_GRANT(i, seq);
	}
	return GRANT_INVALID;
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

	if (gid < 0 || i >= NR_GRANTS || !(grant_table[i].flags & CPF_USED) ||
	    grant_table[i].seq != GRANT_SEQ(gid))
		return -EINVAL;
	grant_table[i].flags = 0;
	grant_table[i].seq = (grant_table[i].seq + 1) & 0x7fff;
	return OK;
}
