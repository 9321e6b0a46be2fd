#!/bin/bash
# tests/host/micafuse_basic.sh - micafuse's FUSE front end through real
# mounts.
#
# Part 1 mounts micafuse_memfs (micafuse over the in-memory test double
# tests/unit/fsdriver/memfs_test.c) and drives every FUSE operation the
# front end implements, its options (ro, uid/gid/umask, the read-only
# fallback) and its ways to end (fusermount3 -u, SIGTERM, daemon mode).
# Part 2 mounts a small image of each real file system micafuse was built
# with (mfs, ext2, iso9660), copies or compares a tree, and checks the image
# with the format's own outside tool; the full oracle runs are elsewhere
# (mfs_oracle.sh and friends).  Part 3 checks how bad command lines fail.
. "$(dirname "$0")/lib.sh"
t_init micafuse_basic
need_bin micafuse micafuse_memfs
need_cmd fusermount3 python3 timeout

MNT=$T/mnt
mkdir -p "$MNT" "$T/img.d"
IMG=$T/img.d/img
truncate -s 1M "$IMG"
TO="timeout 60"

memfs_mount() {
	T_MOUNT_SEQ=$((T_MOUNT_SEQ + 1))
	FUSE_LOG=$T/memfs.$T_MOUNT_SEQ.log
	fuse_start "$MNT" "$FUSE_LOG" "$BIN/micafuse_memfs" -f "$@" "$IMG" "$MNT"
}

# errno of a Python os call, e.g. py_errno 'os.mkdir("x")' -> 0 or 17.
py_errno() {
	$TO python3 -c "
import os, sys, ctypes, errno
os.chdir(sys.argv[1])
libc = ctypes.CDLL(None, use_errno=True)
def renameat2(a, b, flags):
    if libc.renameat2(-100, a.encode(), -100, b.encode(), flags) != 0:
        e = ctypes.get_errno(); raise OSError(e, os.strerror(e))
try:
    $1
    print(0)
except OSError as e:
    print(e.errno)" "$MNT"
}

file_data() {
	local m=$MNT r=$T/ref
	head -c 3000000 /dev/urandom >"$r"
	t_ok "write 3 MB" $TO cp "$r" "$m/big"
	t_ok "read it back" cmp "$r" "$m/big"
	printf 'MIDDLE' | dd of="$r" bs=1 seek=1234567 conv=notrunc 2>/dev/null
	printf 'MIDDLE' | dd of="$m/big" bs=1 seek=1234567 conv=notrunc 2>/dev/null
	echo tail >>"$r"
	echo tail >>"$m/big"
	t_ok "overwrite in the middle and append" cmp "$r" "$m/big"
	t_ok "truncate to extend" $TO truncate -s 5000000 "$m/big"
	t_is "extension reads zeros" 0 \
		"$(tail -c 1999990 "$m/big" | tr -d '\0' | wc -c)"
	t_ok "truncate to shrink" $TO truncate -s 10 "$m/big"
	t_is "shrunk size" 10 "$(stat -c %s "$m/big")"
}

