/*
 * fmt.c - the printf-style formatter (see mica/fmt.h).  Freestanding: no
 * 64-bit division, so 64-bit numbers are converted by repeated subtraction
 * of powers of ten (only %llu/%llx use them).
 */
#include <mica/fmt.h>

struct spec {
	int width;
	char fill;
	int longlong;
};

static int put_str(void (*put)(char, void *), void *arg, const char *s,
	int width, char fill)
{
	int n = 0, len = 0;

	while (s[len])
		len++;
	for (; width > len; width--, n++)
		put(fill, arg);
	while (*s)
		put(*s++, arg), n++;
	return n;
}

/* Digits of v in base 10 or 16 into buf (reversed), returns count. */
static int to_digits(u64_t v, int base, char *buf)
{
	static const char hex[] = "0123456789abcdef";
	int n = 0;

	do {
		if (base == 16) {
			buf[n++] = hex[v & 15];
			v >>= 4;
		} else {
			u32_t lo = (u32_t)v;

			if (v >> 32) {	/* slow path: v % 10 via subtraction */
				u64_t q = 0, r = v, p = 10;
				int shift = 0;

				while (!(p >> 60) && (p << 1) <= r)
					p <<= 1, shift++;
				for (; shift >= 0; shift--, p >>= 1)
					if (r >= p)
						r -= p, q |= 1ull << shift;
				buf[n++] = '0' + (char)r;
				v = q;
			} else {
				buf[n++] = '0' + (char)(lo % 10);
				v = lo / 10;
			}
		}
	} while (v);
	return n;
}

static int put_num(void (*put)(char, void *), void *arg, u64_t v, int base,
	int neg, const struct spec *sp)
{
	char rev[24], out[26];
	int n = to_digits(v, base, rev), i = 0;

	if (neg)
		out[i++] = '-';
	while (n)
		out[i++] = rev[--n];
	out[i] = 0;
	return put_str(put, arg, out, sp->width, sp->fill);
}

static int put_conv(void (*put)(char, void *), void *arg, char c,
	const struct spec *sp, va_list *ap)
{
	i64_t s;
	u64_t u;

	switch (c) {
	case 'd': case 'i':
		s = sp->longlong ? va_arg(*ap, i64_t) : va_arg(*ap, int);
		return put_num(put, arg, s < 0 ? (u64_t)-s : (u64_t)s, 10, s < 0, sp);
	case 'u': case 'x':
		u = sp->longlong ? va_arg(*ap, u64_t) : va_arg(*ap, u32_t);
		return put_num(put, arg, u, c == 'x' ? 16 : 10, 0, sp);
	case 'p':
		put('0', arg), put('x', arg);
		return 2 + put_num(put, arg, va_arg(*ap, u32_t), 16, 0, sp);
	case 's': {
		const char *str = va_arg(*ap, const char *);

		return put_str(put, arg, str ? str : "(null)", sp->width, ' ');
	}
	case 'c':
		put((char)va_arg(*ap, int), arg);
		return 1;
	default:
		put('%', arg), put(c, arg);
		return 2;
	}
}

int fmt_vformat(void (*put)(char c, void *arg), void *arg, const char *fmt,
	va_list ap)
{
	int n = 0;

	for (; *fmt; fmt++) {
		struct spec sp = { 0, ' ', 0 };

		if (*fmt != '%') {
			put(*fmt, arg), n++;
			continue;
		}
		if (*++fmt == '0')
			sp.fill = '0', fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			sp.width = sp.width * 10 + (*fmt++ - '0');
		while (*fmt == 'l')
			sp.longlong += (fmt[1] == 'l'), fmt += 1 + (fmt[1] == 'l');
		if (!*fmt)
			break;
		n += put_conv(put, arg, *fmt, &sp, &ap);
	}
	return n;
}
