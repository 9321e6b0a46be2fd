# bdev/memory - the memory driver: /dev/ram0 (block) and /dev/null, zero,
# random (character), a boot module on SEF over lib/libblockdriver and
# lib/libchardriver.
MEMORY_SRCS := bdev/memory/memory.c lib/libblockdriver/driver.c \
	lib/libchardriver/chardriver.c
$(eval $(call os_module,memory,$(MEMORY_SRCS)))
OS_ALL += $(TBIN)/memory.elf
os-tests-run: $(TBIN)/memory.elf
