# commands/rmdir - the rmdir command (build/bin/mica-rmdir on the host).
$(eval $(call host_prog,mica-rmdir,commands/rmdir/rmdir.c,micacmd,))
$(eval $(call os_prog,rmdir,commands/rmdir/rmdir.c,micacmd))
HOST_PROGS += $(HBIN)/mica-rmdir
USR_PROGS += mica-rmdir
CFLAGS_commands/rmdir/ += -Icommands/libcmd
