/*
 * trap.S - entry stubs for every vector the kernel uses.
 *
 * Each stub pushes a dummy error code where the CPU does not, then the
 * vector number, and jumps to trap_common, which saves the general and
 * segment registers into a struct trapframe (arch.h: the layout is checked
 * there) and calls trap_entry(frame), which returns the frame to resume.
 * From ring 3 the CPU switches to the TSS's esp0, which points just past
 * the running process's struct trapframe (arch_set_kstack), so the frame is
 * built directly in the process's register area and nothing is copied; the
 * C code then runs on the one kernel stack.  Leaving is popping the frame
 * of the process picked to run next.  From ring 0 (an interrupt while
 * idling) the frame is on the kernel stack and is resumed in place.
 * Every gate is an interrupt gate, so the kernel runs with interrupts off.
 */
#define KDATA_SEL 0x10
#define TF_CS (15 * 4)			/* offsetof(struct trapframe, cs) */

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
	movw $KDATA_SEL, %ax		/* the kernel never uses fs and gs */
	movw %ax, %ds
	movw %ax, %es
	movl %esp, %eax			/* the frame */
	testl $3, TF_CS(%esp)
	jz 1f
	movl $kernel_stack_top, %esp	/* from ring 3: the frame is in struct proc */
1:	pushl %eax
	call trap_entry			/* returns the frame to resume */
	movl %eax, %esp
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
