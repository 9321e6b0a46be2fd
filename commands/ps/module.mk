# commands/ps - list processes: /proc (procfs) when mounted, else PM's
# PM_GETPROCS (mica/procinfo.h).  Mica only.
$(eval $(call os_prog,ps,commands/ps/ps.c commands/ps/proc.c,micacmd))
CFLAGS_commands/ps/ += -Icommands/libcmd
