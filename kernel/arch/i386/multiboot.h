/* multiboot.h - the parts of the Multiboot v1 information the kernel reads. */
#ifndef KERNEL_ARCH_MULTIBOOT_H
#define KERNEL_ARCH_MULTIBOOT_H

#include <mica/type.h>

#define MULTIBOOT_LOADER_MAGIC 0x2BADB002
#define MBI_MEM   0x001
#define MBI_MODS  0x008

struct multiboot_info {
	u32_t flags;
	u32_t mem_lower, mem_upper;	/* KiB below 1 MiB / above 1 MiB */
	u32_t boot_device, cmdline;
	u32_t mods_count, mods_addr;
};

struct multiboot_module {
	u32_t start, end;		/* physical, [start, end) */
	u32_t cmdline;			/* "path args" */
	u32_t reserved;
};

#endif /* KERNEL_ARCH_MULTIBOOT_H */
