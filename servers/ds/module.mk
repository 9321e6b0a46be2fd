# servers/ds - the data store, a boot module (priv=sys until RS gives it
# its own privileges).
DS_SRCS := servers/ds/main.c servers/ds/requests.c servers/ds/store.c \
	servers/ds/subs.c
$(eval $(call os_module,ds,$(DS_SRCS)))
OS_ALL += $(TBIN)/ds.elf
os-tests-run: $(TBIN)/ds.elf
