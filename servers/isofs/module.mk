# servers/isofs - ISO 9660 as a boot module: the fs/isofs library's sources,
# a main, libfsdriver's OS front end, libminixfs's OS build and libbdev,
# linked with newlib's libc, built as servers/mfs is.
ISOFS_SERVER_SRCS := servers/isofs/main.c $(ISOFS_SRCS) $(FSDRIVER_PORT_SRCS) \
	$(FSDRIVER_OS_SRCS) $(FSDRIVER_OS_DEV_SRCS) $(LMFS_OS_SRCS) \
	$(LIBBDEV_SRCS)
TCFLAGS_servers/isofs/ += -Ifs/isofs
$(eval $(call os_module_libc,isofs,$(ISOFS_SERVER_SRCS)))
OS_ALL += $(TBIN)/isofs.elf
os-tests-run: $(TBIN)/isofs.elf
