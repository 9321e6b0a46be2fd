/*
 * trap.S - entry stubs for every vector the kernel uses.
 *
 * Each stub pushes a dummy error code where the CPU does not, then the
 * vector number, and jumps to trap_common, which saves the general and
 * segment registers into a struct trapframe (arch.h: the layout is checked
 * there) and calls trap_entry(frame).  trap_entry may overwrite the frame
 * with another process's registers; we restore whatever it holds and iret.
 * Every gate is an interrupt gate, so the kernel runs with interrupts off.
 */
#define KDATA_SEL 0x10

	.text
.macro TRAP_NOERR vec
	.globl trap_\vec
trap_\vec:
	pushl $0
	pushl $\vec
	jmp trap_common
.endm

.macro TRAP_ERR vec
	.globl trap_\vec
trap_\vec:
	pushl $\vec
	jmp trap_common
.endm

TRAP_NOERR 0
TRAP_NOERR 1
TRAP_NOERR 2
TRAP_NOERR 3
TRAP_NOERR 4
TRAP_NOERR 5
TRAP_NOERR 6
TRAP_NOERR 7
TRAP_ERR   8
TRAP_NOERR 9
TRAP_ERR   10
TRAP_ERR   11
TRAP_ERR   12
TRAP_ERR   13
TRAP_ERR   14
TRAP_NOERR 15
TRAP_NOERR 16
TRAP_ERR   17
TRAP_NOERR 18
TRAP_NOERR 19
TRAP_NOERR 32
TRAP_NOERR 33
TRAP_NOERR 34
TRAP_NOERR 35
TRAP_NOERR 36
TRAP_NOERR 37
TRAP_NOERR 38
TRAP_NOERR 39
TRAP_NOERR 40
TRAP_NOERR 41
TRAP_NOERR 42
TRAP_NOERR 43
TRAP_NOERR 44
TRAP_NOERR 45
TRAP_NOERR 46
TRAP_NOERR 47
TRAP_NOERR 128
TRAP_NOERR 129

trap_common:
	pushal
	pushl %ds
	pushl %es
	pushl %fs
	pushl %gs
	movw $KDATA_SEL, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %fs
	movw %ax, %gs
	pushl %esp
	call trap_entry
	addl $4, %esp
trap_restore:
	popl %gs
	popl %fs
	popl %es
	popl %ds
	popal
	addl $8, %esp
	iret

/* arch_enter_user(tf): start the first process from a frame. */
	.globl arch_enter_user
arch_enter_user:
	movl 4(%esp), %esp
	jmp trap_restore

	.section .note.GNU-stack, "", @progbits
