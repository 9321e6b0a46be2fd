# tests/os - in-QEMU tests (boot modules printing TAP) and the `make run` demo.
# Each test_*.c is one boot-module program whose role comes from its command
# line; tests.list says which modules each suite boots.
OS_TEST_NAMES := $(basename $(notdir $(wildcard tests/os/test_*.c)))
$(foreach t,$(OS_TEST_NAMES),$(eval $(call os_module,$(t),tests/os/$(t).c tests/os/tap.c $(OS_TEST_EXTRA_$(t)))))
$(eval $(call os_module,demo,tests/os/demo.c))

OS_TEST_ELFS := $(foreach t,$(OS_TEST_NAMES),$(TBIN)/$(t).elf)
OS_ALL += $(TBIN)/demo.elf $(OS_TEST_ELFS)

# OS_TEST_KVM=1 runs the suites under KVM when /dev/kvm is usable (TCG is
# the default and what CI uses); OS_TEST_TIMEOUT bounds each boot (s).
.PHONY: os-tests-run
os-tests-run: $(KERNEL_ELF) $(OS_TEST_ELFS)
	bash tools/qemu/test-os.sh $(if $(filter 1,$(OS_TEST_KVM)),--kvm) \
		$(KERNEL_ELF) tests/os/tests.list $(TBIN)
OS_TESTS += os-tests-run

RUN_DEPS += $(KERNEL_ELF) $(TBIN)/demo.elf
RUN_CMD = bash tools/qemu/run.sh $(KERNEL_ELF) "$(TBIN)/demo.elf role=ping priv=sys" \
	"$(TBIN)/demo.elf role=pong"
