# commands/date - the date command (build/bin/mica-date on the host).
$(eval $(call host_prog,mica-date,commands/date/date.c,micacmd,))
$(eval $(call os_prog,date,commands/date/date.c,micacmd))
HOST_PROGS += $(HBIN)/mica-date
USR_PROGS += mica-date
CFLAGS_commands/date/ += -Icommands/libcmd
