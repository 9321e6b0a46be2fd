# commands/rm - the rm command (build/bin/mica-rm on the host).
$(eval $(call host_prog,mica-rm,commands/rm/rm.c,micacmd,))
$(eval $(call os_prog,rm,commands/rm/rm.c,micacmd))
HOST_PROGS += $(HBIN)/mica-rm
USR_PROGS += mica-rm
CFLAGS_commands/rm/ += -Icommands/libcmd
