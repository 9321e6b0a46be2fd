# tests/os/select - the select/poll and PTY suite (test77-style; suite
# "select" in tests/os/tests.list): test_select, built with tools/mica-cc
# against newlib + libposix, on the real VFS, PM, PFS and TTY.
$(TBIN)/test_select.elf: tests/os/select/test_select.c tests/os/lib/ktap.c $(MICA_CC_DEPS)
	@mkdir -p $(@D)
	$(MICA_CC) -std=gnu11 -Wall -Wextra -Werror -O2 -g $< tests/os/lib/ktap.c -o $@

OS_ALL += $(TBIN)/test_select.elf
os-tests-run: $(TBIN)/test_select.elf
