# commands/tail - the tail command (build/bin/mica-tail on the host).
$(eval $(call host_prog,mica-tail,commands/tail/tail.c,micacmd,))
$(eval $(call os_prog,tail,commands/tail/tail.c,micacmd))
HOST_PROGS += $(HBIN)/mica-tail
USR_PROGS += mica-tail
CFLAGS_commands/tail/ += -Icommands/libcmd
