/*
 * test_exec.c - the exec frame (mica/exec.h): a frame built for an
 * address parses back to the same vectors, limits give E2BIG, and frames
 * damaged in every field the parser trusts are refused with EINVAL.
 */
#include <CUnit/Basic.h>
#include "../lib/cu_main.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <mica/exec.h>
#include <mica/errno.h>

#define BASE 0xBFFF0000u

static u8_t frame[EXEC_FRAME_MAX + 64];

static u32_t word(u32_t idx)
{
	u32_t v;

	memcpy(&v, frame + idx * 4, 4);
	return v;
}

static void set_word(u32_t idx, u32_t v)
{
	memcpy(frame + idx * 4, &v, 4);
}

static const char *str_at(u32_t addr)
{
	return (const char *)frame + (addr - BASE);
}

static int build(char *const argv[], char *const envp[],
	const struct exec_auxv *aux, u32_t naux)
{
	int size = exec_frame_size(argv, envp, naux);

	if (size < 0)
		return size;
	CU_ASSERT_EQUAL(size % 16, 0);
	CU_ASSERT_EQUAL(exec_frame_build(frame, size, BASE, argv, envp, aux, naux), OK);
	return size;
}

static void test_roundtrip(void)
{
	char *argv[] = { "prog", "-x", "", "last arg", NULL };
	char *envp[] = { "HOME=/", "PATH=/bin", NULL };
	struct exec_auxv aux[] = { { AT_PAGESZ, 4096 }, { AT_MICA_SELF, 77 } };
	struct exec_frame f;
	int size = build(argv, envp, aux, 2);

	CU_ASSERT_FATAL(size > 0);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), OK);
	CU_ASSERT_EQUAL(f.argc, 4);
	CU_ASSERT_EQUAL(f.envc, 2);
	CU_ASSERT_EQUAL(f.nauxv, 2);
	CU_ASSERT_EQUAL(word(0), 4);
	for (int i = 0; i < 4; i++)
		CU_ASSERT_STRING_EQUAL(str_at(word(f.argv_word + i)), argv[i]);
	CU_ASSERT_EQUAL(word(f.argv_word + 4), 0);
	for (int i = 0; i < 2; i++)
		CU_ASSERT_STRING_EQUAL(str_at(word(f.envp_word + i)), envp[i]);
	CU_ASSERT_EQUAL(exec_frame_aux(frame, &f, AT_MICA_SELF, 0), 77);
	CU_ASSERT_EQUAL(exec_frame_aux(frame, &f, AT_PAGESZ, 0), 4096);
	CU_ASSERT_EQUAL(exec_frame_aux(frame, &f, AT_ENTRY, 5), 5);
}

static void test_empty(void)
{
	char *argv[] = { NULL };
	struct exec_frame f;
	int size = build(argv, NULL, NULL, 0);

	CU_ASSERT_FATAL(size > 0);
	CU_ASSERT_EQUAL(size, 32);	/* 5 words: argc, 0, 0, AT_NULL, 0 */
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), OK);
	CU_ASSERT_EQUAL(f.argc, 0);
	CU_ASSERT_EQUAL(f.envc, 0);
	CU_ASSERT_EQUAL(f.nauxv, 0);
}

static void test_limits(void)
{
	static char big[EXEC_FRAME_MAX];
	char *argv[] = { big, NULL };
	struct exec_auxv aux[EXEC_AUXV_MAX + 1];
	char *one[] = { "a", NULL };

	memset(big, 'x', sizeof(big) - 1);
	CU_ASSERT_EQUAL(exec_frame_size(argv, NULL, 0), -E2BIG);
	memset(aux, 0, sizeof(aux));
	CU_ASSERT_EQUAL(exec_frame_size(one, NULL, EXEC_AUXV_MAX + 1), -E2BIG);
	CU_ASSERT(exec_frame_size(one, NULL, EXEC_AUXV_MAX) > 0);
	/* a size that does not match the vectors */
	CU_ASSERT_EQUAL(exec_frame_build(frame, 64, BASE, one, NULL, NULL, 0), -EINVAL);
	/* a frame that would wrap the address space */
	CU_ASSERT_EQUAL(exec_frame_build(frame, exec_frame_size(one, NULL, 0),
		0xFFFFFFF0u, one, NULL, NULL, 0), -EINVAL);
}

static int fresh(void)
{
	char *argv[] = { "prog", "arg", NULL };
	char *envp[] = { "A=1", NULL };
	struct exec_auxv aux[] = { { AT_PAGESZ, 4096 } };

	return build(argv, envp, aux, 1);
}

static void test_hostile(void)
{
	struct exec_frame f;
	int size;

	size = fresh();		/* argc larger than the vector */
	set_word(0, 3);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), -EINVAL);
	size = fresh();		/* argc smaller */
	set_word(0, 1);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), -EINVAL);
	size = fresh();		/* a pointer below the frame */
	set_word(1, BASE - 4);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), -EINVAL);
	size = fresh();		/* a pointer past the end */
	set_word(2, BASE + size);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), -EINVAL);
	size = fresh();		/* a pointer into the vectors themselves */
	set_word(1, BASE + 4);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), -EINVAL);
	size = fresh();		/* the last string unterminated */
	frame[size - 1] = 'x';
	memset(frame + word(4) - BASE, 'y', size - (word(4) - BASE));
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), -EINVAL);
	size = fresh();		/* the frame cut before AT_NULL */
	CU_ASSERT_EQUAL(exec_frame_parse(frame, 6 * 4, BASE, &f), -EINVAL);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, 0, BASE, &f), -EINVAL);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, 3, BASE, &f), -EINVAL);
	size = fresh();		/* wrapping base */
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, 0xFFFFFFF0u, &f), -EINVAL);
	size = fresh();		/* no NULL anywhere: all words non-zero */
	memset(frame, 0x41, size);
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), -EINVAL);
	size = fresh();		/* still fine after all that */
	CU_ASSERT_EQUAL(exec_frame_parse(frame, size, BASE, &f), OK);
}

/* A frame of random words never makes the parser read out of bounds. */
static void test_random(void)
{
	struct exec_frame f;
	u32_t ok = 0;

	srand(1);
	for (int round = 0; round < 2000; round++) {
		u32_t size = 4 + (rand() % 64) * 4;
		u8_t *p = malloc(size);

		for (u32_t i = 0; i < size; i++)
			p[i] = (rand() % 4) ? 0 : rand();
		for (u32_t i = 0; i + 4 <= size; i += 4)
			if (rand() % 3 == 0) {
				u32_t v = BASE + rand() % (size + 8);
				memcpy(p + i, &v, 4);
			}
		if (exec_frame_parse(p, size, BASE, &f) == OK) {
			ok++;
			CU_ASSERT((f.auxv_word + 2 * f.nauxv + 2) * 4 <= size);
		}
		free(p);
	}
	CU_ASSERT(ok > 0);
}

static const struct cu_case cases[] = {
	{ "build/parse round trip", test_roundtrip },
	{ "empty vectors", test_empty },
	{ "limits", test_limits },
	{ "hostile frames", test_hostile },
	{ "random frames", test_random },
};

int main(void)
{
	return cu_main("exec_frame", cases, CU_CASES(cases));
}
