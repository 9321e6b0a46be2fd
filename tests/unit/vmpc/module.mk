# tests/unit/vmpc - CUnit tests of VM's page-cache index (vm/pcache.c, plain
# C without kernel calls: the same source VM links).
CFLAGS_tests/unit/vmpc/ += -Ivm
$(eval $(call host_prog,test_vmpc,tests/unit/vmpc/t_vmpc.c vm/pcache.c,,-lcunit))
UNIT_TESTS += $(HBIN)/test_vmpc
