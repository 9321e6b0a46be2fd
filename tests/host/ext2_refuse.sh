#!/bin/bash
# tests/host/ext2_refuse.sh - images micafuse must refuse, mount read-only,
# or survive when damaged.
#
#   - incompatible features it does not implement: micafuse exits non-zero
#     and its message names the feature (images from mke2fs -O, debugfs)
#   - an unknown read-only-compatible feature: mounted read-only, said so
#   - s_state with errors (debugfs ssv state 2): refused, "run e2fsck"
#   - damaged images (random bytes in the metadata, a truncated file):
#     micafuse may refuse or report EIO but never dies of a signal, and the
#     image file keeps its size
. "$(dirname "$0")/lib.sh"
t_init ext2-refuse
need_bin micafuse
need_cmd mke2fs debugfs tune2fs

MNT=$T/mnt
mkdir "$MNT"

# refused LABEL WORD IMAGE: mounting fails, the log names WORD.
refused() {
	if mf_mount "$3" "$MNT"; then
		t_flunk "$1: refused"
		fuse_stop "$MNT"
		return
	fi
	if fuse_crashed "$FUSE_RC"; then
		t_flunk "$1: refused without crashing (status $FUSE_RC)"
	else
		t_pass "$1: refused"
	fi
	t_ok "$1: the message names '$2'" grep -q -- "$2" "$FUSE_LOG"
}

mk() {
	mke2fs -q -F -t ext2 "$@" "$T/f.img" 8M >"$T/mk.log" 2>&1
}

mk -O extents && refused "extents" extents "$T/f.img"
mk -O 64bit,extents && refused "64bit" 64bit "$T/f.img"
mk -O meta_bg,^resize_inode && refused "meta_bg" meta_bg "$T/f.img"
mk -O inline_data && refused "inline_data" inline_data "$T/f.img"
mk -O has_journal && debugfs -w -R 'feature needs_recovery' "$T/f.img" \
	>/dev/null 2>&1 && refused "journal needing recovery" needs_recovery "$T/f.img"
mk && debugfs -w -R 'feature compression' "$T/f.img" >/dev/null 2>&1 &&
	refused "compression" compression "$T/f.img"
mk && debugfs -w -R 'ssv state 2' "$T/f.img" >/dev/null 2>&1 &&
	refused "errors state" "run e2fsck" "$T/f.img"

mk && tune2fs -O huge_file "$T/f.img" >/dev/null 2>&1
if t_mount "unknown ro_compat (huge_file): mounts" "$T/f.img" "$MNT"; then
	t_ok "huge_file: the log says read-only" grep -q "read-only" "$FUSE_LOG"
	t_fail "huge_file: writing is refused" touch "$MNT/new"
	t_umount "huge_file: unmount; micafuse exits 0" "$MNT"
fi

# Damaged images: walk, read and write a little; never a signal.
t_ok "a base image" sh -c "mkdir -p '$T/src/d/e' && seq 1 20000 > \
	'$T/src/d/services' && cp /etc/passwd '$T/src/d/' &&
	ln -s services '$T/src/d/l' &&
	mke2fs -q -F -t ext2 -b 1024 -N 128 -d '$T/src' '$T/base.img' 2M"
crashes=0 mounted=0
for seed in $(seq 1 30); do
	cp "$T/base.img" "$T/dmg.img"
	python3 - "$T/dmg.img" "$seed" <<'PY'
import random, sys
random.seed(int(sys.argv[2]))
with open(sys.argv[1], "r+b") as f:
    for _ in range(25):
        # superblock, descriptors, bitmaps, inode table, first data blocks
        f.seek(random.choice([1024, 2048, 3072, 5120]) + random.randrange(60 * 1024 if random.random() < .6 else 1024))
        f.write(bytes([random.randrange(256)]))
PY
	[ "$seed" = 30 ] && truncate -s 700K "$T/dmg.img"
	size=$(stat -c %s "$T/dmg.img")
	if mf_mount "$T/dmg.img" "$MNT" -o rw; then
		mounted=$((mounted + 1))
		timeout 60 sh -c "find '$MNT' -type f -exec cat {} + ; ls -lR '$MNT';
			echo x > '$MNT/new'; mkdir '$MNT/nd'; rm -rf '$MNT/d/e'" \
			>/dev/null 2>&1
		fuse_stop "$MNT"
	fi
	fuse_crashed "$FUSE_RC" && crashes=$((crashes + 1))
	[ "$(stat -c %s "$T/dmg.img")" = "$size" ] || crashes=$((crashes + 1))
done
t_diag "damaged images: $mounted of 30 mounted"
t_is "damaged images: micafuse never crashed, images kept their size" 0 "$crashes"
t_done
