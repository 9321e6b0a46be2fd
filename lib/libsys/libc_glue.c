/*
 * libc_glue.c - what newlib's libc asks of the system, for a system
 * service that links it (a file-system server) instead of libsys's own
 * printf and string functions (libsys_libc.a, module.mk).  A service is no
 * POSIX process: it has no file descriptors and, until VM exists, no brk.
 *
 * The names are the ones newlib's reentrant wrappers call (its build
 * provides no system calls of its own, lib/libc/newlib-build.sh).
 *
 *   sbrk      a heap in its own window [LIBC_HEAP_BASE, + LIBC_HEAP_MAX),
 *             pages mapped with SYS_MEMMAP as the break grows (so only
 *             for processes allowed that call: priv=sys).  Interim: once
 *             VM serves brk, servers get their heap from VM like every
 *             process and this goes.
 *   write     descriptors 1 and 2 go to the console (sys_diag_print);
 *   others    fail (-1): read, close, lseek, fstat, isatty (0), kill;
 *             getpid is the endpoint, _exit is sys_exit.
 *   posix_memalign  over newlib's memalign: newlib's aligned_alloc calls
 *             it and its generic build has none (libminixfs's slab uses
 *             aligned_alloc).
 * Nothing here sets errno (the freestanding libsys build has none); the
 * callers see -1 or NULL, and newlib's malloc sets ENOMEM itself.
 */
#include <mica/syslib.h>

#define LIBC_HEAP_BASE	0x80000000u
#define LIBC_HEAP_MAX	(64u << 20)

static vir_bytes heap_brk = LIBC_HEAP_BASE;	/* the break */
static vir_bytes heap_mapped = LIBC_HEAP_BASE;	/* pages below are mapped */

void *sbrk(int incr)
{
	vir_bytes old = heap_brk, want, top;

	if (incr < 0 ? (u32_t)-incr > old - LIBC_HEAP_BASE :
	    (u32_t)incr > LIBC_HEAP_BASE + LIBC_HEAP_MAX - old)
		return (void *)-1;
	want = old + (vir_bytes)incr;
	if (want > heap_mapped) {
		top = (want + PAGE_SIZE - 1) & ~(vir_bytes)(PAGE_SIZE - 1);
		if (sys_memmap(SELF, heap_mapped, top - heap_mapped,
		    MAP_WRITE) != OK)
			return (void *)-1;
		heap_mapped = top;
	}
	heap_brk = want;
	return (void *)old;
}

int write(int fd, const void *buf, size_t len)
{
	if (fd != 1 && fd != 2)
		return -1;
	return sys_diag_print(buf, len) == OK ? (int)len : -1;
}

int read(int fd, void *buf, size_t len)
{
	(void)fd, (void)buf, (void)len;
	return -1;
}

int close(int fd)
{
	(void)fd;
	return -1;
}

long lseek(int fd, long off, int whence)
{
	(void)fd, (void)off, (void)whence;
	return -1;
}

int fstat(int fd, void *st)
{
	(void)fd, (void)st;
	return -1;
}

int isatty(int fd)
{
	(void)fd;
	return 0;
}

int kill(int pid, int sig)
{
	(void)pid, (void)sig;
	return -1;
}

int getpid(void)
{
	return sys_self;
}

void _exit(int status)
{
	sys_exit(status);
}

void *memalign(size_t align, size_t bytes);	/* newlib's */

int posix_memalign(void **p, size_t align, size_t bytes)
{
	void *m;

	if (align < sizeof(void *) || (align & (align - 1)) != 0)
		return EINVAL;
	if ((m = memalign(align, bytes)) == NULL)
		return ENOMEM;
	*p = m;
	return 0;
}
