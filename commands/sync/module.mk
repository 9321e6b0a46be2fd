# commands/sync - the sync command (build/bin/mica-sync on the host).
$(eval $(call host_prog,mica-sync,commands/sync/sync.c,micacmd,))
$(eval $(call os_prog,sync,commands/sync/sync.c,micacmd))
HOST_PROGS += $(HBIN)/mica-sync
USR_PROGS += mica-sync
CFLAGS_commands/sync/ += -Icommands/libcmd
