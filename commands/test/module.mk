# commands/test - the test command; test.c is also a builtin of the shell.
$(eval $(call host_prog,mica-test,commands/test/test.c commands/test/main.c,micacmd,))
$(eval $(call os_prog,test,commands/test/test.c commands/test/main.c,micacmd))
HOST_PROGS += $(HBIN)/mica-test
CFLAGS_commands/test/ += -Icommands/libcmd
