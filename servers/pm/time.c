/*
 * time.c - clocks, sleeping, the interval timer and process times.
 *
 * Time is the kernel's uptime in ticks (HZ) plus, for CLOCK_REALTIME,
 * the real time at uptime 0: read from the RTC at start-up (rtc.c), moved
 * by clock_settime, and kept by the kernel (SYS_STIME), so every service
 * reads the same wall clock (libsys sys_realtime: file-system times).  Sleeps and ITIMER_REAL are libsys timers on PM's one
 * kernel alarm, one of each per process, rounded up to whole ticks so
 * nobody wakes early.  ITIMER_VIRTUAL and ITIMER_PROF would need the
 * kernel to count a process's CPU time against a limit: EINVAL.
 */
#include "pm.h"

#define NSEC_PER_TICK (1000000000u / HZ)
#define USEC_PER_TICK (1000000u / HZ)
#define TICKS_MAX     0x7fffffffu

static int rtc_ok;

u32_t uptime(void)
{
	u32_t up = 0;

	sys_times(sef_self(), &up, NULL);
	return up;
}

/* The kernel's boot time := sec + nsec - ticks (no 64-bit division on
 * i386 here). */
static int set_base(i64_t sec, u32_t nsec, u32_t ticks)
{
	u32_t sub = (ticks % HZ) * NSEC_PER_TICK;

	sec -= ticks / HZ;
	if (nsec < sub) {
		sec--;
		nsec += 1000000000u;
	}
	return sys_stime(sec, nsec - sub);
}

void time_init(void)
{
	i64_t sec = rtc_read();

	rtc_ok = sec >= 0;
	if (!rtc_ok)
		printf("pm: no RTC (ports 0x70/0x71): the clock starts at 1970\n");
	if (set_base(sec < 0 ? 0 : sec, 0, uptime()) != OK)
		printf("pm: the kernel refused the boot time\n");
}

static struct mproc *timer_proc(int idx)
{
	struct mproc *p;

	if (idx < 0 || idx >= NR_MPROCS)
		return NULL;
	p = &mproc[idx];
	return is_user(p) && !(p->flags & (MP_ZOMBIE | MP_EXITING)) ? p : NULL;
}

/* The reply: sec + ticks (+ nsec), normalised. */
static void set_time_reply(mess_lc_pm_time *t, i64_t sec, u32_t nsec,
	u32_t ticks)
{
	memset(t, 0, sizeof(*t));
	nsec += (ticks % HZ) * NSEC_PER_TICK;
	sec += ticks / HZ + nsec / 1000000000u;
	t->sec = sec;
	t->nsec = nsec % 1000000000u;
}

int do_clock_get(void)
{
	int clock = m_in.m_lc_pm_time.clock;
	i64_t sec;
	u32_t nsec;

	if (clock == MICA_CLOCK_REALTIME) {
		if (sys_realtime(&sec, &nsec) != OK)
			return -EIO;
		set_time_reply(&m_in.m_lc_pm_time, sec, nsec, 0);
	} else if (clock == MICA_CLOCK_MONOTONIC)
		set_time_reply(&m_in.m_lc_pm_time, 0, 0, uptime());
	else
		return -EINVAL;
	m_in.m_lc_pm_time.clock = clock;
	return OK;
}

int do_clock_set(void)
{
	mess_lc_pm_time *t = &m_in.m_lc_pm_time;

	if (t->clock != MICA_CLOCK_REALTIME)
		return -EINVAL;
	if (t->nsec >= 1000000000u || t->sec < 0 || t->sec > (1ll << 40))
		return -EINVAL;
	if (mp->euid != 0)
		return -EPERM;
	return set_base(t->sec, t->nsec, uptime());
}

/* Whole ticks covering sec + nsec (at least 1 for a non-zero time). */
static u32_t to_ticks(i64_t sec, u32_t sub, u32_t per_tick)
{
	u64_t t;

	if (sec >= (i64_t)(TICKS_MAX / HZ))
		return TICKS_MAX;
	t = (u64_t)sec * HZ + (sub + per_tick - 1) / per_tick;
	return t > TICKS_MAX ? TICKS_MAX : (u32_t)t;
}

