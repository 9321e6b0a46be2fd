# tests/bench/vfs - file calls through VFS on the real MFS (make bench):
# bench_vfs in the vfsmfs suite's boot (tests/os/vfs).
$(TBIN)/bench_vfs.elf: tests/bench/vfs/bench_vfs.c tests/bench/lib/bench_libc.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< tests/bench/lib/bench_libc.c -o $@
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_vfs.elf $(TBIN)/vfs.elf \
	$(TBIN)/vfs_rs.elf $(TBIN)/libc_double.elf $(TBIN)/ds.elf \
	$(TBIN)/memory.elf $(TBIN)/mfs.elf $(TBIN)/memfs.elf $(TBIN)/pfs.elf
BENCHES += tests/bench/vfs/bench.sh
