# tests/unit/chardriver - CUnit tests of lib/libchardriver over a fake
# kernel defined in the test itself.
TEST_CHARDRIVER_SRCS := tests/unit/chardriver/t_chardriver.c \
	lib/libchardriver/chardriver.c
$(eval $(call host_prog,test_chardriver,$(TEST_CHARDRIVER_SRCS),,-lcunit))
UNIT_TESTS += $(HBIN)/test_chardriver
# The test sees the host's errno values (CUnit includes <errno.h>); the
# library's host objects must use the same ones (mica/errno.h defers to
# them when they are defined first).
CFLAGS_lib/libchardriver/ += -include errno.h
