# Mica - top-level Makefile.
#
# One non-recursive make over the whole tree.  Every component owns a
# module.mk fragment in its own directory; this file includes them all, so
# adding a component never means editing a shared list.  Fragments register
# what they build and run through a few variables:
#
#   HOST_PROGS   host programs (build/bin/...), built by `make tools`
#   UNIT_TESTS   CUnit programs, run by `make test-unit` (also under ASan/UBSan)
#   HOST_TESTS   scripts run by `make test-host` (real FUSE mounts, oracles)
#   OS_TESTS     targets run by `make test-os` (programs inside Mica, QEMU)
#   BENCHES      scripts or programs run by `make bench`
#
# Host objects go to build/$(VARIANT)/, host programs to build/bin/ (the
# ASan variant to build/asan/bin/); the i386 OS build lives in build/i386/.

.DEFAULT_GOAL := all
SHELL := /bin/bash

include mk/host.mk
include mk/target.mk

MODULES := $(sort $(wildcard */module.mk */*/module.mk */*/*/module.mk))
include $(MODULES)

.PHONY: all tools deps test test-unit test-host test-os bench run clean \
	unit-bins unit-run

all: tools $(OS_ALL)

tools: $(HOST_PROGS)

deps:
	@sh tools/deps.sh

# Unit tests run twice: a plain build, then one under ASan+UBSan.
unit-bins: $(UNIT_TESTS)

unit-run: unit-bins
	@fail=0; for t in $(UNIT_TESTS); do \
		echo "== $$t"; $$t || fail=1; done; exit $$fail

test-unit: deps
	@$(MAKE) --no-print-directory unit-run
	@$(MAKE) --no-print-directory VARIANT=asan unit-run

test-host: deps tools
	@fail=0; for t in $(HOST_TESTS); do \
		echo "== $$t"; BIN=$(CURDIR)/build/bin bash $$t || fail=1; done; exit $$fail

test-os: deps $(OS_TESTS)

test: deps
	@$(MAKE) --no-print-directory test-unit
	@$(MAKE) --no-print-directory test-host
	@$(MAKE) --no-print-directory test-os

bench: deps tools $(BENCH_DEPS)
	@fail=0; for b in $(BENCHES); do \
		echo "== $$b"; BIN=$(CURDIR)/build/bin bash $$b || fail=1; done; exit $$fail

run: deps $(RUN_DEPS)
	$(RUN_CMD)

clean:
	rm -rf build
