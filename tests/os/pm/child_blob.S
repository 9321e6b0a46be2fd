/* child_blob.S - exec_child.elf inside the program that installs it in
 * the file system before exec'ing it (test_pmexec, bench_pm).  CHILD_ELF
 * is the built file's path (tests/os/pm/module.mk). */
	.section .rodata
	.globl child_elf, child_elf_end
	.balign 4
child_elf:
	.incbin CHILD_ELF
child_elf_end:
