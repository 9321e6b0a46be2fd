#!/bin/bash
# lib/libc/newlib-build.sh - unpack, configure, build and install newlib
# for Mica (i686), from Debian's newlib-source tarball; nothing is fetched.
#
#   newlib-build.sh TARBALL DIR CC
#
# DIR receives src/ (the unpacked tree), obj/ (the build) and install/
# (i686-elf/include, i686-elf/lib).  CC is the full target compiler
# command: i386, freestanding, no host headers, __mica__ defined and the
# host's __linux__/__unix__ undefined, so newlib picks its generic paths.
# newlib's own system-call stubs are left out (Mica's libposix provides
# _read, _write, _sbrk, ...).  Built without -g and with only the target
# library (no libgloss), which keeps a fresh build near a minute on two
# cores.  Idempotent only through the caller's stamp file: it starts from
# scratch every time it runs.
set -eu
tar=$1 dir=$2 cc=$3
rm -rf "$dir/src" "$dir/obj" "$dir/install"
mkdir -p "$dir/src" "$dir/obj"
tar xJf "$tar" -C "$dir/src" --strip-components=1
prefix=$(cd "$dir" && pwd)/install
unset MAKEFLAGS MFLAGS MAKELEVEL
cd "$dir/obj"
../src/configure --target=i686-elf --prefix="$prefix" \
	--disable-multilib --disable-newlib-supplied-syscalls --disable-nls \
	--disable-newlib-multithread --enable-newlib-io-long-long \
	--enable-newlib-io-c99-formats \
	CC_FOR_TARGET="$cc" CFLAGS_FOR_TARGET="-O2" \
	AR_FOR_TARGET=ar AS_FOR_TARGET="as --32" LD_FOR_TARGET="ld -m elf_i386" \
	RANLIB_FOR_TARGET=ranlib NM_FOR_TARGET=nm > configure.log 2>&1 ||
	{ tail -30 configure.log; exit 1; }
nice make -j2 all-target-newlib > build.log 2>&1 || { tail -30 build.log; exit 1; }
make install-target-newlib > install.log 2>&1 || { tail -30 install.log; exit 1; }
