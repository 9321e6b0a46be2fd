# commands/sh - Mica's POSIX shell.  On the host it is build/bin/mica-sh
# (portable POSIX C: the same sources build for Mica with tools/mica-cc).
# echo, printf and test are builtins made of the commands' own sources.
SH_SRCS := $(wildcard commands/sh/*.c) commands/echo/echo.c \
	commands/printf/printf.c commands/test/test.c
$(eval $(call host_prog,mica-sh,$(SH_SRCS),micacmd,))
$(eval $(call os_prog,sh,$(SH_SRCS),micacmd))
HOST_PROGS += $(HBIN)/mica-sh
CFLAGS_commands/sh/ += -Icommands/libcmd

# Compared with dash (and bash where dash is not POSIX) by the host ring;
# its limits and a short fuzz under ASan/UBSan in sh_hostile.sh.
HOST_TESTS += tests/host/sh_posix.sh tests/host/sh_hostile.sh
