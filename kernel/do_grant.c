/*
 * do_grant.c - SYS_SETGRANT (register the caller's grant table) and
 * SYS_SAFECOPYFROM / SYS_SAFECOPYTO (copy through someone's grant).
 */
#include "system.h"

int do_setgrant(struct proc *caller, message *m)
{
	if (m->m_setgrant.count > GRANT_MAX)
		return -EINVAL;
	caller->grant_table = m->m_setgrant.addr;
	caller->grant_count = m->m_setgrant.count;
	return OK;
}

int do_safecopy(struct proc *caller, message *m)
{
	mess_lsys_krn_safecopy *sc = &m->m_safecopy;

	return grant_copy(caller, sc->granter, sc->gid, sc->offset, sc->address,
		sc->bytes, m->m_type == SYS_SAFECOPYTO);
}
