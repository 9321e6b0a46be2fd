# lib/libsys - user-side IPC and kernel-call library for boot modules and
# system services (SEF, grants, timers, asynsend, DS client).
#
# LIBSYS_HOST_SRCS are the parts that only reach the kernel through
# mica/kipc.h; they also build for the host (libsys_host), where the CUnit
# suites in tests/unit/sef link them against a fake kernel.
LIBSYS_HOST_SRCS := lib/libsys/sef.c lib/libsys/sef_init.c \
	lib/libsys/sef_lu.c lib/libsys/sef_signal.c lib/libsys/sef_transfer.c \
	lib/libsys/asynsend.c lib/libsys/grants.c lib/libsys/timers.c \
	lib/libsys/sys_timers.c
LIBSYS_SRCS := $(LIBSYS_HOST_SRCS) lib/libsys/kcall.c lib/libsys/kcall_vm.c lib/libsys/kcall_sig.c lib/libsys/printf.c \
	lib/libsys/string.c lib/libsys/start.c lib/libsys/fmt.c lib/libsys/ipc.S \
	lib/libsys/pages.c lib/libsys/panic.c lib/libsys/sef_vm.c \
	lib/libsys/ds.c

$(TLIB)/libsys.a: $(call tobjs,$(LIBSYS_SRCS))
	@mkdir -p $(@D)
	rm -f $@; $(TARGET_AR) rcs $@ $^

$(eval $(call host_lib,sys_host,$(LIBSYS_HOST_SRCS)))

# libsys_libc.a: libsys for a service that also links newlib's libc (a
# file-system server): newlib brings printf and the string functions, so
# libsys's own stay out, and libc_glue.c gives newlib what it asks of the
# system (a heap, console output).
LIBSYS_LIBC_SRCS := $(filter-out lib/libsys/printf.c lib/libsys/string.c \
	lib/libsys/fmt.c,$(LIBSYS_SRCS)) lib/libsys/libc_glue.c

$(TLIB)/libsys_libc.a: $(call tobjs,$(LIBSYS_LIBC_SRCS))
	@mkdir -p $(@D)
	rm -f $@; $(TARGET_AR) rcs $@ $^
