# mmap.sh - file and block-device mappings on the file systems and devices
# the usr boot has besides / (MFS, 1 KiB blocks, where t_mmap runs by
# itself): t_mmap's whole list on an MFS with 4 KiB blocks (mkfs.mfs on
# /dev/vnd1, mounted with the second MFS server); t_mmap -c (every byte
# of a mapping against pread, zero tail, SIGBUS past the end) on the
# read-only ext2 of /mnt (1 KiB blocks), on /dev/ram1 (the device under
# it, through its cache), and on vnode disks of n*bs, n*bs+512 and
# n*bs-512 bytes for bs 1 KiB and 4 KiB, whole and from an offset, and a
# store through a shared mapping of a vnode disk's last sector, read back
# through the device and from the disk's file.
. lib/tap.sh
cd "$T" || exit 1
here=/usr/tests

fails() {	# ARGS: t_mmap's lines other than ok, comments, plan; its status
	$here/t_mmap "$@" > out
	t_st=$?
	grep -v '^ok ' out | grep -v '^#' | grep -v '^1\.\.'
	return $t_st
}

dd if=/dev/zero of=img4k bs=4096 count=256 2>/dev/null
t_ok "a 1 MiB image on /dev/vnd1" vnconfig vnd1 img4k
t_out "mkfs.mfs -B 4096 /dev/vnd1" 0 "" mkfs.mfs -q -B 4096 /dev/vnd1
mkdir mnt
t_ok "mount it (mfs2)" mount -t mfs2 /dev/vnd1 mnt
t_out "t_mmap on MFS with 4 KiB blocks: every check passes" 0 "" fails "$T/mnt"
t_ok "umount" umount mnt
t_out "fsck.mfs /dev/vnd1 afterwards: clean" 0 "" fsck.mfs -f /dev/vnd1
t_ok "detach" vnconfig -u vnd1

t_out "ext2 (1 KiB blocks, read-only /mnt): a mapped file matches read()" 0 \
	"mapcheck: /mnt/sub/file: 4096 bytes from 0 match, size 8" \
	$here/t_mmap -c /mnt/sub/file 0 4096
t_out "... and its second page is SIGBUS" 0 \
	"mapcheck: /mnt/sub/file: 8192 bytes from 0 match, size 8" \
	$here/t_mmap -c /mnt/sub/file
t_out "/dev/ram1 (mounted: through ext2's cache) maps as it reads" 0 \
	"mapcheck: /dev/ram1: 266240 bytes from 0 match, size 262144" \
	$here/t_mmap -c /dev/ram1

for bs in 1024 4096; do
	n=$((16384 / bs))
	for extra in 0 512 -512; do
		size=$((n * bs + extra))
		k=0		# every 512-byte sector holds its own number
		: > d
		while [ $k -lt $((size / 512)) ]; do
			printf '%-511s\n' "sector $k" >> d
			k=$((k + 1))
		done
		t_ok "bs $bs, $size bytes: attach" vnconfig vnd1 d
		whole=$(( (size + 4095) / 4096 * 4096 + 4096 ))
		t_out "bs $bs, $size bytes: the whole device and a page past it" 0 \
			"mapcheck: /dev/vnd1: $whole bytes from 0 match, size $size" \
			$here/t_mmap -c /dev/vnd1
		t_out "bs $bs, $size bytes: from 8 KiB, the last page(s)" 0 \
			"mapcheck: /dev/vnd1: $((whole - 8192)) bytes from 8192 match, size $size" \
			$here/t_mmap -c /dev/vnd1 8192 $((whole - 8192))
		t_out "bs $bs, $size bytes: another node of the device maps the same pages" 0 \
			"alias: /dev/vnd1 and /tmp/t_mmap.alias: one page" $here/t_mmap -a /dev/vnd1
		at=$(( (size / 512 - 1) * 512 + 100 ))
		t_ok "bs $bs, $size bytes: a store through a shared mapping of the last sector" \
			$here/t_mmap -w /dev/vnd1 $at "mapped $bs"
		t_is "bs $bs, $size bytes: ... reads back through the device" "mapped $bs" \
			"$(dd if=/dev/vnd1 bs=1 skip=$at count=11 2>/dev/null)"
		t_ok "bs $bs, $size bytes: detach" vnconfig -u vnd1
		t_is "bs $bs, $size bytes: ... and is in the disk's file, whose size is unchanged" \
			"mapped $bs $size" \
			"$(dd if=d bs=1 skip=$at count=11 2>/dev/null) $(stat -c %s d)"
	done
done
t_done
