/*
 * t_fuzz.c - damaged images: bytes flipped in descriptors, directories and
 * continuation areas, and truncated images.  Each is mounted (which may
 * fail) and crawled; the test is that nothing crashes, hangs or leaks
 * (this suite also runs under ASan/UBSan).  Deterministic: fixed seeds.
 */
#include <CUnit/CUnit.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "isotest.h"

#define FUZZ_ROUNDS	500

static uint32_t fuzz_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static unsigned char *fuzz_load(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	struct stat st;

	if (f == NULL || fstat(fileno(f), &st) != 0) {
		if (f)
			fclose(f);
		return NULL;
	}
	buf = malloc(st.st_size);
	*len = fread(buf, 1, st.st_size, f);
	fclose(f);
	return buf;
}

static void fuzz_try(const char *path, const unsigned char *img, size_t len,
    int *mounted)
{
	FILE *f = fopen(path, "wb");
	ino_t root;

	if (f == NULL)
		return;
	fwrite(img, 1, len, f);
	fclose(f);
	if (isot_mount(path, &root) == OK) {
		(*mounted)++;
		isot_crawl(root, 300);
		isot_umount();
	}
}

/* Flip bytes in the metadata area (descriptors up to 'meta_end'). */
static void fuzz_image(const char *src_img, uint32_t seed)
{
	char path[128];
	unsigned char *orig, *img;
	size_t len = 0, meta_end;
	int i, k, mounted = 0, err, quiet;

	orig = fuzz_load(src_img, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(orig);
	img = malloc(len);
	meta_end = len < 64 * 2048 ? len : 64 * 2048;
	snprintf(path, sizeof(path), "%s/fuzz.iso", isot_dir);
	fflush(stderr);
	err = dup(2);
	quiet = open("/dev/null", O_WRONLY);
	dup2(quiet, 2);	/* the file system logs every flaw it meets */
	for (i = 0; i < FUZZ_ROUNDS; i++) {
		memcpy(img, orig, len);
		for (k = 0; k < 1 + i % 8; k++) {
			size_t at = 16 * 2048 +
			    fuzz_rand(&seed) % (meta_end - 16 * 2048);

			img[at] = (unsigned char)fuzz_rand(&seed);
		}
		fuzz_try(path, img, len, &mounted);
	}
	for (i = 0; i < 20; i++)
		fuzz_try(path, orig, fuzz_rand(&seed) % len, &mounted);
	dup2(err, 2);
	close(err);
	close(quiet);
	CU_ASSERT(mounted > 0);	/* some damage is survivable */
	free(img);
	free(orig);
}

static void test_fuzz(void)
{
	char src[128], img[128];

	snprintf(src, sizeof(src), "%s/full", isot_dir);
	isot_tree_full(src, 75);
	snprintf(img, sizeof(img), "%s/f-gen.iso", isot_dir);
	CU_ASSERT_EQUAL_FATAL(isot_run("genisoimage -quiet -R -J -o %s %s",
	    img, src), 0);
	fuzz_image(img, 12345);
	snprintf(img, sizeof(img), "%s/f-xor.iso", isot_dir);
	CU_ASSERT_EQUAL_FATAL(isot_run("xorriso -as mkisofs -quiet -R -J "
	    "-o %s %s", img, src), 0);
	fuzz_image(img, 777);
}

void isot_add_fuzz(void)
{
	CU_pSuite s = CU_add_suite("isofs-fuzz", isot_setup, isot_teardown);

	CU_add_test(s, "damaged and truncated images", test_fuzz);
}
