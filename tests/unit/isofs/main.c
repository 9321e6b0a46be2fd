/*
 * main.c - the ISO 9660 unit tests (CUnit).
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <mica/fsdriver.h>
#include "isotest.h"

int main(void)
{
	unsigned int failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	isot_add_units();
	isot_add_tools();
	isot_add_hand();
	isot_add_fuzz();
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	failed += CU_get_number_of_suites_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
