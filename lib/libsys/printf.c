/*
 * printf.c - formatted output for boot modules: one SYS_DIAGCTL per line
 * (or per full buffer), so lines from different processes do not mix.
 */
#include <mica/syslib.h>
#include <mica/fmt.h>

#define LINE_MAX 256

struct linebuf {
	char buf[LINE_MAX];
	u32_t n;
};

static void flush(struct linebuf *lb)
{
	if (lb->n)
		sys_diag_print(lb->buf, lb->n);
	lb->n = 0;
}

static void put_console(char c, void *arg)
{
	struct linebuf *lb = arg;

	lb->buf[lb->n++] = c;
	if (c == '\n' || lb->n == LINE_MAX)
		flush(lb);
}

int printf(const char *fmt, ...)
{
	struct linebuf lb;
	va_list ap;
	int n;

	lb.n = 0;
	va_start(ap, fmt);
	n = fmt_vformat(put_console, &lb, fmt, ap);
	va_end(ap);
	flush(&lb);
	return n;
}

struct strbuf {
	char *buf;
	u32_t size, n;
};

static void put_string(char c, void *arg)
{
	struct strbuf *sb = arg;

	if (sb->n + 1 < sb->size)
		sb->buf[sb->n] = c;
	sb->n++;
}

int vsnprintf(char *buf, u32_t size, const char *fmt, va_list ap)
{
	struct strbuf sb = { buf, size, 0 };

	fmt_vformat(put_string, &sb, fmt, ap);
	if (size)
		buf[sb.n < size ? sb.n : size - 1] = 0;
	return (int)sb.n;
}

int snprintf(char *buf, u32_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
