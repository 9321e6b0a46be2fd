#!/bin/bash
# tests/host/iso_damage.sh - damaged ISO 9660 images never crash micafuse.
#
# From one Rock Ridge + Joliet image (genisoimage) and one xorriso image,
# make damaged copies (fixed seeds, so runs repeat): random bytes overwritten
# in the primary volume descriptor, or many across the descriptors,
# directories, path tables and continuation areas; and truncations.  Each copy is mounted; when the mount succeeds
# the tree is walked (ls -lR, stat, cat, readlink, all under timeout).  The
# checks: micafuse never dies by a signal, never hangs, and is still
# running until it is unmounted; a refused mount is an error exit.
. "$(dirname "$0")/lib.sh"
t_init iso_damage
need_bin micafuse
need_cmd genisoimage xorriso python3

MNT=$T/mnt
SRC=$T/src
mkdir -p "$MNT" "$SRC/a/b/c" || exit 1
printf 'hello\n' >"$SRC/hello.txt"
seq 1 30000 >"$SRC/a/numbers.txt"
printf 'deep\n' >"$SRC/a/b/c/deep.txt"
ln -s ../hello.txt "$SRC/a/up.link"
ln -s "$(printf 'component%02d/' $(seq 1 20))x" "$SRC/a/b/long.link"
printf 'n' >"$SRC/a name long enough to need more than one NM entry maybe.txt"

timeout 30 genisoimage -quiet -R -J -o "$T/gen.iso" "$SRC" ||
	t_flunk "genisoimage made the base image"
timeout 30 xorriso -as mkisofs -quiet -R -J -o "$T/xor.iso" "$SRC" \
	>/dev/null 2>&1 || t_flunk "xorriso made the base image"

# damage BASE OUT SEED: truncate when SEED is a multiple of 7, overwrite a
# few bytes of the PVD when it is a multiple of 5, else overwrite many
# bytes in blocks 16-33 (the metadata of these small images).
damage() {
	python3 - "$1" "$2" "$3" <<'PY'
import random, sys
src, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
img = bytearray(open(src, 'rb').read())
rnd = random.Random(seed)
if seed % 7 == 0:
    img = img[:rnd.randrange(16 * 2048, len(img))]
elif seed % 5 == 0:
    for _ in range(1 + seed % 4):
        img[rnd.randrange(16 * 2048, 17 * 2048)] = rnd.randrange(256)
else:
    end = min(len(img), 34 * 2048)
    for _ in range(10 + 8 * seed):
        img[rnd.randrange(16 * 2048, end)] = rnd.randrange(256)
open(out, 'wb').write(img)
PY
}

# Walk the mounted tree; every command bounded.
walk() {
	timeout 30 ls -lR "$MNT" >/dev/null 2>&1
	[ $? -eq 124 ] && return 1
	timeout 30 find "$MNT" -type f -exec cat {} + >/dev/null 2>&1
	[ $? -eq 124 ] && return 1
	timeout 30 find "$MNT" -type l -exec readlink {} + >/dev/null 2>&1
	[ $? -eq 124 ] && return 1
	return 0
}

mounted=0
refused=0
for base in gen xor; do
	for seed in $(seq 1 15); do
		img=$T/damaged.iso
		damage "$T/$base.iso" "$img" "$seed"
		name="$base seed $seed"
		if mf_mount "$img" "$MNT"; then
			mounted=$((mounted + 1))
			if ! walk; then
				t_flunk "$name: walking the tree hung"
			elif ! kill -0 "${T_FUSE_PID[$MNT]}" 2>/dev/null; then
				t_flunk "$name: micafuse died during the walk"
			fi
			fuse_stop "$MNT"
			if fuse_crashed "$FUSE_RC" || [ "$FUSE_RC" -eq 124 ]; then
				t_flunk "$name: micafuse exit status $FUSE_RC"
				t_show "$FUSE_LOG"
			else
				t_pass "$name: mounted, walked, unmounted"
			fi
		elif fuse_crashed "$FUSE_RC" || [ "$FUSE_RC" -eq 124 ]; then
			t_flunk "$name: refused with status $FUSE_RC (signal/hang)"
			t_show "$FUSE_LOG"
		else
			refused=$((refused + 1))
			t_pass "$name: refused cleanly (status $FUSE_RC)"
		fi
	done
done
# Two damages that must be refused, with a message and an error exit.
# patch OUT OFFSET HEXBYTES: a copy of gen.iso with bytes replaced.
patch() {
	python3 - "$T/gen.iso" "$1" "$2" "$3" <<'PY'
import sys
src, out, off, data = sys.argv[1], sys.argv[2], int(sys.argv[3]), bytes.fromhex(sys.argv[4])
img = bytearray(open(src, 'rb').read())
img[off:off + len(data)] = data
open(out, 'wb').write(img)
PY
}
refuse() {
	local what=$1 msg=$2
	if mf_mount "$T/bad.iso" "$MNT"; then
		t_flunk "$what: refused"
		fuse_stop "$MNT"
	elif fuse_crashed "$FUSE_RC" || [ "$FUSE_RC" -eq 124 ]; then
		t_flunk "$what: refused without a signal or hang ($FUSE_RC)"
	elif ! grep -q "$msg" "$FUSE_LOG"; then
		t_flunk "$what: refused saying '$msg'"
		t_show "$FUSE_LOG"
	else
		t_pass "$what: refused with a message"
	fi
}
patch "$T/bad.iso" $((16 * 2048 + 128)) 00100010	# block size 4096
refuse "logical block size 4096" "block size 4096 not supported"
patch "$T/bad.iso" $((16 * 2048 + 156)) "$(printf 'ff%.0s' $(seq 34))"
refuse "garbage root directory record" "bad root directory record"

t_diag "$mounted damaged images mounted, $refused refused"
[ $mounted -gt 0 ] && t_pass "some damaged images still mount" ||
	t_flunk "some damaged images still mount"
t_done
