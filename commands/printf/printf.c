/*
 * commands/printf/printf.c - printf format [argument...] (POSIX): the
 * format is reused while arguments remain.  Conversions d i o u x X c s b
 * and %%, with flags, width and precision (also *); escapes \\ \a \b \f
 * \n \r \t \v \NNN in the format and in %b arguments (where \c stops all
 * output).  A numeric argument may be 'c (the character's value); a bad
 * one is reported and counts as 0, and the status is then 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

struct pf {
	char **args;
	int nargs, used, status, stop;
};

/* One escape at s (after the backslash): the byte, and its length. */
static int pf_escape(const char *s, int *len, int in_b)
{
	static const char from[] = "\\abfnrtv\"'", to[] = "\\\a\b\f\n\r\t\v\"'";
	const char *p = strchr(from, *s);
	int v = 0, i = 0, max = 3;

	if (*s && p) {
		*len = 1;
		return to[p - from];
	}
	if (in_b && *s == '0')
		s++, i++, max = 4;
	if (*s >= '0' && *s <= '7') {
		while (i < max && *s >= '0' && *s <= '7') {
			v = v * 8 + (*s++ - '0');
			i++;
		}
		*len = i;
		return v & 255;
	}
	*len = 0;
	return '\\';
}

static const char *pf_next(struct pf *p)
{
	return p->used < p->nargs ? p->args[p->used++] : NULL;
}

static long long pf_number(struct pf *p, const char *s)
{
	char *end;
	long long v;

	if (!s)
		return 0;
	if (*s == '\'' || *s == '"')
		return (unsigned char)s[1];
	errno = 0;
	v = strtoll(s, &end, 0);
	if (end == s || *end || errno) {
		if (end == s && *s == '\0')
			return 0;
		cmd_msg("%s: invalid number", s);
		p->status = 1;
	}
	return v;
}

/* %b: the argument with escapes; \c ends everything. */
static void pf_b(struct pf *p, const char *s, const char *spec)
{
	char *out = malloc(strlen(s) + 1);
	int n = 0, len;

	if (!out)
		return;
	while (*s) {
		if (*s == '\\' && s[1] == 'c') {
			p->stop = 1;
			break;
		}
		if (*s == '\\') {
			out[n++] = (char)pf_escape(s + 1, &len, 1);
			s += 1 + len;
		} else {
			out[n++] = *s++;
		}
	}
	out[n] = '\0';
	printf(spec, out);
	free(out);
}

/* One conversion at f (after '%'); returns the bytes of format used. */
static int pf_conv(struct pf *p, const char *f)
{
	char spec[64], *q = spec, conv;
	const char *start = f;
	int n;

	*q++ = '%';
	while (*f && strchr("-+ #0", *f) && q < spec + 20)
		*q++ = *f++;
	for (n = 0; n < 2; n++) {
		if (*f == '*') {
			q += snprintf(q, 16, "%d", (int)pf_number(p, pf_next(p)));
			f++;
		} else {
			while (*f >= '0' && *f <= '9' && q < spec + 40)
				*q++ = *f++;
		}
		if (n == 0 && *f == '.')
			*q++ = *f++;
		else
			break;
	}
	conv = *f;
	if (!conv || !strchr("diouxXcsb%", conv)) {
		cmd_msg("%%%c: invalid conversion", conv ? conv : ' ');
		p->status = 1;
		p->stop = 1;
		return (int)(f - start) + (conv ? 1 : 0);
	}
	f++;
	if (conv == '%') {
		putchar('%');
	} else if (conv == 's' || conv == 'b' || conv == 'c') {
		const char *a = pf_next(p);

		*q++ = conv == 'c' ? 'c' : 's';
		*q = '\0';
		if (conv == 'b')
			pf_b(p, a ? a : "", spec);
		else if (conv == 'c')
			printf(spec, a && *a ? *a : '\0');
		else
			printf(spec, a ? a : "");
	} else {
		strcpy(q, "ll");
		q[2] = conv;
		q[3] = '\0';
		printf(spec, pf_number(p, pf_next(p)));
	}
	return (int)(f - start);
}

int printf_main(int argc, char **argv)
{
	struct pf p = { argv + 2, argc - 2, 0, 0, 0 };
	const char *f;
	int len, convs, used;

	if (argc < 2) {
		cmd_msg("usage: printf format [argument...]");
		return 2;
	}
	do {
		convs = 0;
		used = p.used;
		for (f = argv[1]; *f && !p.stop; ) {
			if (*f == '\\') {
				putchar(pf_escape(f + 1, &len, 0));
				f += 1 + len;
			} else if (*f == '%') {
				if (f[1] != '%')
					convs++;
				f += 1 + pf_conv(&p, f + 1);
			} else {
				putchar(*f++);
			}
		}
	} while (!p.stop && convs && p.used > used && p.used < p.nargs);
	if (fflush(stdout) != 0) {
		clearerr(stdout);
		return cmd_err("write error");
	}
	return p.status;
}
