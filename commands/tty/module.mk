# commands/tty - the tty command (build/bin/mica-tty on the host).
$(eval $(call host_prog,mica-tty,commands/tty/tty.c,micacmd,))
$(eval $(call os_prog,tty,commands/tty/tty.c,micacmd))
HOST_PROGS += $(HBIN)/mica-tty
USR_PROGS += mica-tty
CFLAGS_commands/tty/ += -Icommands/libcmd
