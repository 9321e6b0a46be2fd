/*
 * test_vtree.c - CUnit tests of lib/libvtreefs on the host: the tree
 * (add, find, remove, pool limits, inode numbers and generations), the
 * fsdriver table driven directly with plain-memory buffers (lookup with
 * refresh, listings resumed across changes and in tiny buffers, reads as
 * slices of one generation, detached nodes held by references, links),
 * and hostile arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <CUnit/Basic.h>

#include <mica/dirent.h>
#include <mica/fsdriver_host.h>
#include <mica/vtreefs.h>
#include "../lib/cu_main.h"

#define POOL 16

static struct vtree_node pool[POOL];
static const struct fsdriver *t = &vtree_table;

/* ---- a small world the callbacks describe --------------------------- */

static int world_pids[8], world_n;	/* the directories refresh makes */
static int refreshes, generations;
static int gen_err;			/* vt_generate's answer if not 0 */

static int gen_text(struct vtree_node *n, struct vtree_buf *b)
{
	generations++;
	if (gen_err)
		return gen_err;
	vtree_printf(b, "%s gen %d\n", vtree_name(n), generations);
	return OK;
}

static int gen_big(struct vtree_node *n, struct vtree_buf *b)
{
	(void)n;
	generations++;
	for (int i = 0; i < 5000; i++)	/* more than VTREE_BUF_MAX */
		vtree_printf(b, "%04d\n", i);
	return OK;
}

static int gen_nul(struct vtree_node *n, struct vtree_buf *b)
{
	(void)n;
	vtree_put(b, "a\0bc\0", 5);
	return OK;
}

static int gen_link(struct vtree_node *n, struct vtree_buf *b)
{
	(void)n;
	vtree_printf(b, "%d", world_pids[0]);
	return OK;
}

static const struct vtree_ops file_ops = { NULL, gen_text };
static const struct vtree_ops big_ops = { NULL, gen_big };
static const struct vtree_ops nul_ops = { NULL, gen_nul };
static const struct vtree_ops link_ops = { NULL, gen_link };

/* The root's children: one directory per world pid, each with a file
 * "status"; stale ones removed, new ones added. */
static int root_refresh(struct vtree_node *dir)
{
	struct vtree_node *c, *next, *d;
	char name[16];

	refreshes++;
	for (c = vtree_first(dir); c; c = next) {
		int keep = 0;

		next = vtree_next(c);
		if (!S_ISDIR(c->vn_mode))
			continue;
		for (int i = 0; i < world_n; i++)
			if (atoi(vtree_name(c)) == world_pids[i])
				keep = 1;
		if (!keep)
			vtree_remove(c);
	}
	for (int i = 0; i < world_n; i++) {
		snprintf(name, sizeof(name), "%d", world_pids[i]);
		if (vtree_find(dir, name))
			continue;
		if (vtree_add(dir, name, S_IFDIR | 0555, NULL, NULL, &d) != OK)
			return -ENOSPC;
		(void)vtree_add(d, "status", S_IFREG | 0444, &file_ops, NULL,
		    NULL);
	}
	return OK;
}

static const struct vtree_ops root_ops = { root_refresh, NULL };

static struct fsdriver_node root_node;

static void setup(void)
{
	unsigned int res = 0;

	world_n = 0;
	refreshes = generations = gen_err = 0;
	CU_ASSERT_PTR_NOT_NULL_FATAL(vtree_init(pool, POOL, 0555, &root_ops,
	    NULL));
	CU_ASSERT_EQUAL(t->fdr_mount(1, 0, &root_node, &res), OK);
	CU_ASSERT(res & FSDRIVER_RES_RDONLY);
	CU_ASSERT(S_ISDIR(root_node.fn_mode));
}

static ssize_t rd(ino_t ino, char *buf, size_t n, off_t pos)
{
	struct fsdriver_data d;

	fsdriver_data_mem(&d, buf, n);
	return t->fdr_read(ino, &d, n, pos);
}

/* List dir with buffers of 'bufsz' bytes; names joined by ',' in out. */
static int list(ino_t dir, size_t bufsz, char *out, size_t outsz)
{
	char buf[4096];
	struct fsdriver_data d;
	off_t pos = 0;
	ssize_t n;

	out[0] = '\0';
	for (int calls = 0; calls < 100; calls++) {
		fsdriver_data_mem(&d, buf, bufsz);
		n = t->fdr_getdents(dir, &d, bufsz, &pos);
		if (n <= 0)
			return (int)n;
		for (ssize_t off = 0; off < n;) {
			struct mica_dirent *e = (struct mica_dirent *)(buf + off);

			strncat(out, e->d_name, outsz - strlen(out) - 2);
			strcat(out, ",");
			off += e->d_reclen;
		}
	}
	return -1;
}