names_links() {
	local m=$MNT long
	mkdir "$m/many"
	for i in $(seq 600); do : >"$m/many/file-with-a-longish-name-$i"; done
	t_is "600 entries listed (readdir over several pages)" 602 \
		"$(ls -a "$m/many" | wc -l)"
	long=$(printf 'n%.0s' $(seq 255))
	t_ok "255-byte name" touch "$m/$long"
	t_fail "256-byte name refused" touch "$m/${long}x"
	echo data >"$m/f"
	ln "$m/f" "$m/f.hard"
	ln -s f "$m/f.sym"
	t_is "hard link count" 2 "$(stat -c %h "$m/f")"
	t_is "same inode" "$(stat -c %i "$m/f")" "$(stat -c %i "$m/f.hard")"
	t_is "symlink target" f "$(readlink "$m/f.sym")"
	t_is "read through symlink" data "$(cat "$m/f.sym")"
	mkdir -p "$m/a/b" "$m/c"
	echo moved >"$m/a/b/x"
	t_ok "rename a directory across parents" mv "$m/a/b" "$m/c/b"
	t_is "its contents followed" moved "$(cat "$m/c/b/x")"
	t_fail "directory into itself refused" mv "$m/c" "$m/c/b/"
	echo new >"$m/g"
	t_ok "rename over a file" mv "$m/g" "$m/f"
	t_is "target replaced" new "$(cat "$m/f")"
	: >"$m/h"
	t_is "RENAME_NOREPLACE onto a name: EEXIST" 17 \
		"$(py_errno 'renameat2("h", "f.hard", 1)')"
	t_is "RENAME_NOREPLACE onto a free name" 0 \
		"$(py_errno 'renameat2("h", "h2", 1)')"
	t_is "RENAME_EXCHANGE: EINVAL" 22 \
		"$(py_errno 'renameat2("h2", "f.hard", 2)')"
	t_fail "rmdir of a non-empty directory refused" rmdir "$m/c"
	t_ok "rm -r" rm -r "$m/c" "$m/many"
	t_is "gone" 0 "$(ls "$m" | grep -c '^c$')"
}

attributes() {
	local m=$MNT
	: >"$m/attr"
	chmod 4751 "$m/attr"
	t_is "chmod" 4751 "$(stat -c %a "$m/attr")"
	chown 1234:5678 "$m/attr"
	t_is "chown (clears set-uid)" "1234:5678 751" \
		"$(stat -c '%u:%g %a' "$m/attr")"
	touch -d '2001-02-03 04:05:06 UTC' "$m/attr"
	t_is "utimes" 981173106 "$(stat -c %Y "$m/attr")"
	touch -a -d '1990-01-01 00:00:00 UTC' "$m/attr"
	t_is "atime alone, mtime kept" "631152000 981173106" \
		"$(stat -c '%X %Y' "$m/attr")"
	t_ok "mknod c 1 3" mknod "$m/null" c 1 3
	t_is "device number" "1,3" "$(stat -c '%t,%T' "$m/null")"
	t_ok "mkfifo" mkfifo "$m/fifo"
	t_is "fifo type" "fifo" "$(stat -c %F "$m/fifo")"
	t_is "xattrs unsupported: ENOTSUP" 95 \
		"$(py_errno 'os.setxattr("attr", "user.x", b"1")')"
	t_ok "statfs" sh -c "df -k '$m' | grep -q '$m'"
}

part_memfs() {
	if ! memfs_mount; then
		t_flunk "mount memfs (exit $FUSE_RC)"
		t_show "$FUSE_LOG"
		return
	fi
	t_pass "mount memfs"
	t_is "root is FUSE inode 1" 1 "$(stat -c %i "$MNT")"
	file_data
	names_links
	attributes
	t_umount "fusermount3 -u: clean exit" "$MNT"
	t_is "lookup counts balanced (no bad putnode)" 0 \
		"$(grep -c 'bad count' "$FUSE_LOG")"
}

opt_present() {
	memfs_mount -o uid=4242,gid=4343,umask=077 || {
		t_flunk "mount with uid/gid/umask"; return; }
	install -m 644 /dev/null "$MNT/p"
	t_is "uid=,gid=,umask= presented" "4242 4343 600" \
		"$(stat -c '%u %g %a' "$MNT/p")"
	t_umount "unmount" "$MNT"
}

