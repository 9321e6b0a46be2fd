/*
 * safecopies.h - memory grants.
 *
 * A process lists what others may copy from/to its memory in a grant table
 * in its own memory and registers it with SYS_SETGRANT, as in MINIX.  The
 * kernel reads the entry on every safecopy, so revoking (clearing CPF_USED
 * or bumping the sequence) takes effect at once.
 *
 * A grant id is index | epoch << 11 | seq << 19; an id whose sequence does
 * not match the entry's is stale (EINVAL), so a reused entry never honours
 * an old id.  The epoch is the table's: the kernel gives each newly
 * registered table a fresh one (SYS_SETGRANT), so after a live update the
 * old instance's outstanding ids never resolve in the new instance's table.
 * Growing or re-registering the same table passes the epoch back
 * (SETGRANT_EPOCH), so ids survive that.
 *   direct:   granter's own [addr, addr+len) to grantee 'to'
 *   indirect: forwards part of a grant the granter itself received from
 *             'from' (grant 'gid'); checked recursively, access bits must
 *             be allowed at every level
 *   magic:    a privileged process (PF_MAGIC) grants [addr, addr+len) of
 *             another process 'from' to 'to' (VFS/VM on behalf of users)
 */
#ifndef MICA_SAFECOPIES_H
#define MICA_SAFECOPIES_H

#include <mica/type.h>

#define CPF_READ     0x01	/* grantee may copy from the memory */
#define CPF_WRITE    0x02	/* grantee may copy to the memory */
#define CPF_USED     0x10	/* entry in use */
#define CPF_DIRECT   0x20
#define CPF_INDIRECT 0x40
#define CPF_MAGIC    0x80

#define GRANT_EPOCH_SHIFT 11
#define GRANT_SEQ_SHIFT 19
#define GRANT_SEQ_MASK   0xfffu		/* 12 bits: the id stays positive */
#define GRANT_EPOCH_MASK 0xffu
#define GRANT_IDX(g)   ((g) & ((1 << GRANT_EPOCH_SHIFT) - 1))
#define GRANT_EPOCH(g) ((((u32_t)(g)) >> GRANT_EPOCH_SHIFT) & GRANT_EPOCH_MASK)
#define GRANT_SEQ(g)   ((((u32_t)(g)) >> GRANT_SEQ_SHIFT) & GRANT_SEQ_MASK)
#define MAKE_GRANT(idx, seq, epoch) ((cp_grant_id_t)( \
	(((seq) & GRANT_SEQ_MASK) << GRANT_SEQ_SHIFT) | \
	(((epoch) & GRANT_EPOCH_MASK) << GRANT_EPOCH_SHIFT) | (idx)))
#define SETGRANT_EPOCH 0x01	/* SYS_SETGRANT: keep the given epoch (grow, reload) */
#define GRANT_INVALID (-1)
#define GRANT_MAX_DEPTH 4	/* indirection levels followed */

typedef struct {
	u32_t flags;		/* CPF_* */
	u32_t seq;		/* must match the id's sequence */
	endpoint_t to;		/* grantee */
	endpoint_t from;	/* indirect: original granter; magic: owner */
	cp_grant_id_t gid;	/* indirect: grant from 'from' */
	vir_bytes addr;		/* direct/magic: start; indirect: offset */
	u32_t len;
	u32_t reserved;
} cp_grant_t;
STATIC_ASSERT(sizeof(cp_grant_t) == 32, cp_grant_size);

#endif /* MICA_SAFECOPIES_H */
