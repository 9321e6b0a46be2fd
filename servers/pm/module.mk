# servers/pm - the process manager, a boot module (priv=sys until RS
# gives it its own privileges) at PM_PROC_NR.
PM_SRCS := $(addprefix servers/pm/,main.c table.c forkexit.c exec.c \
	signal.c sigdeliver.c ids.c time.c rtc.c rtc_time.c misc.c vfs.c vm.c \
	procinfo.c cmdline.c) lib/libexec/exec_frame.c
$(eval $(call os_module,pm,$(PM_SRCS)))
OS_ALL += $(TBIN)/pm.elf
os-tests-run: $(TBIN)/pm.elf
