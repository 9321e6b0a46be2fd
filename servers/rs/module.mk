# servers/rs - RS, the reincarnation server: starts the boot services with
# the privileges of their configuration (boot.conf, linked into RS).  The
# parser and privilege builder (conf.c, bootmap.c) also build for the
# host: tests/unit/rs.  rs_test is the same RS with the test suite's
# configuration appended (tests/os/rs.conf).
RS_SRCS := servers/rs/main.c servers/rs/boot.c servers/rs/service.c \
	servers/rs/ping.c servers/rs/conf.c servers/rs/bootmap.c \
	servers/rs/touch.c servers/rs/query.c
$(eval $(call os_module,rs,$(RS_SRCS) servers/rs/conf_text.S))
$(TOBJ)/servers/rs/conf_text.o: servers/rs/boot.conf
$(TOBJ)/servers/rs/conf_text.o: TCFLAGS_EXTRA := -DRS_CONF='"servers/rs/boot.conf"'

# The test build: the same objects, boot.conf followed by the test
# suites' stanzas (tests/os/rs.conf), so the real services the suites boot
# run with their real configuration.
$(TOBJ)/servers/rs/conf_text_test.o: servers/rs/conf_text.S servers/rs/boot.conf tests/os/rs.conf
	@mkdir -p $(@D)
	$(TARGET_CC) $(TARGET_ASFLAGS) -DRS_CONF='"servers/rs/boot.conf"' \
		-DRS_CONF_EXTRA='"tests/os/rs.conf"' -c -o $@ $<
$(TBIN)/rs_test.elf: $(TOBJ)/servers/rs/conf_text_test.o
$(eval $(call os_module,rs_test,$(RS_SRCS),$(TOBJ)/servers/rs/conf_text_test.o))

OS_ALL += $(TBIN)/rs.elf $(TBIN)/rs_test.elf
os-tests-run: $(TBIN)/rs_test.elf $(TBIN)/ds.elf
