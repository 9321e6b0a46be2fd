# tests/unit/mfs - CUnit tests of the MFS logic, driving mfs_table directly
# on image files made at test time (util-linux mkfs.minix for 1 KiB blocks,
# a small builder for larger V3 blocks) and checked with fsck.minix -f.
MFS_TEST_SRCS := $(wildcard tests/unit/mfs/*.c)
$(eval $(call host_prog,test_mfs,$(MFS_TEST_SRCS),mfs fsdriver minixfs,-lcunit))
UNIT_TESTS += $(HBIN)/test_mfs
CFLAGS_tests/unit/mfs/ += -Ifs/mfs
