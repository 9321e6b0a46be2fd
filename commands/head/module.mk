# commands/head - the head command (build/bin/mica-head on the host).
$(eval $(call host_prog,mica-head,commands/head/head.c,micacmd,))
$(eval $(call os_prog,head,commands/head/head.c,micacmd))
HOST_PROGS += $(HBIN)/mica-head
USR_PROGS += mica-head
CFLAGS_commands/head/ += -Icommands/libcmd
