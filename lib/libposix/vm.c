/*
 * vm.c - the address space, through VM: the heap break (sbrk/brk, under
 * newlib's malloc) and anonymous mappings; file and block-device mappings
 * go to VFS (VFS_MMAP: it checks the descriptor and asks VM, which fills
 * the pages on demand through its page cache, vm/README.md).  The break
 * starts at the end of the program image (_end, from prog.ld); the first
 * request tells VM where this process believes it is, every later one
 * asks VM to move it.
 */
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "posix.h"

extern char _end[];
static vir_bytes lc_brk;

static int brk_call(vir_bytes addr)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_lc_vm_brk.addr = addr;
	if ((r = lc_call(VM_PROC_NR, VM_BRK, &m)) < 0)
		return -1;
	lc_brk = addr;
	return 0;
}

int brk(void *addr)
{
	if (!lc_brk && brk_call((vir_bytes)_end) < 0)
		return -1;
	if ((vir_bytes)addr < (vir_bytes)_end)
		return lc_err(-ENOMEM);
	return brk_call((vir_bytes)addr);
}

void *sbrk(ptrdiff_t incr)
{
	vir_bytes old;

	if (!lc_brk && brk_call((vir_bytes)_end) < 0)
		return (void *)-1;
	old = lc_brk;
	if ((incr > 0 && old + incr < old) || (incr < 0 && old + incr < (vir_bytes)_end)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (incr && brk_call(old + incr) < 0) {
		errno = ENOMEM;
		return (void *)-1;
	}
	return (void *)old;
}
void *_sbrk(ptrdiff_t incr) { return sbrk(incr); }

static int map_call(int callnr, void *addr, size_t len, int prot, int flags,
	int fd, off_t off, vir_bytes *out)
{
	endpoint_t to = callnr == VFS_MMAP || callnr == VFS_MSYNC ?
		VFS_PROC_NR : VM_PROC_NR;
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vm_mmap.addr = (vir_bytes)addr;
	m.m_lc_vm_mmap.len = len;
	m.m_lc_vm_mmap.prot = prot;
	m.m_lc_vm_mmap.flags = flags;
	m.m_lc_vm_mmap.fd = fd;
	m.m_lc_vm_mmap.offset = off;
	if (lc_call(to, callnr, &m) < 0)
		return -1;
	if (out)
		*out = m.m_lc_vm_mmap.addr;
	return 0;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	vir_bytes a;
	int anon = !!(flags & MAP_ANONYMOUS);

	if (len == 0 || off < 0 || (off & (PAGE_SIZE - 1))) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	if (map_call(anon ? VM_MMAP : VFS_MMAP, addr, len, prot, flags,
	    anon ? -1 : fd, anon ? 0 : off, &a) < 0)
		return MAP_FAILED;
	return (void *)a;
}

int munmap(void *addr, size_t len)
{
	if (((vir_bytes)addr & (PAGE_SIZE - 1)) || len == 0)
		return lc_err(-EINVAL);
	return map_call(VM_MUNMAP, addr, len, 0, 0, -1, 0, NULL);
}

int mprotect(void *addr, size_t len, int prot)
{
	if ((vir_bytes)addr & (PAGE_SIZE - 1))
		return lc_err(-EINVAL);
	return map_call(VM_MPROTECT, addr, len, prot, 0, -1, 0, NULL);
}

/* Write back the dirty pages of the shared file mappings in [addr,
 * addr+len): VFS asks VM for them and writes them through the file
 * system (VFS_MSYNC); MS_ASYNC does the same at once. */
int msync(void *addr, size_t len, int flags)
{
	int how = flags & (MS_SYNC | MS_ASYNC);

	if (((vir_bytes)addr & (PAGE_SIZE - 1)) || how == (MS_SYNC | MS_ASYNC) ||
	    (flags & ~(MS_SYNC | MS_ASYNC | MS_INVALIDATE)))
		return lc_err(-EINVAL);
	return map_call(VFS_MSYNC, addr, len, 0, flags, -1, 0, NULL);
}