/* ---- tests ------------------------------------------------------------ */

static void t_tree_basics(void)
{
	struct vtree_node *r, *a, *b;

	setup();
	r = vtree_root();
	CU_ASSERT_EQUAL(vtree_add(r, "a", S_IFREG | 0444, &file_ops, NULL, &a),
	    OK);
	CU_ASSERT_EQUAL(vtree_add(r, "a", S_IFREG | 0444, NULL, NULL, NULL),
	    -EEXIST);
	CU_ASSERT_EQUAL(vtree_add(a, "x", S_IFREG | 0444, NULL, NULL, NULL),
	    -ENOTDIR);
	CU_ASSERT_EQUAL(vtree_add(r, "", S_IFREG, NULL, NULL, NULL), -EINVAL);
	CU_ASSERT_EQUAL(vtree_add(r, "..", S_IFDIR, NULL, NULL, NULL), -EINVAL);
	CU_ASSERT_EQUAL(vtree_add(r, "a/b", S_IFREG, NULL, NULL, NULL),
	    -EINVAL);
	CU_ASSERT_EQUAL(vtree_add(r, "0123456789012345678901234567890123",
	    S_IFREG, NULL, NULL, NULL), -EINVAL);
	CU_ASSERT_EQUAL(vtree_add(r, "fifo", S_IFIFO | 0444, NULL, NULL, NULL),
	    -EINVAL);
	CU_ASSERT_EQUAL(vtree_add(r, "b", S_IFDIR | 0555, NULL, NULL, &b), OK);
	CU_ASSERT_PTR_EQUAL(vtree_find(r, "b"), b);
	CU_ASSERT_PTR_EQUAL(vtree_first(r), a);
	CU_ASSERT_PTR_EQUAL(vtree_next(a), b);
	CU_ASSERT_PTR_NULL(vtree_next(b));
	CU_ASSERT_PTR_EQUAL(vtree_parent(b), r);
	CU_ASSERT_EQUAL(vtree_used(), 3);
	vtree_remove(a);
	CU_ASSERT_PTR_NULL(vtree_find(r, "a"));
	CU_ASSERT_PTR_EQUAL(vtree_first(r), b);
	CU_ASSERT_EQUAL(vtree_used(), 2);
	vtree_remove(r);		/* the root stays */
	CU_ASSERT_EQUAL(vtree_used(), 2);
	CU_ASSERT_PTR_NULL(vtree_init(pool, 0, 0555, NULL, NULL));
	CU_ASSERT_PTR_NULL(vtree_init(pool, 70000, 0555, NULL, NULL));
	CU_ASSERT_PTR_NOT_NULL(vtree_init(pool, POOL, 0555, NULL, NULL));
}

static void t_pool_full(void)
{
	struct vtree_node *r;
	char name[16];
	int i, r2 = OK;

	setup();
	r = vtree_root();
	for (i = 0; i < POOL + 2 && r2 == OK; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		r2 = vtree_add(r, name, S_IFREG | 0444, &file_ops, NULL, NULL);
	}
	CU_ASSERT_EQUAL(r2, -ENOSPC);
	CU_ASSERT_EQUAL(vtree_used(), POOL);
	vtree_remove(vtree_find(r, "f0"));
	CU_ASSERT_EQUAL(vtree_add(r, "again", S_IFREG | 0444, NULL, NULL,
	    NULL), OK);
}

static void t_lookup_refresh(void)
{
	struct fsdriver_node n, s, up;

	setup();
	world_pids[0] = 12;
	world_n = 1;
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "12", &n), OK);
	CU_ASSERT_EQUAL(refreshes, 1);
	CU_ASSERT(S_ISDIR(n.fn_mode));
	CU_ASSERT_EQUAL(t->fdr_lookup(n.fn_ino_nr, "status", &s), OK);
	CU_ASSERT(S_ISREG(s.fn_mode));
	CU_ASSERT_EQUAL(s.fn_size, 0);
	CU_ASSERT_EQUAL(t->fdr_lookup(n.fn_ino_nr, "..", &up), OK);
	CU_ASSERT_EQUAL(up.fn_ino_nr, root_node.fn_ino_nr);
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "..", &up), OK);
	CU_ASSERT_EQUAL(up.fn_ino_nr, root_node.fn_ino_nr);
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "99999", &up),
	    -ENOENT);
	CU_ASSERT_EQUAL(t->fdr_lookup(s.fn_ino_nr, "x", &up), -ENOTDIR);
	CU_ASSERT_EQUAL(t->fdr_lookup(0, "x", &up), -EINVAL);
	CU_ASSERT_EQUAL(t->fdr_lookup(123456789, "x", &up), -EINVAL);
	CU_ASSERT_EQUAL(t->fdr_putnode(up.fn_ino_nr, 3), OK);	/* root x3 */
	CU_ASSERT_EQUAL(t->fdr_putnode(s.fn_ino_nr, 2), -EINVAL);
	CU_ASSERT_EQUAL(t->fdr_putnode(s.fn_ino_nr, 0), -EINVAL);
	CU_ASSERT_EQUAL(t->fdr_putnode(s.fn_ino_nr, 1), OK);
	CU_ASSERT_EQUAL(t->fdr_putnode(s.fn_ino_nr, 1), -EINVAL);
}

