# tests/unit/lmfs - CUnit tests of libminixfs over a fault-injecting fake
# device (and a real temporary file for the host device seam), and of
# libfsdriver's block special reads over it (t_fsbio.c).
LMFS_TEST_SRCS := $(wildcard tests/unit/lmfs/*.c)
$(eval $(call host_prog,test_lmfs,$(LMFS_TEST_SRCS),fsdriver minixfs,-lcunit))
UNIT_TESTS += $(HBIN)/test_lmfs
