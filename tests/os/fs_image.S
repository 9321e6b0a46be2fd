/*
 * fs_image.S - the MFS image test_fs loads into the memory driver, made on
 * the host by mkfs.mfs at build time (tests/os/module.mk: FS_TEST_IMAGE)
 * and carried in test_fs's read-only data: the driver cannot take a boot
 * module's bytes (bdev/memory/README.md), so the client writes them in.
 */
	.section .rodata
	.balign 4096
	.globl fs_image_start, fs_image_end
fs_image_start:
	.incbin FS_TEST_IMAGE
fs_image_end:
	.section .note.GNU-stack, "", @progbits
