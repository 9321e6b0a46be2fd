/*
 * main.c - test_mkfsck: registers the suites and runs them; exits non-zero
 * when any assertion failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <CUnit/Basic.h>
#include "mkfsck_test.h"

char mt_dir[] = "/tmp/test_mkfsck.XXXXXX";

int main(void)
{
	char cmd[128];
	unsigned int failed;

	if (mkdtemp(mt_dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	if (mt_add_layout() || mt_add_codec() || mt_add_run() ||
	    mt_add_damage()) {
		CU_cleanup_registry();
		return 1;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", mt_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "test_mkfsck: could not remove %s\n", mt_dir);
	return failed ? 1 : 0;
}
