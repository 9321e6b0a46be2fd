# commands/mount - Mica only (VFS's mount/umount/statvfs calls): mount.c
# the arguments, fstype.c the type detection across servers, fstab.c -a,
# list.c the mount table (no arguments).
$(eval $(call os_prog,mount,commands/mount/mount.c commands/mount/fstype.c commands/mount/fstab.c commands/mount/list.c,micacmd))
CFLAGS_commands/mount/ += -Icommands/libcmd
