# tests/bench/pty - bytes through a PTY against a pipe in the same boot
# (make bench): bench_pty in the select suite's boot.
$(TBIN)/bench_pty.elf: tests/bench/pty/bench_pty.c tests/bench/lib/bench_libc.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< tests/bench/lib/bench_libc.c -o $@
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_pty.elf $(TBIN)/vfs.elf \
	$(TBIN)/pm.elf $(TBIN)/pm_double.elf $(TBIN)/ds.elf $(TBIN)/memfs.elf \
	$(TBIN)/pfs.elf $(TBIN)/tty.elf
BENCHES += tests/bench/pty/bench.sh
