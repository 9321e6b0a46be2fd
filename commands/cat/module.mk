# commands/cat - the cat command (build/bin/mica-cat on the host).
$(eval $(call host_prog,mica-cat,commands/cat/cat.c,micacmd,))
$(eval $(call os_prog,cat,commands/cat/cat.c,micacmd))
HOST_PROGS += $(HBIN)/mica-cat
USR_PROGS += mica-cat
CFLAGS_commands/cat/ += -Icommands/libcmd
