# tests/unit/lmfsos - CUnit test of libminixfs's OS device (bdev_dev.c)
# on the host, over a fake libbdev.
$(eval $(call host_prog,test_lmfsos,tests/unit/lmfsos/test_bdev_dev.c libminixfs/bdev_dev.c,,-lcunit))
UNIT_TESTS += $(HBIN)/test_lmfsos
