# tests/bench/image - the bench root images and the programs they carry
# (make bench only; never part of root.img).  Both images are the
# standard root tree (tools/mkimage's staging, remade by root-img first)
# plus /usr/bench/{tsc,files,bigfile} and a longer /etc/rc, made with the
# standard mkfs.mfs options (ROOT_IMG_OPTS) under build/i386/bench/:
#
#   boot.img  root.img's size; rc ends with "tsc boot-rc" (the boot bench)
#   big.img   224 MiB, 16,384 inodes (10,000 files and two 64 MiB files
#             fit, and bigfile's raw region, the last 64 MiB, stays clear
#             of them); rc runs tsc, files and bigfile, then poweroff
#   big4k.img the same size in 4 KiB blocks (MFS V3's default; root.img
#             has 1 KiB blocks for util-linux fsck.minix); rc runs bigfile
#   disk.img  root.img's size; rc runs disk and files on the virtio disk
#             /dev/vda the disk bench attaches (tests/bench/disk), then
#             unmounts it and powers off
#
# Programs via tools/mica-cc (exec entry), stripped like the root's.
BENCH_IMG_DIR := build/i386/bench
BENCH_PROGS   := $(foreach p,tsc files bigfile disk,$(BENCH_IMG_DIR)/usr/$(p))
BENCH_BOOT_IMG := $(BENCH_IMG_DIR)/boot.img
BENCH_BIG_IMG  := $(BENCH_IMG_DIR)/big.img
BENCH_BIG_OPTS := -b 229376 -i 16384
BENCH_BIG4K_IMG  := $(BENCH_IMG_DIR)/big4k.img
BENCH_BIG4K_OPTS := -B 4096 -b 57344 -i 4096
BENCH_DISK_IMG := $(BENCH_IMG_DIR)/disk.img

$(BENCH_IMG_DIR)/usr/%: tests/bench/image/%.c tests/bench/image/meter.h $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -exec-entry -std=gnu11 -Wall -Wextra -Werror -O2 -g $< -o $@

# bench_image IMAGE, extra mkfs options, lines appended to /etc/rc
define bench_image
$(1): root-img $(BENCH_PROGS) tests/bench/image/module.mk
	rm -rf $(1).stage $(1).devtable
	cp -a $$(ROOT_STAGE) $(1).stage
	mkdir -p $(1).stage/usr/bench
	cp $$(BENCH_IMG_DIR)/usr/* $(1).stage/usr/bench/
	strip $(1).stage/usr/bench/*
	printf '%s\n' $(3) >> $(1).stage/etc/rc
	{ cat tools/mkimage/devtable; echo "/usr/bench d 755 0 0 - - - - -"; \
	  for p in $$(notdir $$(BENCH_PROGS)); do \
		echo "/usr/bench/$$$$p f 755 0 0 - - - - -"; done; } > $(1).devtable
	$$(HBIN)/mkfs.mfs $$(ROOT_IMG_OPTS) $(2) -d $(1).stage -D $(1).devtable $(1).tmp
	mv $(1).tmp $(1)
endef
$(eval $(call bench_image,$(BENCH_BOOT_IMG),,"/usr/bench/tsc boot-rc"))
$(eval $(call bench_image,$(BENCH_BIG_IMG),$(BENCH_BIG_OPTS),"/usr/bench/tsc boot-rc" \
	/usr/bench/files /usr/bench/bigfile poweroff))
$(eval $(call bench_image,$(BENCH_BIG4K_IMG),$(BENCH_BIG4K_OPTS),/usr/bench/bigfile poweroff))
$(eval $(call bench_image,$(BENCH_DISK_IMG),,"/usr/bench/disk /dev/vda /tmp/disk big.dat" \
	"/usr/bench/files 10000 /tmp/disk/files" "umount /tmp/disk" poweroff))
.PHONY: bench-images
bench-images: $(BENCH_BOOT_IMG) $(BENCH_BIG_IMG) $(BENCH_BIG4K_IMG) $(BENCH_DISK_IMG)
# The benches boot `make run`'s module list (tests/os/module.mk) with the
# bench image in place of root.img: one list, handed over in the
# environment (shell words, quoted).
bench: export BENCH_RUN_MODULES = $(RUN_MODULES)
BENCH_DEPS += $(RUN_DEPS) $(BENCH_BIG_IMG) $(BENCH_BIG4K_IMG)
BENCHES += tests/bench/image/bench.sh
