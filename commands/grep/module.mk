# commands/grep - grep with its own basic-regular-expression matcher.
$(eval $(call host_prog,mica-grep,commands/grep/grep.c commands/grep/bre.c,micacmd,))
$(eval $(call os_prog,grep,commands/grep/grep.c commands/grep/bre.c,micacmd))
HOST_PROGS += $(HBIN)/mica-grep
USR_PROGS += mica-grep
CFLAGS_commands/grep/ += -Icommands/libcmd
