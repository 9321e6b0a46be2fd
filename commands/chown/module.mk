# commands/chown - the chown command (build/bin/mica-chown on the host).
$(eval $(call host_prog,mica-chown,commands/chown/chown.c,micacmd,))
$(eval $(call os_prog,chown,commands/chown/chown.c,micacmd))
HOST_PROGS += $(HBIN)/mica-chown
USR_PROGS += mica-chown
CFLAGS_commands/chown/ += -Icommands/libcmd
