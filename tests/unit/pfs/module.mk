# tests/unit/pfs - CUnit tests of the pipe file system, driving pfs_table
# directly on the host (plain-memory fsdriver_data, lib/libfsdriver/host.c)
# with a fake of the server's saved inode mark: a random workload checked
# against a reference FIFO, the limits, hostile arguments, a "restart".
TEST_PFS_SRCS := $(wildcard tests/unit/pfs/*.c)
$(eval $(call host_prog,test_pfs,$(TEST_PFS_SRCS),pfs fsdriver,-lcunit))
UNIT_TESTS += $(HBIN)/test_pfs
CFLAGS_tests/unit/pfs/ += -Ifs/pfs
