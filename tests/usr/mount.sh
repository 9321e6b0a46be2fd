# mount.sh - the mount table inside Mica (VFS_GETMNTINFO): mount with no
# arguments lists it, df uses it for every mount and for the mount holding
# a file; mount and umount refuse what they must, with the errno's message.
. lib/tap.sh
cd "$T" || exit 1
nl='
'
t_out "mount lists the root: device, point, type, options" 0 \
	"/dev/ram0 on / type root (rw)" mount
t_out "df's header" 0 "Filesystem 1K-blocks Used Available Use% Mounted on" \
	sh -c 'df | head -n 1 | { read a b c d e f g; echo $a $b $c $d $e $f $g; }'
t_out "df lists every mount: the root, 8 MiB" 0 "/dev/ram0 8192 /" \
	sh -c 'df | tail -n +2 | { read dev size used avail pc point; echo $dev $size $point; }'
t_out "df FILE names the mount holding it" 0 "/dev/ram0 /" \
	sh -c 'df /tmp/. | tail -n 1 | { read dev size used avail pc point; echo $dev $point; }'
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
t_out "mount without a type detects it: the mounted root is busy" 1 "mount: /dev/ram0 on /mnt: Device or resource busy" mount /dev/ram0 /mnt
t_out "df -Z: usage" 2 "df: illegal option -- Z${nl}usage: df [-k] [file...]" df -Z
mkdir mnt
t_out "mount of an unknown type: ENODEV" 1 \
	"mount: /dev/ram0 on mnt: No such device" mount -t nosuchfs /dev/ram0 mnt
# ENOTBLK's text: newlib is built without __LINUX_ERRNO_EXTENSIONS__, so
# its strerror(ENOTBLK) is empty; the check is the status and the operands.
t_out "mount of a file as the device: ENOTBLK" 1 "mount: /etc/rc on mnt:" \
	sh -c 'mount -t mfs /etc/rc mnt 2>e; s=$?; read a b c d <e; echo $a $b $c $d; exit $s'
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
t_out "the table is unchanged" 0 "/dev/ram0 on / type root (rw)" mount
t_done
