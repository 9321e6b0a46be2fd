# servers/ext2 - ext2 as a boot module: the fs/ext2 library's sources, a
# main, libfsdriver's OS front end, libminixfs's OS build and libbdev, linked
# with newlib's libc (mk/target.mk: os_module_libc), built as servers/mfs is.
EXT2_SERVER_SRCS := servers/ext2/main.c $(EXT2_SRCS) $(FSDRIVER_PORT_SRCS) \
	$(FSDRIVER_OS_SRCS) $(FSDRIVER_OS_DEV_SRCS) $(LMFS_OS_SRCS) \
	$(LIBBDEV_SRCS)
TCFLAGS_servers/ext2/ += -Ifs/ext2
$(eval $(call os_module_libc,ext2,$(EXT2_SERVER_SRCS)))
OS_ALL += $(TBIN)/ext2.elf
os-tests-run: $(TBIN)/ext2.elf
