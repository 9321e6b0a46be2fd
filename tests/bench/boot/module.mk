# tests/bench/boot - boot to the prompt (make bench): Mica on the boot bench
# image (tests/bench/image) against floor.S, a multiboot kernel that exits
# at once, timed in the same run; and the boot in guest instructions.
$(TBIN)/bench_floor.elf: $(TOBJ)/tests/bench/boot/floor.o
	@mkdir -p $(@D)
	$(TARGET_LD) $(TARGET_LDFLAGS) -Ttext 0x100000 -e _start -o $@ $<
BENCH_DEPS += $(TBIN)/bench_floor.elf $(RUN_DEPS) $(BENCH_BOOT_IMG)
BENCHES += tests/bench/boot/bench.sh
