/*
 * test_conf.c - RS's configuration, on the host: a good stanza gives
 * exactly the privileges it lists (calls, IRQs, I/O and memory ranges,
 * flags, IPC targets through the boot map, RS always); each hostile or
 * malformed text is refused with the line and the reason, refusing its
 * whole stanza and nothing else; the boot map refuses bad words.
 */
#include <stdio.h>
#include <CUnit/Basic.h>
#include "../lib/cu_main.h"
#include "conf.h"

static struct rs_conf tab[RS_CONF_MAX];
static char err[RS_CONF_ERR_LEN];

static int parse(const char *text)
{
	return rs_conf_parse(text, strlen(text), tab, RS_CONF_MAX, err, sizeof(err));
}

static int ipc_to(const struct priv_info *pi, int slot)
{
	int id = NR_TASKS + slot;

	return (pi->ipc_to[id / 32] >> (id % 32)) & 1;
}

static void test_good(void)
{
	static const char text[] =
		"# a comment line\n"
		"service tty   # trailing comment\n"
		"\tipc ds vfs\n"
		"\tcalls DIAGCTL SAFECOPYTO DEVIO IRQCTL\n"
		"\tirq 4 3\n"
		"\tio 0x3f8:8 0x2f8:0x8\n"
		"\tmem 0xb8000:0x8000\n"
		"\tflags magic\n"
		"\n"
		"service a b\n"
		"ipc ALL\n"
		"calls\n";
	struct rs_boot map[4] = { { "vfs", 2 }, { "ds", 4 }, { "tty", 5 }, { "a", 6 } };
	const struct rs_conf *c;
	struct priv_info pi;
	int i, n;

	n = parse(text);
	CU_ASSERT_EQUAL(n, 3);
	for (i = 0; i < n; i++)
		CU_ASSERT_FALSE(tab[i].bad);
	c = rs_conf_find(tab, n, "tty");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(rs_conf_priv(c, map, 4, &pi, err, sizeof(err)), OK);
	CU_ASSERT_EQUAL(pi.flags, PF_SYS_PROC | PF_MAGIC);
	CU_ASSERT_EQUAL(pi.calls[0], (1u << KCALL_NR(SYS_DIAGCTL)) |
		(1u << KCALL_NR(SYS_SAFECOPYTO)) | (1u << KCALL_NR(SYS_DEVIO)) |
		(1u << KCALL_NR(SYS_IRQCTL)));
	CU_ASSERT_EQUAL(pi.calls[1], 0);
	CU_ASSERT_EQUAL(pi.irqs, (1u << 4) | (1u << 3));
	CU_ASSERT_EQUAL(pi.io_base[0], 0x3f8);
	CU_ASSERT_EQUAL(pi.io_len[0], 8);
	CU_ASSERT_EQUAL(pi.io_base[1], 0x2f8);
	CU_ASSERT_EQUAL(pi.io_len[2], 0);
	CU_ASSERT_EQUAL(pi.mem_base[0], 0xb8000);
	CU_ASSERT_EQUAL(pi.mem_len[0], 0x8000);
	CU_ASSERT_EQUAL(pi.mem_len[1], 0);
	/* IPC: exactly ds, vfs and RS. */
	for (i = -NR_TASKS; i < NR_PROCS; i++)
		CU_ASSERT_EQUAL(ipc_to(&pi, i), i == 2 || i == 4 || i == RS_PROC_NR);
	/* "service a b" shares one stanza; an empty calls line is none. */
	c = rs_conf_find(tab, n, "b");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(rs_conf_priv(c, map, 4, &pi, err, sizeof(err)), OK);
	CU_ASSERT_EQUAL(pi.flags, PF_SYS_PROC);
	CU_ASSERT_EQUAL(pi.calls[0] | pi.calls[1], 0);
	CU_ASSERT_TRUE(ipc_to(&pi, 200) && ipc_to(&pi, 0) && ipc_to(&pi, -1));
	CU_ASSERT_PTR_NULL(rs_conf_find(tab, n, "c"));
}

