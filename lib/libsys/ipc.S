/*
 * ipc.S - the IPC trap: eax = operation, ebx = endpoint, ecx = message or
 * table address, edx = count; the result comes back in eax.
 */
#define IPC_VECTOR 0x80
#define KCALL_VECTOR 0x81

.macro IPC_STUB name, op
	.globl \name
\name:
	pushl %ebx
	movl $\op, %eax
	movl 8(%esp), %ebx
	movl 12(%esp), %ecx
	movl 16(%esp), %edx
	int $IPC_VECTOR
	popl %ebx
	ret
.endm

	.text
IPC_STUB ipc_send, 1
IPC_STUB ipc_receive, 2
IPC_STUB ipc_sendrec, 3
IPC_STUB ipc_notify, 4
IPC_STUB ipc_sendnb, 5

/* ipc_senda(table, count): ebx is unused, ecx = table, edx = count. */
	.globl ipc_senda
ipc_senda:
	pushl %ebx
	movl $6, %eax
	xorl %ebx, %ebx
	movl 8(%esp), %ecx
	movl 12(%esp), %edx
	int $IPC_VECTOR
	popl %ebx
	ret

/* ipc_raw(op, endpoint, address, count): any operation number, for tests. */
	.globl ipc_raw
ipc_raw:
	pushl %ebx
	movl 8(%esp), %eax
	movl 12(%esp), %ebx
	movl 16(%esp), %ecx
	movl 20(%esp), %edx
	int $IPC_VECTOR
	popl %ebx
	ret

/* kernel_call(message address): returns the result. */
	.globl kernel_call
kernel_call:
	movl 4(%esp), %eax
	int $KCALL_VECTOR
	ret

	.section .note.GNU-stack, "", @progbits
