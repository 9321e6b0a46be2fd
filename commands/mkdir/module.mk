# commands/mkdir - the mkdir command (build/bin/mica-mkdir on the host).
$(eval $(call host_prog,mica-mkdir,commands/mkdir/mkdir.c,micacmd,))
$(eval $(call os_prog,mkdir,commands/mkdir/mkdir.c,micacmd))
HOST_PROGS += $(HBIN)/mica-mkdir
USR_PROGS += mica-mkdir
CFLAGS_commands/mkdir/ += -Icommands/libcmd
