# bdev/memory - the memory driver as a block device (/dev/ram0), a boot
# module on SEF over lib/libblockdriver.
MEMORY_SRCS := bdev/memory/memory.c lib/libblockdriver/driver.c
$(eval $(call os_module,memory,$(MEMORY_SRCS)))
OS_ALL += $(TBIN)/memory.elf
os-tests-run: $(TBIN)/memory.elf
