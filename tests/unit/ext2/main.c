/*
 * main.c - the ext2 CUnit program: a temporary directory for images, the
 * suites, and the verdict as exit status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>

#include "et.h"

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	unsigned int failures;
	char cmd[300];

	snprintf(et_dir, sizeof(et_dir), "%s/mica-ext2-XXXXXX",
	    tmp != NULL ? tmp : "/tmp");
	if (mkdtemp(et_dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(et_img, sizeof(et_img), "%s/ext2.img", et_dir);
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	et_suite_mount();
	et_suite_basic();
	et_suite_xattr();
	et_suite_damage();
	et_suite_order();
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	if (getenv("KEEP") == NULL) {
		snprintf(cmd, sizeof(cmd), "rm -rf %s", et_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", et_dir);
	}
	return failures == 0 ? 0 : 1;
}
