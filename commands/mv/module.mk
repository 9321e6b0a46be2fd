# commands/mv - the mv command (build/bin/mica-mv on the host).
$(eval $(call host_prog,mica-mv,commands/mv/mv.c,micacmd,))
$(eval $(call os_prog,mv,commands/mv/mv.c,micacmd))
HOST_PROGS += $(HBIN)/mica-mv
USR_PROGS += mica-mv
CFLAGS_commands/mv/ += -Icommands/libcmd
