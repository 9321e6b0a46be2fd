/*
 * mkfsck_test.h - CUnit tests of mkfs.mfs and fsck.mfs: the layout
 * calculator, the codecs, and whole runs of both tools on image files in a
 * temporary directory, with damage injected through the codecs.
 */
#ifndef MKFSCK_TEST_H
#define MKFSCK_TEST_H

#include <CUnit/CUnit.h>
#include "../../../commands/mkfs.mfs/mkfs.h"
#include "../../../commands/fsck.mfs/fsck.h"

/* Temporary directory for the run (created by main). */
extern char mt_dir[];

int mt_add_layout(void);
int mt_add_codec(void);
int mt_add_run(void);
int mt_add_damage(void);

/* Make an image: version, block size, blocks, source tree or NULL. */
int mt_mkfs(const char *img, int version, unsigned int bs, uint64_t blocks,
    const char *src);
/* fsck.mfs -f with repair on or off; returns the exit code. */
int mt_fsck(const char *img, int repair);
/* Build a small source tree under mt_dir; returns its path. */
const char *mt_tree(void);

#endif /* MKFSCK_TEST_H */
