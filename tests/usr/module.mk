# tests/usr - the in-OS userland suite (tests/usr/README.md): the runner
# /usr/tests/run (built by tools/mica-cc like a command, Mica only: it
# powers off with reboot_status) and the shell scripts it runs, staged into
# the root image's /usr/tests through ROOT_EXTRA (tools/mkimage/module.mk:
# "DEST=SRC" pairs).  Suite "usr" in tests/os/tests.list boots the whole
# system with init running /etc/rc.tests, which runs /usr/tests/run -T.
USR_TESTS_BIN := $(TUSR)/tests
CFLAGS_tests/usr/ += -Icommands/libcmd
$(USR_TESTS_BIN)/run: $(TUSR)/obj/tests/usr/run.o $(TUSR)/lib/libmicacmd.a $(MICA_CC_STAMP)
	@mkdir -p $(@D)
	$(MICA_CC) -exec-entry $(TUSR)/obj/tests/usr/run.o $(TUSR)/lib/libmicacmd.a -o $@
# Test programs: tests/usr/t_NAME.c -> /usr/tests/t_NAME (TAP on stdout).
USR_TEST_PROGS := $(patsubst tests/usr/%.c,%,$(wildcard tests/usr/t_*.c))
$(foreach t,$(USR_TEST_PROGS),$(eval $(USR_TESTS_BIN)/$(t): $(TUSR)/obj/tests/usr/$(t).o $(MICA_CC_STAMP) ; \
	@mkdir -p $$(@D) && $$(MICA_CC) -exec-entry $$< -o $$@))
ROOT_EXTRA += $(foreach t,$(USR_TEST_PROGS),usr/tests/$(t)=$(USR_TESTS_BIN)/$(t))
ROOT_EXTRA_DEPS += $(addprefix $(USR_TESTS_BIN)/,$(USR_TEST_PROGS))
USR_TESTS_SRCS := $(wildcard tests/usr/*.sh tests/usr/lib/*.sh tests/usr/fixtures/*) \
	tests/usr/README.md
ROOT_EXTRA += usr/tests/run=$(USR_TESTS_BIN)/run \
	$(foreach f,$(USR_TESTS_SRCS),usr/tests/$(f:tests/usr/%=%)=$(f))
# The directories too: a script removed or renamed remakes the image.
ROOT_EXTRA_DEPS += $(USR_TESTS_BIN)/run $(USR_TESTS_SRCS) tests/usr tests/usr/lib \
	tests/usr/fixtures
OS_ALL += $(USR_TESTS_BIN)/run
os-tests-run: $(RUN_DEPS)
# A second file system for mount.sh and t_mntinfo: a small ext2 image
# (mke2fs -d, as suite fsmnt makes its own) given to the usr suite's boot
# as RUN_IMAGES, so it is /dev/ram1 and /etc/fstab mounts it on /mnt
# (ro, type detected) when /etc/rc runs.  Only the @run suite boots
# RUN_MODULES, so only it gets the image.
USR_MNT_IMG := build/i386/usr_mnt.img
$(USR_MNT_IMG): tests/usr/module.mk
	@mkdir -p $(@D)
	rm -rf $@.d; mkdir -p $@.d/sub; echo "on ram1" > $@.d/sub/file
	mke2fs -q -F -t ext2 -b 1024 -N 32 -d $@.d $@.tmp 256k >/dev/null
	rm -rf $@.d; mv $@.tmp $@
os-tests-run: $(USR_MNT_IMG)
os-tests-run: RUN_IMAGES = $(USR_MNT_IMG)
# Suite bdev85 (tests/os/bdev85.*): its program lives in /usr/tests/bdev85,
# a directory the usr suite's runner skips (it needs the suite's disks);
# /etc/rc.bdev85 runs the runner on that directory.
USR_BDEV85 := $(USR_TESTS_BIN)/bdev85/t_bdev85
$(USR_BDEV85): $(TUSR)/obj/tests/usr/bdev85/t_bdev85.o $(MICA_CC_STAMP)
	@mkdir -p $(@D)
	$(MICA_CC) -exec-entry $< -o $@
ROOT_EXTRA += usr/tests/bdev85/t_bdev85=$(USR_BDEV85)
ROOT_EXTRA_DEPS += $(USR_BDEV85)
# ... and its memory-driver disks: scratch ram2 and ram3 of n*4 KiB + 512
# and n*4 KiB - 512 bytes (bdev/memory: sizeI=), given to every @run boot
# (the usr suite leaves them alone); bdev85.check reads the sizes back from
# the module list test-os.sh gets.
os-tests-run: RUN_MEM_ARGS = size2=262656 size3=261632
