/*
 * test_procfs.c - CUnit tests of fs/procfs on the host: the tree and its
 * texts over a fake struct procfs_src (the servers' answers scripted
 * here), driven through vtree_table like VFS would: exact status, cmdline
 * and maps texts, /proc/services joined with PM's pids, /proc/fs built
 * from the servers that answer FS_CACHESTAT, directories that follow the
 * process table, and hostile answers (counts beyond the buffer, lengths
 * beyond it, labels without a NUL, unknown region kinds, errors).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>

#include <mica/dirent.h>
#include <mica/fsdriver_host.h>
#include "procfs.h"
#include "../lib/cu_main.h"

static const struct fsdriver *t = &vtree_table;

/* ---- the fake servers ------------------------------------------------- */

static struct mica_procinfo fprocs[8];
static int fnprocs, fprocs_claim;	/* claim: answer this count instead */
static char fcmd[64];
static int fcmd_len, fcmd_claim;
static struct vm_region_info fregs[4];
static int fnregs, fregs_total, fregs_claim;
static struct rs_svcinfo fsvcs[4];
static int fnsvcs;
static int fcache_calls;

static int f_procs(struct mica_procinfo *buf, int max)
{
	for (int i = 0; i < fnprocs && i < max; i++)
		buf[i] = fprocs[i];
	return fprocs_claim ? fprocs_claim : fnprocs;
}

static int f_cmdline(int pid, char *buf, size_t size)
{
	for (int i = 0; i < fnprocs; i++)
		if (fprocs[i].pid == pid) {
			if (fprocs[i].state == 'Z')
				return -ESRCH;
			memcpy(buf, fcmd, (size_t)fcmd_len < size ?
			    (size_t)fcmd_len : size);
			return fcmd_claim ? fcmd_claim : fcmd_len;
		}
	return -ESRCH;
}

static int f_regions(int ep, struct vm_region_info *buf, int max, int *total)
{
	(void)ep;
	for (int i = 0; i < fnregs && i < max; i++)
		buf[i] = fregs[i];
	*total = fregs_total;
	return fregs_claim ? fregs_claim : fnregs;
}

static int f_mem(struct procfs_mem *m)
{
	m->total_pages = 1000;
	m->free_pages = 250;
	m->procs = 7;
	m->faults = 11;
	m->cow_copies = 3;
	m->ooms = 0;
	m->file_pages = 5;
	m->file_fills = 9;
	m->file_hits = 2;
	return OK;
}

static int f_services(struct rs_svcinfo *buf, int max)
{
	for (int i = 0; i < fnsvcs && i < max; i++)
		buf[i] = fsvcs[i];
	return fnsvcs;
}

static int f_cachestat(const char *label, struct mica_fs_cachestat *st)
{
	fcache_calls++;
	if (strcmp(label, "mfs") != 0)
		return -ENOSYS;
	memset(st, 0, sizeof(*st));
	st->hits = 10;
	st->misses = 2;
	st->read_reqs = 1;
	st->read_blocks = 32;
	st->nbufs = 64;
	st->block_size = 4096;
	st->used_blocks = 100;
	st->total_blocks = 400;
	return OK;
}

static u32_t fhz = 100;

static int f_uptime(u64_t *ticks, u32_t *hz)
{
	*ticks = 12345;
	*hz = fhz;
	return OK;
}

static const struct procfs_src fake = {
	f_procs, f_cmdline, f_regions, f_mem, f_services, f_cachestat,
	f_uptime,
};

static struct mica_procinfo proc(int pid, int ppid, int ep, char st,
    const char *name, int sys)
{
	struct mica_procinfo p;

	memset(&p, 0, sizeof(p));
	p.pid = pid;
	p.ppid = ppid;
	p.pgid = pid;
	p.sid = 1;
	p.uid = 0;
	p.euid = 5;
	p.gid = 0;
	p.egid = 6;
	p.endpoint = ep;
	p.flags = sys ? MICA_PI_SYSTEM : 0;
	p.vsize = 8192 * 1024;
	p.rss = 30;
	p.utime = 7;
	p.stime = 1;
	p.state = st;
	snprintf(p.name, sizeof(p.name), "%s", name);
	return p;
}

