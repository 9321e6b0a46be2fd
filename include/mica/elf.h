/*
 * elf.h - the ELF32 structures Mica reads: the kernel's boot-module loader
 * (kernel/elf.c) and VFS's exec (vfs/exec.c).  Only what they check.
 */
#ifndef MICA_ELF_H
#define MICA_ELF_H

#include <mica/type.h>

#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_386 3
#define PT_LOAD 1
#define PF_X 0x1
#define PF_W 0x2
#define PF_R 0x4

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

#endif /* MICA_ELF_H */
