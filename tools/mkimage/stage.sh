#!/bin/bash
# tools/mkimage/stage.sh STAGING ETCDIR PROGRAM... - lay out the root tree
# that mkfs.mfs turns into build/i386/root.img: programs stripped of their
# debug information (a quarter of the size; build/i386/usr/bin keeps it) in
# /bin (init, mkfs.mfs and fsck.mfs in /sbin), "[" as a link to test, /etc from ETCDIR, empty /dev
# /tmp /home, and /proc (procfs's mount point).  An argument DEST=SRC puts SRC at DEST under the root (an ELF
# program stripped, anything else copied with its mode; directories made):
# /usr/tests's runner and scripts (tests/usr/module.mk).  Owners, modes of
# the special ones and /dev nodes come from tools/mkimage/devtable.
set -eu
stage=$1 etc=$2; shift 2
mkdir -p "$stage"/{bin,sbin,etc,dev,tmp,home,usr/tests,proc}
for p in "$@"; do
	case $p in
	*=*)
		dest=$stage/${p%%=*} src=${p#*=}
		mkdir -p "$(dirname "$dest")"
		if [ "$(head -c 4 "$src" | od -An -c | tr -d ' ')" = '177ELF' ]; then
			strip -o "$dest" "$src"
		else
			cp -p "$src" "$dest"
		fi
		continue ;;
	esac
	case ${p##*/} in
	init|mkfs.mfs|fsck.mfs) strip -o "$stage/sbin/${p##*/}" "$p" ;;
	*) strip -o "$stage/bin/${p##*/}" "$p" ;;
	esac
done
[ -e "$stage/bin/test" ] && ln "$stage/bin/test" "$stage/bin/["
cp "$etc"/* "$stage/etc/"
