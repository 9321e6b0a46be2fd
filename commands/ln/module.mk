# commands/ln - the ln command (build/bin/mica-ln on the host).
$(eval $(call host_prog,mica-ln,commands/ln/ln.c,micacmd,))
$(eval $(call os_prog,ln,commands/ln/ln.c,micacmd))
HOST_PROGS += $(HBIN)/mica-ln
USR_PROGS += mica-ln
CFLAGS_commands/ln/ += -Icommands/libcmd
