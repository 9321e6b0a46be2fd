# mount.sh - the mount table inside Mica (VFS_GETMNTINFO): mount with no
# arguments lists it, df uses it for every mount and for the mount holding
# a file; a second file system (the suite boots build/i386/usr_mnt.img,
# an ext2 image, as /dev/ram1, which /etc/fstab mounts read-only on /mnt)
# is listed with its mount point, unmounted, mounted again read-write
# deeper in /tmp (the point is found as getcwd finds a directory), written
# and read back, and put back as it was; mount and umount refuse what they
# must, with the errno's message.  procfs, mounted on /proc by /etc/fstab
# after /mnt, is the last line of every table.
. lib/tap.sh
cd "$T" || exit 1
nl='
'
proc="none on /proc type procfs (ro)"
tab0="/dev/ram0 on / type root (rw)
/dev/ram1 on /mnt type ext2 (ro)
$proc"
t_out "mount lists all three: device, point, type, options" 0 "$tab0" mount
t_out "df's header" 0 "Filesystem 1K-blocks Used Available Use% Mounted on" \
	sh -c 'df | head -n 1 | { read a b c d e f g; echo $a $b $c $d $e $f $g; }'
t_out "df lists every mount: the root, 8 MiB; ram1, 256 KiB" 0 \
	"/dev/ram0 8192 /${nl}/dev/ram1 256 /mnt${nl}none 0 /proc" \
	sh -c 'df | tail -n +2 | while read dev size used avail pc point; do echo $dev $size $point; done'
t_out "df FILE names the mount holding it" 0 "/dev/ram0 /" \
	sh -c 'df /tmp/. | tail -n 1 | { read dev size used avail pc point; echo $dev $point; }'
t_out "df FILE on the second file system" 0 "/dev/ram1 /mnt" \
	sh -c 'df /mnt/sub/file | tail -n 1 | { read dev size used avail pc point; echo $dev $point; }'
t_out "its file reads" 0 "on ram1" cat /mnt/sub/file
t_out "it is read-only" 1 "touch: /mnt/new: Read-only file system" touch /mnt/new
t_out "umount /mnt: the table has the root and /proc" 0 \
	"/dev/ram0 on / type root (rw)${nl}$proc" \
	sh -c 'umount /mnt && mount'
t_out "... and /mnt is the empty directory again" 0 "" ls /mnt
mkdir -p deep/er
t_out "mount -t ext2 read-write deeper: the point as a path from /" 0 \
	"/dev/ram0 on / type root (rw)${nl}/dev/ram1 on $T/deep/er type ext2 (rw)${nl}$proc" \
	sh -c 'mount -t ext2 /dev/ram1 deep/er && mount'
t_out "a file written there reads back, df counts it" 0 "written${nl}/dev/ram1 $T/deep/er" \
	sh -c 'echo written > deep/er/w && cat deep/er/w && df deep/er/w | tail -n 1 | { read d s u a p m; echo $d $m; }'
t_out "a busy mount (a shell inside it) is not unmounted: EBUSY" 0 \
	"umount: $T/deep/er: Device or resource busy" \
	sh -c 'cd deep/er && umount '$T'/deep/er 2>&1; true'
t_out "rmdir of the mount point while mounted: EBUSY" 1 \
	"rmdir: deep/er: Device or resource busy" rmdir deep/er
t_out "umount, then mounted read-only on /mnt again: as it was" 0 "$tab0" \
	sh -c 'rm deep/er/w && umount deep/er && mount -r -t ext2 /dev/ram1 /mnt && mount'
t_out "df's used + available = size (MFS's reserve is none)" 0 "yes" \
	sh -c 'df / | tail -n 1 | { read dev size used avail pc point; [ $((used + avail)) -eq $size ] && echo yes; }'
t_out "df of a missing file" 1 "df: /nofile: No such file or directory" sh -c 'df /nofile 2>&1 >/dev/null'
used0=$(df / | tail -n 1 | { read dev size used rest; echo $used; })
dd if=/dev/zero of=big bs=1k count=256 2>/dev/null
used1=$(df / | tail -n 1 | { read dev size used rest; echo $used; })
t_is "df sees 256 KiB written (and the indirect block)" "yes" \
	"$(if [ $((used1 - used0)) -ge 256 ] && [ $((used1 - used0)) -le 260 ]; then echo yes; else echo "$used0 -> $used1"; fi)"
rm big
t_out "mount -Z: usage" 2 "mount: illegal option -- Z${nl}usage: mount [-r] [-t type] source dir | mount -a [-r] | mount" mount -Z
mkdir mnt
t_out "mount without a type detects it: the mounted root is busy" 1 "mount: /dev/ram0 on mnt: Device or resource busy" mount /dev/ram0 mnt
t_out "df -Z: usage" 2 "df: illegal option -- Z${nl}usage: df [-k] [file...]" df -Z
t_out "mount of an unknown type: ENODEV" 1 \
	"mount: /dev/ram0 on mnt: No such device" mount -t nosuchfs /dev/ram0 mnt
t_out "mount of a file as the device: ENOTBLK" 1 \
	"mount: /etc/rc on mnt: Block device required" mount -t mfs /etc/rc mnt
t_out "mount of a missing device" 1 \
	"mount: /dev/nodev on mnt: No such file or directory" mount -t mfs /dev/nodev mnt
t_out "mount on a file: ENOTDIR" 1 \
	"mount: /dev/ram0 on /etc/rc: Not a directory" mount -t mfs /dev/ram0 /etc/rc
t_out "mount with the root's server, already serving: EBUSY" 1 \
	"mount: /dev/ram0 on mnt: Device or resource busy" mount -t mfs /dev/ram0 mnt
t_out "umount of a directory that is no mount: EINVAL" 1 \
	"umount: mnt: Invalid argument" umount mnt
t_out "umount of /: EINVAL (the root is no mount to undo)" 1 "umount: /: Invalid argument" umount /
t_out "umount without an operand: usage" 2 "usage: umount dir..." umount
t_out "the table is unchanged" 0 "$tab0" mount
t_done
