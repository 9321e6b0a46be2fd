/*
 * cu_main.h - the main() of a CUnit program with one suite: register the
 * cases in order, run them verbosely, exit 1 if any assertion or test
 * failed (or CUnit itself could not start), else 0.  Header-only: each
 * unit-test program includes it once.
 *
 *   static const struct cu_case cases[] = { { "what", test_fn }, ... };
 *   int main(void) { return cu_main("suite", cases, CU_CASES(cases)); }
 */
#ifndef TESTS_UNIT_CU_MAIN_H
#define TESTS_UNIT_CU_MAIN_H

#include <stddef.h>
#include <CUnit/Basic.h>

struct cu_case {
	const char *name;
	CU_TestFunc fn;
};

#define CU_CASES(a) (sizeof(a) / sizeof((a)[0]))

static inline int cu_main(const char *suite, const struct cu_case *c,
	size_t n)
{
	CU_pSuite s;
	unsigned failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	if (!(s = CU_add_suite(suite, NULL, NULL))) {
		CU_cleanup_registry();
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		if (!CU_add_test(s, c[i].name, c[i].fn)) {
			CU_cleanup_registry();
			return 1;
		}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}

#endif