/* A directory that goes away while held: detached, then freed, and its
 * inode number never names the slot's next node. */
static void t_detached(void)
{
	struct fsdriver_node d, s, x;
	struct stat st;
	char buf[64];
	unsigned int before;

	setup();
	world_pids[0] = 7;
	world_n = 1;
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "7", &d), OK);
	CU_ASSERT_EQUAL(t->fdr_lookup(d.fn_ino_nr, "status", &s), OK);
	CU_ASSERT(rd(s.fn_ino_nr, buf, sizeof(buf), 0) > 0);
	before = vtree_used();
	world_n = 0;			/* the process is reaped */
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "7", &x), -ENOENT);
	CU_ASSERT_EQUAL(vtree_used(), before);	/* both still held */
	CU_ASSERT_EQUAL(rd(s.fn_ino_nr, buf, sizeof(buf), 0), -ENOENT);
	CU_ASSERT_EQUAL(rd(s.fn_ino_nr, buf, sizeof(buf), 3), -ENOENT);
	CU_ASSERT_EQUAL(t->fdr_lookup(d.fn_ino_nr, "status", &x), -ENOENT);
	CU_ASSERT_EQUAL(t->fdr_lookup(d.fn_ino_nr, "..", &x), -ENOENT);
	memset(&st, 0, sizeof(st));
	CU_ASSERT_EQUAL(t->fdr_stat(s.fn_ino_nr, &st), OK);
	CU_ASSERT(S_ISREG(st.st_mode));
	CU_ASSERT_EQUAL(t->fdr_putnode(s.fn_ino_nr, 1), OK);
	CU_ASSERT_EQUAL(vtree_used(), before - 1);
	CU_ASSERT_EQUAL(t->fdr_putnode(d.fn_ino_nr, 1), OK);
	CU_ASSERT_EQUAL(vtree_used(), before - 2);
	/* the same pid again: new nodes, maybe in the same slots, never the
	 * same numbers */
	world_n = 1;
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "7", &x), OK);
	CU_ASSERT_NOT_EQUAL(x.fn_ino_nr, d.fn_ino_nr);
	CU_ASSERT_NOT_EQUAL(x.fn_ino_nr, s.fn_ino_nr);
	CU_ASSERT_EQUAL(t->fdr_stat(d.fn_ino_nr, &st), -EINVAL);
	CU_ASSERT_EQUAL(t->fdr_putnode(d.fn_ino_nr, 1), -EINVAL);
}

static void t_getdents(void)
{
	char names[512];
	int bs;

	setup();
	world_pids[0] = 1; world_pids[1] = 22; world_pids[2] = 333;
	world_n = 3;
	CU_ASSERT_EQUAL(list(root_node.fn_ino_nr, 4096, names, sizeof(names)),
	    0);
	CU_ASSERT_STRING_EQUAL(names, ".,..,1,22,333,");
	/* every buffer size from one record up gives the same listing */
	for (bs = 24; bs <= 200; bs += 8) {
		CU_ASSERT_EQUAL(list(root_node.fn_ino_nr, (size_t)bs, names,
		    sizeof(names)), 0);
		CU_ASSERT_STRING_EQUAL(names, ".,..,1,22,333,");
	}
	/* too small for any record */
	{
		char buf[16];
		struct fsdriver_data d;
		off_t pos = 0;

		fsdriver_data_mem(&d, buf, sizeof(buf));
		CU_ASSERT_EQUAL(t->fdr_getdents(root_node.fn_ino_nr, &d,
		    sizeof(buf), &pos), -EINVAL);
		pos = -5;
		CU_ASSERT_EQUAL(t->fdr_getdents(root_node.fn_ino_nr, &d,
		    sizeof(buf), &pos), -EINVAL);
	}
}