/* One hostile stanza between two good ones: only it is refused. */
static const struct {
	const char *body;		/* lines after "service evil\n" */
	const char *why;		/* expected in the reason */
} hostile[] = {
	{ "calls DIAGCTL\n", "lacks ipc or calls" },
	{ "ipc ALL\n", "lacks ipc or calls" },
	{ "ipc ALL\ncalls FROBNICATE\n", "unknown kernel call 'FROBNICATE'" },
	{ "ipc ALL\ncalls sys_diagctl\n", "unknown kernel call" },
	{ "ipc ALL\ncalls DIAGCTL DIAGCTL\n", "call listed twice" },
	{ "ipc ALL\nipc ALL\ncalls\n", "key given twice" },
	{ "ipc ALL ds\ncalls\n", "ALL stands alone" },
	{ "ipc\ncalls\n", "key without values" },
	{ "ipc Ds\ncalls\n", "bad label" },
	{ "ipc ALL\ncalls\nirq 16\n", "bad IRQ line" },
	{ "ipc ALL\ncalls\nirq 0\n", "bad IRQ line" },
	{ "ipc ALL\ncalls\nirq 2\n", "bad IRQ line" },
	{ "ipc ALL\ncalls\nirq -1\n", "bad IRQ line" },
	{ "ipc ALL\ncalls\nirq 4 4\n", "IRQ listed twice" },
	{ "ipc ALL\ncalls\nirq 4294967300\n", "bad IRQ line" },
	{ "ipc ALL\ncalls\nio 0xfff0:0x20\n", "bad I/O range" },
	{ "ipc ALL\ncalls\nio 0x3f8:0\n", "bad I/O range" },
	{ "ipc ALL\ncalls\nio 0:0x10000\n", "bad I/O range" },
	{ "ipc ALL\ncalls\nio 0x3f8\n", "bad I/O range" },
	{ "ipc ALL\ncalls\nio 0x3f8:8x\n", "bad I/O range" },
	{ "ipc ALL\ncalls\nio :8\n", "bad I/O range" },
	{ "ipc ALL\ncalls\nio 0x:8\n", "bad I/O range" },
	{ "ipc ALL\ncalls\nio 1:1 2:1 3:1 4:1 5:1\n", "too many I/O ranges" },
	{ "ipc ALL\ncalls\nmem 0xfffff000:0x2000\n", "bad memory range" },
	{ "ipc ALL\ncalls\nmem 0xb8001:0x1000\n", "bad memory range" },
	{ "ipc ALL\ncalls\nmem 0xb8000:0x100\n", "bad memory range" },
	{ "ipc ALL\ncalls\nmem 0x1000:0x1000 0x2000:0x1000 0x3000:0x1000 "
	  "0x4000:0x1000 0x5000:0x1000\n", "too many memory ranges" },
	{ "ipc ALL\ncalls\nflags root\n", "unknown flag" },
	{ "ipc ALL\ncalls\nflags magic magic\n", "flag listed twice" },
	{ "ipc ALL\ncalls\nflags\n", "key without values" },
	{ "ipc ALL\ncalls\nprivileges all\n", "unknown key 'privileges'" },
	{ "ipc ALL\ncalls\nipc\x01 ALL\n", "control character" },
	{ "ipc a b c d e f g h i j k l m n o p q\ncalls\n", "too many ipc targets" },
	{ "ipc ALL\ncalls DIAGCTL # a comment still counts: "
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", "line too long" },
	{ "ipc ALL\ncalls 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 "
	  "21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 "
	  "42 43 44 45 46 47 48 49\n",
	  "too many words" },
};

static void test_hostile(void)
{
	char text[1024];
	const struct rs_conf *c;
	u32_t i;
	int n;

	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		snprintf(text, sizeof(text),
			"service good1\nipc ALL\ncalls TIMES\n"
			"service evil\n%s"
			"service good2\nipc good1\ncalls\n", hostile[i].body);
		n = parse(text);
		CU_ASSERT_EQUAL(n, 3);
		c = rs_conf_find(tab, n, "evil");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		if (!c->bad || !strstr(c->err, hostile[i].why))
			printf("\n  case %u: bad=%d err='%s' want '%s'\n", i,
				c->bad, c->err, hostile[i].why);
		CU_ASSERT_TRUE(c->bad);
		CU_ASSERT_PTR_NOT_NULL(strstr(c->err, hostile[i].why));
		CU_ASSERT_FALSE(rs_conf_find(tab, n, "good1")->bad);
		CU_ASSERT_FALSE(rs_conf_find(tab, n, "good2")->bad);
	}
}

