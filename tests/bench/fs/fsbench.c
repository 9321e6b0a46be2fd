/*
 * fsbench.c - timed file-system workloads for the FUSE benchmark.
 *
 * One workload per run, timed from inside (no fork/exec per file), printing
 * the elapsed seconds on stdout; the script (fsbench.sh) runs each workload
 * against each mount and prints the table.
 *
 *   fsbench create DIR N        create N files of 100 bytes in DIR
 *   fsbench stat DIR N          stat those N files
 *   fsbench unlink DIR N        unlink them
 *   fsbench write FILE MIB      write FILE sequentially in 1 MiB pieces, fsync
 *   fsbench read FILE           read FILE sequentially in 1 MiB pieces
 *   fsbench randread FILE N     N 4 KiB reads at random 4 KiB-aligned offsets
 *   fsbench readtree DIR        lstat every entry under DIR and read every
 *                               regular file whole (as tar or grep -r would)
 *
 * Exit 0 on success; any failed call prints why and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CHUNK	(1 << 20)

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fail(const char *what, const char *path)
{
	fprintf(stderr, "fsbench: %s %s: %s\n", what, path, strerror(errno));
	return 1;
}

static void name_of(char *out, size_t n, const char *dir, long i)
{
	snprintf(out, n, "%s/f%06ld", dir, i);
}

static int bench_create(const char *dir, long n)
{
	static const char data[100] = "fsbench small file";
	char p[4096];
	long i;
	int fd;

	for (i = 0; i < n; i++) {
		name_of(p, sizeof(p), dir, i);
		fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || write(fd, data, sizeof(data)) != (ssize_t)sizeof(data))
			return fail("create", p);
		close(fd);
	}
	return 0;
}

static int bench_stat(const char *dir, long n)
{
	char p[4096];
	struct stat st;
	long i;

	for (i = 0; i < n; i++) {
		name_of(p, sizeof(p), dir, i);
		if (stat(p, &st) < 0 || st.st_size != 100)
			return fail("stat", p);
	}
	return 0;
}

static int bench_unlink(const char *dir, long n)
{
	char p[4096];
	long i;

	for (i = 0; i < n; i++) {
		name_of(p, sizeof(p), dir, i);
		if (unlink(p) < 0)
			return fail("unlink", p);
	}
	return 0;
}

static int bench_write(const char *path, long mib)
{
	char *buf = malloc(CHUNK);
	long i;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (buf == NULL || fd < 0)
		return fail("open", path);
	for (i = 0; i < CHUNK; i++)
		buf[i] = (char)(i * 7 + i / 4096);
	for (i = 0; i < mib; i++)
		if (write(fd, buf, CHUNK) != CHUNK)
			return fail("write", path);
	if (fsync(fd) < 0 || close(fd) < 0)
		return fail("fsync", path);
	free(buf);
	return 0;
}

static int bench_read(const char *path, long unused)
{
	char *buf = malloc(CHUNK);
	ssize_t r;
	int fd = open(path, O_RDONLY);

	(void)unused;
	if (buf == NULL || fd < 0)
		return fail("open", path);
	while ((r = read(fd, buf, CHUNK)) > 0)
		;
	if (r < 0)
		return fail("read", path);
	close(fd);
	free(buf);
	return 0;
}

static int bench_randread(const char *path, long n)
{
	char buf[4096];
	struct stat st;
	unsigned long long x = 88172645463325252ULL, blocks;
	long i;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size < 4096)
		return fail("open", path);
	blocks = (unsigned long long)st.st_size / 4096;
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		if (pread(fd, buf, sizeof(buf), (off_t)(x % blocks) * 4096) != 4096)
			return fail("pread", path);
	}
	close(fd);
	return 0;
}

static char *tree_buf;

static int tree_one(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	ssize_t r;
	int fd;

	(void)st;
	(void)ftw;
	if (type != FTW_F || !S_ISREG(st->st_mode))
		return 0;
	if ((fd = open(path, O_RDONLY)) < 0)
		return fail("open", path);
	while ((r = read(fd, tree_buf, CHUNK)) > 0)
		;
	close(fd);
	return r < 0 ? fail("read", path) : 0;
}

static int bench_readtree(const char *dir, long unused)
{
	int r;

	(void)unused;
	if ((tree_buf = malloc(CHUNK)) == NULL)
		return fail("malloc", dir);
	r = nftw(dir, tree_one, 64, FTW_PHYS);
	free(tree_buf);
	if (r < 0)
		return fail("walk", dir);
	return r;
}

static const struct {
	const char *name;
	int (*run)(const char *path, long n);
} fsbench_table[] = {
	{ "create", bench_create },
	{ "stat", bench_stat },
	{ "unlink", bench_unlink },
	{ "write", bench_write },
	{ "read", bench_read },
	{ "randread", bench_randread },
	{ "readtree", bench_readtree },
};

int main(int argc, char **argv)
{
	double t0;
	size_t i;
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: fsbench create|stat|unlink|write|read|randread|readtree PATH [N]\n");
		return 2;
	}
	for (i = 0; i < sizeof(fsbench_table) / sizeof(fsbench_table[0]); i++) {
		if (strcmp(argv[1], fsbench_table[i].name) != 0)
			continue;
		t0 = now();
		rc = fsbench_table[i].run(argv[2], argc > 3 ? atol(argv[3]) : 0);
		if (rc == 0)
			printf("%.3f\n", now() - t0);
		return rc;
	}
	fprintf(stderr, "fsbench: unknown workload %s\n", argv[1]);
	return 2;
}
