# mk/target.mk - rules for the i386 OS build (kernel, servers, boot modules).
# Freestanding, 32-bit, no host libc.  Objects in build/i386/.
# Fragments add to OS_ALL (built by `make`), OS_TESTS, RUN_DEPS/RUN_CMD.
#
# Boot modules (ELF programs the kernel starts in ring 3) are linked with
# libsys (lib/libsys: crt0, IPC stubs, kernel-call wrappers, printf):
#   $(eval $(call os_module,NAME,SOURCES[,LIBS]))   -> $(TBIN)/NAME.elf
# LIBS: extra target libraries ($(TLIB)/libX.a paths) linked before libsys.
# TARGET_CC=clang builds the same tree with clang; ld links either way.

TARGET_CC  ?= gcc
TARGET_LD  ?= ld
TARGET_AR  ?= ar
TOBJ       := build/i386/obj
TBIN       := build/i386/bin
TLIB       := build/i386/lib
TARGET_CFLAGS := -m32 -march=i686 -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-builtin -nostdinc -Wall -Wextra -Werror -g -O2 \
	-fno-omit-frame-pointer -Iinclude -MMD -MP
TARGET_ASFLAGS := -m32 -fno-pic -Iinclude -MMD -MP
TARGET_LDFLAGS := -m elf_i386 -nostdlib -z noexecstack \
	$(shell ld --help 2>/dev/null | grep -q no-warn-rwx && echo --no-warn-rwx-segments)

$(TOBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(TARGET_CC) $(TARGET_CFLAGS) $(TCFLAGS_$(dir $<)) $(TCFLAGS_EXTRA) -c $< -o $@

$(TOBJ)/%.o: %.S
	@mkdir -p $(@D)
	$(TARGET_CC) $(TARGET_ASFLAGS) $(TCFLAGS_$(dir $<)) $(TCFLAGS_EXTRA) -c $< -o $@

tobjs = $(patsubst %.S,$(TOBJ)/%.o,$(patsubst %.c,$(TOBJ)/%.o,$(1)))

define os_module
$(TBIN)/$(1).elf: $(call tobjs,$(2)) $(TOBJ)/lib/libsys/crt0.o $(3) $(TLIB)/libsys.a lib/libsys/user.ld
	@mkdir -p $$(@D)
	$(TARGET_LD) $(TARGET_LDFLAGS) -T lib/libsys/user.ld -o $$@ \
		$(TOBJ)/lib/libsys/crt0.o $(call tobjs,$(2)) $(3) $(TLIB)/libsys.a
endef

# A boot module that links the C library too (a file-system server):
#   $(eval $(call os_module_libc,NAME,SOURCES[,LIBS]))  -> $(TBIN)/NAME.elf
# SOURCES compile against newlib's headers (LIBC_CFLAGS); the link is
# libsys's crt0, the objects, LIBS, then libsys_libc.a (libsys without its
# printf/string), newlib's libc.a and libgcc as one group.  Call it from a
# module.mk that sorts after lib/libc/module.mk (it uses newlib.mk's names).
define os_module_libc
$(call tobjs,$(2)): TCFLAGS_EXTRA := $(LIBC_CFLAGS)
$(call tobjs,$(2)): | $(NEWLIB_STAMP)
$(TBIN)/$(1).elf: $(call tobjs,$(2)) $(TOBJ)/lib/libsys/crt0.o $(3) $(TLIB)/libsys_libc.a lib/libsys/user.ld
	@mkdir -p $$(@D)
	$(TARGET_LD) $(TARGET_LDFLAGS) -T lib/libsys/user.ld -o $$@ \
		$(TOBJ)/lib/libsys/crt0.o $(call tobjs,$(2)) $(3) --start-group \
		$(TLIB)/libsys_libc.a $(NEWLIB_LIBDIR)/libc.a \
		$$(shell $(TARGET_CC) -m32 -print-libgcc-file-name) --end-group
endef

-include $(shell find $(TOBJ) -name '*.d' 2>/dev/null)

# User programs for Mica (the commands in commands/), compiled and linked
# by tools/mica-cc against newlib + libposix, entered at _start_exec (PM's
# exec frame).  A command's module.mk registers its OS build beside its
# host build with the same sources:
#   $(eval $(call os_prog,NAME,SOURCES[,LIBS[,boot]]))  -> $(TUSR)/bin/NAME
#   $(eval $(call os_lib,NAME,SOURCES))          -> $(TUSR)/lib/libNAME.a
# LIBS are os_lib NAMEs; "boot" links a boot module's entry (_start: init).  Objects go to $(TUSR)/obj with the directory's
# CFLAGS_<dir>/ (as on the host).  MICA_CC and the stamp's rule are
# lib/libposix/module.mk's (it sorts after commands/; recipes expand late).
TUSR         := build/i386/usr
MICA_CC_STAMP := $(TLIB)/mica-cc.stamp
USR_CFLAGS   := -std=gnu11 -Wall -Wextra -Werror -O2 -g -D_GNU_SOURCE

$(TUSR)/obj/%.o: %.c | $(MICA_CC_STAMP)
	@mkdir -p $(@D)
	$(MICA_CC) $(USR_CFLAGS) $(CFLAGS_$(dir $<)) -MMD -MP -c $< -o $@

define os_lib
$(TUSR)/lib/lib$(1).a: $(patsubst %.c,$(TUSR)/obj/%.o,$(2))
	@mkdir -p $$(@D)
	rm -f $$@; $(TARGET_AR) rcs $$@ $$^
endef

define os_prog
$(TUSR)/bin/$(1): $(patsubst %.c,$(TUSR)/obj/%.o,$(2)) $(foreach l,$(3),$(TUSR)/lib/lib$(l).a) $(MICA_CC_STAMP)
	@mkdir -p $$(@D)
	$$(MICA_CC) $(if $(filter boot,$(4)),,-exec-entry) $(patsubst %.c,$(TUSR)/obj/%.o,$(2)) \
		$(foreach l,$(3),$(TUSR)/lib/lib$(l).a) -o $$@
OS_PROGS += $(TUSR)/bin/$(1)
endef

-include $(shell find $(TUSR)/obj -name '*.d' 2>/dev/null)
