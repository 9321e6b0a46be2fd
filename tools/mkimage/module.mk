# tools/mkimage - Mica's root file system image, build/i386/root.img.
# Sorts after commands/ and lib/: every os_prog is registered by now.
.PHONY: usr
usr: $(OS_PROGS)
OS_ALL += $(OS_PROGS)

# The image: a staging tree made afresh from the commands and
# tools/mkimage/etc, then mkfs.mfs -d STAGING -D devtable (root owners and
# /dev nodes without being root).  1 KiB blocks so util-linux fsck.minix can
# check it too; 8 MiB with 1024 inodes leaves room in /tmp.
ROOT_IMG      := build/i386/root.img
ROOT_STAGE    := build/i386/root.stage
ROOT_IMG_OPTS := -q -B 1024 -b 8192 -i 1024 -T 1000000000
ROOT_ETC      := $(wildcard tools/mkimage/etc/*)
# ROOT_EXTRA: more files as DEST=SRC pairs (DEST relative to the root, e.g.
# usr/tests/run=build/i386/usr/tests/run), with their ROOT_EXTRA_DEPS.
$(ROOT_IMG): $(OS_PROGS) $(ROOT_ETC) tools/mkimage/devtable tools/mkimage/stage.sh \
		$(HBIN)/mkfs.mfs $(ROOT_EXTRA_DEPS)
	rm -rf $(ROOT_STAGE) $@
	bash tools/mkimage/stage.sh $(ROOT_STAGE) tools/mkimage/etc $(OS_PROGS) \
		$(ROOT_EXTRA)
	$(HBIN)/mkfs.mfs $(ROOT_IMG_OPTS) -d $(ROOT_STAGE) \
		-D tools/mkimage/devtable $@.tmp && mv $@.tmp $@
.PHONY: root-img
root-img: $(ROOT_IMG)
OS_ALL += $(ROOT_IMG)
HOST_TESTS += tests/host/root_img.sh
test-host: $(ROOT_IMG)
os-tests-run: $(ROOT_IMG)
HOST_TESTS += tests/host/run_bounds.sh
test-host: $(KERNEL_ELF) $(TBIN)/demo.elf $(TBIN)/test_timer.elf
HOST_TESTS += tests/host/run_session.sh
test-host: $(RUN_DEPS)
HOST_TESTS += tests/host/root_virtio.sh tests/host/root_virtio_eio.sh
test-host: $(RUN_DEPS) $(HBIN)/micafuse $(HBIN)/fsck.mfs
HOST_TESTS += tests/host/pty_script.sh
