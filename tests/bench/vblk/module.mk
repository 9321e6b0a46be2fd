# tests/bench/vblk - sequential reads from a virtio-blk disk against the
# memory driver on the same 8 MiB, through libbdev (make bench).
$(eval $(call os_module,bench_vblk,tests/bench/vblk/bench_vblk.c tests/bench/lib/bench_sys.c lib/libbdev/bdev.c))
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_vblk.elf $(TBIN)/virtio_blk.elf \
	$(TBIN)/memory.elf $(ROOT_IMG)
BENCHES += tests/bench/vblk/bench.sh
