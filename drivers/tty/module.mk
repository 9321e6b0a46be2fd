# drivers/tty - the serial console driver (boot module "tty"); its line
# discipline (ldisc*.c) is also built into tests/unit/tty.
TTY_SRCS := drivers/tty/main.c drivers/tty/uart.c drivers/tty/requests.c \
	drivers/tty/ldisc.c drivers/tty/ldisc_ioctl.c
$(eval $(call os_module,tty,$(TTY_SRCS),$(TLIB)/libchardriver.a))
OS_ALL += $(TBIN)/tty.elf
os-tests-run: $(TBIN)/tty.elf
