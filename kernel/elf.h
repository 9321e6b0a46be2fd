/* elf.h - the boot-module loader; the ELF32 structures are mica/elf.h. */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include <mica/elf.h>

int elf_load(struct addrspace *as, const u8_t *img, u32_t size,
	vir_bytes *entry);

#endif /* KERNEL_ELF_H */
