/*
 * test_dentry.c - the getdents helpers (lib/libfsdriver/dentry.c) and the
 * host copy functions (host.c): record layout, alignment, the full-reply
 * rule, staging-buffer flushes, name limits, bounds checks; and the shared
 * encodings (encode.c).
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/sysmacros.h>

#include <CUnit/CUnit.h>

#include <mica/dirent.h>
#include <mica/fsdriver.h>
#include <mica/fsdriver_host.h>

#include "tests.h"

static const char *names[] = { ".", "..", "a", "hello.txt",
	"a-rather-long-name-that-crosses-several-words" };
#define NNAMES	(sizeof(names) / sizeof(names[0]))

/* Fill 'out' (size 'outsize') with the names above, staging in 'stage'. */
static ssize_t fill(char *out, size_t outsize, char *stage, size_t stagesize,
    int *added)
{
	struct fsdriver_data data;
	struct fsdriver_dentry d;
	size_t i;
	int r;

	fsdriver_data_mem(&data, out, outsize);
	fsdriver_dentry_init(&d, &data, outsize, stage, stagesize);
	*added = 0;
	for (i = 0; i < NNAMES; i++) {
		r = fsdriver_dentry_add(&d, 100 + i, names[i],
		    strlen(names[i]), i == 1 ? 4 : 8, (off_t)(i + 1) * 64);
		if (r != 1)
			break;
		(*added)++;
	}
	return fsdriver_dentry_finish(&d);
}

/* Walk the records in 'buf' and check them against names[]. */
static void check_records(const char *buf, size_t len, int count)
{
	size_t p = 0;
	int i;

	for (i = 0; i < count; i++) {
		const struct mica_dirent *de = (const void *)(buf + p);
		size_t nl = strlen(names[i]);
		size_t k;

		CU_ASSERT_EQUAL(de->d_ino, 100 + (unsigned)i);
		CU_ASSERT_EQUAL(de->d_off, (int64_t)(i + 1) * 64);
		CU_ASSERT_EQUAL(de->d_type, i == 1 ? 4 : 8);
		CU_ASSERT_EQUAL(de->d_reclen, MICA_DIRENT_RECLEN(nl));
		CU_ASSERT_EQUAL(de->d_reclen % 8, 0);
		CU_ASSERT_STRING_EQUAL(de->d_name, names[i]);
		for (k = 24 + nl; k < de->d_reclen; k++)
			CU_ASSERT_EQUAL(buf[p + k], 0);
		p += de->d_reclen;
	}
	CU_ASSERT_EQUAL(p, len);
}

static void test_layout(void)
{
	char out[1024], stage[512];
	ssize_t n;
	int added;

	memset(out, 0xa5, sizeof(out));
	memset(stage, 0x5a, sizeof(stage));
	n = fill(out, sizeof(out), stage, sizeof(stage), &added);
	CU_ASSERT_EQUAL(added, (int)NNAMES);
	CU_ASSERT(n > 0);
	check_records(out, (size_t)n, added);
	CU_ASSERT_EQUAL((unsigned char)out[n], 0xa5);	/* nothing beyond */
}

/* A small staging buffer, or none, gives the same bytes. */
static void test_staging(void)
{
	char ref[1024], out[1024], tiny[32], small[64];
	ssize_t n1, n2, n3;
	int a1, a2, a3;

	n1 = fill(ref, sizeof(ref), NULL, 0, &a1);
	memset(out, 0, sizeof(out));
	n2 = fill(out, sizeof(out), tiny, sizeof(tiny), &a2);
	CU_ASSERT_EQUAL(n1, n2);
	CU_ASSERT_EQUAL(a1, a2);
	CU_ASSERT(memcmp(ref, out, (size_t)n1) == 0);
	memset(out, 0, sizeof(out));
	n3 = fill(out, sizeof(out), small, sizeof(small), &a3);
	CU_ASSERT_EQUAL(n1, n3);
	CU_ASSERT(memcmp(ref, out, (size_t)n1) == 0);
	check_records(out, (size_t)n3, a3);
}

