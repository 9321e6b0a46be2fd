/*
 * rtc.h - the CMOS clock's registers turned into seconds since the epoch
 * (rtc_time.c, pure: unit-tested on the host against the C library's
 * timegm) and read from the hardware (rtc.c).
 */
#ifndef PM_RTC_H
#define PM_RTC_H

#include <mica/type.h>

/* Register indices of rtc_epoch's raw[] (as read, BCD or binary). */
enum { RTC_R_SEC, RTC_R_MIN, RTC_R_HOUR, RTC_R_MDAY, RTC_R_MON, RTC_R_YEAR,
	RTC_R_COUNT };

#define RTC_STB_BINARY 0x04	/* status B: values are binary, not BCD */
#define RTC_STB_24H    0x02	/* status B: 24-hour clock (else bit 7 = PM) */

/*
 * Seconds since 1970-01-01 00:00 UTC for the registers raw[], status
 * register B stb and the century register cent (0: unknown, then years
 * 70..99 are 19xx and 00..69 are 20xx); -1 for values no clock can hold.
 */
i64_t rtc_epoch(const u32_t raw[RTC_R_COUNT], u32_t stb, u32_t cent);

#endif
