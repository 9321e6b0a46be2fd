/*
 * t_units.c - the pure helpers on their own: name translation and dates.
 */
#include <CUnit/CUnit.h>
#include <string.h>
#include "iso.h"
#include "isotest.h"

static void check_plain(const char *raw, const char *want)
{
	char out[ISO_NAME_MAX + 1];
	size_t len;

	CU_ASSERT_EQUAL(iso_name_plain((const uint8_t *)raw, strlen(raw), out,
	    &len), OK);
	CU_ASSERT_STRING_EQUAL(out, want);
	CU_ASSERT_EQUAL(len, strlen(want));
}

static void test_plain_names(void)
{
	char out[ISO_NAME_MAX + 1];
	size_t len;

	check_plain("HELLO.TXT;1", "HELLO.TXT");
	check_plain("README.;1", "README");
	check_plain("README.", "README");
	check_plain("DIR2", "DIR2");
	check_plain("ABC123", "ABC123");
	check_plain("V2;12", "V2");
	CU_ASSERT_EQUAL(iso_name_plain((const uint8_t *)";1", 2, out, &len),
	    -EINVAL);
}

static void test_joliet_names(void)
{
	/* "Aé€" U+1F600 ";1", then a lone high surrogate. */
	static const uint8_t raw[] = { 0, 'A', 0, 0xe9, 0x20, 0xac, 0xd8, 0x3d,
	    0xde, 0x00, 0, ';', 0, '1' };
	static const uint8_t lone[] = { 0xd8, 0x3d, 0, 'x' };
	char out[ISO_NAME_MAX + 1];
	size_t len;

	CU_ASSERT_EQUAL(iso_name_joliet(raw, sizeof(raw), out, &len), OK);
	CU_ASSERT_STRING_EQUAL(out, "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	CU_ASSERT_EQUAL(iso_name_joliet(lone, sizeof(lone), out, &len), OK);
	CU_ASSERT_STRING_EQUAL(out, "\xef\xbf\xbdx");
}

static void test_sanitize(void)
{
	char name[] = "a/b\0c";

	CU_ASSERT_TRUE(iso_name_sanitize(name, 5));
	CU_ASSERT_EQUAL(memcmp(name, "a_b_c", 5), 0);
	CU_ASSERT_FALSE(iso_name_sanitize(name, 5));
}

static void test_dates(void)
{
	static const uint8_t d7[] = { 70, 1, 1, 1, 0, 0, 4 };	/* +01:00 */
	static const uint8_t zero[7] = { 0 };
	static const uint8_t bad[] = { 255, 13, 40, 99, 99, 99, 127 };
	struct timespec ts;

	iso_time7(d7, &ts);
	CU_ASSERT_EQUAL(ts.tv_sec, 0);
	iso_time7(zero, &ts);
	CU_ASSERT_EQUAL(ts.tv_sec, 0);
	iso_time7(bad, &ts);	/* clamped, no fault */
	CU_ASSERT(ts.tv_sec > 0);
	iso_time17((const uint8_t *)"2000022912345678\xf8", &ts);
	CU_ASSERT_EQUAL(ts.tv_sec, 951827696 + 2 * 3600);
	CU_ASSERT_EQUAL(ts.tv_nsec, 780000000);
}

void isot_add_units(void)
{
	CU_pSuite s = CU_add_suite("isofs-units", NULL, NULL);

	CU_add_test(s, "plain ISO names", test_plain_names);
	CU_add_test(s, "Joliet names (UTF-16)", test_joliet_names);
	CU_add_test(s, "NUL and '/' in names", test_sanitize);
	CU_add_test(s, "7- and 17-byte dates", test_dates);
}
