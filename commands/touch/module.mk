# commands/touch - the touch command (build/bin/mica-touch on the host).
$(eval $(call host_prog,mica-touch,commands/touch/touch.c,micacmd,))
$(eval $(call os_prog,touch,commands/touch/touch.c,micacmd))
HOST_PROGS += $(HBIN)/mica-touch
USR_PROGS += mica-touch
CFLAGS_commands/touch/ += -Icommands/libcmd
