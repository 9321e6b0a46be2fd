# servers/mfs - MFS as a boot module: the fs/mfs library's sources, a main,
# libfsdriver's OS front end, libminixfs's OS build and libbdev, linked
# with newlib's libc (mk/target.mk: os_module_libc).  priv=sys for now:
# its heap is mapped with SYS_MEMMAP (lib/libsys/libc_glue.c).
MFS_SERVER_SRCS := servers/mfs/main.c $(MFS_SRCS) $(FSDRIVER_PORT_SRCS) \
	$(FSDRIVER_OS_SRCS) $(FSDRIVER_OS_DEV_SRCS) $(LMFS_OS_SRCS) \
	$(LIBBDEV_SRCS)
TCFLAGS_servers/mfs/ += -Ifs/mfs
$(eval $(call os_module_libc,mfs,$(MFS_SERVER_SRCS)))
OS_ALL += $(TBIN)/mfs.elf
os-tests-run: $(TBIN)/mfs.elf