# allow_other and default_permissions reach the kernel: another user gets
# in, and the modes are enforced.
opt_permissions() {
	local as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	command -v setpriv >/dev/null || { t_diag "no setpriv"; return; }
	chmod 755 "$T"
	memfs_mount -o allow_other,default_permissions ||
		{ t_flunk "mount with allow_other,default_permissions"; return; }
	echo open >"$MNT/open"
	echo closed >"$MNT/closed"
	chmod 644 "$MNT/open"
	chmod 600 "$MNT/closed"
	t_is "allow_other: another user reads a 644 file" open \
		"$($as_nobody cat "$MNT/open" 2>&1)"
	t_fail "default_permissions: ... but not a 600 one" \
		$as_nobody cat "$MNT/closed"
	t_umount "unmount" "$MNT"
	memfs_mount || { t_flunk "mount without allow_other"; return; }
	t_fail "without allow_other another user is kept out" \
		$as_nobody ls "$MNT"
	t_umount "unmount" "$MNT"
	chmod 700 "$T"
}

opt_ro() {
	memfs_mount -o ro || { t_flunk "mount -o ro"; return; }
	t_fail "write on -o ro refused" touch "$MNT/x"
	said "... with EROFS" 'Read-only'
	t_umount "unmount" "$MNT"

	mkdir -p "$T/rodir"
	if mount --bind "$T/img.d" "$T/rodir" &&
		t_cleanup_mount "$T/rodir" &&
		mount -o remount,bind,ro "$T/rodir"; then
		T_MOUNT_SEQ=$((T_MOUNT_SEQ + 1))
		FUSE_LOG=$T/memfs.$T_MOUNT_SEQ.log
		if fuse_start "$MNT" "$FUSE_LOG" "$BIN/micafuse_memfs" -f \
			"$T/rodir/img" "$MNT"; then
			t_ok "unwritable image: says it mounts read-only" \
				grep -q 'not writable.*read-only' "$FUSE_LOG"
			t_fail "unwritable image: mount is read-only" \
				touch "$MNT/y"
			t_umount "unmount" "$MNT"
		else
			t_flunk "unwritable image mounts read-only"
			t_show "$FUSE_LOG"
		fi
		umount "$T/rodir"
	else
		t_diag "no read-only bind mount here: fallback not checked"
	fi
}

# A read-only format (modifying entries NULL) mounted read-write: the
# front end itself answers EROFS, not ENOSYS; no xattrs stays ENOTSUP.
ro_format() {
	memfs_mount -o type=memfs-ro || { t_flunk "mount memfs-ro"; return; }
	t_is "read-only format: create is EROFS" 30 \
		"$(py_errno 'os.close(os.open("x", os.O_CREAT | os.O_WRONLY))')"
	t_is "read-only format: mkdir is EROFS" 30 "$(py_errno 'os.mkdir("d")')"
	t_is "read-only format: mkfifo is EROFS" 30 "$(py_errno 'os.mkfifo("p")')"
	t_is "read-only format: symlink is EROFS" 30 \
		"$(py_errno 'os.symlink("t", "l")')"
	t_is "read-only format: chmod is EROFS" 30 "$(py_errno 'os.chmod(".", 0o700)')"
	t_is "read-only format: chown is EROFS" 30 "$(py_errno 'os.chown(".", 1, 1)')"
	t_is "read-only format: utime is EROFS" 30 "$(py_errno 'os.utime(".", (1, 1))')"
	t_is "read-only format: setxattr is ENOTSUP" 95 \
		"$(py_errno 'os.setxattr(".", "user.x", b"1")')"
	t_ok "read-only format: listing works" ls -la "$MNT"
	t_umount "unmount" "$MNT"
}

opt_signals() {
	local pid i sig
	for sig in TERM INT; do
		memfs_mount || { t_flunk "mount for SIG$sig"; return; }
		echo x >"$MNT/x"
		signal_stop $sig memfs || return
	done

	t_ok "daemon mode: returns once mounted" \
		$TO "$BIN/micafuse_memfs" "$IMG" "$MNT"
	pid=$(pgrep -f -n "micafuse_memfs $IMG $MNT")
	is_mounted "$MNT" && t_pass "daemon mode: mounted" ||
		t_flunk "daemon mode: mounted"
	echo x >"$MNT/x"
	fusermount3 -u "$MNT"
	for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$pid" 2>/dev/null && t_flunk "daemon exits on unmount" ||
		t_pass "daemon exits on unmount"
}

