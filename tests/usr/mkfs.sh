# mkfs.sh - mkfs.mfs and fsck.mfs built for Mica (the host tools' sources
# over libminixfs's posix_dev.c seam) on image files in /tmp: make, check
# clean, populate from a tree, break a bitmap, find it, repair it, check
# clean again; their usage errors and missing files.  (The same tools on a
# block device, /dev/vnd0, and a mount of the result: vnd.sh.)
. lib/tap.sh
cd "$T" || exit 1
nl='
'
t_out "mkfs.mfs makes a 4 MiB image file" 0 "4194304" \
	sh -c 'mkfs.mfs -q -b 1024 img && stat -c %s img'
t_out "fsck.mfs -f: clean" 0 "" fsck.mfs -f img
t_out "fsck.mfs -f -v: counts an empty file system" 0 \
	"0 files, 1 directories, 1 zones in use" fsck.mfs -f -v img
t_out "mkfs.mfs -B 1024 -V 2 -n 30" 0 "" \
	sh -c 'mkfs.mfs -q -B 1024 -V 2 -n 30 -b 512 img1k && fsck.mfs -f img1k'
mkdir -p tree/sub
echo hello > tree/a
printf 'deep\n' > tree/sub/b
ln -s a tree/l
dd if=/dev/zero of=tree/big bs=1k count=300 2>/dev/null
t_out "mkfs.mfs -d: an image of a tree" 0 "" mkfs.mfs -q -d tree img2
t_out "... fsck.mfs finds it clean" 0 "" fsck.mfs -f -n img2
# (tree/big is all zeros: mkfs.mfs leaves holes, so 5 zones in use)
t_out "... and counts its files" 0 "4 files, 2 directories, 5 zones in use" \
	fsck.mfs -f -n -v img2
dd if=/dev/zero of=img2 bs=4096 seek=2 count=1 conv=notrunc 2>/dev/null
t_out "a zeroed inode bitmap: fsck -n reports, status 4" 4 \
	"Inode 1 used, marked unused in the bitmap.
Inode 2 used, marked unused in the bitmap.
Inode 3 used, marked unused in the bitmap.
Inode 4 used, marked unused in the bitmap.
Inode 5 used, marked unused in the bitmap.
Inode 6 used, marked unused in the bitmap.
Inode bitmap: bit 0 or bits past the last inode are not set." fsck.mfs -f -n img2
t_out "fsck -y repairs it: status 1" 1 "yes" \
	sh -c 'fsck.mfs -f -y img2 >out 2>&1; s=$?; grep -q "FILE SYSTEM HAS BEEN CHANGED" out && echo yes; exit $s'
t_out "... and it is clean again" 0 "" fsck.mfs -f img2
t_out "fsck.mfs of a missing image: status 8" 8 "fsck.mfs: noimg: No such file or directory" fsck.mfs -f noimg
t_out "fsck.mfs without an operand: usage, status 16" 16 "usage: fsck.mfs [-n|-y|-a|-p] [-f] [-v] image" fsck.mfs
t_out "mkfs.mfs -Z: usage, status 16 (util-linux mkfs.minix's)" 16 "yes" \
	sh -c 'mkfs.mfs -Z 2>e; s=$?; grep -q "^usage: mkfs.mfs" e && echo yes; exit $s'
t_out "mkfs.mfs -d of a missing directory: status 8, no image left" 8 \
	"mkfs.mfs: nodir: No such file or directory${nl}gone" \
	sh -c 'mkfs.mfs -q -d nodir img3; s=$?; [ -e img3 ] || echo gone; exit $s'
t_out "mkfs.mfs on a character device is refused: status 8" 8 "yes" \
	sh -c 'mkfs.mfs -q -b 64 /dev/null 2>e; s=$?; grep -q "^mkfs.mfs: /dev/null: " e && echo yes; exit $s'
t_done
