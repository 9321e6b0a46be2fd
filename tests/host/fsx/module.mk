# tests/host/fsx/module.mk - the random-operation exerciser (fsxr) and the
# MFS host tests that drive micafuse through real mounts (run as root by
# `make test-host`, with BIN=<abs build/bin>).
FSXR_SRCS := $(wildcard tests/host/fsx/*.c)
$(eval $(call host_prog,fsxr,$(FSXR_SRCS),,))
HOST_PROGS += $(HBIN)/fsxr

HOST_TESTS += tests/host/fsx/selftest.sh \
	tests/host/mfs_oracle.sh \
	tests/host/mfs_mkfs.sh \
	tests/host/mfs_posix.sh \
	tests/host/mfs_fsx.sh \
	tests/host/mfs_damage.sh