# Did the previous t_ok/t_fail command print PATTERN?
said() {
	cp "$T/last.log" "$T/said.log"
	t_ok "$1" grep -q "$2" "$T/said.log"
}

part_bad_usage() {
	local mf=$BIN/micafuse
	t_fail "unknown type refused" $TO "$mf" -f -o type=xfs "$IMG" "$MNT"
	said "... naming the known ones" 'known:'
	t_fail "bad uid refused" $TO "$mf" -f -o uid=abc "$IMG" "$MNT"
	t_fail "missing image" $TO "$mf" -f "$T/nonexistent" "$MNT"
	said "... says so" 'No such file'
	t_fail "no mountpoint" $TO "$mf" -f "$IMG"
	t_fail "no arguments" $TO "$mf"
	head -c 2M /dev/urandom >"$T/junk"
	t_fail "unknown contents refused" $TO "$mf" -f "$T/junk" "$MNT"
	said "... naming what was tried" 'tried'
	is_mounted "$MNT" && t_flunk "nothing left mounted" ||
		t_pass "nothing left mounted"
}

# A small tree with the awkward cases.
make_tree() {
	mkdir -p "$1/sub/deeper"
	cp -a /usr/include/linux/[a-f]*.h "$1/sub/" 2>/dev/null
	head -c 300000 /dev/urandom >"$1/sub/deeper/blob"
	tree_special "$1"
	rm -f "$1/sp/fifo.p"
}

# Send signal $1 to the daemon on $MNT; it must exit (status 0) and unmount.
signal_stop() {
	local pid=${T_FUSE_PID[$MNT]} i rc
	kill -"$1" "$pid"
	for i in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$pid" 2>/dev/null; then
		t_flunk "$2: SIG$1 ends the daemon"
		return 1		# the exit trap unmounts and kills it
	fi
	wait "$pid"
	rc=$?
	unset "T_FUSE_PID[$MNT]"
	t_is "$2: SIG$1 ends the daemon cleanly" 0 "$rc"
	is_mounted "$MNT" && t_flunk "$2: SIG$1 unmounts" ||
		t_pass "$2: SIG$1 unmounts"
}

# Write through a mount of a copy of image $2, end it with signal $1; the
# image must be clean and hold the data.
mfs_signal() {
	local img=$T/sig.img
	cp "$2" "$img"
	t_mount "mfs: mount for SIG$1" "$img" "$MNT" || return
	head -c 500000 /dev/urandom >"$T/sig.data"
	cp "$T/sig.data" "$MNT/sig.data"
	signal_stop "$1" mfs || return
	t_ok "mfs: fsck.minix -f clean after SIG$1" $TO fsck.minix -f "$img"
	t_mount "mfs: remount after SIG$1" "$img" "$MNT" -o ro || return
	t_ok "mfs: data written before SIG$1 is there" \
		cmp "$T/sig.data" "$MNT/sig.data"
	t_umount "mfs: unmount" "$MNT"
}

# An image not cleanly unmounted: read-only with a warning, unless forced.
mfs_dirty() {
	t_mount "mfs: mount an unclean image" "$1" "$MNT" || return
	t_ok "mfs: ... warns and goes read-only" grep -q 'read-only' "$FUSE_LOG"
	t_fail "mfs: ... refuses writes" touch "$MNT/new"
	t_umount "mfs: unmount" "$MNT"
	t_mount "mfs: -o force mounts it read-write" "$1" "$MNT" -o force ||
		return
	t_ok "mfs: ... and writes" touch "$MNT/new"
	t_umount "mfs: unmount" "$MNT"
}

