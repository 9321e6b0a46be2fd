# commands/libcmd - what the small commands share (messages, usage,
# signal names, copying); each command is build/bin/mica-NAME on the host
# (commands/NAME/module.mk), portable POSIX C for the Mica build later.
LIBCMD_SRCS := $(wildcard commands/libcmd/*.c)
$(eval $(call host_lib,micacmd,$(LIBCMD_SRCS)))
$(eval $(call os_lib,micacmd,$(LIBCMD_SRCS)))
CFLAGS_commands/libcmd/ += -Icommands/libcmd

# The host ring runs the shell and the commands built with ASan/UBSan
# (build/asan/bin/): test-host builds that variant of every USR_PROGS.
USR_PROGS += mica-sh mica-echo mica-printf mica-test
ifeq ($(VARIANT),host)
.PHONY: usr-asan
test-host: usr-asan
usr-asan:
	@$(MAKE) --no-print-directory VARIANT=asan \
		$(addprefix build/asan/bin/,$(USR_PROGS))
endif

# The commands against GNU coreutils and grep.
HOST_TESTS += tests/host/cmd_oracle.sh
