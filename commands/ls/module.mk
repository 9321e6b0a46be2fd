# commands/ls - the ls command (build/bin/mica-ls on the host).
$(eval $(call host_prog,mica-ls,commands/ls/ls.c,micacmd,))
$(eval $(call os_prog,ls,commands/ls/ls.c,micacmd))
HOST_PROGS += $(HBIN)/mica-ls
USR_PROGS += mica-ls
CFLAGS_commands/ls/ += -Icommands/libcmd
