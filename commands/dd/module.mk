# commands/dd - the dd command (build/bin/mica-dd on the host).
$(eval $(call host_prog,mica-dd,commands/dd/dd.c,micacmd,))
$(eval $(call os_prog,dd,commands/dd/dd.c,micacmd))
HOST_PROGS += $(HBIN)/mica-dd
USR_PROGS += mica-dd
CFLAGS_commands/dd/ += -Icommands/libcmd
