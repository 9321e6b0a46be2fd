# commands/printf - the printf command; printf.c is also a builtin of the shell.
$(eval $(call host_prog,mica-printf,commands/printf/printf.c commands/printf/main.c,micacmd,))
$(eval $(call os_prog,printf,commands/printf/printf.c commands/printf/main.c,micacmd))
HOST_PROGS += $(HBIN)/mica-printf
CFLAGS_commands/printf/ += -Icommands/libcmd
