# vnd.sh - the vnode disk (bdev/vnd, vnconfig) and block special files with
# a size (vfs/blk.c): files of n*bs, n*bs+512 and n*bs-512 bytes for bs 1
# KiB and 4 KiB, every 512-byte sector holding its own number, attached as
# /dev/vnd0 and read at the start, middle, just before, at, across and past
# the end through the device (dd): data and end-of-file clipping; a write
# through the device lands in the file; -r refuses writes; then the test85
# story: mkfs.mfs and fsck.mfs on /dev/vnd0 (sized by lseek SEEK_END), a
# mount on it, files written, umount, fsck again, and the image file is a
# clean file system by itself.
. lib/tap.sh
cd "$T" || exit 1

sector() {	# K: the 512 bytes of sector K of every pattern file
	printf '%-511s\n' "sector $1"
}
mkpat() {	# FILE SECTORS
	k=0
	: > "$1"
	while [ $k -lt "$2" ]; do
		sector $k >> "$1"
		k=$((k + 1))
	done
}
rd() {		# SKIP COUNT: sectors of /dev/vnd0 (stderr dropped)
	dd if=/dev/vnd0 bs=512 skip="$1" count="$2" 2>/dev/null
}

t_out "vnconfig without operands: usage, status 2" 2 \
	"usage: vnconfig [-r] vndN file | vnconfig -u vndN" vnconfig
t_out "vnconfig -u without a device: status 2" 2 \
	"usage: vnconfig [-r] vndN file | vnconfig -u vndN" vnconfig -u
t_out "vnconfig -x: status 2" 2 "yes" \
	sh -c 'vnconfig -x vnd0 f 2>e; s=$?; grep -q "^usage: vnconfig" e && echo yes; exit $s'
t_out "vnconfig of a missing file: status 1" 1 "yes" \
	sh -c 'vnconfig vnd0 nofile 2>e; s=$?; grep -q "nofile: No such file" e && echo yes; exit $s'
t_out "an unattached vnd does not open: ENXIO" 1 "yes" \
	sh -c 'dd if=/dev/vnd0 bs=512 count=1 2>e >/dev/null; s=$?; grep -q "No such device" e && echo yes; [ $s -ne 0 ] && exit 1; exit 0'
t_out "detaching an unattached vnd: status 1" 1 "yes" \
	sh -c 'vnconfig -u vnd0 2>e; s=$?; grep -q "/dev/vnd0: " e && echo yes; exit $s'

for bs in 1024 4096; do
	n=$((16384 / bs))
	for extra in 0 512 -512; do
		size=$((n * bs + extra))
		ns=$((size / 512))
		f=pat$bs$extra
		mkpat $f $ns
		d="bs $bs, $size bytes"
		t_ok "$d: attach" vnconfig vnd0 $f
		t_is "$d: the whole device reads back as the file's bytes" \
			"$size" "$(dd if=/dev/vnd0 bs=4096 2>/dev/null | wc -c | { read c; echo $c; })"
		t_is "$d: the first sector" "$(sector 0)" "$(rd 0 1)"
		t_is "$d: a middle sector" "$(sector $((ns / 2)))" "$(rd $((ns / 2)) 1)"
		t_is "$d: the last sector (just before the end)" \
			"$(sector $((ns - 1)))" "$(rd $((ns - 1)) 1)"
		t_is "$d: at the end: 0 bytes" "0" \
			"$(rd $ns 1 | wc -c | { read c; echo $c; })"
		t_is "$d: across the end: clipped to the last sector" "512" \
			"$(rd $((ns - 1)) 4 | wc -c | { read c; echo $c; })"
		t_is "$d: past the end: 0 bytes" "0" \
			"$(rd $((ns + 3)) 2 | wc -c | { read c; echo $c; })"
		t_is "$d: 1 KiB reads across the end are clipped" "$((size - (size / 1024) * 1024 + 0))" \
			"$(dd if=/dev/vnd0 bs=1024 skip=$((size / 1024)) count=1 2>/dev/null | wc -c | { read c; echo $c; })"
		printf '%-511s\n' "written $bs" | dd of=/dev/vnd0 bs=512 seek=$((ns - 1)) conv=notrunc 2>/dev/null
		t_is "$d: a write to the last sector reaches the file" \
			"$(printf '%-511s\n' "written $bs")" \
			"$(dd if=$f bs=512 skip=$((ns - 1)) count=1 2>/dev/null)"
		t_is "$d: the file's size is unchanged" "$size" "$(stat -c %s $f)"
		t_ok "$d: detach" vnconfig -u vnd0
	done
done

mkpat ro 8
t_ok "vnconfig -r: attach read-only" vnconfig -r vnd1 ro
t_is "read-only: reads work" "$(sector 3)" \
	"$(dd if=/dev/vnd1 bs=512 skip=3 count=1 2>/dev/null)"
t_out "read-only: a write is refused (EROFS)" 1 "yes" \
	sh -c 'echo x | dd of=/dev/vnd1 bs=512 seek=1 conv=notrunc 2>e; s=$?; grep -q "Read-only file system" e && echo yes; [ $s -ne 0 ] && exit 1; exit 0'
t_is "read-only: the file is unchanged" "$(sector 1)" \
	"$(dd if=ro bs=512 skip=1 count=1 2>/dev/null)"
t_out "attaching an attached vnd: EBUSY" 1 "yes" \
	sh -c 'vnconfig vnd1 ro 2>e; s=$?; grep -q "busy" e && echo yes; exit $s'
t_ok "detach the read-only one" vnconfig -u vnd1

# The test85 story on a vnd: a 2 MiB + 512 file system image file (306
# zones: 2 directories, a, 300 of big with its indirect and double
# indirect blocks).
dd if=/dev/zero of=img bs=1024 count=2048 2>/dev/null
dd if=/dev/zero bs=512 count=1 2>/dev/null >> img
t_ok "attach a 2 MiB + 512 image" vnconfig vnd0 img
t_out "mkfs.mfs /dev/vnd0 (sized by the device)" 0 "" mkfs.mfs -q -B 1024 /dev/vnd0
t_out "fsck.mfs /dev/vnd0: clean" 0 "" fsck.mfs -f /dev/vnd0
mkdir mnt
t_ok "mount /dev/vnd0 (a second MFS server)" mount -t mfs2 /dev/vnd0 mnt
t_is "df: the file system spans the device, 2048 KiB" "2048" \
	"$(df mnt | tail -n 1 | { read dev size rest; echo $size; })"
echo hello > mnt/a
mkdir mnt/d
dd if=/dev/zero of=mnt/d/big bs=1024 count=300 2>/dev/null
t_is "files written on it read back" "hello" "$(cat mnt/a)"
t_out "detaching a mounted vnd: EBUSY" 1 "yes" \
	sh -c 'vnconfig -u vnd0 2>e; s=$?; grep -q "busy" e && echo yes; exit $s'
t_ok "umount" umount mnt
t_out "fsck.mfs /dev/vnd0 after use: clean, the files counted" 0 \
	"2 files, 2 directories, 306 zones in use" fsck.mfs -f -v /dev/vnd0
t_ok "detach" vnconfig -u vnd0
t_out "the image file alone is the same clean file system" 0 "" fsck.mfs -f -n img
t_ok "attach it again" vnconfig vnd0 img
t_ok "and mount it" mount -t mfs2 /dev/vnd0 mnt
t_is "the files are there" "hello 307200" "$(cat mnt/a) $(stat -c %s mnt/d/big)"
t_ok "umount" umount mnt
t_ok "detach" vnconfig -u vnd0
t_done
