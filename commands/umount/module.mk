# commands/umount - Mica only (VFS's mount/umount/statvfs calls).
$(eval $(call os_prog,umount,commands/umount/umount.c,micacmd))
CFLAGS_commands/umount/ += -Icommands/libcmd
