# tests/unit/sef - CUnit tests of libsys's host-testable parts (SEF, live
# update, asynsend, grant table, timers) over a fake kernel (fake.c).
TEST_SEF_SRCS := $(wildcard tests/unit/sef/*.c)
CFLAGS_tests/unit/sef/ += -Ilib/libsys
$(eval $(call host_prog,test_sef,$(TEST_SEF_SRCS),sys_host,-lcunit))
UNIT_TESTS += $(HBIN)/test_sef
