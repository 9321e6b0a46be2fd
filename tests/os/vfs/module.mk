# tests/os/vfs - VFS in QEMU: test_vfs (built with tools/mica-cc against
# newlib + libposix) doing the POSIX file calls through the real VFS and
# PFS, in the suites vfs, vfspm, vfstty, vfsmfs and vfsexec (tests.list;
# vfs/README.md says what each adds).  memfs is a small server speaking
# mica/vfsif.h directly; vfs_rs starts services in order as RS would.
TCFLAGS_tests/os/vfs/ := -isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)
$(eval $(call os_module,memfs,tests/os/vfs/memfs.c))

$(TBIN)/test_vfs.elf: tests/os/vfs/test_vfs.c tests/os/lib/ktap.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< tests/os/lib/ktap.c -o $@

OS_ALL += $(TBIN)/memfs.elf $(TBIN)/test_vfs.elf
os-tests-run: $(TBIN)/memfs.elf $(TBIN)/test_vfs.elf

# vfs_rs (RS's stand-in of the vfsmfs and vfsexec suites) carries an MFS
# image the host mkfs.mfs makes from tests/os/vfs/mfs_tree plus
# /bin/hello (exec_hello, stripped), the root VFS mounts.
VFS_TEST_IMAGE := build/i386/vfs_test.img
VFS_TEST_TREE  := build/i386/vfs_tree
$(TBIN)/exec_hello.elf: tests/os/vfs/exec_hello.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -exec-entry $< -o $@
$(VFS_TEST_IMAGE): $(HBIN)/mkfs.mfs $(shell find tests/os/vfs/mfs_tree) \
		$(TBIN)/exec_hello.elf tests/os/vfs/module.mk
	@mkdir -p $(@D)
	rm -rf $(VFS_TEST_TREE) $@; mkdir -p $(VFS_TEST_TREE)/bin
	cp -R tests/os/vfs/mfs_tree/. $(VFS_TEST_TREE)/
	strip -o $(VFS_TEST_TREE)/bin/hello $(TBIN)/exec_hello.elf
	chmod 755 $(VFS_TEST_TREE)/bin/hello
	$(HBIN)/mkfs.mfs -q -B 4096 -b 120 -i 128 -T 1000000000 \
		-d $(VFS_TEST_TREE) $@
$(TOBJ)/tests/os/vfs/vfs_image.o: $(VFS_TEST_IMAGE)
$(TOBJ)/tests/os/vfs/vfs_image.o: TCFLAGS_EXTRA := -DVFS_TEST_IMAGE='"$(VFS_TEST_IMAGE)"'
$(eval $(call os_module,vfs_rs,tests/os/vfs/vfs_rs.c tests/os/vfs/vfs_image.S lib/libbdev/bdev.c))
OS_ALL += $(TBIN)/vfs_rs.elf
os-tests-run: $(TBIN)/vfs_rs.elf
