# commands/stat - the stat command (build/bin/mica-stat on the host).
$(eval $(call host_prog,mica-stat,commands/stat/stat.c,micacmd,))
$(eval $(call os_prog,stat,commands/stat/stat.c,micacmd))
HOST_PROGS += $(HBIN)/mica-stat
USR_PROGS += mica-stat
CFLAGS_commands/stat/ += -Icommands/libcmd