mfs_round_trip() {
	local img=$T/mfs.img src=$T/tree
	need_cmd mkfs.minix fsck.minix
	truncate -s 16M "$img" && mkfs.minix -3 "$img" >/dev/null 2>&1 || { t_flunk "mkfs.minix -3"; return; }
	t_mount "mfs: mount a mkfs.minix -3 image, 64-block cache" "$img" \
		"$MNT" -o cache_size=64 || return
	t_ok "mfs: copy a tree in" $TO cp -a "$src/." "$MNT/"
	cp "$img" "$T/dirty.img"	# taken while mounted: not clean
	t_umount "mfs: unmount" "$MNT"
	mfs_dirty "$T/dirty.img"
	t_ok "mfs: fsck.minix -f clean" $TO fsck.minix -f "$img"
	mfs_signal INT "$img"
	mfs_signal TERM "$img"
	t_mount "mfs: remount read-only, 256 KiB cache" "$img" "$MNT" \
		-o ro,cache_size=256K || return
	t_ok "mfs: diff -r" $TO diff -r --no-dereference "$src" "$MNT"
	t_is "mfs: modes, links, sizes, times, owners" "$(tree_meta "$src")" \
		"$(tree_meta "$MNT")"
	t_umount "mfs: unmount" "$MNT"
	# The same file system 1 MiB into a larger file.
	{ head -c 1M /dev/zero; cat "$img"; } >"$T/off.img"
	t_mount "mfs: -o offset=1M" "$T/off.img" "$MNT" -o ro,offset=1M || return
	t_ok "mfs: diff -r at an offset" $TO diff -r --no-dereference "$src" "$MNT"
	t_umount "mfs: unmount" "$MNT"
}

ext2_round_trip() {
	local img=$T/ext2.img src=$T/tree
	need_cmd mke2fs e2fsck
	mke2fs -q -t ext2 -d "$src" "$img" 16M >/dev/null 2>&1 || { t_flunk "mke2fs"; return; }
	t_mount "ext2: mount" "$img" "$MNT" || return
	t_ok "ext2: diff -r" $TO diff -r --no-dereference -x lost+found \
		"$src" "$MNT"
	# mke2fs adds lost+found (and so a link to the root).
	t_is "ext2: modes, links, sizes, times, owners" \
		"$(tree_meta "$src" | grep -v '^\. ')" \
		"$(tree_meta "$MNT" | grep -v -e lost+found -e '^\. ')"
	t_ok "ext2: write a file" $TO cp "$src/sub/deeper/blob" "$MNT/blob2"
	t_is "ext2: set, get, list, remove an xattr" 0 "$(py_errno '
    os.setxattr("blob2", "user.mica", b"hello")
    assert os.getxattr("blob2", "user.mica") == b"hello"
    assert "user.mica" in os.listxattr("blob2")
    os.removexattr("blob2", "user.mica")')"
	t_is "ext2: removed xattr: ENODATA" 61 \
		"$(py_errno 'os.getxattr("blob2", "user.mica")')"
	t_umount "ext2: unmount" "$MNT"
	t_ok "ext2: e2fsck -fn clean" $TO e2fsck -fn "$img"
}

iso_round_trip() {
	local img=$T/tree.iso src=$T/tree
	need_cmd genisoimage
	genisoimage -quiet -R -o "$img" "$src" 2>/dev/null ||
		{ t_flunk "genisoimage"; return; }
	t_mount "iso9660: mount" "$img" "$MNT" -o ro || return
	t_ok "iso9660: diff -r" $TO diff -r --no-dereference "$src" "$MNT"
	t_umount "iso9660: unmount" "$MNT"
}

part_real() {
	local types
	types=$("$BIN/micafuse" -h 2>&1 | sed -n 's/.*one of: \(.*\) (default.*/\1/p')
	t_diag "micafuse file systems: ${types:-none}"
	make_tree "$T/tree"
	case " $types," in *" mfs,"*) mfs_round_trip ;; esac
	case " $types," in *" ext2,"*) ext2_round_trip ;; esac
	case " $types," in *" iso9660,"*) iso_round_trip ;; esac
}

part_memfs
opt_present
opt_permissions
opt_ro
ro_format
opt_signals
part_bad_usage
part_real
t_done
