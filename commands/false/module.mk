# commands/false - the false command (build/bin/mica-false on the host).
$(eval $(call host_prog,mica-false,commands/false/false.c,micacmd,))
$(eval $(call os_prog,false,commands/false/false.c,micacmd))
HOST_PROGS += $(HBIN)/mica-false
USR_PROGS += mica-false
CFLAGS_commands/false/ += -Icommands/libcmd
