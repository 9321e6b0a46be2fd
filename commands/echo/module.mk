# commands/echo - the echo command; echo.c is also a builtin of the shell.
$(eval $(call host_prog,mica-echo,commands/echo/echo.c commands/echo/main.c,micacmd,))
$(eval $(call os_prog,echo,commands/echo/echo.c commands/echo/main.c,micacmd))
HOST_PROGS += $(HBIN)/mica-echo
CFLAGS_commands/echo/ += -Icommands/libcmd
