#!/bin/bash
# tests/host/iso_compare.sh - ISO 9660 images made by genisoimage and
# xorriso (-R, -J, -R -J, plain levels 1-3), mounted with micafuse and
# compared with their source trees and with isoinfo's listings.
#
#   Rock Ridge (-R, -R -J): diff -r of names and contents, and one line per
#       node (type, mode, size, mtime, owner, symlink target, and link count
#       for non-directories) from find -printf on both sides; isoinfo -R -l
#       listings (mode, owner, size, name) against ls of the mount.
#   Joliet only (-J): names (mixed case, spaces, UTF-8) and contents; isoinfo
#       -J -l names and sizes.
#   plain levels 1-3: a tree of d-character names, names and contents.
# (genisoimage 1.1.11 spins forever on symlink targets much over 255 bytes,
# so the long one here stays below that; the unit tests cover longer ones
# with xorriso.)  genisoimage relocates the directories nested deeper than 8 levels into
# rr_moved (left out of the comparisons; the relocated tree must look
# unmoved).  micafuse must exit 0 after each unmount.
. "$(dirname "$0")/lib.sh"
t_init iso_compare
need_bin micafuse
need_cmd genisoimage xorriso isoinfo diff find

MNT=$T/mnt
mkdir -p "$MNT"

# --- source trees -----------------------------------------------------------
make_rr_tree() {
	local d=$1 i p
	mkdir -p "$d/docs" "$d/empty.dir" &&
	printf 'hello, iso\n' >"$d/hello.txt" &&
	head -c 1500000 /dev/urandom >"$d/docs/random.bin" &&
	seq 1 20000 >"$d/docs/numbers.txt" &&
	printf '#!/bin/sh\n' >"$d/run.sh" && chmod 755 "$d/run.sh" &&
	ln -s /usr/share/doc "$d/abs.link" &&
	ln -s "$(printf 'part%03d/' $(seq 1 24))end" "$d/long.link" &&
	printf 'x' >"$d/A name with spaces, and more than sixty-four characters, for NM.txt" &&
	tree_special "$d" || return 1
	p=$d/deep
	for i in $(seq 1 11); do
		p=$p/level$i
		mkdir -p "$p" && printf '%s\n' "$i" >"$p/f$i.txt" || return 1
	done
	find "$d" -path "$d/sp" -prune -o -exec touch -h -d '2011-06-07 08:09:10' {} +
}

make_joliet_tree() {
	local d=$1
	mkdir -p "$d/Mixed Case Dir/sub" &&
	printf 'one\n' >"$d/Mixed Case Dir/File One.TXT" &&
	printf 'two\n' >"$d/Mixed Case Dir/sub/Ünïcödé файл.txt" &&
	head -c 300000 /dev/urandom >"$d/data.bin" &&
	printf 'z' >"$d/a-name-of-exactly-sixty-characters-for-joliet-names-0123.dat"
}

make_plain_tree() {
	local d=$1
	mkdir -p "$d/DIR1/DIR2" &&
	printf 'hello\n' >"$d/HELLO.TXT" &&
	printf 'readme\n' >"$d/README" &&
	head -c 200000 /dev/urandom >"$d/DATA.BIN" &&
	printf 'deep\n' >"$d/DIR1/DIR2/DEEP.TXT"
}

# One line per node: path type mode [links] size mtime owner target.
meta() {
	(cd "$1" && timeout 60 find . -path ./rr_moved -prune -o \
		-printf '%p %y %m %n %s %TY%Tm%Td%TH%TM%TS %U:%G %l\n' |
		awk '$2 == "d" { $4 = "-"; $5 = "-" } { sub(/\.[0-9]+$/, "", $6) } 1' |
		sort)
}

