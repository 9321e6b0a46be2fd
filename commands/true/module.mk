# commands/true - the true command (build/bin/mica-true on the host).
$(eval $(call host_prog,mica-true,commands/true/true.c,micacmd,))
$(eval $(call os_prog,true,commands/true/true.c,micacmd))
HOST_PROGS += $(HBIN)/mica-true
USR_PROGS += mica-true
CFLAGS_commands/true/ += -Icommands/libcmd
