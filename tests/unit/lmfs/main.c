/*
 * main.c - test_lmfs: the libminixfs unit tests (CUnit, basic runner).
 * Exit status 0 only when every assertion passed.
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lmfs_test.h"

struct fakedev *tfd;
unsigned int t_warnings;

static void count_warning(const char *msg)
{
	(void)msg;
	t_warnings++;
}

void t_open(size_t bs, uint64_t size, int pool)
{
	lmfs_warn_hook = count_warning;
	t_close();
	lmfs_set_blockusage(0, 0);
	lmfs_set_readahead(64);
	/* a block size change empties the cache: toggle through another */
	CU_ASSERT_FATAL(lmfs_set_blocksize(bs == 512 ? 1024 : 512) == OK);
	CU_ASSERT_FATAL(lmfs_set_blocksize(bs) == OK);
	lmfs_buf_pool(pool);
	tfd = fakedev_new(size);
	CU_ASSERT_FATAL(tfd != NULL);
	tfd->fault_bs = bs;
	CU_ASSERT_FATAL(lmfs_dev_register(TDEV, &fakedev_ops, tfd) == OK);
	lmfs_reset_stats();
	t_warnings = 0;
}

void t_close(void)
{
	if (tfd == NULL)
		return;
	lmfs_dev_unregister(TDEV);
	fakedev_free(tfd);
	tfd = NULL;
}

int t_is_pattern(struct buf *bp)
{
	uint64_t base = bp->lmfs_blocknr * lmfs_fs_block_size();
	size_t i;

	for (i = 0; i < bp->lmfs_bytes; i++)
		if ((uint8_t)b_data(bp)[i] != fd_pattern(base + i))
			return 0;
	return 1;
}

struct lmfs_stats t_stats(void)
{
	struct lmfs_stats st;

	lmfs_get_stats(&st);
	return st;
}

static int suite_clean(void)
{
	t_close();
	return 0;
}

int t_add_suite(const char *name, const struct t_case *cases)
{
	CU_pSuite s = CU_add_suite(name, NULL, suite_clean);

	if (s == NULL)
		return -1;
	for (; cases->name != NULL; cases++)
		if (CU_add_test(s, cases->name, cases->fn) == NULL)
			return -1;
	return 0;
}

int main(void)
{
	int (*suites[])(void) = { suite_basic, suite_errors, suite_partial,
	    suite_prefetch, suite_flush, suite_workset, suite_usage,
	    suite_bio, suite_filedev, suite_dying, suite_fsbio };
	unsigned int i, failed;

	alarm(120);	/* a hung test kills the run instead of CI */
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	for (i = 0; i < sizeof suites / sizeof suites[0]; i++) {
		if (suites[i]() != 0) {
			fprintf(stderr, "test_lmfs: %s\n", CU_get_error_msg());
			CU_cleanup_registry();
			return 2;
		}
	}
	CU_basic_set_mode(CU_BRM_NORMAL);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	failed += CU_get_number_of_suites_failed();
	CU_cleanup_registry();
	return failed == 0 ? 0 : 1;
}
