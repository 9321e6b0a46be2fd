# tests/os/pm - the process manager in QEMU: test_pm (built with
# tools/mica-cc against newlib + libposix) is init beside PM and
# pm_double, the stand-in for VM and VFS.  Suite "pm" in
# tests/os/tests.list; its fork+exit+wait benchmark in bench.sh.
PM_DOUBLE_SRCS := tests/os/pm/pm_double.c lib/libexec/exec_frame.c
TCFLAGS_tests/os/pm/ := -isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)
$(eval $(call os_module,pm_double,$(PM_DOUBLE_SRCS)))

$(TBIN)/test_pm.elf: tests/os/pm/test_pm.c tests/os/pm/pm_double.h $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< -o $@

OS_ALL += $(TBIN)/pm_double.elf $(TBIN)/test_pm.elf
os-tests-run: $(TBIN)/pm_double.elf $(TBIN)/test_pm.elf

# exec_child: a program small enough for memfs, exec'd by test_pmexec
# and bench_pm; embedded in them by child_blob.S.
$(TOBJ)/tests/os/pm/exec_child.o: tests/os/pm/exec_child.c
	@mkdir -p $(@D)
	$(TARGET_CC) $(TARGET_CFLAGS) -Os -fno-asynchronous-unwind-tables -c $< -o $@
$(TBIN)/exec_child.elf: $(TOBJ)/tests/os/pm/exec_child.o tests/os/pm/exec_child.ld
	@mkdir -p $(@D)
	$(TARGET_LD) -m elf_i386 -n -s --build-id=none -T tests/os/pm/exec_child.ld $< -o $@
CHILD_BLOB = tests/os/pm/child_blob.S -DCHILD_ELF='"$(TBIN)/exec_child.elf"'

$(TBIN)/test_pmexec.elf: tests/os/pm/test_pmexec.c tests/os/pm/child_blob.S \
		tests/os/pm/child_install.h tests/os/lib/ktap.c $(TBIN)/exec_child.elf \
		$(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< tests/os/lib/ktap.c $(CHILD_BLOB) -o $@

OS_ALL += $(TBIN)/exec_child.elf $(TBIN)/test_pmexec.elf
os-tests-run: $(TBIN)/test_pmexec.elf
