# lib/libchardriver - the request loop of character drivers (mica/cdev.h,
# mica/chardriver.h), linked by drivers/tty and future memory/PTY drivers.
LIBCHARDRIVER_SRCS := lib/libchardriver/chardriver.c

$(TLIB)/libchardriver.a: $(call tobjs,$(LIBCHARDRIVER_SRCS))
	@mkdir -p $(@D)
	rm -f $@; $(TARGET_AR) rcs $@ $^
