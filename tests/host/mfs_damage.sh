#!/bin/bash
# tests/host/mfs_damage.sh - damaged MFS images: no crash, no hang, fsck finds
# and repairs.
#
# A 1 KiB mkfs.minix -3 image is filled through micafuse and checked clean
# by fsck.minix (random damage is also tried on a 4 KiB mkfs.mfs image,
# judged by fsck.mfs alone).  Then, for each kind of damage (superblock fields, bitmaps,
# inodes, directory entries, a directory loop, random bit flips in the
# metadata, truncated image files), on fresh copies:
#   - micafuse either refuses to mount, exiting with a status (not killed by
#     a signal), or mounts, and then find, ls -l and cat over the whole tree
#     and a few writes finish within their timeouts (errors such as EIO are
#     fine), the unmount makes it exit with a status, and the image file has
#     not grown (no write outside it);
#   - fsck.mfs -n reports the damage (non-zero exit);
#   - fsck.mfs -y repairs it, after which fsck.mfs -n and util-linux
#     fsck.minix -f both find the image clean (superblock damage that makes
#     the image unrecognisable only has to be reported).
# Offsets come from mfs_img.py, an independent reader of the V3 layout.
. "$(dirname "$0")/lib.sh"
t_init mfs-damage
need_bin micafuse fsck.mfs
need_cmd mkfs.minix fsck.minix python3 find timeout

IMG=$(dirname "$0")/mfs_img.py
MNT=$T/mnt
mkdir "$MNT"

# make_base IMAGE MKFS...: a small tree with indirect and double-indirect
# files, written through micafuse; checked clean.
make_base() {
	local img=$1
	shift
	truncate -s 8M "$img"
	"$@" "$img" >/dev/null
	mf_mount "$img" "$MNT" || { t_flunk "mount the base image"; t_show "$FUSE_LOG"; t_done; }
	mkdir -p "$MNT/d/e" "$MNT/d2"
	seq 1 100000 >"$MNT/d/big"
	seq 1 100 >"$MNT/d/e/small"
	for i in $(seq 1 40); do echo "$i" >"$MNT/d2/file$i"; done
	ln -s d/e/small "$MNT/link"
	ln "$MNT/d/e/small" "$MNT/hard"
	mkfifo "$MNT/fifo"
	fuse_stop "$MNT"
	t_is "base image ($*): micafuse exits 0" 0 "$FUSE_RC"
	t_ok "base image ($*): fsck.mfs -f -n clean" "$BIN/fsck.mfs" -f -n "$img"
}

BASE=$T/base.img
make_base "$BASE" mkfs.minix -3
t_ok "base image: fsck.minix -f clean" fsck.minix -f "$BASE"
eval "$(python3 "$IMG" "$BASE" layout | tr ' ' '\n' | sed 's/^/L_/')"
t_diag "layout: $(python3 "$IMG" "$BASE" layout)"
MINIX=1		# fsck.minix checks repaired images (1 KiB blocks only)

