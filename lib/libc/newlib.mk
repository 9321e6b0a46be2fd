# lib/libc/newlib.mk - newlib, Mica's C library proper, built once into
# build/newlib from Debian's newlib-source (/usr/src/newlib/newlib-*.tar.xz).
#
# newlib is always compiled by gcc (it is third-party code with its own
# build); Mica's layer under it (lib/libposix) and user programs build
# with $(TARGET_CC), gcc or clang.  The stamp file makes it a one-time
# cost per build directory: only a change of the tarball or of this
# recipe rebuilds it.
#
# Exported to the rest of the tree:
#   NEWLIB_STAMP   depend on it (order-only) before including newlib headers
#   LIBC_CFLAGS    the header search path and predefines of a Mica user
#                  program: lib/libc/include (Mica's overrides of newlib's
#                  generic headers) before newlib's installed headers
#   NEWLIB_CFLAGS  the same without Mica's overrides (newlib's headers as built)
#   NEWLIB_LIBDIR  libc.a and libm.a
NEWLIB_TAR    := $(firstword $(wildcard /usr/src/newlib/newlib-*.tar.xz))
NEWLIB_DIR    := build/newlib
NEWLIB_STAMP  := $(NEWLIB_DIR)/.built
NEWLIB_INC    := $(NEWLIB_DIR)/install/i686-elf/include
NEWLIB_LIBDIR := $(NEWLIB_DIR)/install/i686-elf/lib
LIBC_DEFS     := -U__linux__ -U__linux -Ulinux -U__gnu_linux__ -U__unix__ \
	-U__unix -Uunix -D__mica__
NEWLIB_CC     := gcc -m32 -march=i686 -ffreestanding -fno-stack-protector \
	-fno-pic -fno-pie -nostdinc -isystem $(shell gcc -m32 -print-file-name=include) \
	$(LIBC_DEFS)
NEWLIB_CFLAGS := -isystem $(NEWLIB_INC) \
	-isystem $(shell $(TARGET_CC) -m32 -print-file-name=include) $(LIBC_DEFS)
LIBC_CFLAGS   := -isystem lib/libc/include $(NEWLIB_CFLAGS)

$(NEWLIB_STAMP): lib/libc/newlib-build.sh lib/libc/newlib.mk
	@test -n "$(NEWLIB_TAR)" || { echo "newlib-source missing: run make deps"; exit 1; }
	@echo "  NEWLIB  $(NEWLIB_DIR) (one-time build, about a minute)"
	bash lib/libc/newlib-build.sh $(NEWLIB_TAR) $(NEWLIB_DIR) "$(NEWLIB_CC)"
	touch $@

.PHONY: newlib
newlib: $(NEWLIB_STAMP)