/* A listing in several calls while entries come and go: the ones that
 * stayed are listed once each, in order. */
static void t_getdents_changes(void)
{
	char buf[40];			/* one 24-byte record a call */
	struct fsdriver_data d;
	struct mica_dirent *e;
	off_t pos = 0;
	char seen[256] = "";
	ssize_t n;

	setup();
	world_pids[0] = 1; world_pids[1] = 2; world_pids[2] = 3;
	world_pids[3] = 4;
	world_n = 4;
	for (int call = 0; call < 20; call++) {
		fsdriver_data_mem(&d, buf, sizeof(buf));
		n = t->fdr_getdents(root_node.fn_ino_nr, &d, sizeof(buf), &pos);
		CU_ASSERT(n >= 0);
		if (n <= 0)
			break;
		e = (struct mica_dirent *)buf;	/* one record a call */
		strcat(seen, e->d_name);
		strcat(seen, ",");
		if (strcmp(e->d_name, "2") == 0) {
			/* 1 and 3 go, 5 comes; a lookup refreshes */
			struct fsdriver_node x;

			world_pids[0] = 2; world_pids[1] = 4;
			world_pids[2] = 5;
			world_n = 3;
			CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "5",
			    &x), OK);
		}
	}
	CU_ASSERT_STRING_EQUAL(seen, ".,..,1,2,4,5,");
}

static void t_read_slices(void)
{
	struct fsdriver_node d, s;
	char a[64], b[64];
	ssize_t n;

	setup();
	world_pids[0] = 5;
	world_n = 1;
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "5", &d), OK);
	CU_ASSERT_EQUAL(t->fdr_lookup(d.fn_ino_nr, "status", &s), OK);
	n = rd(s.fn_ino_nr, a, sizeof(a), 0);
	CU_ASSERT_EQUAL(n, (ssize_t)strlen("status gen 1\n"));
	CU_ASSERT_EQUAL(memcmp(a, "status gen 1\n", (size_t)n), 0);
	/* later positions: the same generation, byte by byte */
	for (int i = 1; i < n; i++) {
		CU_ASSERT_EQUAL(rd(s.fn_ino_nr, b, 1, i), 1);
		CU_ASSERT_EQUAL(b[0], a[i]);
	}
	CU_ASSERT_EQUAL(generations, 1);
	CU_ASSERT_EQUAL(rd(s.fn_ino_nr, b, sizeof(b), n), 0);	/* at end */
	CU_ASSERT_EQUAL(rd(s.fn_ino_nr, b, sizeof(b), 1000000), 0);
	CU_ASSERT_EQUAL(rd(s.fn_ino_nr, b, sizeof(b), -1), -EINVAL);
	CU_ASSERT_EQUAL(rd(s.fn_ino_nr, b, 0, 0), 0);
	/* position 0 again: a new generation */
	n = rd(s.fn_ino_nr, b, sizeof(b), 0);
	CU_ASSERT_EQUAL(memcmp(b, "status gen 3\n", (size_t)n), 0);
	CU_ASSERT_EQUAL(rd(d.fn_ino_nr, b, sizeof(b), 0), -EISDIR);
	/* the generator's error reaches the reader */
	gen_err = -ESRCH;
	CU_ASSERT_EQUAL(rd(s.fn_ino_nr, b, sizeof(b), 0), -ESRCH);
	CU_ASSERT_EQUAL(rd(s.fn_ino_nr, b, sizeof(b), 2), -ESRCH);
}

static void t_big_and_binary(void)
{
	struct vtree_node *r;
	struct fsdriver_node f, z;
	static char buf[VTREE_BUF_MAX + 100];
	char small[8];
	ssize_t n, total = 0;

	setup();
	r = vtree_root();
	CU_ASSERT_EQUAL(vtree_add(r, "big", S_IFREG | 0444, &big_ops, NULL,
	    NULL), OK);
	CU_ASSERT_EQUAL(vtree_add(r, "nul", S_IFREG | 0444, &nul_ops, NULL,
	    NULL), OK);
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "big", &f), OK);
	while ((n = rd(f.fn_ino_nr, buf + total, 1000, total)) > 0)
		total += n;
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_EQUAL(total, VTREE_BUF_MAX);	/* cut at the limit */
	CU_ASSERT_EQUAL(generations, 1);
	CU_ASSERT_EQUAL(memcmp(buf, "0000\n0001\n", 10), 0);
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "nul", &z), OK);
	CU_ASSERT_EQUAL(rd(z.fn_ino_nr, small, sizeof(small), 0), 5);
	CU_ASSERT_EQUAL(memcmp(small, "a\0bc\0", 5), 0);
}

