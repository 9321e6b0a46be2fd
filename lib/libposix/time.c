/*
 * time.c - clocks, sleeping and timers, all kept by PM: clock_gettime,
 * gettimeofday (newlib's time() comes through _gettimeofday), nanosleep,
 * sleep, alarm, setitimer/getitimer, times.
 */
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/times.h>
#include "posix.h"

static int time_call(int callnr, int clock, struct timespec *ts)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_lc_pm_time.clock = clock;
	if (ts) {
		if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L || ts->tv_sec < 0)
			return lc_err(-EINVAL);
		m.m_lc_pm_time.sec = ts->tv_sec;
		m.m_lc_pm_time.nsec = ts->tv_nsec;
	}
	if ((r = lc_call(PM_PROC_NR, callnr, &m)) >= 0 && ts) {
		ts->tv_sec = (time_t)m.m_lc_pm_time.sec;
		ts->tv_nsec = m.m_lc_pm_time.nsec;
	}
	return r;
}

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	struct timespec t = { 0, 0 };

	if (!ts)
		return lc_err(-EFAULT);
	if (time_call(PM_CLOCK_GET, clock, &t) < 0)
		return -1;
	return lc_copyout(ts, &t, sizeof(t));
}

int clock_settime(clockid_t clock, const struct timespec *ts)
{
	struct timespec t;

	if (lc_copyin(&t, ts, sizeof(t)) < 0)
		return -1;
	return time_call(PM_CLOCK_SET, clock, &t);
}

int gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts = { 0, 0 };
	struct timeval t;

	(void)tz;
	if (time_call(PM_CLOCK_GET, CLOCK_REALTIME, &ts) < 0)
		return -1;
	t.tv_sec = ts.tv_sec;
	t.tv_usec = ts.tv_nsec / 1000;
	return tv ? lc_copyout(tv, &t, sizeof(t)) : 0;
}
int _gettimeofday(struct timeval *tv, void *tz) { return gettimeofday(tv, tz); }

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	struct timespec t;
	int r;

	if (lc_copyin(&t, req, sizeof(t)) < 0)
		return -1;
	r = time_call(PM_NANOSLEEP, MICA_CLOCK_MONOTONIC, &t);
	if (r < 0 && errno == EINTR && rem && lc_copyout(rem, &t, sizeof(t)) < 0)
		return -1;
	return r < 0 ? -1 : 0;
}

unsigned sleep(unsigned sec)
{
	struct timespec t = { sec, 0 }, rem = { 0, 0 };

	if (nanosleep(&t, &rem) < 0 && errno == EINTR)
		return rem.tv_sec;
	return 0;
}

static int itimer(int which, const struct itimerval *val, struct itimerval *old)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_lc_pm_itimer.which = which;
	if (val) {
		m.m_lc_pm_itimer.set = 1;
		m.m_lc_pm_itimer.value_sec = val->it_value.tv_sec;
		m.m_lc_pm_itimer.value_usec = val->it_value.tv_usec;
		m.m_lc_pm_itimer.interval_sec = val->it_interval.tv_sec;
		m.m_lc_pm_itimer.interval_usec = val->it_interval.tv_usec;
	}
	if ((r = lc_call(PM_PROC_NR, PM_ITIMER, &m)) >= 0 && old) {
		old->it_value.tv_sec = m.m_lc_pm_itimer.value_sec;
		old->it_value.tv_usec = m.m_lc_pm_itimer.value_usec;
		old->it_interval.tv_sec = m.m_lc_pm_itimer.interval_sec;
		old->it_interval.tv_usec = m.m_lc_pm_itimer.interval_usec;
	}
	return r < 0 ? -1 : 0;
}

int setitimer(int which, const struct itimerval *val, struct itimerval *old)
{
	if (!val)
		return lc_err(-EFAULT);
	return itimer(which, val, old);
}

int getitimer(int which, struct itimerval *cur)
{
	return itimer(which, NULL, cur);
}

unsigned alarm(unsigned sec)
{
	struct itimerval v, old;

	memset(&v, 0, sizeof(v));
	v.it_value.tv_sec = sec;
	if (setitimer(ITIMER_REAL, &v, &old) < 0)
		return 0;
	return old.it_value.tv_sec + (old.it_value.tv_usec > 0);
}

clock_t times(struct tms *t)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if ((r = lc_call(PM_PROC_NR, PM_TIMES, &m)) < 0)
		return (clock_t)-1;
	if (t) {
		struct tms l;

		l.tms_utime = m.m_pm_lc_times.utime;
		l.tms_stime = m.m_pm_lc_times.stime;
		l.tms_cutime = m.m_pm_lc_times.cutime;
		l.tms_cstime = m.m_pm_lc_times.cstime;
		if (lc_copyout(t, &l, sizeof(l)) < 0)
			return (clock_t)-1;
	}
	return m.m_pm_lc_times.uptime;
}
clock_t _times(struct tms *t) { return times(t); }