# walk LABEL IMAGE: mount; if that worked, read and write everything under
# timeouts; unmount; check the exit status and the image size.
walk() {
	local label=$1 img=$2 size rc
	size=$(stat -c %s "$img")
	if ! mf_mount "$img" "$MNT"; then
		if fuse_crashed "$FUSE_RC"; then
			t_flunk "$label: micafuse refused to mount but died of a signal ($FUSE_RC)"
			t_show "$FUSE_LOG" 5
		else
			t_pass "$label: micafuse refuses to mount (exit $FUSE_RC)"
			# Probing hides the reason; -o type=mfs must give it.
			mf_mount "$img" "$MNT" -o type=mfs && fuse_stop "$MNT"
			t_diag "with -o type=mfs: $(head -n 1 "$FUSE_LOG")"
			fuse_crashed "$FUSE_RC" && t_flunk "$label: -o type=mfs: killed by a signal"
		fi
		return
	fi
	rc=0
	timeout 30 find "$MNT" >/dev/null 2>&1; [ $? -ge 124 ] && rc=1
	timeout 30 ls -laR "$MNT" >/dev/null 2>&1; [ $? -ge 124 ] && rc=1
	timeout 60 find "$MNT" -type f -exec cat {} + >/dev/null 2>&1; [ $? -ge 124 ] && rc=1
	timeout 30 sh -c "seq 1 5000 >'$MNT/new'; mkdir '$MNT/d/newdir'; rm -f '$MNT/d2/file1'" \
		>/dev/null 2>&1; [ $? -ge 124 ] && rc=1
	if [ $rc = 0 ]; then
		t_pass "$label: mounted; walk, read, write finish without a hang"
	else
		t_flunk "$label: mounted; walk, read, write finish without a hang (timeout)"
	fi
	fuse_stop "$MNT"
	if fuse_crashed "$FUSE_RC" || [ "$FUSE_RC" = 124 ]; then
		t_flunk "$label: micafuse exits with a status after unmount (got $FUSE_RC)"
		t_show "$FUSE_LOG" 5
	else
		t_pass "$label: micafuse exits with a status after unmount ($FUSE_RC)"
	fi
	t_is "$label: the image file did not grow" "$size" "$(stat -c %s "$img")"
}

# repair LABEL IMAGE MODE: MODE 0: fsck.mfs -n must report the damage;
# 1: and -y must repair it so that both checkers accept the image; 2 (random
# damage, which may hit nothing that matters): -y must leave an image both
# checkers accept.
repair() {
	local label=$1 img=$2 must=$3 rc
	timeout 60 "$BIN/fsck.mfs" -f -n "$img" >"$T/fsck.log" 2>&1
	rc=$?
	if [ "$must" = 2 ] && [ $rc -lt 124 ]; then
		t_diag "$label: fsck.mfs -n exit $rc"
	elif [ $rc -ne 0 ] && [ $rc -lt 124 ]; then
		t_pass "$label: fsck.mfs -n reports the damage (exit $rc)"
	else
		t_flunk "$label: fsck.mfs -n reports the damage (exit $rc)"
		t_show "$T/fsck.log" 5
	fi
	[ "$must" = 0 ] && return
	timeout 60 "$BIN/fsck.mfs" -f -y "$img" >"$T/fsck.log" 2>&1
	rc=$?
	if [ $rc -eq 1 ] || [ $rc -eq 0 ]; then
		t_pass "$label: fsck.mfs -y repairs (exit $rc)"
	else
		t_flunk "$label: fsck.mfs -y repairs (exit $rc)"
		t_show "$T/fsck.log" 5
	fi
	t_ok "$label: after repair fsck.mfs -n is clean" timeout 60 "$BIN/fsck.mfs" -f -n "$img"
	[ "$MINIX" = 1 ] &&
		t_ok "$label: after repair fsck.minix -f is clean" timeout 60 fsck.minix -f "$img"
}

# damage LABEL MODE CMD...: run CMD on copies of the base image
# ("$D" names the copy), then walk one copy and repair the other.
damage() {
	local label=$1 must=$2
	shift 2
	cp "$BASE" "$T/w.img" && cp "$BASE" "$T/r.img"
	D=$T/w.img; eval "$@"
	D=$T/r.img; eval "$@"
	walk "$label" "$T/w.img"
	repair "$label" "$T/r.img" "$must"
}

sb=1024
damage "superblock: bad magic" 0 'python3 $IMG $D flip $((sb + 24)) 3'
damage "superblock: log_zone_size 1" 0 'python3 $IMG $D poke $((sb + 12)) 0100'
damage "superblock: zones beyond the image" 0 'python3 $IMG $D poke $((sb + 20)) 00000100'
damage "superblock: inode bitmap too small" 0 'python3 $IMG $D poke $((sb + 6)) 0000'
damage "superblock: block size 1000" 0 'python3 $IMG $D poke $((sb + 28)) e803'
damage "superblock: first data zone 0" 0 'python3 $IMG $D poke $((sb + 10)) 0000'

