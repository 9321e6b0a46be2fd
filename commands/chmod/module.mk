# commands/chmod - the chmod command (build/bin/mica-chmod on the host).
$(eval $(call host_prog,mica-chmod,commands/chmod/chmod.c,micacmd,))
$(eval $(call os_prog,chmod,commands/chmod/chmod.c,micacmd))
HOST_PROGS += $(HBIN)/mica-chmod
USR_PROGS += mica-chmod
CFLAGS_commands/chmod/ += -Icommands/libcmd
