# servers/pfs - PFS as a boot module: the fs/pfs library's sources, a main,
# the inode mark in DS (state.c) and libfsdriver's OS front end, linked
# with newlib's libc (mk/target.mk: os_module_libc).  No block device:
# os_dev.c and libminixfs stay out.  priv=sys for its heap
# (lib/libsys/libc_glue.c).
PFS_SERVER_SRCS := servers/pfs/main.c servers/pfs/state.c $(PFS_SRCS) \
	$(FSDRIVER_PORT_SRCS) $(FSDRIVER_OS_SRCS) $(FSDRIVER_OS_NODEV_SRCS)
TCFLAGS_servers/pfs/ += -Ifs/pfs
$(eval $(call os_module_libc,pfs,$(PFS_SERVER_SRCS)))
OS_ALL += $(TBIN)/pfs.elf
os-tests-run: $(TBIN)/pfs.elf
