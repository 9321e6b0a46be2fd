#!/bin/bash
# tests/host/fsx/selftest.sh - the exerciser checks itself, no FUSE involved.
#
# Two tmpfs trees driven by fsxr must never diverge; the same seed must
# replay the same operations with the same outcomes; and a difference
# planted in one tree must be caught (exit 1), so a silent fsxr cannot pass.
. "$(dirname "$0")/../lib.sh"
t_init fsx-selftest
need_bin fsxr

for d in a b c d; do
	mkdir "$T/$d" && mount -t tmpfs -o size=256m fsxr-selftest "$T/$d" &&
		t_cleanup_mount "$T/$d" || { t_flunk "tmpfs mount $d"; t_done; }
done

t_ok "20000 operations on two tmpfs trees: no divergence" \
	timeout 120 "$BIN/fsxr" -n 20000 -b 200 -s 11 -v "$T/a" "$T/b"
mv "$T/last.log" "$T/run1.log"
t_diag "$(grep 'no divergence' "$T/run1.log")"

t_ok "the same seed again, on fresh trees" \
	timeout 120 "$BIN/fsxr" -n 20000 -b 200 -s 11 -v "$T/c" "$T/d"
if cmp -s <(grep '^#' "$T/run1.log") <(grep '^#' "$T/last.log"); then
	t_pass "the same seed replays the same operations and outcomes"
else
	t_flunk "the same seed replays the same operations and outcomes"
fi

mkdir "$T/c/s" "$T/d/s"
t_ok "short names (-l 14), deep paths (-D 5), far offsets (-F 16M)" \
	timeout 120 "$BIN/fsxr" -n 3000 -b 100 -s 12 -l 14 -D 5 -F 16M \
	"$T/c/s" "$T/d/s"

# Plant differences the compare must see.
f=$(cd "$T/a" && find . -type f -size +0 | sort | head -n 1)
printf 'Z' | dd of="$T/a/$f" bs=1 seek=0 conv=notrunc status=none
printf 'Y' | dd of="$T/b/$f" bs=1 seek=0 conv=notrunc status=none
t_fail "a changed byte is caught" "$BIN/fsxr" -n 0 "$T/a" "$T/b"
grep -q 'contents differ' "$T/last.log" || t_flunk "... and reported as different contents"
cp -a "$T/b/$f" "$T/a/$f"
t_ok "trees equal again after undoing it" "$BIN/fsxr" -n 0 "$T/a" "$T/b"
chmod 0601 "$T/a/$f"
t_fail "a changed mode is caught" "$BIN/fsxr" -n 0 "$T/a" "$T/b"
chmod --reference="$T/b/$f" "$T/a/$f"
touch "$T/a/extra"
t_fail "an extra entry is caught" "$BIN/fsxr" -n 0 "$T/a" "$T/b"
t_ok "-i ignores a top-level entry" "$BIN/fsxr" -n 0 -i extra "$T/a" "$T/b"
t_fail "the same directory on both sides diverges at once" \
	"$BIN/fsxr" -n 100 "$T/c" "$T/c"
t_done