static void t_symlink_stat_statvfs(void)
{
	struct vtree_node *r;
	struct fsdriver_node l;
	struct fsdriver_data d;
	struct stat st;
	struct statvfs sv;
	char buf[16];

	setup();
	world_pids[0] = 4242;
	r = vtree_root();
	CU_ASSERT_EQUAL(vtree_add(r, "self", S_IFLNK | 0777, &link_ops, NULL,
	    NULL), OK);
	CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, "self", &l), OK);
	CU_ASSERT(S_ISLNK(l.fn_mode));
	fsdriver_data_mem(&d, buf, sizeof(buf));
	CU_ASSERT_EQUAL(t->fdr_rdlink(l.fn_ino_nr, &d, sizeof(buf)), 4);
	CU_ASSERT_EQUAL(memcmp(buf, "4242", 4), 0);
	CU_ASSERT_EQUAL(t->fdr_rdlink(l.fn_ino_nr, &d, 2), 2);
	CU_ASSERT_EQUAL(t->fdr_rdlink(root_node.fn_ino_nr, &d, 2), -EINVAL);
	memset(&st, 0, sizeof(st));
	CU_ASSERT_EQUAL(t->fdr_stat(l.fn_ino_nr, &st), OK);
	CU_ASSERT_EQUAL(st.st_size, 4);
	memset(&st, 0, sizeof(st));
	CU_ASSERT_EQUAL(t->fdr_stat(root_node.fn_ino_nr, &st), OK);
	CU_ASSERT(S_ISDIR(st.st_mode));
	CU_ASSERT_EQUAL(st.st_nlink, 2);
	vtree_set_owner(vtree_find(r, "self"), 100, 200);
	CU_ASSERT_EQUAL(t->fdr_stat(l.fn_ino_nr, &st), OK);
	CU_ASSERT_EQUAL(st.st_uid, 100);
	CU_ASSERT_EQUAL(st.st_gid, 200);
	memset(&sv, 0, sizeof(sv));
	CU_ASSERT_EQUAL(t->fdr_statvfs(&sv), OK);
	CU_ASSERT(sv.f_flag & ST_RDONLY);
	CU_ASSERT_EQUAL(sv.f_files, POOL);
	/* read-only: no modifying entry at all */
	CU_ASSERT_PTR_NULL(t->fdr_write);
	CU_ASSERT_PTR_NULL(t->fdr_create);
	CU_ASSERT_PTR_NULL(t->fdr_unlink);
	CU_ASSERT_PTR_NULL(t->fdr_mkdir);
	CU_ASSERT_PTR_NULL(t->fdr_chmod);
	CU_ASSERT_PTR_NULL(t->fdr_trunc);
}

/* More nodes than the generation cache holds, read interleaved: each
 * slice still comes from its own node's text. */
static void t_gen_cache(void)
{
	struct vtree_node *r;
	struct fsdriver_node f[VTREE_GENS_CACHED + 2];
	char name[16], a[64];
	ssize_t n;
	int i;

	setup();
	r = vtree_root();
	for (i = 0; i < VTREE_GENS_CACHED + 2; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		CU_ASSERT_EQUAL(vtree_add(r, name, S_IFREG | 0444, &file_ops,
		    NULL, NULL), OK);
		CU_ASSERT_EQUAL(t->fdr_lookup(root_node.fn_ino_nr, name, &f[i]),
		    OK);
		CU_ASSERT(rd(f[i].fn_ino_nr, a, 1, 0) == 1);
	}
	for (i = 0; i < VTREE_GENS_CACHED + 2; i++) {
		n = rd(f[i].fn_ino_nr, a, sizeof(a) - 1, 1);
		CU_ASSERT(n > 0);
		a[n > 0 ? n : 0] = '\0';
		snprintf(name, sizeof(name), "%d ", i);
		CU_ASSERT_PTR_NOT_NULL(strstr(a, name));	/* "n<i> gen" */
	}
}

static const struct cu_case cases[] = {
	{ "tree basics", t_tree_basics },
	{ "pool full", t_pool_full },
	{ "lookup refreshes", t_lookup_refresh },
	{ "detached nodes", t_detached },
	{ "getdents, all buffer sizes", t_getdents },
	{ "getdents across changes", t_getdents_changes },
	{ "reads slice one generation", t_read_slices },
	{ "big and binary content", t_big_and_binary },
	{ "symlink, stat, statvfs", t_symlink_stat_statvfs },
	{ "generation cache", t_gen_cache },
};

int main(void)
{
	return cu_main("vtreefs", cases, CU_CASES(cases));
}
