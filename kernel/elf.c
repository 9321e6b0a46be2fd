/*
 * elf.c - load a boot module (an i386 ELF executable) into an address
 * space.  The image is hostile until checked: header, program headers and
 * every PT_LOAD segment must lie inside the module and inside user space,
 * or the module is refused with ENOEXEC.
 *
 * W^X: segments are filled through writable mappings, then every page
 * that only read-only segments (text, read-only data: no PF_W) cover is
 * made read-only, so a program cannot overwrite its own code, neither
 * directly (SIGSEGV) nor through a grant it issued to itself (EFAULT).  A
 * page a writable segment shares stays writable (lib/libsys/user.ld
 * page-aligns data so that does not happen to text).
 */
#include "kernel.h"
#include "elf.h"

static int check_header(const Elf32_Ehdr *eh, u32_t size)
{
	if (size < sizeof(*eh) || eh->e_ident[0] != 0x7f ||
	    eh->e_ident[1] != 'E' || eh->e_ident[2] != 'L' ||
	    eh->e_ident[3] != 'F' || eh->e_ident[4] != ELFCLASS32 ||
	    eh->e_type != ET_EXEC || eh->e_machine != EM_386 ||
	    eh->e_phentsize != sizeof(Elf32_Phdr) || eh->e_phnum > 32 ||
	    eh->e_phoff > size || eh->e_phnum * sizeof(Elf32_Phdr) > size - eh->e_phoff)
		return -ENOEXEC;
	if (eh->e_entry < USER_BASE || eh->e_entry >= USER_TOP)
		return -ENOEXEC;
	return OK;
}

static int load_segment(struct addrspace *as, const u8_t *img, u32_t size,
	const Elf32_Phdr *ph)
{
	vir_bytes start = ph->p_vaddr & ~(PAGE_SIZE - 1);
	u32_t end;
	int r;

	if (ph->p_filesz > ph->p_memsz || ph->p_offset > size ||
	    ph->p_filesz > size - ph->p_offset || ph->p_vaddr < USER_BASE ||
	    ph->p_vaddr >= USER_TOP || ph->p_memsz > USER_TOP - ph->p_vaddr)
		return -ENOEXEC;
	end = (ph->p_vaddr + ph->p_memsz + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if ((r = arch_map(as, start, end - start, 1)) != OK)
		return r;
	return arch_copy_to_user(as, ph->p_vaddr, img + ph->p_offset,
		ph->p_filesz);
}

static int loadable(const Elf32_Phdr *ph)
{
	return ph->p_type == PT_LOAD && ph->p_memsz;
}

/* Does a writable segment cover any byte of the page at va? */
static int page_written(const Elf32_Phdr *ph, int n, vir_bytes va)
{
	int i;

	for (i = 0; i < n; i++)
		if (loadable(&ph[i]) && (ph[i].p_flags & PF_W) &&
		    ph[i].p_vaddr < va + PAGE_SIZE &&
		    ph[i].p_vaddr + ph[i].p_memsz > va)
			return 1;
	return 0;
}

/* Make the pages of read-only segment ro read-only (checked by load). */
static int protect_segment(struct addrspace *as, const Elf32_Phdr *ph, int n,
	const Elf32_Phdr *ro)
{
	vir_bytes va = ro->p_vaddr & ~(PAGE_SIZE - 1);
	vir_bytes end = ro->p_vaddr + ro->p_memsz;
	u32_t done;
	int r;

	for (; va < end; va += PAGE_SIZE) {
		if (page_written(ph, n, va))
			continue;
		done = 0;
		while ((r = arch_protect(as, va, PAGE_SIZE, VMPROT_READ, &done)) > 0)
			;
		if (r < 0)
			return r;
	}
	return OK;
}

/* Map and fill every PT_LOAD segment; *entry gets the entry point. */
int elf_load(struct addrspace *as, const u8_t *img, u32_t size,
	vir_bytes *entry)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)img;
	const Elf32_Phdr *ph;
	int i, r;

	if ((r = check_header(eh, size)) != OK)
		return r;
	ph = (const Elf32_Phdr *)(img + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++)
		if (loadable(&ph[i]) &&
		    (r = load_segment(as, img, size, &ph[i])) != OK)
			return r;
	for (i = 0; i < eh->e_phnum; i++)
		if (loadable(&ph[i]) && !(ph[i].p_flags & PF_W) &&
		    (r = protect_segment(as, ph, eh->e_phnum, &ph[i])) != OK)
			return r;
	*entry = eh->e_entry;
	return OK;
}
