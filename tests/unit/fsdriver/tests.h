/*
 * tests.h - the suites of test_fsdriver, one register function per file.
 */
#ifndef FSDRIVER_TESTS_H
#define FSDRIVER_TESTS_H

void test_dentry_register(void);
void test_opts_register(void);
void test_nameidx_register(void);

#endif /* FSDRIVER_TESTS_H */