/* The reply stops before the first record that would not fit. */
static void test_full(void)
{
	char out[1024], stage[256];
	size_t first3 = MICA_DIRENT_RECLEN(1) + MICA_DIRENT_RECLEN(2) +
	    MICA_DIRENT_RECLEN(1);
	ssize_t n;
	int added;

	memset(out, 0xa5, sizeof(out));
	n = fill(out, first3 + MICA_DIRENT_RECLEN(9) - 1, stage,
	    sizeof(stage), &added);
	CU_ASSERT_EQUAL(added, 3);
	CU_ASSERT_EQUAL(n, (ssize_t)first3);
	check_records(out, (size_t)n, added);
	CU_ASSERT_EQUAL((unsigned char)out[first3], 0xa5);

	n = fill(out, 8, stage, sizeof(stage), &added);
	CU_ASSERT_EQUAL(added, 0);
	CU_ASSERT_EQUAL(n, 0);
}

static void test_names(void)
{
	char out[4096], stage[128], name[300];
	struct fsdriver_data data;
	struct fsdriver_dentry d;
	const struct mica_dirent *de = (const void *)out;

	memset(name, 'x', sizeof(name));
	fsdriver_data_mem(&data, out, sizeof(out));
	fsdriver_dentry_init(&d, &data, sizeof(out), stage, sizeof(stage));
	CU_ASSERT_EQUAL(fsdriver_dentry_add(&d, 7, name, 256, 8, 1),
	    -ENAMETOOLONG);
	CU_ASSERT_EQUAL(fsdriver_dentry_add(&d, 7, name, 0, 8, 1), -EINVAL);
	CU_ASSERT_EQUAL(fsdriver_dentry_add(&d, 7, name, 255, 8, 2), 1);
	CU_ASSERT_EQUAL(fsdriver_dentry_finish(&d),
	    (ssize_t)MICA_DIRENT_RECLEN(255));
	CU_ASSERT_EQUAL(strlen(de->d_name), 255);
	CU_ASSERT_EQUAL(de->d_off, 2);
}

/* A buffer the copy functions refuse: the error comes back. */
static void test_copy_error(void)
{
	struct fsdriver_data data = { .fd_ref = 0, .fd_endpt = -1,
	    .fd_size = 4096 };
	struct fsdriver_dentry d;
	char stage[128];

	fsdriver_dentry_init(&d, &data, 4096, stage, sizeof(stage));
	CU_ASSERT_EQUAL(fsdriver_dentry_add(&d, 1, "a", 1, 8, 1), 1);
	CU_ASSERT_EQUAL(fsdriver_dentry_finish(&d), -EFAULT);
	fsdriver_dentry_init(&d, &data, 4096, NULL, 0);
	CU_ASSERT_EQUAL(fsdriver_dentry_add(&d, 1, "a", 1, 8, 1), -EFAULT);
}

