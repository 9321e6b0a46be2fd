# bdev/vnd - the vnode disk: regular files as /dev/vnd0..vnd3 (README.md),
# a service on SEF over lib/libblockdriver.
VND_SRCS := bdev/vnd/vnd.c lib/libblockdriver/driver.c
$(eval $(call os_module,vnd,$(VND_SRCS)))
OS_ALL += $(TBIN)/vnd.elf
os-tests-run: $(TBIN)/vnd.elf
