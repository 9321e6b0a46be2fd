# tests/unit/isofs - CUnit tests of the ISO 9660 file system, on images made
# by genisoimage/xorriso at test time and on hand-built hostile images.
TEST_ISOFS_SRCS := $(wildcard tests/unit/isofs/*.c)
CFLAGS_tests/unit/isofs/ += -Ifs/isofs
$(eval $(call host_prog,test_isofs,$(TEST_ISOFS_SRCS),isofs fsdriver minixfs,-lcunit))
UNIT_TESTS += $(HBIN)/test_isofs