static struct fsdriver_node root;

static void setup(void)
{
	unsigned int res = 0;

	fnprocs = 0;
	fprocs[fnprocs++] = proc(1, 0, 9, 'S', "init", 0);
	fprocs[fnprocs++] = proc(3, 0, 1, 'R', "pm", 1);
	fprocs[fnprocs++] = proc(20, 1, 1042, 'S', "sh", 0);
	fprocs_claim = 0;
	memcpy(fcmd, "sleep\0" "30\0", 9);
	fcmd_len = 9;
	fcmd_claim = 0;
	fnregs = 0;
	fregs[fnregs++] = (struct vm_region_info){ 0x40000000, 0x8000,
	    MICA_PROT_READ | MICA_PROT_EXEC, VM_RK_TEXT };
	fregs[fnregs++] = (struct vm_region_info){ 0x40008000, 0x2000,
	    MICA_PROT_READ | MICA_PROT_WRITE, VM_RK_DATA };
	fregs[fnregs++] = (struct vm_region_info){ 0x50000000, 0x1000,
	    MICA_PROT_READ | MICA_PROT_WRITE, VM_RK_SHARED };
	fregs[fnregs++] = (struct vm_region_info){ 0xbfff0000, 0x10000,
	    MICA_PROT_READ | MICA_PROT_WRITE, 42 };
	fregs_total = fnregs;
	fregs_claim = 0;
	fnsvcs = 0;
	fsvcs[fnsvcs++] = (struct rs_svcinfo){ "rs", 3, RS_SVC_UP, 0, 0 };
	fsvcs[fnsvcs++] = (struct rs_svcinfo){ "pm", 1, RS_SVC_UP, 2, 0 };
	fsvcs[fnsvcs++] = (struct rs_svcinfo){ "mfs", 7, RS_SVC_UP, 0, 0 };
	fsvcs[fnsvcs++] = (struct rs_svcinfo){ "pfs", 8, RS_SVC_DEAD, 1, 0 };
	fhz = 100;
	CU_ASSERT_EQUAL_FATAL(procfs_init(&fake), OK);
	CU_ASSERT_EQUAL_FATAL(t->fdr_mount(1, 0, &root, &res), OK);
}

