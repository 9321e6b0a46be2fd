/*
 * lmfs_test.h - shared fixture for the libminixfs CUnit suites: a fresh
 * cache over one fake device per test, and the suite registration hooks.
 */
#ifndef LMFS_TEST_H
#define LMFS_TEST_H

#include <CUnit/CUnit.h>
#include <string.h>

#include <mica/libminixfs.h>
#include "fakedev.h"

#define TDEV	((dev_t)0x0301)

extern struct fakedev *tfd;		/* the device of the current test */
extern unsigned int t_warnings;		/* warnings seen since t_open() */

/* Empty the cache, set 'bs', pin the pool at 'pool' (0: automatic), and
 * register a fresh fake device of 'size' bytes as TDEV. */
void t_open(size_t bs, uint64_t size, int pool);
/* Unregister and free the device. */
void t_close(void);
/* Does 'bp' hold the device's original bytes of its block? */
int t_is_pattern(struct buf *bp);
/* Counters since the last lmfs_reset_stats(). */
struct lmfs_stats t_stats(void);

struct t_case {
	const char *name;
	CU_TestFunc fn;
};
/* Register a suite; 0 on success. */
int t_add_suite(const char *name, const struct t_case *cases);

int suite_basic(void);
int suite_errors(void);
int suite_partial(void);
int suite_prefetch(void);
int suite_flush(void);
int suite_workset(void);
int suite_usage(void);
int suite_bio(void);
int suite_filedev(void);
int suite_dying(void);
int suite_fsbio(void);

#endif
