# tests/host/crash - kill -9 micafuse mid-workload, repair, check that
# nothing fsync'd was lost (crash.sh).  `make test-host` runs 6 kill points
# per format; `make crash-soak` runs CRASH_KILLS (default 100) per format.
HOST_TESTS += tests/host/crash/crash.sh

.PHONY: crash-soak
crash-soak: deps tools
	BIN=$(CURDIR)/build/bin CRASH_KILLS=$${CRASH_KILLS:-100} \
		bash tests/host/crash/crash.sh
