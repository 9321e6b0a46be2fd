/*
 * vfs_image.S - the MFS root image vfs_rs writes into the memory driver,
 * made on the host by mkfs.mfs from tests/os/vfs/mfs_tree at build time
 * (tests/os/vfs/module.mk) and carried in vfs_rs's read-only data.
 */
	.section .rodata
	.balign 4096
	.globl vfs_image_start, vfs_image_end
vfs_image_start:
	.incbin VFS_TEST_IMAGE
vfs_image_end:
	.section .note.GNU-stack, "", @progbits
