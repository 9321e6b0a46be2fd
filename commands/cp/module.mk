# commands/cp - the cp command (build/bin/mica-cp on the host).
$(eval $(call host_prog,mica-cp,commands/cp/cp.c,micacmd,))
$(eval $(call os_prog,cp,commands/cp/cp.c,micacmd))
HOST_PROGS += $(HBIN)/mica-cp
USR_PROGS += mica-cp
CFLAGS_commands/cp/ += -Icommands/libcmd
