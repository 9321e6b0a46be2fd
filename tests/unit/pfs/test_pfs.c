/*
 * test_pfs.c - test_pfs: unit tests of fs/pfs through its fsdriver table
 * (CUnit, basic runner).  Exit status 0 only when every assertion passed.
 *
 * The server keeps the inode mark in DS (servers/pfs/state.c); here it is
 * a variable, so a test can play a restart: drop everything (unmount),
 * mount again, and see that numbers continue above the saved mark.
 */
#include <CUnit/Basic.h>
#include <stdint.h>
#include <stdlib.h>

#include <mica/fsdriver_host.h>
#include "pfs.h"

static ino_t saved_mark;
static int save_fails, saves;

ino_t pfs_ino_load(void)
{
	return saved_mark;
}

int pfs_ino_save(ino_t mark)
{
	saves++;
	if (save_fails)
		return -EIO;
	saved_mark = mark;
	return OK;
}

static const struct fsdriver *T = &pfs_table;

static void do_mount(void)
{
	struct fsdriver_node root;
	unsigned int res = 99;

	CU_ASSERT_EQUAL_FATAL(T->fdr_mount(0, 0, &root, &res), OK);
	CU_ASSERT_EQUAL(root.fn_ino_nr, PFS_ROOT_INO);
	CU_ASSERT(S_ISDIR(root.fn_mode));
	CU_ASSERT_EQUAL(res, 0);
}

static ino_t new_pipe(void)
{
	struct fsdriver_node n;

	CU_ASSERT_EQUAL_FATAL(T->fdr_newnode(S_IFIFO | 0600, 1, 2, 0, &n), OK);
	CU_ASSERT(S_ISFIFO(n.fn_mode));
	return n.fn_ino_nr;
}

static ssize_t put(ino_t ino, const void *p, size_t n)
{
	struct fsdriver_data d;

	fsdriver_data_mem(&d, (void *)p, n);
	return T->fdr_write(ino, &d, n, 0);
}

static ssize_t get(ino_t ino, void *p, size_t n)
{
	struct fsdriver_data d;

	fsdriver_data_mem(&d, p, n);
	return T->fdr_read(ino, &d, n, 0);
}

static int setup(void)
{
	saved_mark = 0;
	save_fails = saves = 0;
	return 0;
}

/*
 * Random writes and reads of random sizes against a reference FIFO: every
 * answer must be what the rules in pfs.h predict (whole-or-nothing up to
 * PIPE_BUF, partial beyond, EAGAIN when full or empty) and the bytes must
 * come out in order.  10,000 steps over two pipes, fixed seed.
 */
static void test_model(void)
{
	static unsigned char ref[2][FS_PIPE_SIZE], src[3 * FS_PIPE_SIZE],
	    dst[3 * FS_PIPE_SIZE];
	size_t held[2] = { 0, 0 };
	ino_t p[2];
	unsigned int seed = 12345;
	unsigned long moved = 0;

	do_mount();
	p[0] = new_pipe();
	p[1] = new_pipe();
	CU_ASSERT_NOT_EQUAL(p[0], p[1]);
	for (int step = 0; step < 10000; step++) {
		int k = rand_r(&seed) & 1, sizes = rand_r(&seed) % 4;
		size_t n = sizes == 0 ? (size_t)(rand_r(&seed) % 16) :
		    sizes == 1 ? (size_t)(rand_r(&seed) % (FS_PIPE_BUF + 2)) :
		    (size_t)(rand_r(&seed) % (3 * FS_PIPE_SIZE));
		ssize_t r;

		if (rand_r(&seed) & 1) {
			size_t room = FS_PIPE_SIZE - held[k], want;

			for (size_t i = 0; i < n; i++)
				src[i] = (unsigned char)rand_r(&seed);
			want = n == 0 ? 0 : room == 0 ? 0 :
			    (n <= FS_PIPE_BUF && n > room) ? 0 :
			    n < room ? n : room;
			r = put(p[k], src, n);
			if (n != 0 && want == 0)
				CU_ASSERT_EQUAL_FATAL(r, -EAGAIN)
			else
				CU_ASSERT_EQUAL_FATAL(r, (ssize_t)want);
			if (r > 0) {
				memcpy(ref[k] + held[k], src, (size_t)r);
				held[k] += (size_t)r;
			}
		} else {
			size_t want = n < held[k] ? n : held[k];

			r = get(p[k], dst, n);
			if (n != 0 && held[k] == 0)
				CU_ASSERT_EQUAL_FATAL(r, -EAGAIN)
			else
				CU_ASSERT_EQUAL_FATAL(r, (ssize_t)want);
			if (r > 0) {
				CU_ASSERT_FATAL(memcmp(dst, ref[k], (size_t)r)
				    == 0);
				memmove(ref[k], ref[k] + r, held[k] - (size_t)r);
				held[k] -= (size_t)r;
				moved += (unsigned long)r;
			}
		}
		if ((step & 255) == 0) {
			struct stat st;

			memset(&st, 0, sizeof st);
			CU_ASSERT_EQUAL(T->fdr_stat(p[k], &st), OK);
			CU_ASSERT_EQUAL(st.st_size, (off_t)held[k]);
		}
	}
	CU_ASSERT(moved > 1000000);	/* the workload did move data */
	CU_ASSERT_EQUAL(T->fdr_putnode(p[0], 1), OK);
	CU_ASSERT_EQUAL(T->fdr_putnode(p[1], 1), OK);
	CU_ASSERT_EQUAL(pfs_bufs_used(), 0);
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
}

