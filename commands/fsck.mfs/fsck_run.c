/*
 * fsck_run.c - fsck.mfs from opening the image to the exit code.
 *
 * Without -f a file system marked clean is reported clean at once (as
 * e2fsck does).  Otherwise the whole image is checked; in repair mode the
 * fixes made in memory (inode table, bitmaps) are written back at the end,
 * and the clean flag is set when nothing was left uncorrected.  Read-only
 * runs open the image read-only (the device seam refuses writes), so -n
 * can never write.  The image is read and written through libminixfs
 * (mfsutil).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fsck.h"

static void fsck_vsay(struct fsck *f, const char *fmt, va_list ap,
    const char *tail)
{
	vfprintf(f->o->out, fmt, ap);
	fprintf(f->o->out, "%s\n", tail);
}

int fsck_problem(struct fsck *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fsck_vsay(f, fmt, ap, f->o->repair ? " Fixed." : "");
	va_end(ap);
	f->found++;
	if (f->o->repair)
		f->fixed++;
	else
		f->unfixed++;
	return f->o->repair;
}

void fsck_unfixable(struct fsck *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fsck_vsay(f, fmt, ap, f->o->repair ? " Not fixed." : "");
	va_end(ap);
	f->found++;
	f->unfixed++;
}

void fsck_ioerr(struct fsck *f, const char *what, uint64_t blk, int r)
{
	fprintf(stderr, "fsck.mfs: %s: %s %llu: %s\n", f->o->image, what,
	    (unsigned long long)blk, strerror(-r));
	f->ioerr = 1;
}

int fsck_mode_ok(uint16_t mode)
{
	return S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode) ||
	    S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) ||
	    S_ISSOCK(mode);
}

void fsck_iget(const struct fsck *f, uint32_t n, struct mfs_dinode *ino)
{
	mfs_inode_decode(&f->img.sb, f->itab + (size_t)(n - 1) *
	    f->img.sb.inode_size, ino);
}

void fsck_iput(struct fsck *f, uint32_t n, const struct mfs_dinode *ino)
{
	size_t off = (size_t)(n - 1) * f->img.sb.inode_size;

	mfs_inode_encode(&f->img.sb, ino, f->itab + off);
	f->itab_dirty[off / f->img.sb.block_size] = 1;
}

/* Allocate the per-run tables and read the inode table and bitmaps. */
static int fsck_load(struct fsck *f)
{
	const struct mfs_sb *sb = &f->img.sb;
	uint32_t i;
	int r;

	f->itab = malloc((size_t)sb->inode_blocks * sb->block_size);
	f->itab_dirty = calloc(sb->inode_blocks, 1);
	f->zseen = calloc((size_t)sb->zones / 8 + 1, 1);
	f->reached = calloc((size_t)sb->ninodes + 1, 1);
	f->links = calloc((size_t)sb->ninodes + 1, sizeof(*f->links));
	f->blk = malloc(sb->block_size);
	for (i = 0; i < 3; i++)
		f->ind[i] = malloc(sb->block_size);
	if (!f->itab || !f->itab_dirty || !f->zseen || !f->reached ||
	    !f->links || !f->blk || !f->ind[0] || !f->ind[1] || !f->ind[2])
		return -ENOMEM;
	for (i = 0; i < sb->inode_blocks; i++) {
		r = mfsu_read_block(&f->img, mfs_itable_start(sb) + i,
		    f->itab + (size_t)i * sb->block_size);
		if (r != OK)
			return r;
	}
	if ((r = mfsu_map_load(&f->imap, &f->img, mfs_imap_start(sb),
	    sb->imap_blocks)) != OK)
		return r;
	return mfsu_map_load(&f->zmap, &f->img, mfs_zmap_start(sb),
	    sb->zmap_blocks);
}

/* Write back the fixed inode table blocks, bitmaps and clean state. */
static int fsck_store(struct fsck *f)
{
	const struct mfs_sb *sb = &f->img.sb;
	uint32_t i;
	int r;

	for (i = 0; i < sb->inode_blocks; i++) {
		if (!f->itab_dirty[i])
			continue;
		r = mfsu_write_block(&f->img, mfs_itable_start(sb) + i,
		    f->itab + (size_t)i * sb->block_size);
		if (r != OK)
			return r;
	}
	if (f->fixed && ((r = mfsu_map_store(&f->imap, &f->img,
	    mfs_imap_start(sb))) != OK || (r = mfsu_map_store(&f->zmap,
	    &f->img, mfs_zmap_start(sb))) != OK))
		return r;
	if (f->unfixed == 0 && (!sb->clean || sb->errors)) {
		mfs_sb_set_clean(f->img.super, sb, 1);
		f->super_dirty = 1;
	}
	if (f->super_dirty && (r = mfsu_write_super(&f->img)) != OK)
		return r;
	return mfsu_sync(&f->img);
}

