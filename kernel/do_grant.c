/*
 * do_grant.c - SYS_SETGRANT (register the caller's grant table, with a
 * fresh epoch unless the caller hands back its own: safecopies.h) and
 * SYS_SAFECOPYFROM / SYS_SAFECOPYTO (copy through someone's grant, a
 * megabyte per pass: restart.c).
 */
#include "system.h"
#include <mica/safecopies.h>

/* A new table gets the next epoch, never the one the caller had. */
static u32_t next_epoch(u32_t old)
{
	static u32_t counter;

	do
		counter = (counter + 1) & GRANT_EPOCH_MASK;
	while (counter == old);
	return counter;
}

int do_setgrant(struct proc *caller, message *m)
{
	mess_lsys_krn_setgrant *sg = &m->m_setgrant;

	if (sg->count > GRANT_MAX || (sg->flags & ~SETGRANT_EPOCH) ||
	    ((sg->flags & SETGRANT_EPOCH) && sg->epoch > GRANT_EPOCH_MASK))
		return -EINVAL;
	caller->grant_table = sg->addr;
	caller->grant_count = sg->count;
	caller->grant_epoch = (sg->flags & SETGRANT_EPOCH) ? sg->epoch :
		next_epoch(caller->grant_epoch);
	sg->epoch = caller->grant_epoch;
	return OK;
}

int do_safecopy(struct proc *caller, message *m)
{
	mess_lsys_krn_safecopy *sc = &m->m_safecopy;
	u32_t *done = restart_state(caller, m);

	return restart_pass(caller, grant_copy(caller, sc->granter, sc->gid,
		sc->offset, sc->address, sc->bytes, m->m_type == SYS_SAFECOPYTO,
		done));
}
