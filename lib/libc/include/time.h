/*
 * <time.h> for Mica: newlib's, plus the POSIX clock and sleep calls that
 * its generic build leaves undeclared (_POSIX_TIMERS is off there) and
 * that Mica's PM provides (lib/libposix/time.c).
 */
#include_next <time.h>

#ifndef _MICA_TIME_H
#define _MICA_TIME_H

#include <mica/abi.h>

#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC ((clockid_t)MICA_CLOCK_MONOTONIC)
#endif

int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_settime(clockid_t clock, const struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
