# servers/procfs - procfs as a boot module: fs/procfs's tree and texts,
# lib/libvtreefs under them, the OS sources of its facts (src.c) and
# libfsdriver's OS front end without a device (os_nodev.c), linked with
# newlib's libc (vsnprintf).  RS gives it the "procfs" stanza of
# servers/rs/boot.conf.
PROCFS_SERVER_SRCS := servers/procfs/main.c servers/procfs/src.c \
	$(PROCFS_SRCS) $(VTREEFS_SRCS) \
	$(FSDRIVER_PORT_SRCS) $(FSDRIVER_OS_SRCS) $(FSDRIVER_OS_NODEV_SRCS)
TCFLAGS_servers/procfs/ += -Ifs/procfs
$(eval $(call os_module_libc,procfs,$(PROCFS_SERVER_SRCS)))
OS_ALL += $(TBIN)/procfs.elf
os-tests-run: $(TBIN)/procfs.elf
