# vm/ - the VM server, boot module 0 (priv=sys and PF_VM until RS gives
# it its own privileges).
VM_SRCS := vm/main.c vm/heap.c vm/region.c vm/proc.c vm/fault.c vm/mmap.c \
	vm/exec.c vm/restart.c vm/phys.c \
	vm/lu.c vm/file.c vm/filefault.c vm/pcache.c vm/filesync.c
$(eval $(call os_module,vm,$(VM_SRCS)))
OS_ALL += $(TBIN)/vm.elf
os-tests-run: $(TBIN)/vm.elf
