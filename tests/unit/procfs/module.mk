# tests/unit/procfs - CUnit tests of fs/procfs on the host over a fake
# struct procfs_src, driving vtree_table as VFS would.
$(eval $(call host_prog,test_procfs,tests/unit/procfs/test_procfs.c,procfs vtreefs fsdriver,-lcunit))
CFLAGS_tests/unit/procfs/ += -Ifs/procfs
UNIT_TESTS += $(HBIN)/test_procfs
