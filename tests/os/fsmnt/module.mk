# tests/os/fsmnt - suite fsmnt: ext2 and ISO 9660 served in Mica, mounted
# with mount -t / -a / -r (test_fsmnt.c says what it checks).  The images
# come from outside tools (mkimages.sh: xorriso, mke2fs) and are boot data
# modules build/i386/fsmnt_{iso,e2,bad}.img; tests/os/fsmnt.check judges
# what the guest printed and left with cksum(1), e2fsck and debugfs.
FSMNT_IMGS := build/i386/fsmnt_iso.img build/i386/fsmnt_e2.img build/i386/fsmnt_bad.img
$(TBIN)/test_fsmnt.elf: tests/os/fsmnt/test_fsmnt.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< -o $@
$(FSMNT_IMGS) &: tests/os/fsmnt/mkimages.sh tests/os/fsmnt/module.mk
	@mkdir -p build/i386
	bash tests/os/fsmnt/mkimages.sh build/i386/fsmnt_trees
OS_ALL += $(TBIN)/test_fsmnt.elf
os-tests-run: $(TBIN)/test_fsmnt.elf $(FSMNT_IMGS) $(TBIN)/ext2.elf $(TBIN)/isofs.elf
