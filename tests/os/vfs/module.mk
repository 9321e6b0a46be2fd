# tests/os/vfs - VFS in QEMU: test_vfs (built with tools/mica-cc against
# newlib + libposix) doing the POSIX file calls through the real VFS, on
# memfs (a stand-in file-system server speaking mica/vfsif.h), with
# libc_double standing in for PM and VM.  Suite "vfs" in tests.list.
TCFLAGS_tests/os/vfs/ := -isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)
$(eval $(call os_module,memfs,tests/os/vfs/memfs.c))

$(TBIN)/test_vfs.elf: tests/os/vfs/test_vfs.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< -o $@

OS_ALL += $(TBIN)/memfs.elf $(TBIN)/test_vfs.elf
os-tests-run: $(TBIN)/memfs.elf $(TBIN)/test_vfs.elf
