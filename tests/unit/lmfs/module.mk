# tests/unit/lmfs - CUnit tests of libminixfs over a fault-injecting fake
# device (and a real temporary file for the host device seam).
LMFS_TEST_SRCS := $(wildcard tests/unit/lmfs/*.c)
$(eval $(call host_prog,test_lmfs,$(LMFS_TEST_SRCS),minixfs,-lcunit))
UNIT_TESTS += $(HBIN)/test_lmfs
