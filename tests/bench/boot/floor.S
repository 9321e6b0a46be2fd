/*
 * floor.S - the floor for the boot benchmark (tests/bench/boot): a
 * multiboot (v1) kernel that does nothing but end QEMU at once through
 * isa-debug-exit (value 0: QEMU's status 1, run.sh's 0).  Timing QEMU
 * from its start to this exit measures what every boot pays before a
 * kernel runs (QEMU's own start, the firmware, the multiboot loader), so
 * the boot benchmark can say how much of Mica's boot is Mica's.
 */
#define MB_MAGIC	0x1BADB002
#define MB_FLAGS	0		/* ELF kernel: no address fields */
#define DEBUG_EXIT	0xf4		/* tools/qemu/run.sh's isa-debug-exit */

	.text
	.globl	_start
	.align	4
multiboot_header:
	.long	MB_MAGIC
	.long	MB_FLAGS
	.long	-(MB_MAGIC + MB_FLAGS)

_start:
	movw	$DEBUG_EXIT, %dx
	xorl	%eax, %eax
	outl	%eax, %dx
1:	cli
	hlt
	jmp	1b

	.section .note.GNU-stack, "", @progbits
