# commands/poweroff - sync and power Mica off (Mica only: reboot(2) is PM's).
$(eval $(call os_prog,poweroff,commands/poweroff/poweroff.c,micacmd))
CFLAGS_commands/poweroff/ += -Icommands/libcmd
