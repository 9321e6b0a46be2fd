# tests/os - in-QEMU tests (boot modules printing TAP) and the `make run` demo.
# Each test_*.c is one boot-module program whose role comes from its command
# line; tests.list says which modules each suite boots.
# test_fs (the MFS server, fake VFS) carries an MFS image the host
# mkfs.mfs makes from tests/os/fs_tree (fs_image.S: .incbin), and lists
# its directories with mica/dirent.h (the compiler's stddef/stdint).  1 KiB
# blocks, so util-linux fsck.minix can check what the run left (fs.check).
FS_TEST_IMAGE := build/i386/fs_test.img
OS_TEST_EXTRA_test_fs := lib/libbdev/bdev.c tests/os/fs_image.S
OS_TEST_EXTRA_test_rootimg := lib/libbdev/bdev.c
OS_TEST_EXTRA_test_rs := lib/libbdev/bdev.c
OS_TEST_EXTRA_test_vblk := lib/libbdev/bdev.c
OS_TEST_EXTRA_test_vnd := lib/libbdev/bdev.c
$(FS_TEST_IMAGE): $(HBIN)/mkfs.mfs $(shell find tests/os/fs_tree) tests/os/module.mk
	@mkdir -p $(@D)
	rm -f $@; $(HBIN)/mkfs.mfs -q -B 1024 -b 384 -i 64 -T 1000000000 \
		-d tests/os/fs_tree $@
$(TOBJ)/tests/os/fs_image.o: $(FS_TEST_IMAGE)
$(TOBJ)/tests/os/fs_image.o: TCFLAGS_EXTRA := -DFS_TEST_IMAGE='"$(FS_TEST_IMAGE)"'
$(TOBJ)/tests/os/test_fs.o: TCFLAGS_EXTRA := \
	-isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)
$(TOBJ)/tests/os/test_pfs.o: TCFLAGS_EXTRA := \
	-isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)

OS_TEST_NAMES := $(basename $(notdir $(wildcard tests/os/test_*.c)))
$(foreach t,$(OS_TEST_NAMES),$(eval $(call os_module,$(t),tests/os/$(t).c tests/os/tap.c $(OS_TEST_EXTRA_$(t)))))
$(eval $(call os_module,demo,tests/os/demo.c))

OS_TEST_ELFS := $(foreach t,$(OS_TEST_NAMES),$(TBIN)/$(t).elf)
OS_ALL += $(TBIN)/demo.elf $(OS_TEST_ELFS)

# OS_TEST_KVM=1 runs the suites under KVM when /dev/kvm is usable (TCG is
# the default and what CI uses); OS_TEST_TIMEOUT bounds each boot (s).
.PHONY: os-tests-run
# Some suites check on the host what the guest left (tests/os/NAME.check,
# e.g. fs.check runs fsck.mfs on the device test_fs dumped).
OS_CHECK_TOOLS := $(HBIN)/fsck.mfs
os-tests-run: $(KERNEL_ELF) $(OS_TEST_ELFS) $(OS_CHECK_TOOLS)
	MICA_RUN_MODULES='$(RUN_MODULES)' bash tools/qemu/test-os.sh \
		$(if $(filter 1,$(OS_TEST_KVM)),--kvm) \
		$(KERNEL_ELF) tests/os/tests.list $(TBIN)
OS_TESTS += os-tests-run

# `make run`: the whole system, in the boot order of include/mica/com.h
# (module i is slot and endpoint i): VM, PM, VFS, RS (which gives every
# service the privileges of servers/rs/boot.conf, so only RS has priv=sys),
# DS, TTY, the memory driver serving the root image (module 10, "data": no
# process) as /dev/ram0, MFS on it, PFS, then init (a user process, pid 1),
# the root image, slot 11 the virtio-blk driver (/dev/vda.. when QEMU has
# disks), the ext2 and ISO 9660 servers in 12 and 13, idle until a mount
# names them (servers/ext2/README.md), then the vnode disk (bdev/vnd,
# /dev/vnd0..3) in 14 and a second MFS (label mfs2, for `mount -t mfs2` of
# a vnd or a disk) in 15, procfs (fs/procfs, mounted on /proc by
# /etc/fstab) in 16; RS's arguments are 114 of the kernel's 127
# bytes (kernel/main.c ARGS_MAX; a longer line is refused at boot, not cut).  RUN_IMAGES: more data modules
# after them (17..19), served as /dev/ram1.. (bdev/memory/README.md), e.g.
# `make run RUN_IMAGES="$PWD/my.iso"`.  RUN_MEM_ARGS: more memory-driver words,
# e.g. scratch disks "size2=BYTES" (the @run suites get two, tests/usr).
# tools/qemu/mica.sh: interactive on a terminal; with stdin a pipe a
# scripted session that powers off at end of input; a boot that shows no
# prompt ends with an error (MICA_BOOT_TIMEOUT).  MICA_DISK="a.img ..."
# attaches disk images (vda, vdb, ...), MICA_ROOT=vda (or vda1..) mounts
# the root file system from one of them instead of /dev/ram0 (README.md).
RUN_MODULES = "$(TBIN)/vm.elf" "$(TBIN)/pm.elf" "$(TBIN)/vfs.elf" \
	"$(TBIN)/rs.elf priv=sys vm=0 pm=1 vfs=2 ds=4 tty=5 memory=6 mfs=7 pfs=8 virtio_blk=11 ext2=12 iso9660=13 vnd=14 mfs2=15 procfs=16" \
	"$(TBIN)/ds.elf" "$(TBIN)/tty.elf" \
	"$(TBIN)/memory.elf image=10$(RUN_IMAGE_ARGS)$(if $(RUN_MEM_ARGS), $(RUN_MEM_ARGS))" "$(TBIN)/mfs.elf" \
	"$(TBIN)/pfs.elf" "$(TUSR)/bin/init" "$(ROOT_IMG) data" "$(TBIN)/virtio_blk.elf" \
	"$(TBIN)/ext2.elf" "$(TBIN)/isofs.elf" "$(TBIN)/vnd.elf" "$(TBIN)/mfs.elf" \
	"$(TBIN)/procfs.elf" \
	$(foreach i,$(RUN_IMAGES),"$(i) data")
RUN_IMAGE_ARGS = $(if $(word 1,$(RUN_IMAGES)), image1=17)$(if \
	$(word 2,$(RUN_IMAGES)), image2=18)$(if $(word 3,$(RUN_IMAGES)), image3=19)
RUN_DEPS += $(KERNEL_ELF) $(foreach m,vm pm vfs rs ds tty memory mfs pfs virtio_blk ext2 isofs vnd procfs,$(TBIN)/$(m).elf) \
	$(TUSR)/bin/init $(ROOT_IMG)
RUN_CMD = bash tools/qemu/mica.sh $(KERNEL_ELF) $(RUN_MODULES)

# test_rootimg: the root image (tools/mkimage) through the memory driver
# (image=N) and MFS; MFS's on-disk constants from fs/mfs.
$(TOBJ)/tests/os/test_rootimg.o: TCFLAGS_EXTRA := -Ifs/mfs \
	-isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)
# test_rs (suite rsimg) checks the same image's superblock.
$(TOBJ)/tests/os/test_rs.o: TCFLAGS_EXTRA := -Ifs/mfs \
	-isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)
