/*
 * elf.c - load a boot module (an i386 ELF executable) into an address
 * space.  The image is hostile until checked: header, program headers and
 * every PT_LOAD segment must lie inside the module and inside user space,
 * or the module is refused with ENOEXEC.
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
		if (ph[i].p_type == PT_LOAD && ph[i].p_memsz &&
		    (r = load_segment(as, img, size, &ph[i])) != OK)
			return r;
	*entry = eh->e_entry;
	return OK;
}
