/*
 * time.c - ISO 9660 dates to struct timespec.
 *
 * Two forms (ECMA-119 9.1.5 and 8.4.26.1): seven binary bytes (years since
 * 1900 ... seconds, then the offset from GMT in 15-minute units) in
 * directory records and short Rock Ridge TF stamps, and seventeen bytes (16
 * ASCII digits with hundredths, then the offset) in descriptors and long TF
 * stamps.  The conversion is done here with the civil-calendar day count,
 * not timegm(), so it is the same in the OS and on the host.  Out-of-range
 * fields are clamped: a hostile date gives a strange time, never a fault.
 */
#include <string.h>
#include "iso.h"

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t iso_days(int64_t y, unsigned int m, unsigned int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static unsigned int iso_clamp(unsigned int v, unsigned int lo,
    unsigned int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void iso_mktime(int64_t year, unsigned int mon, unsigned int day,
    unsigned int h, unsigned int mi, unsigned int s, int gmtoff,
    long nsec, struct timespec *ts)
{
	int64_t t;

	if (mon == 0 || day == 0) {	/* unset */
		ts->tv_sec = 0;
		ts->tv_nsec = 0;
		return;
	}
	mon = iso_clamp(mon, 1, 12);
	day = iso_clamp(day, 1, 31);
	t = iso_days(year, mon, day) * 86400 + iso_clamp(h, 0, 23) * 3600 +
	    iso_clamp(mi, 0, 59) * 60 + iso_clamp(s, 0, 60);
	if (gmtoff >= -48 && gmtoff <= 52)
		t -= (int64_t)gmtoff * 15 * 60;
	ts->tv_sec = (time_t)t;
	ts->tv_nsec = nsec;
}

void iso_time7(const uint8_t *p, struct timespec *ts)
{
	iso_mktime(1900 + (int64_t)p[0], p[1], p[2], p[3], p[4], p[5],
	    (int8_t)p[6], 0, ts);
}

/* 'n' ASCII digits as a number; non-digits count as 0. */
static unsigned int iso_digits(const uint8_t *p, int n)
{
	unsigned int v = 0;

	while (n-- > 0) {
		v = v * 10 + (*p >= '0' && *p <= '9' ? *p - '0' : 0);
		p++;
	}
	return v;
}

void iso_time17(const uint8_t *p, struct timespec *ts)
{
	iso_mktime(iso_digits(p, 4), iso_digits(p + 4, 2),
	    iso_digits(p + 6, 2), iso_digits(p + 8, 2), iso_digits(p + 10, 2),
	    iso_digits(p + 12, 2), (int8_t)p[16],
	    (long)iso_digits(p + 14, 2) * 10000000L, ts);
}
