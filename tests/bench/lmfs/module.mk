# tests/bench/lmfs - libminixfs benchmark (make bench).
$(eval $(call host_prog,bench_lmfs,tests/bench/lmfs/bench_lmfs.c,minixfs,))
BENCH_DEPS += $(HBIN)/bench_lmfs
BENCHES += tests/bench/lmfs/lmfs.sh
