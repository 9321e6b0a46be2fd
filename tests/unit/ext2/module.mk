# tests/unit/ext2 - CUnit tests of the ext2 driver, driving ext2_table on
# images made by mke2fs at test time and judged by e2fsck -fn / debugfs.
EXT2_TEST_SRCS := $(wildcard tests/unit/ext2/*.c)
CFLAGS_tests/unit/ext2/ += -Ifs/ext2
$(eval $(call host_prog,test_ext2,$(EXT2_TEST_SRCS),ext2 fsdriver minixfs,-lcunit))
UNIT_TESTS += $(HBIN)/test_ext2