/* Look a path up from the root ("20/status"); its inode or 0. */
static ino_t walk(const char *path)
{
	char buf[64], *c, *save;
	struct fsdriver_node n;
	ino_t ino = root.fn_ino_nr;

	snprintf(buf, sizeof(buf), "%s", path);
	for (c = strtok_r(buf, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
		if (t->fdr_lookup(ino, c, &n) != OK)
			return 0;
		ino = n.fn_ino_nr;
	}
	return ino;
}

/* The whole text of a file, NUL-terminated in buf; its length or -errno. */
static ssize_t text(const char *path, char *buf, size_t size)
{
	struct fsdriver_data d;
	ino_t ino = walk(path);
	ssize_t n;

	if (!ino)
		return -ENOENT;
	fsdriver_data_mem(&d, buf, size - 1);
	n = t->fdr_read(ino, &d, size - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static void list(ino_t dir, char *out, size_t outsz)
{
	static char buf[4096];
	struct fsdriver_data d;
	off_t pos = 0;
	ssize_t n;

	out[0] = '\0';
	fsdriver_data_mem(&d, buf, sizeof(buf));
	while ((n = t->fdr_getdents(dir, &d, sizeof(buf), &pos)) > 0)
		for (ssize_t off = 0; off < n;) {
			struct mica_dirent *e = (struct mica_dirent *)(buf + off);

			strncat(out, e->d_name, outsz - strlen(out) - 2);
			strcat(out, " ");
			off += e->d_reclen;
		}
}

/* ---- tests ------------------------------------------------------------ */

static void t_root(void)
{
	char names[512];

	setup();
	list(root.fn_ino_nr, names, sizeof(names));
	CU_ASSERT_STRING_EQUAL(names, ". .. services meminfo uptime fs 1 3 20 ");
	list(walk("20"), names, sizeof(names));
	CU_ASSERT_STRING_EQUAL(names, ". .. status cmdline maps ");
}

static void t_status(void)
{
	char buf[1024];
	struct stat st;

	setup();
	CU_ASSERT(text("20/status", buf, sizeof(buf)) > 0);
	CU_ASSERT_STRING_EQUAL(buf,
	    "Name:\tsh\nState:\tS (sleeping)\nPid:\t20\nPPid:\t1\n"
	    "Pgrp:\t20\nSid:\t1\nUid:\t0\t5\nGid:\t0\t6\nEndpoint:\t1042\n"
	    "Kind:\tuser\nVmSize:\t8192 kB\nVmRSS:\t120 kB\nUtime:\t7\n"
	    "Stime:\t1\n");
	CU_ASSERT(text("3/status", buf, sizeof(buf)) > 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "Kind:\tservice\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "State:\tR (running)\n"));
	memset(&st, 0, sizeof(st));
	CU_ASSERT_EQUAL(t->fdr_stat(walk("20"), &st), OK);
	CU_ASSERT_EQUAL(st.st_uid, 5);		/* the effective uid */
	CU_ASSERT_EQUAL(st.st_gid, 6);
}

static void t_cmdline(void)
{
	char buf[1024];

	setup();
	CU_ASSERT_EQUAL(text("20/cmdline", buf, sizeof(buf)), 9);
	CU_ASSERT_EQUAL(memcmp(buf, "sleep\0" "30\0", 9), 0);
	fcmd_claim = 100000;		/* a length beyond the buffer */
	CU_ASSERT_EQUAL(text("20/cmdline", buf, sizeof(buf)),
	    MICA_CMDLINE_MAX);
	fprocs[2].state = 'Z';		/* a zombie: PM has no line */
	CU_ASSERT_EQUAL(text("20/cmdline", buf, sizeof(buf)), 0);
}

static void t_maps(void)
{
	char buf[1024];

	setup();
	CU_ASSERT(text("20/maps", buf, sizeof(buf)) > 0);
	CU_ASSERT_STRING_EQUAL(buf,
	    "40000000-40008000 r-xp text\n"
	    "40008000-4000a000 rw-p data\n"
	    "50000000-50001000 rw-s shared\n"
	    "bfff0000-c0000000 rw-p kind42\n");
	fregs_total = 9;
	CU_ASSERT(text("20/maps", buf, sizeof(buf)) > 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "# 5 more regions\n"));
	fregs_claim = 100000;		/* VM claims more than it wrote */
	CU_ASSERT(text("20/maps", buf, sizeof(buf)) > 0);
	fregs_claim = -EIO;
	CU_ASSERT_EQUAL(text("20/maps", buf, sizeof(buf)), -EIO);
	fregs_claim = 0;
	fprocs[2].state = 'Z';
	CU_ASSERT_EQUAL(text("20/maps", buf, sizeof(buf)), 0);
}

static void t_services(void)
{
	char buf[1024];

	setup();
	memcpy(fsvcs[1].label, "pm_with_16_char", RS_LABEL_LEN);
	fsvcs[1].label[RS_LABEL_LEN - 1] = 'X';		/* no NUL */
	CU_ASSERT(text("services", buf, sizeof(buf)) > 0);
	CU_ASSERT_STRING_EQUAL(buf,
	    "LABEL           ENDPOINT    PID STATE RESTARTS\n"
	    "rs                     3      0 up    0\n"
	    "pm_with_16_char        1      3 up    2\n"
	    "mfs                    7      0 up    0\n"
	    "pfs                    8      0 dead  1\n");
}

static void t_fs(void)
{
	char names[256], buf[1024];

	setup();
	list(walk("fs"), names, sizeof(names));
	CU_ASSERT_STRING_EQUAL(names, ". .. mfs ");	/* pfs: dead, ENOSYS */
	CU_ASSERT(text("fs/mfs/cache", buf, sizeof(buf)) > 0);
	CU_ASSERT_STRING_EQUAL(buf,
	    "hits:\t10\nmisses:\t2\nread_requests:\t1\nread_blocks:\t32\n"
	    "write_requests:\t0\nwrite_blocks:\t0\nevictions:\t0\n"
	    "buffers:\t64\nblock_size:\t4096\nused_blocks:\t100\n"
	    "total_blocks:\t400\n");
	fnsvcs = 2;			/* mfs gone from RS's table */
	CU_ASSERT_EQUAL(walk("fs/mfs"), 0);
}

static void t_mem_uptime(void)
{
	char buf[512];

	setup();
	CU_ASSERT(text("meminfo", buf, sizeof(buf)) > 0);
	CU_ASSERT_STRING_EQUAL(buf, "MemTotal:\t4000 kB\nMemFree:\t1000 kB\n"
	    "MemUsed:\t3000 kB\nProcesses:\t7\nPageFaults:\t11\n"
	    "CowCopies:\t3\nOutOfMemory:\t0\nFileCached:\t20 kB\n"
	    "FileFills:\t9\nFileHits:\t2\n");
	CU_ASSERT(text("uptime", buf, sizeof(buf)) > 0);
	CU_ASSERT_STRING_EQUAL(buf, "123.45\n");
	fhz = 0;
	CU_ASSERT_EQUAL(text("uptime", buf, sizeof(buf)), -EIO);
}

/* Processes come and go: the directories follow PM's table. */
static void t_follow(void)
{
	char buf[256], names[512];
	struct fsdriver_node n;
	ino_t st;

	setup();
	st = walk("20/status");
	CU_ASSERT(st != 0);
	fnprocs = 2;			/* 20 reaped */
	CU_ASSERT_EQUAL(t->fdr_lookup(root.fn_ino_nr, "20", &n), -ENOENT);
	{
		struct fsdriver_data d;

		fsdriver_data_mem(&d, buf, sizeof(buf));
		CU_ASSERT_EQUAL(t->fdr_read(st, &d, sizeof(buf), 0), -ENOENT);
	}
	fprocs[fnprocs++] = proc(21, 1, 1043, 'R', "ls", 0);
	list(root.fn_ino_nr, names, sizeof(names));
	CU_ASSERT_STRING_EQUAL(names, ". .. services meminfo uptime fs 1 3 21 ");
	CU_ASSERT(text("21/status", buf, sizeof(buf)) > 0);
	/* a process gone between lookup and read: ESRCH */
	st = walk("21/status");
	fnprocs = 2;
	{
		struct fsdriver_data d;

		fsdriver_data_mem(&d, buf, sizeof(buf));
		CU_ASSERT_EQUAL(t->fdr_read(st, &d, sizeof(buf), 0), -ESRCH);
	}
}

/* PM claims more processes than the buffer holds, pids 0 and negative. */
static void t_hostile_table(void)
{
	char names[512];

	setup();
	fprocs[fnprocs++] = proc(0, 0, 5, 'R', "zero", 0);
	fprocs[fnprocs++] = proc(-4, 0, 5, 'R', "neg", 0);
	fprocs_claim = 1 << 30;
	list(root.fn_ino_nr, names, sizeof(names));
	CU_ASSERT_STRING_EQUAL(names, ". .. services meminfo uptime fs 1 3 20 ");
	fprocs_claim = -EIO;
	{
		struct fsdriver_node n;

		CU_ASSERT_EQUAL(t->fdr_lookup(root.fn_ino_nr, "1", &n), -EIO);
	}
}

static const struct cu_case cases[] = {
	{ "the root and a PID directory", t_root },
	{ "status", t_status },
	{ "cmdline", t_cmdline },
	{ "maps", t_maps },
	{ "services", t_services },
	{ "fs caches", t_fs },
	{ "meminfo and uptime", t_mem_uptime },
	{ "directories follow PM's table", t_follow },
	{ "hostile process table", t_hostile_table },
};

int main(void)
{
	return cu_main("procfs", cases, CU_CASES(cases));
}
