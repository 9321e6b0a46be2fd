# commands/wc - the wc command (build/bin/mica-wc on the host).
$(eval $(call host_prog,mica-wc,commands/wc/wc.c,micacmd,))
$(eval $(call os_prog,wc,commands/wc/wc.c,micacmd))
HOST_PROGS += $(HBIN)/mica-wc
USR_PROGS += mica-wc
CFLAGS_commands/wc/ += -Icommands/libcmd
