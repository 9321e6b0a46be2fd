# tests/os/libc - the C library in QEMU: test_libc (built with tools/mica-cc
# against newlib + libposix) against libc_double, a stand-in for PM, VFS
# and VM (three boot modules, one per role).  Suite "libc" in
# tests/os/tests.list.
LIBC_DOUBLE_SRCS := tests/os/libc/libc_double.c tests/os/libc/double_pm.c \
	tests/os/libc/double_vfs.c tests/os/libc/double_vfs_fd.c tests/os/libc/double_vm.c \
	tests/os/tap.c \
	lib/libexec/exec_frame.c
# mica/dirent.h needs the compiler's freestanding <stddef.h>/<stdint.h>
TCFLAGS_tests/os/libc/ := -isystem $(shell $(TARGET_CC) -m32 -print-file-name=include)
$(eval $(call os_module,libc_double,$(LIBC_DOUBLE_SRCS)))

LIBC_TEST_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -O2 -g
$(TOBJ)/tests/os/libc/libc_tap.o: tests/os/libc/libc_tap.c tests/os/libc/libc_tap.h $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) $(LIBC_TEST_CFLAGS) -c $< -o $@

$(TBIN)/test_libc.elf: tests/os/libc/test_libc.c $(TOBJ)/tests/os/libc/libc_tap.o \
		tests/os/libc/libc_tap.h $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) $(LIBC_TEST_CFLAGS) $< $(TOBJ)/tests/os/libc/libc_tap.o -o $@ -lm

OS_ALL += $(TBIN)/libc_double.elf $(TBIN)/test_libc.elf
os-tests-run: $(TBIN)/libc_double.elf $(TBIN)/test_libc.elf
