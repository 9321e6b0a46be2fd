# commands/vnconfig - Mica only (VFS's bdattach call, bdev/vnd).
$(eval $(call os_prog,vnconfig,commands/vnconfig/vnconfig.c,micacmd))
CFLAGS_commands/vnconfig/ += -Icommands/libcmd
