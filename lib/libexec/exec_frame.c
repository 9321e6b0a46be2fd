/*
 * exec_frame.c - build and parse the initial stack frame (mica/exec.h).
 *
 * The builder writes 32-bit words and string bytes into a buffer that will
 * later sit at a given virtual address, so it runs the same on the host
 * (unit tests), in the C library and in a server building a frame for
 * another process.  The parser trusts nothing: it walks the vectors with
 * bounds checks and returns word indices, never raw pointers, so the
 * caller decides how to turn them into pointers in its own address space.
 * No libc calls: this file must link into anything.
 */
#include <mica/exec.h>
#include <mica/errno.h>

static u32_t str_size(const char *s)
{
	u32_t n = 0;

	while (s[n])
		n++;
	return n + 1;
}

/* Count a NULL-terminated vector and its string bytes, bounded. */
static int vec_measure(char *const v[], u32_t *count, u32_t *bytes)
{
	*count = 0;
	for (; v && v[*count]; (*count)++) {
		if (*count >= EXEC_FRAME_MAX / 4)
			return -E2BIG;
		*bytes += str_size(v[*count]);
		if (*bytes > EXEC_FRAME_MAX)
			return -E2BIG;
	}
	return OK;
}

int exec_frame_size(char *const argv[], char *const envp[], u32_t nauxv)
{
	u32_t argc, envc, bytes = 0, words;
	int r;

	if (nauxv > EXEC_AUXV_MAX)
		return -E2BIG;
	if ((r = vec_measure(argv, &argc, &bytes)) != OK ||
	    (r = vec_measure(envp, &envc, &bytes)) != OK)
		return r;
	words = 1 + argc + 1 + envc + 1 + 2 * (nauxv + 1);
	if (words * 4 + bytes > EXEC_FRAME_MAX)
		return -E2BIG;
	return (int)((words * 4 + bytes + 15) & ~15u);
}

static void put_word(u8_t *buf, u32_t idx, u32_t v)
{
	u8_t *p = buf + idx * 4;

	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = v >> 24;
}

/* Lay out vector v's pointers from word w, its strings from *pos. */
static u32_t put_vec(u8_t *buf, u32_t w, char *const v[], vir_bytes base,
	u32_t *pos)
{
	u32_t i, n;

	for (i = 0; v && v[i]; i++) {
		put_word(buf, w++, base + *pos);
		n = str_size(v[i]);
		for (u32_t k = 0; k < n; k++)
			buf[*pos + k] = (u8_t)v[i][k];
		*pos += n;
	}
	put_word(buf, w++, 0);
	return w;
}

int exec_frame_build(void *buf, u32_t size, vir_bytes base,
	char *const argv[], char *const envp[],
	const struct exec_auxv *auxv, u32_t nauxv)
{
	int need = exec_frame_size(argv, envp, nauxv);
	u32_t argc = 0, envc = 0, w, pos, i;
	u8_t *b = buf;

	if (need < 0)
		return need;
	if ((u32_t)need != size || base + size < base)
		return -EINVAL;
	while (argv && argv[argc])
		argc++;
	while (envp && envp[envc])
		envc++;
	pos = (1 + argc + 1 + envc + 1 + 2 * (nauxv + 1)) * 4;
	for (i = pos; i < size; i++)
		b[i] = 0;
	put_word(b, 0, argc);
	w = put_vec(b, 1, argv, base, &pos);
	w = put_vec(b, w, envp, base, &pos);
	for (i = 0; i < nauxv; i++) {
		put_word(b, w++, auxv[i].type);
		put_word(b, w++, auxv[i].value);
	}
	put_word(b, w++, AT_NULL);
	put_word(b, w, 0);
	return OK;
}

static u32_t get_word(const u8_t *buf, u32_t idx)
{
	const u8_t *p = buf + idx * 4;

	return p[0] | (p[1] << 8) | (p[2] << 16) | ((u32_t)p[3] << 24);
}

/* A string pointer: inside the frame, past the vectors, NUL-terminated. */
static int check_str(const u8_t *buf, u32_t size, vir_bytes base, u32_t lo,
	u32_t ptr)
{
	u32_t off = ptr - base;

	if (ptr < base || off >= size || off < lo)
		return -EINVAL;
	while (off < size && buf[off])
		off++;
	return off < size ? OK : -EINVAL;
}

/* Walk a NULL-terminated vector from word *w; count its entries. */
static int walk_vec(const u8_t *buf, u32_t words, u32_t *w, u32_t *count)
{
	*count = 0;
	for (;; (*w)++, (*count)++) {
		if (*w >= words)
			return -EINVAL;
		if (get_word(buf, *w) == 0) {
			(*w)++;
			return OK;
		}
	}
}

static int check_vec(const u8_t *buf, u32_t size, vir_bytes base, u32_t first,
	u32_t n, u32_t lo)
{
	for (u32_t i = 0; i < n; i++)
		if (check_str(buf, size, base, lo, get_word(buf, first + i)) != OK)
			return -EINVAL;
	return OK;
}

int exec_frame_parse(const void *buf, u32_t size, vir_bytes base,
	struct exec_frame *f)
{
	const u8_t *b = buf;
	u32_t words, w = 1, n, lo;

	if (size > EXEC_FRAME_MAX)
		size = EXEC_FRAME_MAX;
	words = size / 4;
	if (words < 1 || base + size < base)
		return -EINVAL;
	f->argc = get_word(b, 0);
	f->argv_word = 1;
	if (walk_vec(b, words, &w, &n) != OK || n != f->argc)
		return -EINVAL;
	f->envp_word = w;
	if (walk_vec(b, words, &w, &f->envc) != OK)
		return -EINVAL;
	f->auxv_word = w;
	for (n = 0;; n++, w += 2) {
		if (w + 1 >= words || n > EXEC_AUXV_MAX)
			return -EINVAL;
		if (get_word(b, w) == AT_NULL)
			break;
	}
	f->nauxv = n;
	lo = (w + 2) * 4;
	if (check_vec(b, size, base, f->argv_word, f->argc, lo) != OK ||
	    check_vec(b, size, base, f->envp_word, f->envc, lo) != OK)
		return -EINVAL;
	return OK;
}

u32_t exec_frame_aux(const void *buf, const struct exec_frame *f, u32_t type,
	u32_t dflt)
{
	for (u32_t i = 0; i < f->nauxv; i++)
		if (get_word(buf, f->auxv_word + 2 * i) == type)
			return get_word(buf, f->auxv_word + 2 * i + 1);
	return dflt;
}
