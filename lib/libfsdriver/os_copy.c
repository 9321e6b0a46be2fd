/*
 * os_copy.c - libfsdriver services in the OS: the copy functions over
 * safecopy, the clock and the log.
 *
 * A struct fsdriver_data here is a grant (fd_ref) of the endpoint that
 * sent the request (fd_endpt, taken from m_source, which the kernel sets),
 * fd_size the bytes the request says it covers.  The range is checked
 * against fd_size before the kernel checks it against the grant, so a
 * request can neither make the server copy past what it asked for nor
 * name anybody else's memory.  Copies go in chunks so a length that does
 * not fit a kernel call's u32_t is still exact.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <mica/fsdriver_os.h>
#include <mica/kipc.h>

#define OS_COPY_CHUNK	0x40000000u	/* bytes per safecopy */

/* Is [off, off+len) inside the buffer? */
static int os_range_ok(const struct fsdriver_data *data, size_t off,
    size_t len)
{
	return data != NULL && off <= data->fd_size &&
	    len <= data->fd_size - off;
}

int fsdriver_copyin(const struct fsdriver_data *data, size_t off,
    void *ptr, size_t len)
{
	size_t n;
	int r;

	if (!os_range_ok(data, off, len))
		return -EFAULT;
	for (; len > 0; off += n, len -= n, ptr = (char *)ptr + n) {
		n = len < OS_COPY_CHUNK ? len : OS_COPY_CHUNK;
		r = sys_safecopyfrom(data->fd_endpt, (cp_grant_id_t)data->fd_ref,
		    (vir_bytes)off, ptr, (u32_t)n);
		if (r != OK)
			return r;
	}
	return OK;
}

/* In the OS the caller's buffer is a grant: always copied. */
void *fsdriver_direct(const struct fsdriver_data *data, size_t off,
    size_t len)
{
	(void)data;
	(void)off;
	(void)len;
	return NULL;
}

int fsdriver_copyout(const struct fsdriver_data *data, size_t off,
    const void *ptr, size_t len)
{
	size_t n;
	int r;

	if (!os_range_ok(data, off, len))
		return -EFAULT;
	for (; len > 0; off += n, len -= n, ptr = (const char *)ptr + n) {
		n = len < OS_COPY_CHUNK ? len : OS_COPY_CHUNK;
		r = sys_safecopyto(data->fd_endpt, (cp_grant_id_t)data->fd_ref,
		    (vir_bytes)off, ptr, (u32_t)n);
		if (r != OK)
			return r;
	}
	return OK;
}

/* Zero from a static page of zeros, a page per copy. */
int fsdriver_zero(const struct fsdriver_data *data, size_t off, size_t len)
{
	static const char zeros[4096];
	size_t n;
	int r;

	if (!os_range_ok(data, off, len))
		return -EFAULT;
	for (; len > 0; off += n, len -= n) {
		n = len < sizeof zeros ? len : sizeof zeros;
		if ((r = fsdriver_copyout(data, off, zeros, n)) != OK)
			return r;
	}
	return OK;
}

/* The wall clock (libsys: the kernel's uptime plus the boot time PM read
 * from the RTC), the one every process sees; 1970 if the kernel has none. */
void fsdriver_gettime(struct timespec *ts)
{
	i64_t sec = 0;
	u32_t nsec = 0;

	if (sys_realtime(&sec, &nsec) != OK)
		sec = 0, nsec = 0;
	ts->tv_sec = (time_t)sec;
	ts->tv_nsec = (long)nsec;
}

/* One console line through the kernel's diagnostic print. */
void fsdriver_log(const char *fmt, ...)
{
	char msg[160];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof msg - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	n = (int)strlen(msg);
	if (n == 0 || msg[n - 1] != '\n')
		msg[n++] = '\n';
	sys_diag_print(msg, (u32_t)n);
}
