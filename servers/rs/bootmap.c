/*
 * bootmap.c - which boot slot runs which label (RS's command line), and
 * the privileges a configuration entry gives the process in its slot.
 *
 * The boot image is trusted as MINIX's boot image table is: the command
 * line names, for each service, the slot the kernel started it in
 * ("ds=4 tty=5 ...").  Everything else about a service's rights comes
 * from its configuration entry (conf.c), and nothing else: the kernel's
 * privilege structure is built from zero, so a service holds exactly what
 * its stanza lists, plus IPC to RS (SEF's replies need it) and
 * PF_SYS_PROC, plus the physical ranges the boot image itself gave it
 * (rs_priv_keep_boot: "image=J" on its module line).
 */
#include "conf.h"

/* a then b into err (size errlen), truncated. */
static void say(char *err, u32_t errlen, const char *a, const char *b)
{
	u32_t k = 0;

	if (!errlen)
		return;
	for (; *a && k + 1 < errlen; a++)
		err[k++] = *a;
	for (; *b && k + 1 < errlen; b++)
		err[k++] = *b;
	err[k] = '\0';
}

/* Word [s, s+len) as "label=slot"? */
static int boot_word(const char *s, u32_t len, struct rs_boot *b)
{
	u32_t i, slot = 0;

	for (i = 0; i < len && s[i] != '='; i++)
		;
	if (i == len || i + 1 == len || !rs_label_ok(s, i))
		return 0;
	memcpy(b->label, s, i);
	b->label[i] = '\0';
	for (i++; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		slot = slot * 10 + (s[i] - '0');
		if (slot >= NR_PROCS)
			return 0;
	}
	b->slot = (int)slot;
	return 1;
}

static int word_is(const char *s, u32_t len, const char *prefix)
{
	u32_t n = strlen(prefix);

	return len >= n && !memcmp(s, prefix, n);
}

int rs_boot_parse(const char *args, struct rs_boot *map, int max, char *err,
	u32_t errlen)
{
	const char *s = args;
	u32_t len;
	int n = 0, i;

	err[0] = '\0';
	for (;;) {
		while (*s == ' ')
			s++;
		if (!*s)
			return n;
		for (len = 0; s[len] && s[len] != ' '; len++)
			;
		if (!(len == 8 && word_is(s, len, "priv=sys")) &&
		    !word_is(s, len, "ping=") && !word_is(s, len, "touch=")) {
			if (n == max || !boot_word(s, len, &map[n]))
				goto bad;
			for (i = 0; i < n; i++)
				if (!strcmp(map[i].label, map[n].label) ||
				    map[i].slot == map[n].slot)
					goto bad;
			n++;
		}
		s += len;
	}
bad:
	for (i = 0; i + 1 < (int)errlen && (u32_t)i < len; i++)
		err[i] = s[i];
	err[i] = '\0';
	return -EINVAL;
}

int rs_conf_priv(const struct rs_conf *c, const struct rs_boot *map, int n,
	struct priv_info *pi, char *err, u32_t errlen)
{
	int i, j, id;

	memset(pi, 0, sizeof(*pi));
	pi->flags = PF_SYS_PROC | c->flags;
	pi->ipc_ops = ~0u;
	for (i = 0; i < KCALL_WORDS; i++)
		pi->calls[i] = c->calls[i];
	pi->irqs = c->irqs;
	for (i = 0; i < c->nr_io; i++) {
		pi->io_base[i] = c->io_base[i];
		pi->io_len[i] = c->io_len[i];
	}
	for (i = 0; i < c->nr_mem; i++) {
		pi->mem_base[i] = c->mem_base[i];
		pi->mem_len[i] = c->mem_len[i];
	}
	if (c->ipc_all) {
		for (i = 0; i < NR_SYS_IDS; i++)
			pi->ipc_to[i / 32] |= 1u << (i % 32);
		return OK;
	}
	id = NR_TASKS + RS_PROC_NR;
	pi->ipc_to[id / 32] |= 1u << (id % 32);
	for (i = 0; i < c->nr_ipc; i++) {
		for (j = 0; j < n && strcmp(map[j].label, c->ipc[i]); j++)
			;
		if (j == n) {
			say(err, errlen, "ipc target not booted: ", c->ipc[i]);
			return -EINVAL;
		}
		id = NR_TASKS + map[j].slot;
		pi->ipc_to[id / 32] |= 1u << (id % 32);
	}
	return OK;
}

int rs_priv_keep_boot(struct priv_info *pi, const struct priv_info *boot,
	char *err, u32_t errlen)
{
	phys_bytes base[NR_MEM_RANGES];
	u32_t len[NR_MEM_RANGES];
	int i, n = 0;

	/* A boot range keeps its index (range i is the driver's "image<i>=",
	 * kernel/main.c); the stanza's fill the free ones in order. */
	for (i = 0; i < NR_MEM_RANGES; i++) {
		base[i] = boot->mem_base[i];
		len[i] = boot->mem_len[i];
	}
	for (i = 0; i < NR_MEM_RANGES; i++)
		if (pi->mem_len[i]) {
			while (n < NR_MEM_RANGES && len[n])
				n++;
			if (n == NR_MEM_RANGES) {
				say(err, errlen, "too many memory ranges with "
					"the boot image's", "");
				return -EINVAL;
			}
			base[n] = pi->mem_base[i];
			len[n] = pi->mem_len[i];
		}
	for (i = 0; i < NR_MEM_RANGES; i++) {
		pi->mem_base[i] = len[i] ? base[i] : 0;
		pi->mem_len[i] = len[i];
	}
	return OK;
}
