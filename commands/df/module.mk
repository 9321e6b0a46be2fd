# commands/df - Mica only (VFS's mount/umount/statvfs calls).
$(eval $(call os_prog,df,commands/df/df.c,micacmd))
CFLAGS_commands/df/ += -Icommands/libcmd
