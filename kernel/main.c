/*
 * main.c - kernel start-up: machine set-up, then each boot module becomes
 * a process (in module order: module i is slot i, endpoint i, even when an
 * earlier module was refused), then the first process runs.
 *
 * A module's command line is "path [args]".  The process is named after
 * the file, gets its args on its stack (see lib/libsys/crt0.S), and the
 * user privilege set; "priv=sys" among the args gives it the system set
 * (every kernel call, IRQ and I/O port), standing in for RS until RS
 * exists.
 *
 * Data modules: a module whose args hold the word "data" (a root file
 * system image) becomes no process; its slot stays free.  "image=J" on a
 * module lists module J's pages (its start, which must be page aligned, to
 * its end rounded up to a page) as the process's first physical memory
 * range, so it can SYS_PHYSMAP them; the process finds the range with
 * SYS_PRIVCTL PRIV_GET on itself (mem_base[0], mem_len[0]).  "image1=K"
 * .. "image3=M" list more modules the same way as ranges 1..3: range i is
 * always the module of "image<i>=", an absent or unusable one leaves it
 * empty.  This is how the memory driver serves the root image and more
 * disk images as /dev/ram0..ram3 (bdev/memory).
 */
#include "kernel.h"
#include "elf.h"
#include "arch/i386/multiboot.h"

#define ARGS_MAX 128
extern char _kernel_end[];

static const char *basename_of(const char *path, u32_t *len)
{
	const char *b = path, *s;

	for (s = path; *s && *s != ' '; s++)
		if (*s == '/')
			b = s + 1;
	*len = s - b;
	if (*len > 4 && !kmemcmp(s - 4, ".elf", 4))
		*len -= 4;
	return b;
}

/* Is w one of the space-separated words of s? */
static int has_word(const char *s, const char *w)
{
	const char *start = s;
	u32_t i;

	for (; *s; s++) {
		for (i = 0; w[i] && s[i] == w[i]; i++)
			;
		if (!w[i] && (s[i] == ' ' || !s[i]) && (s == start || s[-1] == ' '))
			return 1;
	}
	return 0;
}

/* The number after "key=" among the words of s, or -1. */
static int word_number(const char *s, const char *key)
{
	const char *start = s;
	u32_t i, n;

	for (; *s; s++) {
		if (s != start && s[-1] != ' ')
			continue;
		for (i = 0; key[i] && s[i] == key[i]; i++)
			;
		if (key[i] || s[i] < '0' || s[i] > '9')
			continue;
		for (n = 0; s[i] >= '0' && s[i] <= '9' && n < 1000; i++)
			n = n * 10 + (u32_t)(s[i] - '0');
		return s[i] == ' ' || !s[i] ? (int)n : -1;
	}
	return -1;
}

/* "image=J", "image1=K", ...: list module J's pages as p's memory range 0,
 * K's as range 1, ... (see the top). */
static void give_image(struct proc *p, const char *args,
	const struct multiboot_module *mods, u32_t count)
{
	char key[] = "image0=";
	const struct multiboot_module *m;
	int i, j;

	for (i = 0; i < NR_MEM_RANGES && i < 10; i++) {
		key[5] = (char)('0' + i);
		j = word_number(args, i ? key : "image=");
		if (j < 0)
			continue;
		m = (u32_t)j < count ? &mods[j] : NULL;
		if (!m || m->end <= m->start ||
		    (m->start & (PAGE_SIZE - 1)) || m->end > 0u - PAGE_SIZE) {
			kprintf("kernel: %s: %s%d is no usable module\n",
				p->name, i ? key : "image=", j);
			continue;
		}
		p->priv.mem_base[i] = m->start;
		p->priv.mem_len[i] = (m->end - m->start + PAGE_SIZE - 1) &
			~(PAGE_SIZE - 1);
	}
}

/* Give p a stack holding [endpoint, pointer to args]; returns the sp. */
static int setup_stack(struct proc *p, const char *args, vir_bytes *sp)
{
	char buf[ARGS_MAX];
	vir_bytes str = USER_STACK_TOP - ARGS_MAX;
	u32_t words[2] = { (u32_t)p->endpoint, str };
	int r;

	kstrlcpy(buf, args, sizeof(buf));
	r = arch_map(&p->as, USER_STACK_TOP - USER_STACK_SIZE, USER_STACK_SIZE, 1);
	if (r == OK)
		r = arch_copy_to_user(&p->as, str, buf, sizeof(buf));
	*sp = str - sizeof(words);
	if (r == OK)
		r = arch_copy_to_user(&p->as, *sp, words, sizeof(words));
	return r;
}

