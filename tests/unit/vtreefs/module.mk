# tests/unit/vtreefs - CUnit tests of lib/libvtreefs, driving vtree_table
# directly on the host (plain-memory fsdriver_data, lib/libfsdriver/host.c).
$(eval $(call host_prog,test_vtreefs,tests/unit/vtreefs/test_vtree.c,vtreefs fsdriver,-lcunit))
UNIT_TESTS += $(HBIN)/test_vtreefs
