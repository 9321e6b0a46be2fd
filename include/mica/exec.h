/*
 * exec.h - the initial stack frame of a Mica program: what the process
 * finds at its stack pointer when it starts, built in one place
 * (lib/libexec/exec_frame.c) by whoever starts a program (the C library's
 * boot-module start-up today; PM/VM's exec later) and parsed there too.
 *
 * Layout, i386 System V style, every slot a 32-bit word, at sp upwards:
 *
 *   argc
 *   argv[0] .. argv[argc-1], 0
 *   envp[0] .. envp[envc-1], 0
 *   auxv: (type, value) pairs, ended by (AT_NULL, 0)
 *   the strings, NUL-terminated, argv's then envp's
 *
 * The whole frame is size bytes starting at base (the address sp will
 * hold); every pointer in it points into [base, base + size).  The size
 * is a multiple of 16 so that sp stays 16-byte aligned.
 */
#ifndef MICA_EXEC_H
#define MICA_EXEC_H

#include <mica/type.h>

/* auxv types (the System V numbers, plus Mica's own from 0x1000) */
#define AT_NULL      0
#define AT_PAGESZ    6
#define AT_ENTRY     9
#define AT_MICA_SELF 0x1000	/* the process's endpoint */

#define EXEC_FRAME_MAX  (128 * 1024)	/* bytes, arguments and environment */
#define EXEC_AUXV_MAX   16

struct exec_auxv {
	u32_t type;
	u32_t value;
};

/* Where each part of a checked frame is, as word indices from base. */
struct exec_frame {
	u32_t argc;
	u32_t envc;
	u32_t nauxv;		/* pairs before AT_NULL */
	u32_t argv_word;	/* index of argv[0] */
	u32_t envp_word;	/* index of envp[0] */
	u32_t auxv_word;	/* index of the first auxv type */
};

/*
 * Bytes a frame for these vectors needs (a multiple of 16), or a negative
 * error: -E2BIG beyond EXEC_FRAME_MAX or EXEC_AUXV_MAX.  argv and envp end
 * with NULL; envp may be NULL (empty).
 */
int exec_frame_size(char *const argv[], char *const envp[], u32_t nauxv);

/*
 * Build the frame into buf (size bytes from exec_frame_size) as it must
 * appear at address base.  auxv has nauxv entries; AT_NULL is added.
 * Returns OK or the exec_frame_size error (-E2BIG, -EINVAL for a size
 * that does not match).
 */
int exec_frame_build(void *buf, u32_t size, vir_bytes base,
	char *const argv[], char *const envp[],
	const struct exec_auxv *auxv, u32_t nauxv);

/*
 * Check a frame that claims to live at base with at most size bytes (it
 * may be hostile: from a message or a user's memory) and locate its
 * parts.  Every vector must end inside the frame, every pointer must
 * point inside it at a NUL-terminated string.  OK or -EINVAL.
 */
int exec_frame_parse(const void *buf, u32_t size, vir_bytes base,
	struct exec_frame *f);

/* The value of auxv entry type in a parsed frame, or dflt. */
u32_t exec_frame_aux(const void *buf, const struct exec_frame *f, u32_t type,
	u32_t dflt);

#endif /* MICA_EXEC_H */
