# lib/libsys - user-side IPC and kernel-call library for boot modules.
LIBSYS_SRCS := lib/libsys/kcall.c lib/libsys/grants.c lib/libsys/printf.c \
	lib/libsys/string.c lib/libsys/start.c lib/libsys/fmt.c lib/libsys/ipc.S

$(TLIB)/libsys.a: $(call tobjs,$(LIBSYS_SRCS))
	@mkdir -p $(@D)
	rm -f $@; $(TARGET_AR) rcs $@ $^
