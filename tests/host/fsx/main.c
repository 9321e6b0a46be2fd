/*
 * main.c - fsxr: options, the operation loop, the batch compares.
 *
 * usage: fsxr [options] DIR_UNDER_TEST REFERENCE_DIR
 * Both directories must start with equal contents (usually both empty).
 * Exit status: 0 no divergence, 1 divergence, 2 usage or setup error.
 * See README.md in this directory for the options and how to replay a
 * failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fsxr.h"

#define NOPS_MAX	32

struct optab {
	const struct fsx_op *op[NOPS_MAX];
	unsigned n, total;	/* entries, sum of enabled weights */
};

static void usage(void)
{
	fprintf(stderr,
		"usage: fsxr [-n ops] [-b batch] [-s seed] [-l name_max] [-S size_max]\n"
		"            [-F far_offset] [-w write_max] [-L symlink_max] [-D depth]\n"
		"            [-x op,op...] [-i top_level_name] [-v] DIR REFDIR\n");
	exit(2);
}

/* A number with an optional K, M or G suffix (powers of 1024). */
static unsigned long long parse_size(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		usage();
	switch (*end) {
	case 'G': v <<= 10;	/* fall through */
	case 'M': v <<= 10;	/* fall through */
	case 'K': v <<= 10; end++; break;
	case '\0': break;
	default: usage();
	}
	if (*end != '\0')
		usage();
	return v;
}

static void optab_init(struct optab *t)
{
	size_t i;

	t->n = 0;
	for (i = 0; i < fsx_ndata_ops; i++)
		t->op[t->n++] = &fsx_data_ops[i];
	for (i = 0; i < fsx_nns_ops; i++)
		t->op[t->n++] = &fsx_ns_ops[i];
}

/* -x: turn named operations off. */
static void parse_skip(struct fsx_cfg *c, const struct optab *t, char *list)
{
	char *name, *save = NULL;
	unsigned i;

	for (name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < t->n && strcmp(t->op[i]->name, name) != 0; i++)
			;
		if (i == t->n) {
			fprintf(stderr, "fsxr: unknown operation \"%s\"\n", name);
			exit(2);
		}
		c->skip_ops |= 1UL << i;
	}
}

static void parse_args(struct fsx_cfg *c, const struct optab *t, int argc, char **argv)
{
	int ch;

	*c = (struct fsx_cfg){ .nops = 10000, .batch = 100, .seed = 1,
		.name_max = 255, .size_max = (off_t)1 << 40, .far_max = 4 << 20,
		.write_max = 64 << 10, .link_tmax = 255, .depth = 3 };
	while ((ch = getopt(argc, argv, "n:b:s:l:S:F:w:L:D:x:i:v")) != -1) {
		switch (ch) {
		case 'n': c->nops = parse_size(optarg); break;
		case 'b': c->batch = parse_size(optarg); break;
		case 's': c->seed = parse_size(optarg); break;
		case 'l': c->name_max = (unsigned)parse_size(optarg); break;
		case 'S': c->size_max = (off_t)parse_size(optarg); break;
		case 'F': c->far_max = (off_t)parse_size(optarg); break;
		case 'w': c->write_max = parse_size(optarg); break;
		case 'L': c->link_tmax = parse_size(optarg); break;
		case 'D': c->depth = (unsigned)parse_size(optarg); break;
		case 'x': parse_skip(c, t, optarg); break;
		case 'v': c->verbose++; break;
		case 'i':
			if (c->nignore == FSX_MAX_IGNORE)
				usage();
			c->ignore[c->nignore++] = optarg;
			break;
		default: usage();
		}
	}
	if (argc - optind != 2 || c->batch == 0 || c->name_max < 3 ||
	    c->name_max >= FSX_PATH / 4 || c->depth == 0 || c->write_max == 0 ||
	    c->link_tmax == 0 || c->far_max <= 0 || c->size_max <= 0)
		usage();
	if (c->far_max > c->size_max)
		c->far_max = c->size_max;
	if ((off_t)c->write_max > c->far_max)
		c->write_max = (size_t)c->far_max;
	c->root[FSX_A] = argv[optind];
	c->root[FSX_B] = argv[optind + 1];
}

static unsigned pick_op(struct fsx *x, const struct optab *t)
{
	unsigned i, r = (unsigned)rng_below(x, t->total);

	for (i = 0; i < t->n; i++) {
		if (x->cfg.skip_ops & (1UL << i))
			continue;
		if (r < t->op[i]->weight)
			return i;
		r -= t->op[i]->weight;
	}
	return 0;
}

