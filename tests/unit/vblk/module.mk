# tests/unit/vblk - CUnit tests of the whole virtio-blk driver
# (bdev/virtio_blk with lib/libblockdriver) on the host, against a fake
# legacy virtio-blk PCI function that can lie (t_vblk.c).  The driver's
# main() becomes vblk_main, its DMA window moves below 4 GiB where a host
# process (and ASan) can map it, and errno values are the host's on both
# sides (libsys's snprintf, which takes a u32_t size, is renamed out of
# the host libc's way).
TEST_VBLK_SRCS := tests/unit/vblk/t_vblk.c bdev/virtio_blk/blk.c \
	bdev/virtio_blk/virtio.c bdev/virtio_blk/pci.c bdev/virtio_blk/mbr.c \
	lib/libblockdriver/driver.c
CFLAGS_bdev/virtio_blk/ += -include errno.h -Dmain=vblk_main \
	-DVIO_DMA_VADDR=0x40000000u -Dsnprintf=mica_snprintf
CFLAGS_lib/libblockdriver/ += -include errno.h -Dsnprintf=mica_snprintf \
	-Dmain=mica_main
CFLAGS_tests/unit/vblk/ += -include errno.h -Ibdev/virtio_blk
$(eval $(call host_prog,test_vblk,$(TEST_VBLK_SRCS),,-lcunit))
UNIT_TESTS += $(HBIN)/test_vblk
