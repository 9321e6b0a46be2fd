# tests/bench/pm - fork+exit+wait through PM (make bench): bench_pm is
# init beside PM, the VFS stand-in of tests/os/pm and the real VM or its
# stand-in.
$(TBIN)/bench_pm.elf: tests/bench/pm/bench_pm.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< -o $@
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_pm.elf $(TBIN)/pm.elf \
	$(TBIN)/pm_double.elf $(TBIN)/vm.elf
BENCHES += tests/bench/pm/bench.sh