static void test_limits(void)
{
	static ino_t all[PFS_NR_INODES];
	struct fsdriver_node n;
	struct statvfs sv;
	char c = 'x';
	int i;

	do_mount();
	for (i = 0; i < PFS_NR_INODES; i++)
		all[i] = new_pipe();
	CU_ASSERT_EQUAL(T->fdr_newnode(S_IFIFO | 0600, 0, 0, 0, &n), -ENFILE);
	for (i = 0; i < PFS_NR_BUFS; i++)
		CU_ASSERT_EQUAL(put(all[i], &c, 1), 1);
	CU_ASSERT_EQUAL(put(all[i], &c, 1), -ENOSPC);
	memset(&sv, 0, sizeof sv);
	CU_ASSERT_EQUAL(T->fdr_statvfs(&sv), OK);
	CU_ASSERT_EQUAL(sv.f_bfree, 0);
	CU_ASSERT_EQUAL(sv.f_ffree, 0);
	CU_ASSERT_EQUAL(T->fdr_putnode(all[0], 1), OK);	/* frees a buffer */
	CU_ASSERT_EQUAL(put(all[i], &c, 1), 1);
	CU_ASSERT_EQUAL(T->fdr_newnode(S_IFIFO | 0600, 0, 0, 0, &n), OK);
	/* unmount drops every pipe and buffer; a new mount is empty */
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
	CU_ASSERT_EQUAL(pfs_bufs_used(), 0);
	do_mount();
	memset(&sv, 0, sizeof sv);
	CU_ASSERT_EQUAL(T->fdr_statvfs(&sv), OK);
	CU_ASSERT_EQUAL(sv.f_bfree, PFS_NR_BUFS);
	CU_ASSERT_EQUAL(sv.f_ffree, PFS_NR_INODES);
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
}