static void sleep_done(int idx)
{
	struct mproc *p = timer_proc(idx);

	if (!p || !(p->flags & MP_SLEEPING))
		return;
	p->flags &= ~MP_SLEEPING;
	reply(p, OK, NULL);
	sig_check_pending(p);
}

int do_nanosleep(void)
{
	mess_lc_pm_time *t = &m_in.m_lc_pm_time;
	u32_t ticks;

	if (t->nsec >= 1000000000u || t->sec < 0)
		return -EINVAL;
	if (!(ticks = to_ticks(t->sec, t->nsec, NSEC_PER_TICK))) {
		set_time_reply(t, 0, 0, 0);
		return OK;
	}
	if (set_timer(&mp->sleep, ticks, sleep_done, mp - mproc) != OK)
		return -EAGAIN;
	mp->sleep_end = uptime() + ticks;
	mp->flags |= MP_SLEEPING;
	return PM_NO_REPLY;
}

/* A handler interrupts the sleep: EINTR with the time left. */
void sleep_interrupt(struct mproc *p)
{
	message m;
	i32_t left = (i32_t)(p->sleep_end - uptime());

	cancel_timer(&p->sleep);
	memset(&m, 0, sizeof(m));
	set_time_reply(&m.m_lc_pm_time, 0, 0, left > 0 ? (u32_t)left : 0);
	reply(p, -EINTR, &m);
}

static void alarm_done(int idx)
{
	struct mproc *p = timer_proc(idx);

	if (!p)
		return;
	if (p->alarm_interval)
		set_timer(&p->alarm, p->alarm_interval, alarm_done, idx);
	memset(&p->sig_from[MICA_SIGALRM], 0, sizeof(p->sig_from[0]));
	p->sig_from[MICA_SIGALRM].code = MICA_SI_TIMER;
	sig_proc(p, MICA_SIGALRM, 0);
}

int do_itimer(void)
{
	mess_lc_pm_itimer *q = &m_in.m_lc_pm_itimer;
	u32_t left = 0, ticks, interval;
	u32_t old_interval = mp->alarm_interval;

	if (q->which != MICA_ITIMER_REAL)
		return -EINVAL;
	if (mp->alarm.func) {
		i32_t d = (i32_t)(mp->alarm.exp - uptime());

		left = d > 0 ? (u32_t)d : 1;
	}
	if (q->set) {
		if (q->value_sec < 0 || q->interval_sec < 0 ||
		    q->value_usec >= 1000000u || q->interval_usec >= 1000000u)
			return -EINVAL;
		ticks = to_ticks(q->value_sec, q->value_usec, USEC_PER_TICK);
		interval = to_ticks(q->interval_sec, q->interval_usec, USEC_PER_TICK);
		cancel_timer(&mp->alarm);
		mp->alarm_interval = 0;
		if (ticks) {
			if (set_timer(&mp->alarm, ticks, alarm_done, mp - mproc) != OK)
				return -EAGAIN;
			mp->alarm_interval = interval;
		}
	}
	memset(q, 0, sizeof(*q));
	q->which = MICA_ITIMER_REAL;
	q->value_sec = left / HZ;
	q->value_usec = (left % HZ) * USEC_PER_TICK;
	q->interval_sec = old_interval / HZ;
	q->interval_usec = (old_interval % HZ) * USEC_PER_TICK;
	return OK;
}

int do_times(void)
{
	mess_pm_lc_times *r = &m_in.m_pm_lc_times;
	message t;

	memset(&t, 0, sizeof(t));
	t.m_type = SYS_TIMES;
	t.m_time.endpt = mp->ep;
	if (kernel_call(&t) != OK)
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	r->utime = t.m_time.user_ticks;
	r->stime = t.m_time.sys_ticks;
	r->cutime = mp->child_utime;
	r->cstime = mp->child_stime;
	r->uptime = t.m_time.uptime;
	return OK;
}

void time_proc_gone(struct mproc *p)
{
	cancel_timer(&p->alarm);
	cancel_timer(&p->sleep);
	p->alarm_interval = 0;
	p->flags &= ~MP_SLEEPING;
}

