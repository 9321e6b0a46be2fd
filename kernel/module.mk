# kernel - the Mica microkernel, a multiboot ELF for qemu-system-i386 -kernel.
KERNEL_SRCS := $(wildcard kernel/*.c kernel/arch/i386/*.c) \
	$(wildcard kernel/arch/i386/*.S) lib/libsys/fmt.c
KERNEL_ELF  := $(TBIN)/kernel.elf

$(KERNEL_ELF): $(call tobjs,$(KERNEL_SRCS)) kernel/arch/i386/kernel.ld
	@mkdir -p $(@D)
	$(TARGET_LD) $(TARGET_LDFLAGS) -T kernel/arch/i386/kernel.ld -o $@ \
		$(call tobjs,$(KERNEL_SRCS))

OS_ALL += $(KERNEL_ELF)

# The kernel has no use for a frame pointer (nothing walks its stack; -g
# gives debuggers CFI): without it every call on the IPC and kernel-call
# paths is three instructions shorter and ebp is one more register.
TCFLAGS_kernel/ := -fomit-frame-pointer
TCFLAGS_kernel/arch/i386/ := -fomit-frame-pointer
