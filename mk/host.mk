# mk/host.mk - rules for code that runs on the Linux host: libraries, the
# FUSE tool, mkfs/fsck, unit tests.  Two variants share the sources:
#   VARIANT=host (default)  -O2 -g, programs in build/bin/
#   VARIANT=asan            ASan+UBSan, programs in build/asan/bin/
#
# Fragments use the two templates below:
#   $(eval $(call host_lib,NAME,SOURCES))          -> $(HLIB)/libNAME.a
#   $(eval $(call host_prog,NAME,SOURCES,LIBS,LDLIBS)) -> $(HBIN)/NAME
# LIBS are library NAMEs in link order (users before the libraries they use).
# Per-directory extra flags: CFLAGS_<dir>/ += ...  (the directory of the .c).

VARIANT ?= host
HB      := build/$(VARIANT)
HOBJ    := $(HB)/obj
HLIB    := $(HB)/lib
ifeq ($(VARIANT),host)
HBIN    := build/bin
else
HBIN    := $(HB)/bin
endif

HOST_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -g -D_FILE_OFFSET_BITS=64 \
	-D_GNU_SOURCE -Iinclude -MMD -MP
HOST_LDFLAGS :=
ifeq ($(VARIANT),asan)
HOST_CFLAGS  += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
HOST_LDFLAGS += -fsanitize=address,undefined
else
HOST_CFLAGS  += -O2
endif

FUSE_CFLAGS := $(shell pkg-config --cflags fuse3 2>/dev/null)
FUSE_LIBS   := $(shell pkg-config --libs fuse3 2>/dev/null || echo -lfuse3)

$(HOBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) $(CFLAGS_$(dir $<)) -c $< -o $@

define host_lib
$(HLIB)/lib$(1).a: $(patsubst %.c,$(HOBJ)/%.o,$(2))
	@mkdir -p $$(@D)
	rm -f $$@; $(AR) rcs $$@ $$^
endef

define host_prog
$(HBIN)/$(1): $(patsubst %.c,$(HOBJ)/%.o,$(2)) $(foreach l,$(3),$(HLIB)/lib$(l).a)
	@mkdir -p $$(@D)
	$(CC) $(HOST_LDFLAGS) -o $$@ $(patsubst %.c,$(HOBJ)/%.o,$(2)) \
		$(foreach l,$(3),$(HLIB)/lib$(l).a) $(4)
endef

-include $(shell find $(HOBJ) -name '*.d' 2>/dev/null)
