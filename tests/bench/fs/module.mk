# tests/bench/fs/module.mk - micafuse against fuse2fs (make bench).
$(eval $(call host_prog,fsbench,tests/bench/fs/fsbench.c,,))
HOST_PROGS += $(HBIN)/fsbench
BENCHES    += tests/bench/fs/fsbench.sh
