/*
 * rtc_time.c - MC146818 register values to seconds since the epoch: BCD
 * or binary, 12- or 24-hour, the century register when the clock has
 * one.  Pure arithmetic (no libgcc division on 64 bits, no libc), shared
 * by PM and its host unit test.
 */
#include "rtc.h"

static u32_t decode(u32_t v, int binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 0xf);
}

static int leap(u32_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

i64_t rtc_epoch(const u32_t raw[RTC_R_COUNT], u32_t stb, u32_t cent)
{
	static const u16_t before[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	static const u8_t mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int binary = !!(stb & RTC_STB_BINARY);
	u32_t v[RTC_R_COUNT], pm_bit = 0, y, c;
	i64_t days = 0;

	for (int i = 0; i < RTC_R_COUNT; i++)
		v[i] = raw[i] & 0xff;
	if (!(stb & RTC_STB_24H)) {
		pm_bit = v[RTC_R_HOUR] & 0x80;
		v[RTC_R_HOUR] &= 0x7f;
	}
	for (int i = 0; i < RTC_R_COUNT; i++)
		v[i] = decode(v[i], binary);
	if (!(stb & RTC_STB_24H)) {
		if (v[RTC_R_HOUR] < 1 || v[RTC_R_HOUR] > 12)
			return -1;
		v[RTC_R_HOUR] = v[RTC_R_HOUR] % 12 + (pm_bit ? 12 : 0);
	}
	c = cent ? decode(cent & 0xff, binary) : 0;
	if (v[RTC_R_YEAR] > 99 || (cent && (c < 19 || c > 99)))
		return -1;
	y = cent ? c * 100 + v[RTC_R_YEAR] :
		v[RTC_R_YEAR] + (v[RTC_R_YEAR] < 70 ? 2000 : 1900);
	if (y < 1970 || v[RTC_R_MON] < 1 || v[RTC_R_MON] > 12 ||
	    v[RTC_R_MDAY] < 1 || v[RTC_R_MDAY] > mdays[v[RTC_R_MON] - 1] ||
	    (v[RTC_R_MON] == 2 && v[RTC_R_MDAY] == 29 && !leap(y)) ||
	    v[RTC_R_HOUR] > 23 || v[RTC_R_MIN] > 59 || v[RTC_R_SEC] > 59)
		return -1;
	for (u32_t yy = 1970; yy < y; yy++)
		days += leap(yy) ? 366 : 365;
	days += before[v[RTC_R_MON] - 1] + v[RTC_R_MDAY] - 1;
	if (v[RTC_R_MON] > 2 && leap(y))
		days++;
	return days * 86400 + v[RTC_R_HOUR] * 3600 + v[RTC_R_MIN] * 60 +
		v[RTC_R_SEC];
}
