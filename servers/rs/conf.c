/*
 * conf.c - RS's configuration text, parsed and checked strictly.
 *
 * The format is in mica/rs.h.  Line by line: a "service" line opens a
 * stanza for one or more labels, key lines fill it, the next "service" or
 * the end closes it (then "ipc" and "calls" must have been seen).  The
 * first error in a stanza refuses the whole stanza (every label of it),
 * keeping the line and the reason; the parser skips to the next "service".
 * Nothing here trusts the text: lines are bounded, numbers overflow-checked,
 * ranges checked for wrap and against the kernel's limits, names looked up
 * in tables.  Cross-stanza rules (a label configured twice, a second
 * PF_VM service) are checked once the text is read.
 */
#include "conf.h"

#define KEY_IPC   0x01
#define KEY_CALLS 0x02
#define KEY_IRQ   0x04
#define KEY_IO    0x08
#define KEY_MEM   0x10
#define KEY_FLAGS 0x20

#define MAX_TOKENS 48
#define IRQ_LINES  16		/* the 8259 pair; 0 is the clock, 2 the cascade */

struct tok {
	const char *s;
	u32_t len;
};

/* The kernel calls a configuration may name (com.h), SYS_ dropped. */
static const struct {
	const char *name;
	int nr;
} call_names[] = {
#define C(x) { #x, SYS_##x }
	C(DIAGCTL), C(FORK), C(EXEC), C(CLEAR), C(EXIT), C(MEMMAP), C(UNMAP),
	C(SETGRANT), C(SAFECOPYFROM), C(SAFECOPYTO), C(IRQCTL), C(DEVIO),
	C(SETALARM), C(TIMES), C(KILL), C(GETKSIG), C(UPDATE), C(GETINFO),
	C(SCHEDCTL), C(VMCTL), C(RUNCTL), C(ENDKSIG), C(SIGSEND),
	C(SIGRETURN), C(VMSHARE), C(VMPROT), C(VMREPLACE), C(PHYSMAP),
	C(CONTIGALLOC), C(UMAP), C(VMQUERY), C(CLEARREFS), C(SIGMGR), C(HOLD),
	C(PRIVCTL), C(STIME),
#undef C
};

static const struct {
	const char *name;
	u32_t flag;
} flag_names[] = {
	{ "magic", PF_MAGIC }, { "vm", PF_VM }, { "sigmgr", PF_SIG_MGR },
};

static int tok_is(const struct tok *t, const char *w)
{
	u32_t n = strlen(w);

	return t->len == n && !memcmp(t->s, w, n);
}

/* Append s (at most n bytes, n < 0: all) to buf of size size. */
static void add(char *buf, u32_t size, const char *s, int n)
{
	u32_t at = strlen(buf);

	while (at + 1 < size && *s && n--)
		buf[at++] = *s++;
	buf[at] = '\0';
}

