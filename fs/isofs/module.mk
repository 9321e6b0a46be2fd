# fs/isofs - the ISO 9660 file system (read-only): library `isofs`, linked
# into micafuse (and later the OS server).  Its host tests mount images with
# micafuse and compare with genisoimage/xorriso/isoinfo.
ISOFS_SRCS := $(wildcard fs/isofs/*.c)
$(eval $(call host_lib,isofs,$(ISOFS_SRCS)))
HOST_TESTS += $(sort $(wildcard tests/host/iso_*.sh))
