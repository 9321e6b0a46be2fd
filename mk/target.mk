# mk/target.mk - rules for the i386 OS build (kernel, servers, boot modules).
# Freestanding, 32-bit, no host libc.  Objects in build/i386/.
# Fragments add to OS_ALL (built by `make`), OS_TESTS, RUN_DEPS/RUN_CMD.

TARGET_CC  ?= gcc
TOBJ       := build/i386/obj
TBIN       := build/i386/bin
TARGET_CFLAGS := -m32 -march=i686 -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-builtin -nostdinc -Wall -Wextra -Werror -g -O2 \
	-Iinclude -MMD -MP
TARGET_ASFLAGS := -m32 -Iinclude -MMD -MP
TARGET_LDFLAGS := -m elf_i386 -nostdlib

$(TOBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(TARGET_CC) $(TARGET_CFLAGS) $(TCFLAGS_$(dir $<)) -c $< -o $@

$(TOBJ)/%.o: %.S
	@mkdir -p $(@D)
	$(TARGET_CC) $(TARGET_ASFLAGS) $(TCFLAGS_$(dir $<)) -c $< -o $@

-include $(shell find $(TOBJ) -name '*.d' 2>/dev/null)
