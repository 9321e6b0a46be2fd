# tests/bench/ipc - IPC round-trip benchmark (make bench).
$(eval $(call os_module,bench_ipc,tests/bench/ipc/bench_ipc.c tests/bench/lib/bench_sys.c))
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_ipc.elf
BENCHES += tests/bench/ipc/bench.sh