static void fsck_free(struct fsck *f)
{
	int i;

	free(f->itab);
	free(f->itab_dirty);
	free(f->zseen);
	free(f->reached);
	free(f->links);
	free(f->blk);
	for (i = 0; i < 3; i++)
		free(f->ind[i]);
	while (f->nstack > 0)
		free(f->stack[--f->nstack].path);
	free(f->stack);
	free(f->nofirst);
	mfsu_map_free(&f->imap);
	mfsu_map_free(&f->zmap);
}

/* State bits nobody defines (V3 s_flags low byte, V1/V2 s_state). */
static void fsck_super(struct fsck *f)
{
	struct mfs_super_v12 *o = (struct mfs_super_v12 *)f->img.super;
	struct mfs_super_v3 *n = (struct mfs_super_v3 *)f->img.super;
	uint16_t bad;

	if (f->img.sb.version == 3)
		bad = n->s_flags & 0x00ff & ~(MFSFLAG_CLEAN |
		    MFSFLAG_MICA_DIRTY);
	else
		bad = o->s_state & ~(MFS_STATE_VALID | MFS_STATE_ERROR);
	if (!bad || !fsck_problem(f, "Superblock: unknown state bits 0x%04x.",
	    bad))
		return;
	if (f->img.sb.version == 3)
		n->s_flags &= (uint16_t)~bad;
	else
		o->s_state &= (uint16_t)~bad;
	f->super_dirty = 1;
}

/* The full check, once the superblock is known good. */
static int fsck_check(struct fsck *f)
{
	int r;

	if ((r = fsck_load(f)) != OK) {
		fsck_ioerr(f, "loading tables at block", 0, r);
		return FSCK_EXIT_OPER;
	}
	fsck_super(f);
	if ((r = fsck_tree(f)) == -ENOMEM)
		fsck_ioerr(f, "walking the tree", 0, r);
	else if (r == OK)
		fsck_counts(f);
	if (f->ioerr)
		return FSCK_EXIT_OPER;
	if (f->o->repair && (r = fsck_store(f)) != OK) {
		fsck_ioerr(f, "writing back at block", 0, r);
		return FSCK_EXIT_OPER;
	}
	if (f->o->verbose)
		fprintf(f->o->out, "%lu files, %lu directories, %lu zones "
		    "in use\n", f->nfiles, f->ndirs, f->nzones);
	if (f->fixed)
		fprintf(f->o->out, "----------------------------\n"
		    "FILE SYSTEM HAS BEEN CHANGED\n"
		    "----------------------------\n");
	if (f->unfixed)
		return FSCK_EXIT_UNFIXED;
	return f->fixed ? FSCK_EXIT_FIXED : FSCK_EXIT_OK;
}

/* The first data zone must follow the inode table exactly (as Linux's and
 * MINIX's mkfs make it); otherwise one of the counts is damaged and any
 * repair based on them would destroy data. */
static int fsck_layout_ok(struct fsck *f)
{
	const struct mfs_sb *sb = &f->img.sb;
	uint64_t norm = (uint64_t)mfs_itable_start(sb) + sb->inode_blocks;

	if (sb->firstdatazone == norm)
		return OK;
	fprintf(stderr, "fsck.mfs: %s: bad superblock: first data zone %u, "
	    "but the maps and inode table end at block %llu; not checking\n",
	    f->o->image, sb->firstdatazone, (unsigned long long)norm);
	return -EINVAL;
}

int fsck_run(const struct fsck_opts *o)
{
	struct fsck f;
	char why[200];
	int code;

	memset(&f, 0, sizeof(f));
	f.o = o;
	if (mfsu_open(&f.img, o->image, o->repair, why, sizeof(why)) != OK) {
		fprintf(stderr, "fsck.mfs: %s: %s\n", o->image, why);
		return FSCK_EXIT_OPER;
	}
	if (fsck_layout_ok(&f) != OK) {
		mfsu_close(&f.img);
		return FSCK_EXIT_OPER;
	}
	if (!o->force && f.img.sb.clean && !f.img.sb.errors) {
		fprintf(o->out, "%s is clean, no check.\n", o->image);
		mfsu_close(&f.img);
		return FSCK_EXIT_OK;
	}
	if (!f.img.sb.clean)
		fprintf(o->out, "%s was not cleanly unmounted, checking.\n",
		    o->image);
	code = fsck_check(&f);
	fsck_free(&f);
	if (mfsu_close(&f.img) != OK && code < FSCK_EXIT_OPER)
		code = FSCK_EXIT_OPER;
	return code;
}