static void test_host_copy(void)
{
	char buf[16], local[16];
	struct fsdriver_data data;

	memset(buf, 'b', sizeof(buf));
	memset(local, 'l', sizeof(local));
	fsdriver_data_mem(&data, buf, sizeof(buf));
	CU_ASSERT_EQUAL(fsdriver_copyout(&data, 4, local, 8), OK);
	CU_ASSERT(memcmp(buf + 4, "llllllll", 8) == 0);
	CU_ASSERT_EQUAL(buf[3], 'b');
	CU_ASSERT_EQUAL(buf[12], 'b');
	CU_ASSERT_EQUAL(fsdriver_copyin(&data, 0, local, 16), OK);
	CU_ASSERT(memcmp(local, "bbbbllllllllbbbb", 16) == 0);
	CU_ASSERT_EQUAL(fsdriver_zero(&data, 14, 2), OK);
	CU_ASSERT(buf[14] == 0 && buf[15] == 0 && buf[13] == 'b');

	CU_ASSERT_EQUAL(fsdriver_copyout(&data, 9, local, 8), -EFAULT);
	CU_ASSERT_EQUAL(fsdriver_copyin(&data, 17, local, 0), -EFAULT);
	CU_ASSERT_EQUAL(fsdriver_copyin(&data, 16, local, 0), OK);
	CU_ASSERT_EQUAL(fsdriver_zero(&data, SIZE_MAX, 2), -EFAULT);
	CU_ASSERT_EQUAL(fsdriver_copyin(&data, 2, local, SIZE_MAX), -EFAULT);
	CU_ASSERT_EQUAL(fsdriver_copyout(NULL, 0, local, 1), -EFAULT);

	/* fsdriver_direct: the buffer itself, only for a range inside it */
	CU_ASSERT_PTR_EQUAL(fsdriver_direct(&data, 0, 16), buf);
	CU_ASSERT_PTR_EQUAL(fsdriver_direct(&data, 5, 11), buf + 5);
	CU_ASSERT_PTR_NULL(fsdriver_direct(&data, 5, 12));
	CU_ASSERT_PTR_NULL(fsdriver_direct(&data, 16, 1));
	CU_ASSERT_PTR_NULL(fsdriver_direct(&data, 2, SIZE_MAX));
	CU_ASSERT_PTR_NULL(fsdriver_direct(&data, 0, 0));
	CU_ASSERT_PTR_NULL(fsdriver_direct(NULL, 0, 1));
}

static void test_gettime(void)
{
	struct timespec ts;

	fsdriver_gettime(&ts);
	CU_ASSERT(ts.tv_sec > 1600000000);
	CU_ASSERT(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
}

/* The shared encodings (encode.c), against values Linux computes: its
 * new_encode_dev and DT_* constants. */
static void test_encode(void)
{
	CU_ASSERT_EQUAL(fsdriver_dev_encode(makedev(8, 1)), 0x801u);
	CU_ASSERT_EQUAL(fsdriver_dev_encode(makedev(259, 70000)), 0x11110370u);
	CU_ASSERT_EQUAL(fsdriver_dev_encode(makedev(4095, 0xfffff)),
	    0xffffffffu);
	CU_ASSERT(fsdriver_dev_decode(0x801) == makedev(8, 1));
	CU_ASSERT(fsdriver_dev_decode(0x11110370u) == makedev(259, 70000));
	CU_ASSERT(fsdriver_dev_decode(0) == makedev(0, 0));
	CU_ASSERT_EQUAL(fsdriver_mode_dtype(S_IFREG | 0644), DT_REG);
	CU_ASSERT_EQUAL(fsdriver_mode_dtype(S_IFDIR | 0755), DT_DIR);
	CU_ASSERT_EQUAL(fsdriver_mode_dtype(S_IFLNK | 0777), DT_LNK);
	CU_ASSERT_EQUAL(fsdriver_mode_dtype(S_IFCHR), DT_CHR);
	CU_ASSERT_EQUAL(fsdriver_mode_dtype(S_IFBLK), DT_BLK);
	CU_ASSERT_EQUAL(fsdriver_mode_dtype(S_IFIFO), DT_FIFO);
	CU_ASSERT_EQUAL(fsdriver_mode_dtype(S_IFSOCK), DT_SOCK);
}

void test_dentry_register(void)
{
	CU_pSuite s = CU_add_suite("fsdriver_dentry", NULL, NULL);

	CU_add_test(s, "record layout", test_layout);
	CU_add_test(s, "staging buffer sizes", test_staging);
	CU_add_test(s, "full reply", test_full);
	CU_add_test(s, "name limits", test_names);
	CU_add_test(s, "copy errors", test_copy_error);
	CU_add_test(s, "host copies", test_host_copy);
	CU_add_test(s, "gettime", test_gettime);
	CU_add_test(s, "device numbers and d_type", test_encode);
}
