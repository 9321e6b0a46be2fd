/*
 * sef_test.h - suites of test_sef (the CUnit tests of libsys's SEF,
 * live update, timers, grants and asynsend over the fake kernel).
 */
#ifndef TESTS_UNIT_SEF_TEST_H
#define TESTS_UNIT_SEF_TEST_H

#include <CUnit/CUnit.h>
#include "fake.h"

void suite_sef(void);
void suite_lu(void);
void suite_timers(void);
void suite_grants(void);

#define CLIENT 12			/* an ordinary client endpoint */

#endif /* TESTS_UNIT_SEF_TEST_H */