static void test_hostile(void)
{
	struct fsdriver_node n;
	struct fsdriver_data d;
	struct stat st;
	char buf[16] = "abc";
	off_t pos;
	mode_t mode;
	ino_t p;
	unsigned int res;

	do_mount();
	CU_ASSERT_EQUAL(T->fdr_mount(0, 0, &n, &res), -EBUSY);
	p = new_pipe();
	CU_ASSERT_EQUAL(put(p, buf, 3), 3);
	/* more bytes asked than the buffer holds: EFAULT, nothing moves */
	fsdriver_data_mem(&d, buf, 3);
	CU_ASSERT_EQUAL(T->fdr_write(p, &d, SIZE_MAX, -1), -EFAULT);
	CU_ASSERT_EQUAL(T->fdr_write(p, &d, 4, 0), -EFAULT);
	fsdriver_data_mem(&d, buf, 2);
	CU_ASSERT_EQUAL(T->fdr_read(p, &d, 3, 0), -EFAULT);
	memset(&st, 0, sizeof st);
	CU_ASSERT_EQUAL(T->fdr_stat(p, &st), OK);
	CU_ASSERT_EQUAL(st.st_size, 3);
	CU_ASSERT_EQUAL(get(p, buf, sizeof buf), 3);
	/* inodes that are not pipes */
	CU_ASSERT_EQUAL(get(0, buf, 1), -EINVAL);
	CU_ASSERT_EQUAL(get(p + 1000, buf, 1), -EINVAL);
	CU_ASSERT_EQUAL(put(PFS_ROOT_INO, buf, 1), -EISDIR);
	CU_ASSERT_EQUAL(T->fdr_stat(p + 1000, &st), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_lookup(p, ".", &n), -ENOTDIR);
	CU_ASSERT_EQUAL(T->fdr_lookup(p + 1000, ".", &n), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_lookup(PFS_ROOT_INO, "x", &n), -ENOENT);
	fsdriver_data_mem(&d, buf, sizeof buf);
	pos = -5;
	CU_ASSERT_EQUAL(T->fdr_getdents(PFS_ROOT_INO, &d, sizeof buf, &pos),
	    -EINVAL);
	pos = 0;
	CU_ASSERT_EQUAL(T->fdr_getdents(p, &d, sizeof buf, &pos), -ENOTDIR);
	fsdriver_data_mem(&d, buf, 4);
	CU_ASSERT_EQUAL(T->fdr_getdents(PFS_ROOT_INO, &d, 4, &pos), -EINVAL);
	pos = INT64_MAX;
	CU_ASSERT_EQUAL(T->fdr_getdents(PFS_ROOT_INO, &d, 4, &pos), 0);
	/* node requests */
	CU_ASSERT_EQUAL(T->fdr_newnode(S_IFREG | 0600, 0, 0, 0, &n), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_newnode(S_IFIFO | 0600, 0, 0, 5, &n), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_newnode(S_IFIFO | 0600 | 0x100000, 0, 0, 0, &n),
	    -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_trunc(p, 0, 0), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_trunc(PFS_ROOT_INO, 0, 0), -EISDIR);
	mode = 07777 | S_IFREG;			/* the type bits are ignored */
	CU_ASSERT_EQUAL(T->fdr_chmod(p, &mode), OK);
	CU_ASSERT_EQUAL(mode, S_IFIFO | 07777);
	CU_ASSERT_EQUAL(T->fdr_chown(p, (uid_t)-1, 3, &mode), OK);
	CU_ASSERT_EQUAL(mode, S_IFIFO | 01777);	/* setuid/setgid cleared */
	CU_ASSERT_EQUAL(T->fdr_chmod(PFS_ROOT_INO, &mode), -EPERM);
	/* reference counts */
	CU_ASSERT_EQUAL(T->fdr_putnode(p, 0), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_putnode(p, 2), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_putnode(p, 1), OK);
	CU_ASSERT_EQUAL(T->fdr_putnode(p, 1), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_putnode(PFS_ROOT_INO, 1), OK);
	CU_ASSERT_EQUAL(T->fdr_putnode(PFS_ROOT_INO, 1), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
	CU_ASSERT_EQUAL(T->fdr_mount(0, FSDRIVER_MOUNT_RDONLY, &n, &res),
	    -EINVAL);
}

/* A restart: numbers continue above the saved mark, never repeat. */
static void test_restart_mark(void)
{
	ino_t a, b, c;
	int i;

	setup();			/* a first boot: no mark yet */
	do_mount();
	CU_ASSERT_EQUAL(saved_mark, PFS_ROOT_INO + 1 + PFS_INO_CHUNK);
	a = new_pipe();
	for (i = 0; i < PFS_INO_CHUNK + 5; i++)	/* cross a chunk */
		CU_ASSERT_EQUAL(T->fdr_putnode(new_pipe(), 1), OK);
	CU_ASSERT_EQUAL(saves, 2);
	b = new_pipe();
	CU_ASSERT(b > a && b < saved_mark);
	/* the crash: state gone except the mark */
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
	do_mount();
	c = new_pipe();
	CU_ASSERT(c > b);
	CU_ASSERT_EQUAL(T->fdr_stat(a, &(struct stat){ 0 }), -EINVAL);
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
	/* a mark that cannot be saved is logged, pipes still work */
	save_fails = 1;
	do_mount();
	CU_ASSERT(new_pipe() > c);
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
}

/* Numbers wrap at the top of ino_t (16 bits in the OS build): live pipes
 * keep theirs, new ones restart above the root, nothing loops. */
static void test_wrap(void)
{
	ino_t a, b, c, d;

	setup();
	saved_mark = (ino_t)-3;
	do_mount();
	a = new_pipe();
	b = new_pipe();
	c = new_pipe();
	d = new_pipe();
	CU_ASSERT_EQUAL(a, (ino_t)-3);
	CU_ASSERT_EQUAL(b, (ino_t)-2);
	CU_ASSERT_EQUAL(c, (ino_t)-1);
	CU_ASSERT_EQUAL(d, PFS_ROOT_INO + 1);
	CU_ASSERT_EQUAL(put(a, "a", 1), 1);
	CU_ASSERT_EQUAL(put(d, "d", 1), 1);
	CU_ASSERT_EQUAL(T->fdr_putnode(a, 1), OK);
	CU_ASSERT_EQUAL(T->fdr_putnode(b, 1), OK);
	CU_ASSERT_EQUAL(T->fdr_putnode(c, 1), OK);
	CU_ASSERT_EQUAL(T->fdr_putnode(d, 1), OK);
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
}

/* Transfers mark times; stat reads the clock for them (POSIX "marked for
 * update"); utime's explicit times stay until the next transfer. */
static void test_times(void)
{
	struct timespec old[2] = { { 1000, 0 }, { 2000, 0 } };
	struct stat st;
	char c = 'x';
	ino_t p;

	setup();
	do_mount();
	p = new_pipe();
	CU_ASSERT_EQUAL(T->fdr_utime(p, &old[0], &old[1]), OK);
	memset(&st, 0, sizeof st);
	CU_ASSERT_EQUAL(T->fdr_stat(p, &st), OK);
	CU_ASSERT_EQUAL(st.st_atim.tv_sec, 1000);
	CU_ASSERT_EQUAL(st.st_mtim.tv_sec, 2000);
	CU_ASSERT_EQUAL(put(p, &c, 1), 1);
	CU_ASSERT_EQUAL(T->fdr_stat(p, &st), OK);
	CU_ASSERT_EQUAL(st.st_atim.tv_sec, 1000);	/* not read yet */
	CU_ASSERT(st.st_mtim.tv_sec > 2000 && st.st_ctim.tv_sec > 2000);
	CU_ASSERT_EQUAL(T->fdr_utime(p, &old[0], &old[1]), OK);
	CU_ASSERT_EQUAL(get(p, &c, 1), 1);
	CU_ASSERT_EQUAL(T->fdr_stat(p, &st), OK);
	CU_ASSERT(st.st_atim.tv_sec > 1000);
	CU_ASSERT_EQUAL(st.st_mtim.tv_sec, 2000);	/* a read: atime only */
	CU_ASSERT_EQUAL(T->fdr_putnode(p, 1), OK);
	CU_ASSERT_EQUAL(T->fdr_unmount(), OK);
}

int main(void)
{
	CU_pSuite s;
	unsigned int failed;

	fsdriver_host_set_prefix("test_pfs");
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	s = CU_add_suite("pfs", setup, NULL);
	CU_add_test(s, "random workload against a reference FIFO", test_model);
	CU_add_test(s, "limits: ENFILE, ENOSPC, recovery", test_limits);
	CU_add_test(s, "hostile arguments", test_hostile);
	CU_add_test(s, "inode mark across a restart", test_restart_mark);
	CU_add_test(s, "times marked by transfers", test_times);
	CU_add_test(s, "inode numbers wrap", test_wrap);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
