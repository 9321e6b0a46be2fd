/*
 * crt0.S - entry of a C program started as a boot module.  The kernel
 * leaves [endpoint, pointer to the argument string] at the stack pointer
 * (kernel/main.c); lc_boot_start (boot.c) turns that into the standard
 * exec frame (mica/exec.h) and runs the program through lc_start.
 * Programs started by exec (PM, later) will enter at _start_exec with
 * the exec frame itself at the stack pointer.
 */
	.text
	.globl _start
_start:
	movl (%esp), %eax
	movl 4(%esp), %edx
	andl $-16, %esp
	subl $8, %esp
	pushl %edx
	pushl %eax
	call lc_boot_start
1:	hlt
	jmp 1b

	.globl _start_exec
_start_exec:
	movl %esp, %eax
	andl $-16, %esp
	subl $12, %esp
	pushl %eax
	call lc_exec_start
2:	hlt
	jmp 2b

	.section .note.GNU-stack, "", @progbits
