# tests/unit/fsdos - CUnit tests of libfsdriver's OS front end
# (lib/libfsdriver/os_*.c but os_dev.c) on the host, over the SEF suite's
# fake kernel plus fake_os.c, against a fake file system (fake_fs.c).
TEST_FSDOS_SRCS := $(wildcard tests/unit/fsdos/*.c) tests/unit/sef/fake.c \
	$(FSDRIVER_OS_SRCS)
CFLAGS_tests/unit/fsdos/ += -Itests/unit/sef -Ilib/libfsdriver
$(eval $(call host_prog,test_fsdos,$(TEST_FSDOS_SRCS),sys_host,-lcunit))
UNIT_TESTS += $(HBIN)/test_fsdos
