# tests/unit/mbr - CUnit tests of the virtio-blk driver's MBR parser
# (bdev/virtio_blk/mbr.c, plain C: the same source the driver links).
CFLAGS_tests/unit/mbr/ += -Ibdev/virtio_blk
$(eval $(call host_prog,test_mbr,tests/unit/mbr/t_mbr.c bdev/virtio_blk/mbr.c,,-lcunit))
UNIT_TESTS += $(HBIN)/test_mbr
