/*
 * rtc.c - the wall clock at boot, from the PC's CMOS real-time clock
 * (ports 0x70/0x71, MC146818 registers).  PM reads it once; from then on
 * the time is the kernel's uptime plus that base (time.c).  Needs the
 * two ports in PM's privileges; without them the clock starts at 0.
 * The registers are read until two passes outside an update agree; the
 * conversion is rtc_time.c's.
 */
#include "pm.h"
#include "rtc.h"

#define CMOS_ADDR 0x70
#define CMOS_DATA 0x71
#define RTC_STA   0x0a		/* bit 7: update in progress */
#define RTC_STB   0x0b
#define RTC_CENT  0x32

static const u8_t rtc_regs[RTC_R_COUNT] = {
	[RTC_R_SEC] = 0x00, [RTC_R_MIN] = 0x02, [RTC_R_HOUR] = 0x04,
	[RTC_R_MDAY] = 0x07, [RTC_R_MON] = 0x08, [RTC_R_YEAR] = 0x09,
};

static int cmos(int reg, u32_t *v)
{
	if (sys_outb(CMOS_ADDR, reg) != OK || sys_inb(CMOS_DATA, v) != OK)
		return -1;
	*v &= 0xff;
	return 0;
}

static int read_all(u32_t r[RTC_R_COUNT])
{
	for (int i = 0; i < RTC_R_COUNT; i++)
		if (cmos(rtc_regs[i], &r[i]) < 0)
			return -1;
	return 0;
}

i64_t rtc_read(void)
{
	u32_t r[RTC_R_COUNT], again[RTC_R_COUNT], sta, stb, cent = 0;
	int tries;

	for (tries = 0; tries < 1000; tries++) {
		if (cmos(RTC_STA, &sta) < 0)
			return -1;
		if (sta & 0x80)
			continue;
		if (read_all(r) < 0 || read_all(again) < 0)
			return -1;
		if (!memcmp(r, again, sizeof(r)))
			break;
	}
	if (tries == 1000 || cmos(RTC_STB, &stb) < 0)
		return -1;
	cmos(RTC_CENT, &cent);
	return rtc_epoch(r, stb, cent);
}