static void add_uint(char *buf, u32_t size, u32_t v)
{
	char d[12];
	int i = sizeof(d) - 1;

	d[i] = '\0';
	do {
		d[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	add(buf, size, d + i, -1);
}

/* "line N: why[ 'tok']" into buf. */
static void say(char *buf, u32_t size, u32_t line, const char *why,
	const struct tok *t)
{
	buf[0] = '\0';
	add(buf, size, "line ", -1);
	add_uint(buf, size, line);
	add(buf, size, ": ", -1);
	add(buf, size, why, -1);
	if (t) {
		add(buf, size, " '", -1);
		add(buf, size, t->s, t->len > 20 ? 20 : (int)t->len);
		add(buf, size, "'", -1);
	}
}

int rs_label_ok(const char *s, u32_t len)
{
	u32_t i;

	if (len == 0 || len >= RS_LABEL_LEN || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* Decimal or 0x hex, the whole token, no overflow. */
static int parse_u32(const char *s, u32_t len, u32_t *v)
{
	u32_t base = 10, i = 0, d;
	u64_t x = 0;

	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, i = 2;
	if (i == len)
		return 0;
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (base == 16 && s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (base == 16 && s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return 0;
		x = x * base + d;
		if (x > 0xffffffffu)
			return 0;
	}
	*v = (u32_t)x;
	return 1;
}

/* "BASE:LEN" with LEN > 0 and BASE + LEN not past limit (a u64 bound). */
static int parse_range(const struct tok *t, u64_t limit, u32_t *base, u32_t *len)
{
	u32_t i;

	for (i = 0; i < t->len && t->s[i] != ':'; i++)
		;
	if (i == t->len || !parse_u32(t->s, i, base) ||
	    !parse_u32(t->s + i + 1, t->len - i - 1, len) || *len == 0)
		return 0;
	return (u64_t)*base + *len <= limit;
}

/* One key line of a stanza into c; NULL or the reason it is refused. */
static const char *key_line(struct rs_conf *c, struct tok *t, int n,
	const struct tok **bad)
{
	u32_t key, v, b, l;
	int i, k;

	if (tok_is(&t[0], "ipc"))
		key = KEY_IPC;
	else if (tok_is(&t[0], "calls"))
		key = KEY_CALLS;
	else if (tok_is(&t[0], "irq"))
		key = KEY_IRQ;
	else if (tok_is(&t[0], "io"))
		key = KEY_IO;
	else if (tok_is(&t[0], "mem"))
		key = KEY_MEM;
	else if (tok_is(&t[0], "flags"))
		key = KEY_FLAGS;
	else
		return *bad = &t[0], "unknown key";
	if (c->seen & key)
		return *bad = &t[0], "key given twice";
	c->seen |= key;
	for (i = 1; i < n; i++) {
		*bad = &t[i];
		switch (key) {
		case KEY_IPC:
			if (tok_is(&t[i], "ALL")) {
				if (n != 2)
					return "ALL stands alone";
				c->ipc_all = 1;
				break;
			}
			if (!rs_label_ok(t[i].s, t[i].len))
				return "bad label";
			if (c->nr_ipc == RS_CONF_IPC_MAX)
				return "too many ipc targets";
			memcpy(c->ipc[c->nr_ipc], t[i].s, t[i].len);
			c->ipc[c->nr_ipc++][t[i].len] = '\0';
			break;
		case KEY_CALLS:
			for (k = 0; k < (int)(sizeof(call_names) / sizeof(call_names[0])); k++)
				if (tok_is(&t[i], call_names[k].name))
					break;
			if (k == (int)(sizeof(call_names) / sizeof(call_names[0])))
				return "unknown kernel call";
			if (PRIV_CALL_ISSET(c, KCALL_NR(call_names[k].nr)))
				return "call listed twice";
			PRIV_CALL_SET(c, KCALL_NR(call_names[k].nr));
			break;
		case KEY_IRQ:
			if (!parse_u32(t[i].s, t[i].len, &v) || v >= IRQ_LINES ||
			    v == 0 || v == 2)
				return "bad IRQ line";
			if (c->irqs & (1u << v))
				return "IRQ listed twice";
			c->irqs |= 1u << v;
			break;
		case KEY_IO:
			if (!parse_range(&t[i], 0x10000, &b, &l) || l > 0xffff)
				return "bad I/O range";	/* lengths are 16-bit */
			if (c->nr_io == NR_IO_RANGES)
				return "too many I/O ranges";
			c->io_base[c->nr_io] = (u16_t)b;
			c->io_len[c->nr_io++] = (u16_t)l;
			break;
		case KEY_MEM:
			if (!parse_range(&t[i], 0x100000000ull, &b, &l) ||
			    b % PAGE_SIZE || l % PAGE_SIZE)
				return "bad memory range";
			if (c->nr_mem == NR_MEM_RANGES)
				return "too many memory ranges";
			c->mem_base[c->nr_mem] = b;
			c->mem_len[c->nr_mem++] = l;
			break;
		case KEY_FLAGS:
			for (k = 0; k < (int)(sizeof(flag_names) / sizeof(flag_names[0])); k++)
				if (tok_is(&t[i], flag_names[k].name))
					break;
			if (k == (int)(sizeof(flag_names) / sizeof(flag_names[0])))
				return "unknown flag";
			if (c->flags & flag_names[k].flag)
				return "flag listed twice";
			c->flags |= flag_names[k].flag;
			break;
		}
	}
	*bad = NULL;
	if (key != KEY_CALLS && n == 1)		/* "calls" alone: none */
		return *bad = &t[0], "key without values";
	return NULL;
}

/* Split one line (comment removed) into tokens; -1 if too many. */
static int tokens(const char *s, u32_t len, struct tok *t)
{
	u32_t i = 0, start;
	int n = 0;

	for (;;) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i == len || s[i] == '#')
			return n;
		if (n == MAX_TOKENS)
			return -1;
		start = i;
		while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '#')
			i++;
		t[n].s = s + start;
		t[n++].len = i - start;
	}
}

/* Refuse entries [first, n) (the open stanza) with the reason. */
static void refuse(struct rs_conf *tab, int first, int n, u32_t line,
	const char *why, const struct tok *t)
{
	int i;

	for (i = first; i < n; i++) {
		if (tab[i].bad)
			continue;
		tab[i].bad = 1;
		say(tab[i].err, sizeof(tab[i].err), line, why, t);
	}
}

/* Close the stanza [first, n) opened at line: required keys, then copy
 * the first entry's settings to the stanza's other labels. */
static void close_stanza(struct rs_conf *tab, int first, int n, u32_t line)
{
	int i;

	if (first >= n || tab[first].bad)
		return;
	if ((tab[first].seen & (KEY_IPC | KEY_CALLS)) != (KEY_IPC | KEY_CALLS)) {
		refuse(tab, first, n, line, "stanza lacks ipc or calls", NULL);
		return;
	}
	for (i = first + 1; i < n; i++) {
		char label[RS_LABEL_LEN];

		memcpy(label, tab[i].label, sizeof(label));
		tab[i] = tab[first];
		memcpy(tab[i].label, label, sizeof(label));
	}
}

int rs_conf_parse(const char *text, u32_t len, struct rs_conf *tab, int max,
	char *err, u32_t errlen)
{
	struct tok t[MAX_TOKENS];
	const struct tok *badtok;
	const char *why;
	u32_t pos = 0, end, line = 0, open_line = 0;
	int n = 0, first = 0, k, i, j;

	err[0] = '\0';
	while (pos < len) {
		for (end = pos; end < len && text[end] != '\n'; end++)
			;
		line++;
		badtok = NULL;
		why = NULL;
		for (i = pos; i < (int)end; i++)
			if ((unsigned char)text[i] < 0x20 && text[i] != '\t' &&
			    text[i] != '\r')
				why = "control character";
		if (!why && end - pos > RS_CONF_LINE_MAX)
			why = "line too long";
		k = why ? 0 : tokens(text + pos, end - pos, t);
		if (k < 0)
			why = "too many words";
		pos = end + 1;
		if (!why && k > 0 && tok_is(&t[0], "service")) {
			close_stanza(tab, first, n, open_line);
			first = n;
			open_line = line;
			if (k == 1) {
				why = "service without a label";
			}
			for (i = 1; i < k && !why; i++) {
				if (n == max) {
					say(err, errlen, line, "too many services", NULL);
					return -EINVAL;
				}
				memset(&tab[n], 0, sizeof(tab[n]));
				if (!rs_label_ok(t[i].s, t[i].len)) {
					why = "bad label", badtok = &t[i];
					continue;
				}
				memcpy(tab[n].label, t[i].s, t[i].len);
				tab[n++].label[t[i].len] = '\0';
			}
			if (why && first == n) {	/* nothing to hang the error on */
				if (n == max) {
					say(err, errlen, line, "too many services", NULL);
					return -EINVAL;
				}
				memset(&tab[n++], 0, sizeof(tab[0]));
			}
		} else if (!why && k > 0) {
			if (first == n)
				why = "key outside a service", badtok = &t[0];
			else if (!tab[first].bad)
				why = key_line(&tab[first], t, k, &badtok);
		}
		if (why) {
			if (first == n) {		/* outside any stanza */
				if (n == max) {
					say(err, errlen, line, "too many services", NULL);
					return -EINVAL;
				}
				memset(&tab[n], 0, sizeof(tab[n]));
				first = n++;
			}
			refuse(tab, first, n, line, why, badtok);
		}
	}
	close_stanza(tab, first, n, open_line);
	/* Cross-stanza rules: one entry per label, one VM. */
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && tab[i].label[0]; j++)
			if (!strcmp(tab[i].label, tab[j].label)) {
				/* ambiguous: neither stanza is taken */
				tab[i].bad = tab[j].bad = 1;
				say(tab[i].err, sizeof(tab[i].err), 0,
					"label configured twice", NULL);
				say(tab[j].err, sizeof(tab[j].err), 0,
					"label configured twice", NULL);
			}
		for (j = 0; j < i; j++)
			if (!tab[i].bad && !tab[j].bad &&
			    (tab[i].flags & tab[j].flags & PF_VM)) {
				tab[i].bad = 1;
				say(tab[i].err, sizeof(tab[i].err), 0,
					"a second vm service", NULL);
			}
	}
	return n;
}

const struct rs_conf *rs_conf_find(const struct rs_conf *tab, int n,
	const char *label)
{
	int i;

	for (i = 0; i < n; i++)
		if (tab[i].label[0] && !strcmp(tab[i].label, label))
			return &tab[i];
	return NULL;
}
