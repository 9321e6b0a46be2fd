# lib/libposix - Mica's POSIX layer under newlib: system calls as messages
# to PM, VFS and VM (mica/callnr.h, mica/ipc_lc.h).  libposix.a also holds
# the exec-frame code (lib/libexec) and libsys's kernel interface (IPC
# traps, kernel calls, grant table: mica/kipc.h), so a program links
# crt0.o + its objects + libposix.a + newlib's libc.a/libm.a + libgcc
# (tools/mica-cc does exactly that).  libsys's printf/string stay out: newlib
# has its own.
LIBPOSIX_SRCS := $(wildcard lib/libposix/*.c) lib/libposix/newlib_check/abi_newlib.c
LIBPOSIX_KIPC := lib/libsys/ipc.S lib/libsys/kcall.c lib/libsys/grants.c \
	lib/libsys/pages.c lib/libexec/exec_frame.c
LIBPOSIX      := $(TLIB)/libposix.a
LIBPOSIX_CRT0 := $(TOBJ)/lib/libposix/crt0.o
TCFLAGS_lib/libposix/ := $(LIBC_CFLAGS)
# newlib's pristine headers, without Mica's overrides (see abi_newlib.c)
TCFLAGS_lib/libposix/newlib_check/ := $(NEWLIB_CFLAGS)

$(call tobjs,$(LIBPOSIX_SRCS) lib/libposix/crt0.S): | $(NEWLIB_STAMP)

$(LIBPOSIX): $(call tobjs,$(LIBPOSIX_SRCS) $(LIBPOSIX_KIPC))
	@mkdir -p $(@D)
	rm -f $@; $(TARGET_AR) rcs $@ $^

# What a program built by tools/mica-cc depends on.
MICA_CC      := MICA_TARGET_CC="$(TARGET_CC)" bash tools/mica-cc
MICA_CC_DEPS := tools/mica-cc $(NEWLIB_STAMP) $(LIBPOSIX) $(LIBPOSIX_CRT0) \
	lib/libposix/prog.ld
OS_ALL += $(LIBPOSIX) $(LIBPOSIX_CRT0)

# One file that is newer than everything mica-cc links: what the commands'
# os_prog rules (mk/target.mk) depend on.
$(MICA_CC_STAMP): $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	touch $@

# Every error number of mica/errno.h has a message (strerror.c).
HOST_TESTS += tests/host/errno_table.sh
