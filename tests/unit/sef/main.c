/*
 * main.c - test_sef: CUnit suites for libsys's SEF, live update, timers,
 * grant table and asynsend, on the fake kernel (fake.c).  Exit status 0
 * only when every assertion passed.
 */
#include <CUnit/Basic.h>

#include "sef_test.h"

int main(void)
{
	unsigned int failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	suite_grants();			/* first: it starts from the boot table */
	suite_sef();
	suite_lu();
	suite_timers();
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
