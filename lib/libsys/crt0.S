/*
 * crt0.S - start of a boot module.  The kernel leaves on the stack the
 * process's endpoint and a pointer to its argument string (kernel/main.c);
 * libsys_start() records them, runs main(args) and exits with its value.
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
	call libsys_start
1:	jmp 1b

	.section .note.GNU-stack, "", @progbits
