# commands/sh - Mica's POSIX shell.  On the host it is build/bin/mica-sh
# (portable POSIX C: the same sources build for Mica with tools/mica-cc).
SH_SRCS := $(wildcard commands/sh/*.c)
$(eval $(call host_prog,mica-sh,$(SH_SRCS),,))
HOST_PROGS += $(HBIN)/mica-sh

# Compared with dash (and bash where dash is not POSIX) by the host ring.
HOST_TESTS += tests/host/sh_posix.sh
