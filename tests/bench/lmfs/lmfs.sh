#!/bin/bash
# tests/bench/lmfs/lmfs.sh - libminixfs benchmark: cache-hit cost and
# sequential read of a 256 MiB image through the cache (with and without
# prefetch) against plain pread of the same file, measured in one run.
# BIN is the directory holding bench_lmfs (make bench sets it).
set -eu
BIN=${BIN:-$(dirname "$0")/../../../build/bin}
dir=$(mktemp -d "${TMPDIR:-/tmp}/lmfs_bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
timeout 120 "$BIN/bench_lmfs" "$dir/image" "${LMFS_BENCH_MIB:-256}"
