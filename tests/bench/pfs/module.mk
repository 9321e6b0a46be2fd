# tests/bench/pfs - PFS per request pair (bench_pfs.c): pipe transfers and
# pipe creation against a null request in the same boot (make bench).
$(eval $(call os_module,bench_pfs,tests/bench/pfs/bench_pfs.c tests/bench/lib/bench_sys.c))
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_pfs.elf $(TBIN)/pfs.elf $(TBIN)/ds.elf
BENCHES += tests/bench/pfs/bench.sh
