/*
 * main.c - test_fsdos: CUnit suites for libfsdriver's OS front end on the
 * host (see fsdos.h).  Exit status 0 only when every assertion passed.
 */
#include <CUnit/Basic.h>

#include "fsdos.h"

int main(void)
{
	unsigned int failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	suite_fsdos_proto();
	suite_fsdos_hostile();
	suite_fsdos_sef();
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
