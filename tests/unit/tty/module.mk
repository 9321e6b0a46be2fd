# tests/unit/tty - CUnit tests of the TTY line discipline (drivers/tty),
# built from the driver's own pure sources.
TEST_TTY_SRCS := tests/unit/tty/t_ldisc.c drivers/tty/ldisc.c \
	drivers/tty/ldisc_ioctl.c
CFLAGS_tests/unit/tty/ += -Idrivers/tty
$(eval $(call host_prog,test_tty,$(TEST_TTY_SRCS),,-lcunit))
UNIT_TESTS += $(HBIN)/test_tty