static void test_structure(void)
{
	char big[(RS_CONF_MAX + 1) * 32 + 1];
	int n, i;

	/* the error names the line */
	n = parse("service a\nipc ALL\ncalls NOPE\n");
	CU_ASSERT_EQUAL(n, 1);
	CU_ASSERT_STRING_EQUAL(tab[0].err, "line 3: unknown kernel call 'NOPE'");
	/* keys before any service: an unnamed refused entry */
	n = parse("calls DIAGCTL\nservice a\nipc ALL\ncalls\n");
	CU_ASSERT_EQUAL(n, 2);
	CU_ASSERT_TRUE(tab[0].bad);
	CU_ASSERT_EQUAL(tab[0].label[0], '\0');
	CU_ASSERT_PTR_NOT_NULL(strstr(tab[0].err, "key outside a service"));
	CU_ASSERT_FALSE(rs_conf_find(tab, n, "a")->bad);
	/* bad labels in the header */
	n = parse("service 9lives\nipc ALL\ncalls\n");
	CU_ASSERT_TRUE(n == 1 && tab[0].bad);
	n = parse("service averyveryverylonglabel\nipc ALL\ncalls\n");
	CU_ASSERT_TRUE(n == 1 && tab[0].bad);
	n = parse("service\nipc ALL\ncalls\n");
	CU_ASSERT_TRUE(n == 1 && tab[0].bad);
	/* a label configured twice: neither stanza is taken */
	n = parse("service a\nipc ALL\ncalls\nservice b a\nipc ALL\ncalls\n");
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_TRUE(tab[0].bad && tab[2].bad);
	CU_ASSERT_FALSE(tab[1].bad);
	/* two VMs */
	n = parse("service a\nipc ALL\ncalls\nflags vm\nservice b\nipc ALL\n"
		"calls\nflags vm\n");
	CU_ASSERT_TRUE(n == 2 && !tab[0].bad && tab[1].bad);
	/* a NUL inside the text is a control character, not an end */
	n = rs_conf_parse("service a\nipc ALL\0\ncalls\n", 22, tab, RS_CONF_MAX,
		err, sizeof(err));
	CU_ASSERT_TRUE(n == 1 && tab[0].bad);
	/* too many labels: the whole text is refused */
	big[0] = '\0';
	for (i = 0; i < RS_CONF_MAX + 1; i++)
		sprintf(big + strlen(big), "service s%d\nipc ALL\ncalls\n", i);
	CU_ASSERT_EQUAL(parse(big), -EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "too many services"));
	/* empty text: nothing */
	CU_ASSERT_EQUAL(parse(""), 0);
	/* a line without a newline at the end */
	n = parse("service a\nipc ALL\ncalls TIMES");
	CU_ASSERT_TRUE(n == 1 && !tab[0].bad && tab[0].calls[0]);
}

static void test_ipc_unbooted(void)
{
	struct rs_boot map[1] = { { "a", 5 } };
	struct priv_info pi;
	int n;

	n = parse("service a\nipc ghost\ncalls\n");
	CU_ASSERT_EQUAL_FATAL(n, 1);
	CU_ASSERT_EQUAL(rs_conf_priv(&tab[0], map, 1, &pi, err, sizeof(err)), -EINVAL);
	CU_ASSERT_STRING_EQUAL(err, "ipc target not booted: ghost");
}

static void test_keep_boot(void)
{
	struct priv_info pi, boot;
	int i;

	memset(&pi, 0, sizeof(pi));
	memset(&boot, 0, sizeof(boot));
	pi.mem_base[0] = 0xb8000, pi.mem_len[0] = 0x1000;
	pi.mem_base[2] = 0xa0000, pi.mem_len[2] = 0x2000;
	boot.mem_base[0] = 0x400000, boot.mem_len[0] = 0x10000;
	CU_ASSERT_EQUAL(rs_priv_keep_boot(&pi, &boot, err, sizeof(err)), OK);
	CU_ASSERT_TRUE(pi.mem_base[0] == 0x400000 && pi.mem_len[0] == 0x10000);
	CU_ASSERT_TRUE(pi.mem_base[1] == 0xb8000 && pi.mem_len[1] == 0x1000);
	CU_ASSERT_TRUE(pi.mem_base[2] == 0xa0000 && pi.mem_len[2] == 0x2000);
	CU_ASSERT_EQUAL(pi.mem_len[3], 0);
	/* nothing from the boot image: the configured ranges unchanged */
	memset(&boot, 0, sizeof(boot));
	CU_ASSERT_EQUAL(rs_priv_keep_boot(&pi, &boot, err, sizeof(err)), OK);
	CU_ASSERT_TRUE(pi.mem_base[0] == 0x400000 && pi.mem_len[2] == 0x2000);
	/* a boot range keeps its index (ram minor = range, kernel/main.c);
	 * the stanza's fill the free ones */
	memset(&pi, 0, sizeof(pi));
	memset(&boot, 0, sizeof(boot));
	pi.mem_base[0] = 0xb8000, pi.mem_len[0] = 0x1000;
	pi.mem_base[1] = 0xa0000, pi.mem_len[1] = 0x2000;
	boot.mem_base[1] = 0x400000, boot.mem_len[1] = 0x10000;
	boot.mem_base[3] = 0x800000, boot.mem_len[3] = 0x3000;
	CU_ASSERT_EQUAL(rs_priv_keep_boot(&pi, &boot, err, sizeof(err)), OK);
	CU_ASSERT_TRUE(pi.mem_base[0] == 0xb8000 && pi.mem_len[0] == 0x1000);
	CU_ASSERT_TRUE(pi.mem_base[1] == 0x400000 && pi.mem_len[1] == 0x10000);
	CU_ASSERT_TRUE(pi.mem_base[2] == 0xa0000 && pi.mem_len[2] == 0x2000);
	CU_ASSERT_TRUE(pi.mem_base[3] == 0x800000 && pi.mem_len[3] == 0x3000);
	/* too many together */
	for (i = 0; i < NR_MEM_RANGES; i++)
		boot.mem_base[i] = 0x1000000 * (i + 1), boot.mem_len[i] = 0x1000;
	CU_ASSERT_EQUAL(rs_priv_keep_boot(&pi, &boot, err, sizeof(err)), -EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "boot image"));
}

