# commands/env - the env command (build/bin/mica-env on the host).
$(eval $(call host_prog,mica-env,commands/env/env.c,micacmd,))
$(eval $(call os_prog,env,commands/env/env.c,micacmd))
HOST_PROGS += $(HBIN)/mica-env
USR_PROGS += mica-env
CFLAGS_commands/env/ += -Icommands/libcmd