# isoinfo's view: "[mode uid gid] size path" per entry (no . and ..).
# isoinfo prints owners in octal, FIFOs as 'f', no setuid/setgid/sticky
# bits, and a symlink's record size (0); so modes are reduced to what it
# shows, sizes of symlinks left out.  It cannot print UTF-8 Joliet names:
# non-ASCII names are left out of the Joliet comparison on both sides.
# isoinfo does not follow Rock Ridge relocations (CL): the deep tree is left
# out here (diff -r and meta check it against the source).
isoinfo_list() {
	isoinfo "$2" -l -i "$1" | LC_ALL=C awk -v full="$3" '
		/^Directory listing of / { dir = substr($0, 22); next }
		NF >= 11 && $1 ~ /^[-dlcbpsf]/ {
			name = $0; sub(/^[^]]*\] +/, "", name)
			sub(/ -> .*$/, "", name); sub(/ +$/, "", name)
			if (name == "." || name == ".." || dir ~ /^\/rr_moved/ ||
			    name == "rr_moved" || (dir name) ~ /[\200-\377]/ ||
			    (dir name) ~ /^\/deep\//) next
			mode = $1; sub(/^f/, "p", mode)
			size = mode ~ /^[dl]/ ? "-" : $5
			if (full) print mode, $3, $4, size, dir name
			else print size, dir name
		}' | sort
}

# The same from the mount.
mount_list() {
	(cd "$1" && timeout 60 find . -mindepth 1 -path ./rr_moved -prune -o \
		-printf '%M %U %G %s %y %p\n' | LC_ALL=C awk -v full="$2" '
		{ p = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ [^ ]+ [^ ]+ \./, "", p)
		  if (p ~ /[\200-\377]/ || p ~ /^\/deep\//) next
		  mode = $1; gsub(/[st]/, "x", mode); gsub(/[ST]/, "-", mode)
		  size = ($5 == "d" || $5 == "l") ? "-" : $4
		  if (full) printf "%s %o %o %s %s\n", mode, $2, $3, size, p
		  else print size, p }' |
		sort)
}

# --- one image ----------------------------------------------------------------
# check_image NAME TOOL OPTS SRC KIND   (KIND: rr, joliet, plain)
check_image() {
	local name=$1 tool=$2 opts=$3 src=$4 kind=$5 img=$T/$1.iso
	if [ "$tool" = xorriso ]; then
		set -- xorriso -as mkisofs -quiet $opts -o "$img" "$src"
	else
		set -- genisoimage -quiet $opts -o "$img" "$src"
	fi
	if ! timeout 30 "$@" >"$T/mk.log" 2>&1; then
		t_flunk "$name: $* made an image"
		t_show "$T/mk.log"
		return
	fi
	t_mount "$name: micafuse mounts it" "$img" "$MNT" || return
	t_ok "$name: names and contents match (diff -r)" \
		timeout 60 diff -r --no-dereference -x rr_moved -x fifo.p "$src" "$MNT"
	case $kind in
	rr)
		meta "$src" >"$T/want.meta"
		meta "$MNT" >"$T/got.meta"
		t_ok "$name: modes, owners, mtimes, links, targets match" \
			diff "$T/want.meta" "$T/got.meta"
		isoinfo_list "$img" -R 1 >"$T/want.list"
		mount_list "$MNT" 1 >"$T/got.list"
		t_ok "$name: isoinfo -R -l agrees" diff "$T/want.list" "$T/got.list"
		;;
	joliet)
		isoinfo_list "$img" -J 0 >"$T/want.list"
		mount_list "$MNT" 0 >"$T/got.list"
		t_ok "$name: isoinfo -J -l agrees" diff "$T/want.list" "$T/got.list"
		;;
	esac
	t_fail "$name: the mount is read-only" timeout 20 touch "$MNT/new-file"
	t_umount "$name: micafuse exits cleanly" "$MNT"
}

make_rr_tree "$T/rr" || t_flunk "rock ridge source tree"
make_joliet_tree "$T/joliet" || t_flunk "joliet source tree"
make_plain_tree "$T/plain" || t_flunk "plain source tree"

for tool in genisoimage xorriso; do
	check_image "$tool-R" $tool "-R" "$T/rr" rr
	check_image "$tool-R-J" $tool "-R -J -joliet-long" "$T/rr" rr
	check_image "$tool-J" $tool "-J" "$T/joliet" joliet
	for level in 1 2 3; do
		check_image "$tool-level$level" $tool "-iso-level $level" \
			"$T/plain" plain
	done
done
t_done
