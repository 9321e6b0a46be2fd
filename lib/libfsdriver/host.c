/*
 * host.c - libfsdriver services for host tools (micafuse, mkfs, fsck).
 *
 * A struct fsdriver_data names plain memory here (fd_ref is the address),
 * so the copy functions are bounds-checked memcpy/memset.  The OS front end
 * replaces this file with grant-based copies over IPC; nothing else in the
 * library depends on it.
 *
 * The log prefix is the only global of the file; the default prefix and
 * syslog are the Linux host's (host_linux.c; Mica's own programs link
 * host_plain.c: module.mk).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <mica/fsdriver.h>
#include <mica/fsdriver_host.h>
#include "host_sys.h"

static const char *host_prefix;

/* Check that [off, off+len) lies inside the buffer; return its address. */
static char *host_range(const struct fsdriver_data *data, size_t off,
    size_t len)
{
	if (data == NULL || off > data->fd_size || len > data->fd_size - off)
		return NULL;
	if (len == 0)
		return (char *)data->fd_ref;
	if (data->fd_ref == 0)
		return NULL;
	return (char *)data->fd_ref + off;
}

/* On the host the caller's buffer is plain memory. */
void *fsdriver_direct(const struct fsdriver_data *data, size_t off,
    size_t len)
{
	return len > 0 ? host_range(data, off, len) : NULL;
}

/* Copy 'len' bytes at 'off' of the caller's buffer into 'ptr'. */
int fsdriver_copyin(const struct fsdriver_data *data, size_t off,
    void *ptr, size_t len)
{
	char *p = host_range(data, off, len);

	if (p == NULL)
		return -EFAULT;
	if (len > 0)
		memcpy(ptr, p, len);
	return OK;
}

/* Copy 'len' bytes from 'ptr' to 'off' of the caller's buffer. */
int fsdriver_copyout(const struct fsdriver_data *data, size_t off,
    const void *ptr, size_t len)
{
	char *p = host_range(data, off, len);

	if (p == NULL)
		return -EFAULT;
	if (len > 0)
		memcpy(p, ptr, len);
	return OK;
}

/* Zero 'len' bytes at 'off' of the caller's buffer. */
int fsdriver_zero(const struct fsdriver_data *data, size_t off, size_t len)
{
	char *p = host_range(data, off, len);

	if (p == NULL)
		return -EFAULT;
	if (len > 0)
		memset(p, 0, len);
	return OK;
}

/* The wall-clock time, for inode timestamps. */
void fsdriver_gettime(struct timespec *ts)
{
	if (clock_gettime(CLOCK_REALTIME, ts) != 0) {
		ts->tv_sec = time(NULL);
		ts->tv_nsec = 0;
	}
}

void fsdriver_host_set_prefix(const char *prefix)
{
	host_prefix = prefix;
}

/* One line to stderr (and syslog): "prefix: message". */
void fsdriver_log(const char *fmt, ...)
{
	char msg[512];
	const char *prefix;
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = strlen(msg);
	while (n > 0 && msg[n - 1] == '\n')
		msg[--n] = '\0';

	prefix = host_prefix != NULL ? host_prefix : host_default_prefix();
	fprintf(stderr, "%s: %s\n", prefix, msg);
	host_log_more(prefix, msg);
}
