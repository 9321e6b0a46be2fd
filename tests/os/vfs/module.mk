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

# vfs_rs (RS's stand-in of the vfsmfs suite) carries an MFS image the host
# mkfs.mfs makes from tests/os/vfs/mfs_tree, the root VFS mounts.
VFS_TEST_IMAGE := build/i386/vfs_test.img
$(VFS_TEST_IMAGE): $(HBIN)/mkfs.mfs $(shell find tests/os/vfs/mfs_tree)
	@mkdir -p $(@D)
	rm -f $@; $(HBIN)/mkfs.mfs -q -B 4096 -b 120 -i 128 -T 1000000000 \
		-d tests/os/vfs/mfs_tree $@
$(TOBJ)/tests/os/vfs/vfs_image.o: $(VFS_TEST_IMAGE)
$(TOBJ)/tests/os/vfs/vfs_image.o: TCFLAGS_EXTRA := -DVFS_TEST_IMAGE='"$(VFS_TEST_IMAGE)"'
$(eval $(call os_module,vfs_rs,tests/os/vfs/vfs_rs.c tests/os/vfs/vfs_image.S lib/libbdev/bdev.c))
OS_ALL += $(TBIN)/vfs_rs.elf
os-tests-run: $(TBIN)/vfs_rs.elf
