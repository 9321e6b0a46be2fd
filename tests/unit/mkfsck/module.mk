# tests/unit/mkfsck - CUnit tests of mkfs.mfs and fsck.mfs (layout, codecs,
# whole runs, injected damage), and the host scripts of the two tools.
MKFSCK_TEST_SRCS := $(wildcard tests/unit/mkfsck/*.c)
$(eval $(call host_prog,test_mkfsck,$(MKFSCK_TEST_SRCS),mkfsmfs fsckmfs mfsutil mfs fsdriver minixfs,-lcunit))
UNIT_TESTS += $(HBIN)/test_mkfsck
HOST_TESTS += tests/host/mkfsck_oracle.sh tests/host/mkfsck_damage.sh
