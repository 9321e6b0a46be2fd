/*
 * rtc.c - the wall clock at boot, from the PC's CMOS real-time clock
 * (ports 0x70/0x71, MC146818 registers).  PM reads it once; from then on
 * the time is the kernel's uptime plus that base (time.c).  Needs the
 * two ports in PM's privileges; without them the clock starts at 0.
 */
#include "pm.h"

#define CMOS_ADDR 0x70
#define CMOS_DATA 0x71
#define RTC_SEC   0x00
#define RTC_MIN   0x02
#define RTC_HOUR  0x04
#define RTC_MDAY  0x07
#define RTC_MON   0x08
#define RTC_YEAR  0x09
#define RTC_STA   0x0a		/* bit 7: update in progress */
#define RTC_STB   0x0b		/* bit 2: binary, bit 1: 24-hour */
#define RTC_CENT  0x32

static int cmos(int reg, u32_t *v)
{
	if (sys_outb(CMOS_ADDR, reg) != OK || sys_inb(CMOS_DATA, v) != OK)
		return -1;
	*v &= 0xff;
	return 0;
}

static u32_t bcd(u32_t v, int binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 0xf);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian, y >= 1970). */
static i64_t days_from_epoch(u32_t y, u32_t m, u32_t d)
{
	static const u16_t before[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	i64_t days = 0;

	for (u32_t yy = 1970; yy < y; yy++)
		days += ((yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0) ? 366 : 365;
	days += before[m - 1] + d - 1;
	if (m > 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		days++;
	return days;
}

i64_t rtc_read(void)
{
	u32_t r[6], again[6], stb, cent = 0, sta;
	static const int regs[6] = { RTC_SEC, RTC_MIN, RTC_HOUR, RTC_MDAY,
		RTC_MON, RTC_YEAR };
	int i, tries, binary, pm_bit;

	for (tries = 0; tries < 1000; tries++) {
		/* read twice around no update: the same values are coherent */
		if (cmos(RTC_STA, &sta) < 0)
			return -1;
		if (sta & 0x80)
			continue;
		for (i = 0; i < 6; i++)
			if (cmos(regs[i], &r[i]) < 0)
				return -1;
		for (i = 0; i < 6; i++)
			cmos(regs[i], &again[i]);
		if (!memcmp(r, again, sizeof(r)))
			break;
	}
	if (cmos(RTC_STB, &stb) < 0)
		return -1;
	cmos(RTC_CENT, &cent);
	binary = !!(stb & 0x04);
	pm_bit = !(stb & 0x02) && (r[2] & 0x80);
	r[2] &= 0x7f;
	for (i = 0; i < 6; i++)
		r[i] = bcd(r[i], binary);
	if (pm_bit)
		r[2] = (r[2] % 12) + 12;
	cent = cent ? bcd(cent, binary) : 0;
	r[5] += (cent >= 19 && cent <= 30) ? cent * 100 : (r[5] < 70 ? 2000 : 1900);
	if (r[4] < 1 || r[4] > 12 || r[3] < 1 || r[3] > 31 || r[2] > 23 ||
	    r[1] > 59 || r[0] > 59 || r[5] < 1970)
		return -1;
	return days_from_epoch(r[5], r[4], r[3]) * 86400 + r[2] * 3600 +
		r[1] * 60 + r[0];
}
