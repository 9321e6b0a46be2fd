# commands/ps - list processes (Mica only: PM's PM_GETPROCS, mica/procinfo.h).
$(eval $(call os_prog,ps,commands/ps/ps.c,micacmd))
CFLAGS_commands/ps/ += -Icommands/libcmd
