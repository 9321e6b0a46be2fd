# lib/libc - the C library: newlib (newlib.mk) over Mica's POSIX layer
# (lib/libposix).  See lib/libc/README.md.
include lib/libc/newlib.mk
