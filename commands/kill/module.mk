# commands/kill - the kill command (build/bin/mica-kill on the host).
$(eval $(call host_prog,mica-kill,commands/kill/kill.c,micacmd,))
$(eval $(call os_prog,kill,commands/kill/kill.c,micacmd))
HOST_PROGS += $(HBIN)/mica-kill
USR_PROGS += mica-kill
CFLAGS_commands/kill/ += -Icommands/libcmd
