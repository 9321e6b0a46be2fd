# usage.sh - every command in Mica's /bin and /sbin that takes options
# answers an unknown one with a "usage:" line on stderr and status 2, as
# GNU and BSD utilities do; mkfs.mfs and fsck.mfs with 16, as util-linux's
# mkfs.minix and fsck.minix (checked against those on the host:
# tests/host/usage_status.sh).  Left out: what POSIX says takes no
# options (echo, printf, test and [, true, false) and what must not run
# here (init, poweroff: poweroff -Z still checks, it exits before acting;
# sh: the shell suite has its own).
. lib/tap.sh
cd "$T" || exit 1

# usage_is CMD STATUS: CMD -Z says "usage:" and exits STATUS.
usage_is() {
	t_out "$1 -Z: usage, status $2" "$2" "yes" \
		sh -c "$1 -Z </dev/null >/dev/null 2>e; s=\$?; grep -q 'usage:' e && echo yes; exit \$s"
}

for c in cat chmod chown cp date dd df env grep head kill ln ls mkdir \
	mount mv poweroff ps pwd rm rmdir script sleep stat sync tail touch \
	tty umount vnconfig wc; do
	usage_is "$c" 2
done
usage_is mkfs.mfs 16
usage_is fsck.mfs 16
t_done
