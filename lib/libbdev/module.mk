# lib/libbdev - the block protocol client, linked into the OS programs that
# use it (today: the bdev test; tests/os/module.mk adds OS_TEST_EXTRA_<name>).
LIBBDEV_SRCS := lib/libbdev/bdev.c
OS_TEST_EXTRA_test_bdev := $(LIBBDEV_SRCS)
