# commands/pwd - the pwd command (build/bin/mica-pwd on the host).
$(eval $(call host_prog,mica-pwd,commands/pwd/pwd.c,micacmd,))
$(eval $(call os_prog,pwd,commands/pwd/pwd.c,micacmd))
HOST_PROGS += $(HBIN)/mica-pwd
USR_PROGS += mica-pwd
CFLAGS_commands/pwd/ += -Icommands/libcmd
