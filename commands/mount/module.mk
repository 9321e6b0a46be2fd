# commands/mount - Mica only (VFS's mount/umount/statvfs calls).
$(eval $(call os_prog,mount,commands/mount/mount.c commands/mount/list.c,micacmd))
CFLAGS_commands/mount/ += -Icommands/libcmd
