# commands/sleep - the sleep command (build/bin/mica-sleep on the host).
$(eval $(call host_prog,mica-sleep,commands/sleep/sleep.c,micacmd,))
$(eval $(call os_prog,sleep,commands/sleep/sleep.c,micacmd))
HOST_PROGS += $(HBIN)/mica-sleep
USR_PROGS += mica-sleep
CFLAGS_commands/sleep/ += -Icommands/libcmd
