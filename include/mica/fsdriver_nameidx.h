/*
 * fsdriver_nameidx.h - an in-memory name index for large directories,
 * shared by the file systems whose directories are linear on disk (MFS,
 * ext2; lib/libfsdriver/nameidx.c).
 *
 * The index maps the FNV-1a hash of a name to the positions of the
 * entries with that hash.  A position is an opaque 64-bit value the file
 * system chooses (MFS: the entry's byte offset; ext2: logical block and
 * offset in it, packed).  The index holds no names: the caller confirms
 * every candidate against the entry on disk, so a stale or colliding slot
 * can only cost time, never give a wrong answer.
 *
 * The index a file system keeps is a pointer, NULL when there is none.
 * When memory runs out while adding, the whole index is dropped (the
 * pointer becomes NULL) and the file system scans as it would without
 * one.  Every call accepts a NULL index and does nothing.
 */
#ifndef MICA_FSDRIVER_NAMEIDX_H
#define MICA_FSDRIVER_NAMEIDX_H

#include <stddef.h>
#include <stdint.h>

struct fsdriver_nameidx;

/* FNV-1a over the name's 'len' bytes. */
uint32_t fsdriver_nameidx_hash(const char *name, size_t len);
/* Replace *ixp (freed if set) with an empty index; -ENOMEM, with *ixp
 * NULL, if there is no memory. */
int fsdriver_nameidx_new(struct fsdriver_nameidx **ixp);
/* Free *ixp, if set, and make it NULL. */
void fsdriver_nameidx_free(struct fsdriver_nameidx **ixp);
/* Record an entry with this hash at 'pos'; without memory the whole
 * index is dropped (*ixp becomes NULL). */
void fsdriver_nameidx_add(struct fsdriver_nameidx **ixp, uint32_t hash,
    uint64_t pos);
/* Forget the entry with this hash at 'pos' (if recorded). */
void fsdriver_nameidx_remove(struct fsdriver_nameidx *ix, uint32_t hash,
    uint64_t pos);
/* Positions recorded with this hash, newest first: call with *cursor NULL
 * first; 1 and *pos while there is one, then 0.  The index must not
 * change between calls. */
int fsdriver_nameidx_next(const struct fsdriver_nameidx *ix, uint32_t hash,
    void **cursor, uint64_t *pos);

#endif /* MICA_FSDRIVER_NAMEIDX_H */
