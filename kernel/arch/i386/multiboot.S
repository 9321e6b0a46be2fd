/*
 * multiboot.S - Multiboot v1 header and the kernel entry point.
 *
 * QEMU's -kernel loader finds the header in the first 8 KiB, loads the ELF
 * at its link address (1 MiB, kernel.ld), and jumps to _start in 32-bit
 * protected mode with paging off, eax = the multiboot magic and ebx = the
 * multiboot information.  We switch to our own stack and call kmain().
 */
#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00000003	/* page-align modules, give memory info */

	.section .multiboot, "a"
	.align 4
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.section .bss
	.align 16
	.globl kernel_stack_top
kernel_stack:
	.space 16384
kernel_stack_top:

	.text
	.globl _start
_start:
	cli
	movl $kernel_stack_top, %esp
	pushl $0
	popfl
	pushl %ebx
	pushl %eax
	call kmain
1:	cli
	hlt
	jmp 1b

	.section .note.GNU-stack, "", @progbits
