/*
 * commands/sh/input.c - where the shell's bytes come from.
 *
 * A stack of inputs: the script or terminal at the bottom, strings for
 * -c, eval, traps and command substitution on top, files for ".".  Reading
 * the shell's own standard input goes one byte at a time, so a command the
 * shell starts (`read`, `head -n1`) finds the rest of the input where the
 * shell stopped (POSIX asks this of a shell reading commands from stdin);
 * other files are read in blocks.  On a terminal the prompt (PS1, or PS2
 * for a continuation line) is written to stderr before each line; with
 * set -v every byte read is echoed there too.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct input {
	struct input *prev;
	int fd;			/* -1: a string */
	const char *str;
	size_t len, pos;
	char buf[1024];
	size_t bpos, blen;
	int bytewise, interactive, lineno, eof, interrupted;
	int push[4], npush;
	int atline;		/* the next byte starts a line */
};

static struct input *in_top;
static int in_prompt = 1;

static struct input *in_new(void)
{
	struct input *in = xmalloc(sizeof(*in));

	memset(in, 0, sizeof(*in));
	in->lineno = 1;
	in->atline = 1;
	in->prev = in_top;
	in_top = in;
	return in;
}

/* Read commands from fd (the shell's stdin, a script or a "." file). */
struct input *in_push_fd(int fd, int interactive)
{
	struct input *in = in_new();

	in->fd = fd;
	in->bytewise = (fd == 0);
	in->interactive = interactive;
	return in;
}

/* Read commands from n bytes at s (not copied: must outlive the input). */
struct input *in_push_string(const char *s, size_t n)
{
	struct input *in = in_new();

	in->fd = -1;
	in->str = s;
	in->len = n;
	if (in->prev)
		in->lineno = in->prev->lineno;
	return in;
}

void in_pop(void)
{
	struct input *in = in_top;

	if (in) {
		in_top = in->prev;
		free(in);
	}
}

void in_set_prompt(int which)
{
	in_prompt = which;
}

int in_lineno(void)
{
	return in_top ? in_top->lineno : 0;
}

int in_interrupted(void)
{
	return in_top && in_top->interrupted;
}

void in_clear_interrupt(void)
{
	if (in_top)
		in_top->interrupted = 0;
}

static void in_show_prompt(void)
{
	const char *p = var_get(in_prompt == 2 ? "PS2" : "PS1");

	if (p && write(2, p, strlen(p)) < 0)
		return;
	in_prompt = 2;
}

static int in_fill(struct input *in)
{
	ssize_t r;
	size_t want = in->bytewise ? 1 : sizeof(in->buf);

	if (in->interactive && in->atline)
		in_show_prompt();
	for (;;) {
		r = read(in->fd, in->buf, want);
		if (r >= 0)
			break;
		if (errno == EINTR && in->interactive) {
			in->interrupted = 1;
			in->atline = 1;
			in_prompt = 1;
			if (write(2, "\n", 1) < 0)
				return -1;
			return -1;
		}
		if (errno != EINTR)
			return -1;
	}
	if (r == 0) {
		in->eof = 1;
		return -1;
	}
	in->bpos = 0;
	in->blen = (size_t)r;
	return 0;
}

int in_getc(void)
{
	struct input *in = in_top;
	int c;

	if (!in)
		return -1;
	if (in->npush) {
		c = in->push[--in->npush];
		if (c == '\n')
			in->lineno++;
		return c;
	}
	if (in->fd < 0) {
		if (in->pos >= in->len)
			return -1;
		c = (unsigned char)in->str[in->pos++];
	} else {
		if (in->bpos >= in->blen && (in->eof || in_fill(in) < 0))
			return -1;
		c = (unsigned char)in->buf[in->bpos++];
	}
	in->atline = (c == '\n');
	if (c == '\n')
		in->lineno++;
	if (sh.opt[OPT_V]) {
		char ch = (char)c;

		if (write(2, &ch, 1) < 0)
			return c;
	}
	return c;
}

void in_ungetc(int c)
{
	if (c < 0 || !in_top || in_top->npush >= 4)
		return;
	in_top->push[in_top->npush++] = c;
	if (c == '\n')
		in_top->lineno--;
}
