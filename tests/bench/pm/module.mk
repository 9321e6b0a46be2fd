# tests/bench/pm - fork+exit+wait and fork+exec+wait through PM (make
# bench): bench_pm is init beside PM, VM (or the stand-in of tests/os/pm)
# and VFS (or the stand-in) on memfs.
$(TBIN)/bench_pm.elf: tests/bench/pm/bench_pm.c tests/os/pm/child_blob.S \
		tests/os/pm/child_install.h $(TBIN)/exec_child.elf $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< $(CHILD_BLOB) -o $@
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_pm.elf $(TBIN)/pm.elf \
	$(TBIN)/pm_double.elf $(TBIN)/vm.elf $(TBIN)/vfs.elf $(TBIN)/ds.elf \
	$(TBIN)/memfs.elf
BENCHES += tests/bench/pm/bench.sh
