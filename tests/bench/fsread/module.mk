# tests/bench/fsread - one tree read on ISO 9660, ext2 and MFS in Mica under
# the whole system (make bench; bench.sh, bench_fsread.c).
$(TBIN)/bench_fsread.elf: tests/bench/fsread/bench_fsread.c tests/bench/lib/bench_libc.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< tests/bench/lib/bench_libc.c -o $@
BENCH_DEPS += $(KERNEL_ELF) $(TBIN)/bench_fsread.elf $(ROOT_IMG) \
	$(foreach m,vm pm vfs rs ds tty memory mfs pfs ext2 isofs,$(TBIN)/$(m).elf)
BENCHES += tests/bench/fsread/bench.sh
