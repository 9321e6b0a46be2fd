/*
 * test_main.c - CUnit runner for libfsdriver and micafuse's pure parts.
 * Exit status 0 only if every assertion passed.
 */
#include <stdio.h>
#include <stdlib.h>

#include <CUnit/Basic.h>

#include "tests.h"

int main(void)
{
	unsigned int failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	test_dentry_register();
	test_opts_register();
	test_nameidx_register();
	CU_basic_set_mode(CU_BRM_NORMAL);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed == 0 ? 0 : 1;
}
