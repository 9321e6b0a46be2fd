# vfs - the virtual file system server (README.md): a boot module at
# VFS_PROC_NR on SEF, built freestanding against libsys.
VFS_SRCS := $(wildcard vfs/*.c) lib/libexec/exec_frame.c lib/libbdev/bdev.c
$(eval $(call os_module,vfs,$(VFS_SRCS)))
OS_ALL += $(TBIN)/vfs.elf
os-tests-run: $(TBIN)/vfs.elf
# mica/dirent.h needs the compiler's freestanding <stddef.h>/<stdint.h>
TCFLAGS_vfs/ := -isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)
