/* elf.h - the ELF32 structures the boot-module loader reads. */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include <mica/type.h>

#define ELFCLASS32 1
#define ET_EXEC 2
#define EM_386 3
#define PT_LOAD 1
#define PF_W 0x2	/* p_flags: writable segment */

typedef struct {
	u8_t e_ident[16];
	u16_t e_type, e_machine;
	u32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	u16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	u32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags,
		p_align;
} Elf32_Phdr;

STATIC_ASSERT(sizeof(Elf32_Ehdr) == 52, ehdr_size);
STATIC_ASSERT(sizeof(Elf32_Phdr) == 32, phdr_size);

int elf_load(struct addrspace *as, const u8_t *img, u32_t size,
	vir_bytes *entry);

#endif /* KERNEL_ELF_H */
