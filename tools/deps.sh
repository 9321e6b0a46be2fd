#!/bin/sh
# tools/deps.sh - install, from Debian's archive, every package that Mica's
# build, tests and benchmarks need.  Idempotent: when everything is present it
# only runs dpkg-query and exits, so make can call it on every run.
set -eu

PKGS="build-essential gcc-multilib clang libclang-rt-14-dev pkg-config
      libfuse3-dev fuse3 libcunit1-dev
      qemu-system-x86 e2fsprogs fuse2fs util-linux xorriso genisoimage genromfs
      genext2fs
      newlib-source valgrind python3 time attr fdisk"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: missing packages:$missing (run as root to install)" >&2
	exit 1
fi
echo "deps.sh: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 || {
	apt-get update -q >/dev/null
	apt-get install -y -q --no-install-recommends $missing
}