static int start_module(const struct multiboot_module *mods, u32_t count,
	int slot)
{
	const struct multiboot_module *mod = &mods[slot];
	const char *cmd = mod->cmdline ? (const char *)mod->cmdline : "module";
	const char *name, *args;
	vir_bytes entry, sp;
	struct proc *p;
	u32_t len;
	int r;

	name = basename_of(cmd, &len);
	for (args = name; *args && *args != ' '; args++)
		;
	for (; *args == ' '; args++)
		;
	for (r = 0; args[r]; r++)
		if (r == ARGS_MAX - 1) {	/* cut, it would mean other words */
			kprintf("kernel: boot module %d: its arguments are "
				"longer than %d bytes\n", slot, ARGS_MAX - 1);
			return -E2BIG;
		}
	if (!(p = proc_alloc_at(slot)))
		return -ENOMEM;
	kstrlcpy(p->name, name, len + 1 < PROC_NAME_LEN ? len + 1 : PROC_NAME_LEN);
	if ((r = arch_as_create(&p->as)) != OK ||
	    (r = elf_load(&p->as, (const u8_t *)mod->start,
	    mod->end - mod->start, &entry)) != OK ||
	    (r = setup_stack(p, args, &sp)) != OK) {
		arch_as_destroy(&p->as);
		proc_free_slot(p);
		return r;
	}
	if (has_word(args, "priv=sys"))
		priv_set_system(p);
	else
		priv_set_user(p);
	give_image(p, args, mods, count);
	arch_init_regs(&p->regs, entry, sp);
	rts_clear(p, RTS_NO_PRIV);
	return OK;
}

/* A data module (the word "data" in its args) starts no process. */
static int is_data(const struct multiboot_module *mod)
{
	const char *cmd = mod->cmdline ? (const char *)mod->cmdline : "";

	for (; *cmd && *cmd != ' '; cmd++)
		;
	return has_word(cmd, "data");
}

/* Highest physical address used by the boot loader's data and modules. */
static phys_bytes boot_data_end(const struct multiboot_info *mbi)
{
	const struct multiboot_module *mods = (void *)mbi->mods_addr;
	phys_bytes end = (phys_bytes)_kernel_end;
	u32_t i;

	for (i = 0; (mbi->flags & MBI_MODS) && i < mbi->mods_count; i++) {
		if (mods[i].end > end)
			end = mods[i].end;
		if (mods[i].cmdline + ARGS_MAX + 256 > end)
			end = mods[i].cmdline + ARGS_MAX + 256;
	}
	return end;
}

void kmain(u32_t magic, const struct multiboot_info *mbi)
{
	const struct multiboot_module *mods;
	struct proc *p;
	u32_t i;

	arch_serial_init();
	kprintf("Mica kernel booting\n");
	if (magic != MULTIBOOT_LOADER_MAGIC || !(mbi->flags & MBI_MEM))
		panic("kmain: not started by a multiboot loader");
	arch_cpu_init();
	arch_fpu_init();
	arch_paging_init(0x100000 + mbi->mem_upper * 1024, boot_data_end(mbi));
	arch_pic_init();
	proc_init();
	mods = (const void *)mbi->mods_addr;
	for (i = 0; (mbi->flags & MBI_MODS) && i < mbi->mods_count; i++)
		if (!is_data(&mods[i]) &&
		    start_module(mods, mbi->mods_count, (int)i) != OK)
			kprintf("kernel: boot module %u refused\n", i);
	kprintf("kernel: %u boot modules, %u free pages\n",
		mbi->flags & MBI_MODS ? mbi->mods_count : 0, arch_free_frames());
	clock_init();
	arch_irq_unmask(COM1_IRQ);
	p = sched_pick();
	proc_current = p;
	arch_set_kstack(&p->regs);
	arch_as_switch(&p->as);
	arch_enter_user(&p->regs);
}
