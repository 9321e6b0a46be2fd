# tests/bench/mmap - reading a 16 MiB file through mmap (VM's page cache,
# filled through VFS) against read() of it, in one boot of the whole
# system (make bench; bench.sh, bench_mmap.c).
$(TBIN)/bench_mmap.elf: tests/bench/mmap/bench_mmap.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< -o $@
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_mmap.elf $(ROOT_IMG) \
	$(foreach m,vm pm vfs rs ds tty memory mfs pfs ext2 isofs,$(TBIN)/$(m).elf)
BENCHES += tests/bench/mmap/bench.sh
