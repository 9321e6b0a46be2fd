# tests/bench/vm - page-fault and copy-on-write round trips through VM (make bench).
$(eval $(call os_module,bench_vm,tests/bench/vm/bench_vm.c tests/bench/lib/bench_sys.c))
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_vm.elf
BENCHES += tests/bench/vm/bench.sh
