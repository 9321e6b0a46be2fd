/*
 * main.c - test_mfs: unit tests of the MINIX file system (CUnit, basic
 * runner).  Exit status 0 only when every assertion passed.
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mfs_test.h"

int main(void)
{
	char cmd[400];
	unsigned int fails;

	snprintf(mt_dir, sizeof(mt_dir), "/tmp/test_mfs.XXXXXX");
	if (mkdtemp(mt_dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(mt_img, sizeof(mt_img), "%s/img", mt_dir);
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	mt_add_ops_suite();
	mt_add_limits_suite();
	mt_add_file_suite();
	mt_add_mount_suite();
	mt_add_corrupt_suite();
	mt_add_reuse_suite();
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	fails = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", mt_dir);
	if (system(cmd) != 0)
		fails++;
	return fails ? 1 : 0;
}
