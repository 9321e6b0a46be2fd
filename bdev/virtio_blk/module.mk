# bdev/virtio_blk - the virtio-blk driver: legacy virtio-pci disks found
# by PCI scan, served as block minors (disk * 8 + part) over
# lib/libblockdriver; MBR primaries as partitions (mbr.c, also unit-tested
# on the host: tests/unit/mbr).
VIRTIO_BLK_SRCS := bdev/virtio_blk/blk.c bdev/virtio_blk/virtio.c \
	bdev/virtio_blk/pci.c bdev/virtio_blk/mbr.c lib/libblockdriver/driver.c
$(eval $(call os_module,virtio_blk,$(VIRTIO_BLK_SRCS)))
OS_ALL += $(TBIN)/virtio_blk.elf
os-tests-run: $(TBIN)/virtio_blk.elf
