/*
 * features.c - which ext2 feature flags this driver implements.
 *
 * Three words in the superblock: compat (ignorable), ro_compat (writing is
 * unsafe without them) and incompat (reading is unsafe without them).  The
 * tables below name every flag we know so that a refusal can say which
 * feature is missing, as tune2fs spells it.  flex_bg is supported: it only
 * moves bitmaps and inode tables, and this driver always takes their place
 * from the group descriptors.
 */
#include <stdio.h>
#include <string.h>

#include "ext2.h"

struct ext2_feature {
	uint32_t mask;
	const char *name;
};

static const struct ext2_feature ext2_incompat_names[] = {
	{ EXT2_FEATURE_INCOMPAT_COMPRESSION, "compression" },
	{ EXT2_FEATURE_INCOMPAT_FILETYPE, "filetype" },
	{ EXT2_FEATURE_INCOMPAT_RECOVER, "needs_recovery" },
	{ EXT2_FEATURE_INCOMPAT_JOURNAL_DEV, "journal_dev" },
	{ EXT2_FEATURE_INCOMPAT_META_BG, "meta_bg" },
	{ EXT2_FEATURE_INCOMPAT_EXTENTS, "extents" },
	{ EXT2_FEATURE_INCOMPAT_64BIT, "64bit" },
	{ EXT2_FEATURE_INCOMPAT_MMP, "mmp" },
	{ EXT2_FEATURE_INCOMPAT_FLEX_BG, "flex_bg" },
	{ EXT2_FEATURE_INCOMPAT_EA_INODE, "ea_inode" },
	{ EXT2_FEATURE_INCOMPAT_DIRDATA, "dirdata" },
	{ EXT2_FEATURE_INCOMPAT_CSUM_SEED, "metadata_csum_seed" },
	{ EXT2_FEATURE_INCOMPAT_LARGEDIR, "large_dir" },
	{ EXT2_FEATURE_INCOMPAT_INLINE_DATA, "inline_data" },
	{ EXT2_FEATURE_INCOMPAT_ENCRYPT, "encrypt" },
	{ EXT2_FEATURE_INCOMPAT_CASEFOLD, "casefold" },
	{ 0, NULL }
};

static const struct ext2_feature ext2_ro_compat_names[] = {
	{ EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER, "sparse_super" },
	{ EXT2_FEATURE_RO_COMPAT_LARGE_FILE, "large_file" },
	{ EXT2_FEATURE_RO_COMPAT_BTREE_DIR, "btree_dir" },
	{ EXT2_FEATURE_RO_COMPAT_HUGE_FILE, "huge_file" },
	{ EXT2_FEATURE_RO_COMPAT_GDT_CSUM, "uninit_bg" },
	{ EXT2_FEATURE_RO_COMPAT_DIR_NLINK, "dir_nlink" },
	{ EXT2_FEATURE_RO_COMPAT_EXTRA_ISIZE, "extra_isize" },
	{ EXT2_FEATURE_RO_COMPAT_QUOTA, "quota" },
	{ EXT2_FEATURE_RO_COMPAT_BIGALLOC, "bigalloc" },
	{ EXT2_FEATURE_RO_COMPAT_METADATA_CSUM, "metadata_csum" },
	{ EXT2_FEATURE_RO_COMPAT_READONLY, "read-only" },
	{ EXT2_FEATURE_RO_COMPAT_PROJECT, "project" },
	{ EXT2_FEATURE_RO_COMPAT_VERITY, "verity" },
	{ EXT2_FEATURE_RO_COMPAT_ORPHAN_PRESENT, "orphan_present" },
	{ 0, NULL }
};

#define EXT2_INCOMPAT_SUPP	(EXT2_FEATURE_INCOMPAT_FILETYPE | \
				 EXT2_FEATURE_INCOMPAT_FLEX_BG)
#define EXT2_RO_COMPAT_SUPP	(EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | \
				 EXT2_FEATURE_RO_COMPAT_LARGE_FILE | \
				 EXT2_FEATURE_RO_COMPAT_EXTRA_ISIZE)

/* Write the names of the bits of 'bits' into buf ("a, b, 0x40000000"). */
static void ext2_feature_names(const struct ext2_feature *tab, uint32_t bits,
    char *buf, size_t size)
{
	size_t len = 0;
	const struct ext2_feature *f;

	buf[0] = '\0';
	for (f = tab; f->name != NULL && len < size; f++) {
		if (!(bits & f->mask))
			continue;
		len += snprintf(buf + len, size - len, "%s%s",
		    len ? ", " : "", f->name);
		bits &= ~f->mask;
	}
	if (bits != 0 && len < size)
		snprintf(buf + len, size - len, "%sunknown 0x%x",
		    len ? ", " : "", (unsigned int)bits);
}

int ext2_features_check(const struct ext2_super *sb, int *force_ro)
{
	char names[256];
	uint32_t bad;

	*force_ro = 0;
	if (sb->s_rev_level == EXT2_GOOD_OLD_REV)
		return OK;		/* revision 0 has no feature words */
	bad = sb->s_feature_incompat & ~EXT2_INCOMPAT_SUPP;
	if (bad) {
		ext2_feature_names(ext2_incompat_names, bad, names,
		    sizeof(names));
		fsdriver_log("ext2: cannot mount: unsupported incompatible "
		    "feature(s): %s", names);
		return -EINVAL;
	}
	bad = sb->s_feature_ro_compat & ~EXT2_RO_COMPAT_SUPP;
	if (bad) {
		ext2_feature_names(ext2_ro_compat_names, bad, names,
		    sizeof(names));
		fsdriver_log("ext2: unsupported read-only-compatible "
		    "feature(s): %s: mounting read-only", names);
		*force_ro = 1;
	}
	return OK;
}
