# commands/script - run a shell on a pseudo-terminal and log it
# (build/bin/mica-script on the host).
$(eval $(call host_prog,mica-script,commands/script/script.c,micacmd,))
$(eval $(call os_prog,script,commands/script/script.c,micacmd))
HOST_PROGS += $(HBIN)/mica-script
USR_PROGS += mica-script
CFLAGS_commands/script/ += -Icommands/libcmd
