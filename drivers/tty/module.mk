# drivers/tty - the terminal driver: serial console and PTYs (boot module
# "tty"); its line discipline (ldisc*.c) is also built into tests/unit/tty.
TTY_SRCS := drivers/tty/main.c drivers/tty/uart.c drivers/tty/requests.c \
	drivers/tty/term.c drivers/tty/console.c drivers/tty/pty.c \
	drivers/tty/ldisc.c drivers/tty/ldisc_ioctl.c
$(eval $(call os_module,tty,$(TTY_SRCS),$(TLIB)/libchardriver.a))
OS_ALL += $(TBIN)/tty.elf
os-tests-run: $(TBIN)/tty.elf