read -r ino_big off_big <<<"$(python3 "$IMG" "$BASE" inode d/big)"
read -r ino_d off_d <<<"$(python3 "$IMG" "$BASE" inode d)"
read -r ino_e off_e <<<"$(python3 "$IMG" "$BASE" inode d/e)"
ent_e=$(python3 "$IMG" "$BASE" dirent d/e)
ent_small=$(python3 "$IMG" "$BASE" dirent d/e/small)
read -r zp_ind z_ind <<<"$(python3 "$IMG" "$BASE" zone d/big 7)"
read -r zp_dir z_dir <<<"$(python3 "$IMG" "$BASE" zone d 0)"
t_diag "d/big inode $ino_big at $off_big; d inode $ino_d; d/e inode $ino_e (entry at $ent_e)"

damage "inode bitmap: used inodes marked free" 1 \
	'python3 $IMG $D poke $L_imap 01'
damage "zone bitmap: used zones marked free" 1 \
	'python3 $IMG $D poke $((L_zmap + 2)) 0000'
damage "zone bitmap: free zones marked used" 1 \
	'python3 $IMG $D poke $((L_zmap + 800)) ffff'
damage "inode: file's indirect zone out of range" 1 \
	'python3 $IMG $D poke $zp_ind ffffff7f'
damage "inode: file's size far below its zones" 1 \
	'python3 $IMG $D poke $((off_big + 8)) 64000000'
damage "inode: directory's first zone out of range" 1 \
	'python3 $IMG $D poke $zp_dir 00ff0000'
damage "inode: directory's mode turned into a regular file" 1 \
	'python3 $IMG $D poke $off_e a481'
damage "inode: root directory's mode zeroed" 0 \
	'python3 $IMG $D poke $L_itable 0000'
damage "inode: link count 0 on a linked file" 1 \
	'python3 $IMG $D poke $((off_big + 2)) 0000'
damage "directory: entry with an inode number out of range" 1 \
	'python3 $IMG $D poke $ent_small ffff0000'
damage "directory: entry naming a free inode" 1 \
	'python3 $IMG $D poke $ent_small f0000000'
damage "directory: loop (d/e names the root)" 1 \
	'python3 $IMG $D poke $ent_e 01000000'
damage "directory: name with a slash" 1 \
	'python3 $IMG $D poke $((ent_small + 4)) 2f'
damage "directory: '..' of d/e points at d/big" 1 \
	'python3 $IMG $D poke $(( $(python3 $IMG $BASE zone d/e 0 | cut -d" " -f2) * 1024 + 64 )) $(printf "%02x000000" $ino_big)'

for seed in $(seq 1 ${DAMAGE_SEEDS:-12}); do
	damage "random: 40 bit flips in the metadata, seed $seed" 2 \
		'python3 $IMG $D flips $seed 40 $L_imap $L_firstdata'
	damage "random: 20 bit flips in inodes and directories, seed $seed" 2 \
		'python3 $IMG $D flips $((seed + 1000)) 20 $L_itable $((L_firstdata + 20480))'
done

# The same random damage on a 4 KiB-block image (fsck.mfs is the judge).
make_base "$T/base4k.img" "$BIN/mkfs.mfs" -q
cp "$T/base4k.img" "$BASE"
eval "$(python3 "$IMG" "$BASE" layout | tr ' ' '\n' | sed 's/^/L_/')"
t_diag "4 KiB layout: $(python3 "$IMG" "$BASE" layout)"
MINIX=0
for seed in $(seq 1 ${DAMAGE_SEEDS_4K:-6}); do
	damage "4 KiB random: 40 bit flips in the metadata, seed $seed" 2 \
		'python3 $IMG $D flips $seed 40 $L_imap $L_firstdata'
	damage "4 KiB random: 30 bit flips in inodes and directories, seed $seed" 2 \
		'python3 $IMG $D flips $((seed + 1000)) 30 $L_itable $((L_firstdata + 16384))'
done

for size in 0 1500 3000 $((L_itable + 1024)) $((L_firstdata + 4096)) 4000000; do
	cp "$BASE" "$T/w.img"
	truncate -s "$size" "$T/w.img"
	walk "truncated image ($size bytes)" "$T/w.img"
done
t_done
