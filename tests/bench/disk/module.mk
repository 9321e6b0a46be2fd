# tests/bench/disk - issue 12's disk benchmark (make bench only): the 64 MiB
# file on an MFS virtio disk against the raw disk, random 4 KiB reads, and
# the 10,000-file create/stat/unlink on the disk, in one boot (bench.sh;
# the guest programs are in tests/bench/image: disk.c, files.c).
BENCH_DEPS += $(RUN_DEPS) $(BENCH_DISK_IMG) $(HBIN)/mkfs.mfs
BENCHES += tests/bench/disk/bench.sh
