# tests/unit/memops - CUnit tests of mica/memops.h (the kernel's and
# libsys's memset/memcpy: x86 string instructions, run on the host).
$(eval $(call host_prog,test_memops,tests/unit/memops/t_memops.c,,-lcunit))
UNIT_TESTS += $(HBIN)/test_memops
