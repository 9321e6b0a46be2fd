# tests/bench/vmsrv - the VM server: anonymous and copy-on-write faults,
# fork+exit memory work (make bench).
$(eval $(call os_module,bench_vmsrv,tests/bench/vmsrv/bench_vmsrv.c tests/bench/lib/bench_sys.c))
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_vmsrv.elf $(TBIN)/vm.elf
BENCHES += tests/bench/vmsrv/bench.sh