static int same_res(const struct fsx_res *a, const struct fsx_res *b)
{
	return a->ret == b->ret && a->err == b->err && a->len == b->len &&
	       (a->len == 0 || memcmp(a->buf, b->buf, a->len) == 0);
}

static void log_op(struct fsx *x, const char *name, const struct fsx_args *a)
{
	char line[FSX_PATH + 600];
	const struct fsx_res *r = x->res;

	snprintf(line, sizeof(line),
		 "#%lu %s \"%s\"%s%.80s%s off=%lld len=%zu mode=%04o flags=%#x"
		 " -> A %ld%s%s B %ld%s%s",
		 x->opno, name, a->p1, a->p2[0] ? " \"" : "", a->p2,
		 a->p2[0] ? "\"" : "", (long long)a->off, a->len,
		 (unsigned)a->mode, (unsigned)a->flags,
		 r[0].ret, r[0].err ? " " : "", r[0].err ? strerror(r[0].err) : "",
		 r[1].ret, r[1].err ? " " : "", r[1].err ? strerror(r[1].err) : "");
	oplog_add(x, line);
	if (x->cfg.verbose)
		printf("%s\n", line);
}

/* The log since the last good compare, then the verdict (last, so the
 * tail of a test log shows it). */
static void report(const struct fsx *x, unsigned long from, const char *what)
{
	oplog_dump(x, from);
	fprintf(stderr, "fsxr: DIVERGENCE %s (seed %llu, op #%lu)\n", what,
		(unsigned long long)x->cfg.seed, x->opno);
}

/* Run one operation on both sides; -1 when the outcomes differ. */
static int step(struct fsx *x, const struct optab *t)
{
	unsigned i = pick_op(x, t);
	struct fsx_args a;
	int s;

	memset(&a, 0, sizeof(a));
	t->op[i]->gen(x, &a);
	for (s = 0; s < 2; s++) {
		x->res[s].len = 0;
		t->op[i]->run(x, s, &a, &x->res[s]);
	}
	x->count[i]++;
	x->failed[i] += x->res[FSX_B].ret < 0;
	log_op(x, t->op[i]->name, &a);
	return same_res(&x->res[0], &x->res[1]) ? 0 : -1;
}

static void summary(const struct fsx *x, const struct optab *t, double secs)
{
	unsigned i;

	printf("fsxr: %lu operations, batches of %lu, seed %llu: no divergence (%.1f s)\n",
	       x->opno, x->cfg.batch, (unsigned long long)x->cfg.seed, secs);
	for (i = 0; i < t->n; i++)
		if (x->count[i])
			printf("  %-9s %7lu  (%lu failed alike)\n", t->op[i]->name,
			       x->count[i], x->failed[i]);
}

static int setup(struct fsx *x)
{
	int s;

	for (s = 0; s < 2; s++) {
		x->rootfd[s] = open(x->cfg.root[s], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (x->rootfd[s] < 0) {
			fprintf(stderr, "fsxr: %s: %s\n", x->cfg.root[s], strerror(errno));
			return -1;
		}
	}
	x->wbuf = malloc(x->cfg.write_max);
	if (x->wbuf == NULL)
		return -1;
	umask(0);
	rng_seed(x, x->cfg.seed);
	names_init(x);
	return 0;
}

int main(int argc, char **argv)
{
	static struct fsx x;
	struct optab t;
	struct timespec t0, t1;
	unsigned long batch_start = 0;
	unsigned i;

	optab_init(&t);
	parse_args(&x.cfg, &t, argc, argv);
	for (i = 0, t.total = 0; i < t.n; i++)
		if (!(x.cfg.skip_ops & (1UL << i)))
			t.total += t.op[i]->weight;
	if (t.total == 0 || setup(&x) < 0)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (compare_trees(&x) < 0) {
		fprintf(stderr, "fsxr: the two directories differ before any operation\n");
		return 1;
	}
	for (x.opno = 0; x.opno < x.cfg.nops; x.opno++) {
		if (step(&x, &t) < 0) {
			report(&x, batch_start, "in the outcome of the last operation above");
			return 1;
		}
		if ((x.opno + 1) % x.cfg.batch == 0 || x.opno + 1 == x.cfg.nops) {
			if (compare_trees(&x) < 0) {
				char why[512];

				snprintf(why, sizeof(why), "in the trees %s", compare_why());
				report(&x, batch_start, why);
				return 1;
			}
			batch_start = x.opno + 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	summary(&x, &t, (double)(t1.tv_sec - t0.tv_sec) +
		(double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
