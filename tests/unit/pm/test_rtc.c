/*
 * test_rtc.c - PM's CMOS clock conversion (servers/pm/rtc_time.c) against
 * the host C library's timegm: every day from 1970 to 2099 at varying
 * times, in all four register encodings (BCD/binary x 24h/12h), with and
 * without the century register; and register values no clock can hold
 * (month 13, February 30 of a common year, 0x1a as BCD, hour 0 on a
 * 12-hour clock) give -1.
 */
#include <CUnit/Basic.h>
#include "../lib/cu_main.h"
#include <string.h>
#include <time.h>
#include "../../../servers/pm/rtc.h"

static u32_t bcd(u32_t v) { return (v / 10) << 4 | (v % 10); }

/* The registers a clock in mode stb would hold for tm. */
static void encode(const struct tm *tm, u32_t stb, u32_t r[RTC_R_COUNT])
{
	u32_t hour = tm->tm_hour, pm = 0;
	u32_t (*enc)(u32_t) = (stb & RTC_STB_BINARY) ? NULL : bcd;

	if (!(stb & RTC_STB_24H)) {
		pm = hour >= 12;
		hour = hour % 12 ? hour % 12 : 12;
	}
	r[RTC_R_SEC] = tm->tm_sec;
	r[RTC_R_MIN] = tm->tm_min;
	r[RTC_R_HOUR] = hour;
	r[RTC_R_MDAY] = tm->tm_mday;
	r[RTC_R_MON] = tm->tm_mon + 1;
	r[RTC_R_YEAR] = tm->tm_year % 100;
	for (int i = 0; enc && i < RTC_R_COUNT; i++)
		r[i] = enc(r[i]);
	if (pm)
		r[RTC_R_HOUR] |= 0x80;
}

static void test_against_timegm(void)
{
	static const u32_t modes[] = { 0, RTC_STB_BINARY, RTC_STB_24H,
		RTC_STB_BINARY | RTC_STB_24H };
	long bad = 0, n = 0;

	for (time_t t = 0; t < 4102444800LL; t += 86400 + 3607) {
		struct tm tm;
		u32_t r[RTC_R_COUNT];

		gmtime_r(&t, &tm);
		for (unsigned m = 0; m < 4; m++) {
			u32_t cent = 19 + tm.tm_year / 100;

			encode(&tm, modes[m], r);
			/* two digits alone: 1970..2069 */
			if (tm.tm_year < 170)
				bad += rtc_epoch(r, modes[m], 0) != (i64_t)timegm(&tm);
			bad += rtc_epoch(r, modes[m], (modes[m] & RTC_STB_BINARY) ?
				cent : bcd(cent)) != (i64_t)timegm(&tm);
			n += 2;
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT(n > 100000);
}

static void test_impossible(void)
{
	u32_t r[RTC_R_COUNT] = { 0, 0, 0, 1, 1, 0x24 };
	u32_t s24 = RTC_STB_24H;

	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0), 1704067200);	/* 2024-01-01 */
	r[RTC_R_MON] = 0x13;
	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0), -1);
	r[RTC_R_MON] = 0x02; r[RTC_R_MDAY] = 0x30;
	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0), -1);
	r[RTC_R_MDAY] = 0x29; r[RTC_R_YEAR] = 0x23;		/* 2023: common */
	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0), -1);
	r[RTC_R_YEAR] = 0x24;					/* 2024: leap */
	CU_ASSERT_NOT_EQUAL(rtc_epoch(r, s24, 0), -1);
	r[RTC_R_MIN] = 0x60;
	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0), -1);
	r[RTC_R_MIN] = 0; r[RTC_R_HOUR] = 0;
	CU_ASSERT_EQUAL(rtc_epoch(r, 0, 0), -1);		/* 12h: hour 0 */
	r[RTC_R_HOUR] = 0x24;
	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0), -1);
	r[RTC_R_HOUR] = 0; r[RTC_R_MDAY] = 1; r[RTC_R_YEAR] = 100;	/* binary 100 */
	CU_ASSERT_EQUAL(rtc_epoch(r, s24 | RTC_STB_BINARY, 0), -1);
	r[RTC_R_YEAR] = 0x69;				/* 2069 without century */
	CU_ASSERT_NOT_EQUAL(rtc_epoch(r, s24, 0), -1);
	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0), rtc_epoch(r, s24, 0x20));
	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0x18), -1);		/* century 18 */
	r[RTC_R_YEAR] = 0x69;
	CU_ASSERT_EQUAL(rtc_epoch(r, s24, 0x19), -1);		/* 1969 */
}

static const struct cu_case cases[] = {
	{ "every day 1970-2099, four encodings, timegm", test_against_timegm },
	{ "impossible register values", test_impossible },
};

int main(void)
{
	return cu_main("pm_rtc", cases, CU_CASES(cases));
}