static void test_bootmap(void)
{
	struct rs_boot map[RS_BOOT_MAX];

	CU_ASSERT_EQUAL(rs_boot_parse("priv=sys ds=4 tty=5 ping=10", map,
		RS_BOOT_MAX, err, sizeof(err)), 2);
	CU_ASSERT_STRING_EQUAL(map[0].label, "ds");
	CU_ASSERT_EQUAL(map[1].slot, 5);
	CU_ASSERT_EQUAL(rs_boot_parse("", map, RS_BOOT_MAX, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(rs_boot_parse("ds=4 ds=5", map, RS_BOOT_MAX, err,
		sizeof(err)), -EINVAL);
	CU_ASSERT_STRING_EQUAL(err, "ds=5");
	CU_ASSERT_EQUAL(rs_boot_parse("ds=4 tty=4", map, RS_BOOT_MAX, err,
		sizeof(err)), -EINVAL);
	CU_ASSERT_EQUAL(rs_boot_parse("ds=256", map, RS_BOOT_MAX, err,
		sizeof(err)), -EINVAL);
	CU_ASSERT_EQUAL(rs_boot_parse("ds=99999999999", map, RS_BOOT_MAX, err,
		sizeof(err)), -EINVAL);
	CU_ASSERT_EQUAL(rs_boot_parse("ds=", map, RS_BOOT_MAX, err,
		sizeof(err)), -EINVAL);
	CU_ASSERT_EQUAL(rs_boot_parse("ds=4x", map, RS_BOOT_MAX, err,
		sizeof(err)), -EINVAL);
	CU_ASSERT_EQUAL(rs_boot_parse("Ds=4", map, RS_BOOT_MAX, err,
		sizeof(err)), -EINVAL);
	CU_ASSERT_EQUAL(rs_boot_parse("verbose", map, RS_BOOT_MAX, err,
		sizeof(err)), -EINVAL);
	CU_ASSERT_EQUAL(rs_boot_parse("a=1 b=2", map, 1, err, sizeof(err)), -EINVAL);
}

/* The configurations in the tree: boot.conf wholly good; the test suites'
 * text after it good except its one hostile stanza. */
static int parse_files(const char *a, const char *b)
{
	static char text[16384];
	size_t n = 0;
	FILE *f;

	f = fopen(a, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	n = fread(text, 1, sizeof(text), f);
	fclose(f);
	if (b) {
		f = fopen(b, "r");
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		n += fread(text + n, 1, sizeof(text) - n, f);
		fclose(f);
	}
	CU_ASSERT_FATAL(n < sizeof(text));
	return rs_conf_parse(text, (u32_t)n, tab, RS_CONF_MAX, err, sizeof(err));
}

static void test_tree_files(void)
{
	static const char *const boot[] = { "vm", "pm", "vfs", "ds", "tty",
		"memory", "mfs", "pfs" };
	int n, i;

	n = parse_files("servers/rs/boot.conf", NULL);
	CU_ASSERT(n >= 8);
	for (i = 0; i < n; i++) {
		if (tab[i].bad)
			printf("\n  boot.conf: %s: %s\n", tab[i].label, tab[i].err);
		CU_ASSERT_FALSE(tab[i].bad);
	}
	for (i = 0; i < (int)(sizeof(boot) / sizeof(boot[0])); i++)
		CU_ASSERT_PTR_NOT_NULL(rs_conf_find(tab, n, boot[i]));
	CU_ASSERT_EQUAL(rs_conf_find(tab, n, "vm")->flags, PF_VM);
	n = parse_files("servers/rs/boot.conf", "tests/os/rs.conf");
	CU_ASSERT(n > 8);
	for (i = 0; i < n; i++)
		CU_ASSERT_EQUAL(tab[i].bad, !strcmp(tab[i].label, "evil"));
}

static const struct cu_case cases[] = {
	{ "good stanzas give exactly their privileges", test_good },
	{ "hostile stanzas refused alone", test_hostile },
	{ "structure: lines, labels, duplicates, limits", test_structure },
	{ "ipc to a label not booted", test_ipc_unbooted },
	{ "boot map", test_bootmap },
	{ "boot image ranges kept", test_keep_boot },
	{ "the tree's configuration files", test_tree_files },
};

int main(void)
{
	return cu_main("rs_conf", cases, CU_CASES(cases));
}
