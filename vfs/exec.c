/*
 * exec.c - loading a program for PM's exec (mica/pmvfs.h VFS_PM_EXEC),
 * the os-servers flow: the path is resolved with the caller's ids and
 * needs execute permission (read permission is not asked: the file is
 * read by VFS, not by the caller); the ELF headers are read and checked;
 * VM lays out the new image (VM_EXEC_NEWMEM); the file system then reads
 * each segment's bytes straight into the new image through a magic grant
 * VFS makes on the target's memory, and the stack frame (built by the
 * caller's libc, checked again here) is copied below USER_STACK_TOP the
 * same way; VM_EXEC_DONE seals W^X.  Close-on-exec descriptors are
 * closed and set-user/group-id bits take effect.  An error after
 * VM_EXEC_NEWMEM leaves no old image: the reply says VFS_EXEC_NOIMAGE.
 */
#include "vfs.h"
#include <mica/elf.h>
#include <mica/exec.h>
#include <mica/vmif.h>

static u8_t frame[EXEC_FRAME_MAX];

struct image {
	Elf32_Ehdr eh;
	Elf32_Phdr ph[VM_EXEC_SEGS_MAX];
	struct vm_exec_seg segs[VM_EXEC_SEGS_MAX];
	u32_t nsegs;
};

/* Bytes [pos, pos+len) of the file into VFS's buffer. */
static int read_local(struct vnode *vp, u64_t pos, void *buf, u32_t len)
{
	cp_grant_id_t g;
	int r;

	g = cpf_grant_direct(vp->vmnt->fs, (vir_bytes)buf, len, CPF_WRITE);
	if (g < 0)
		return -ENOMEM;
	r = req_io(FS_READ, vp, pos, SELF, g, len, NULL);
	cpf_revoke(g);
	return r < 0 ? r : (u32_t)r == len ? OK : -ENOEXEC;
}

/* Check the ELF headers and turn PT_LOAD entries into VM's segments. */
static int elf_check(struct vnode *vp, struct image *im)
{
	Elf32_Ehdr *eh = &im->eh;
	int r;

	if ((r = read_local(vp, 0, eh, sizeof(*eh))) != OK)
		return r;
	if (memcmp(eh->e_ident, "\177ELF", 4) || eh->e_ident[4] != ELFCLASS32 ||
	    eh->e_ident[5] != ELFDATA2LSB || eh->e_type != ET_EXEC ||
	    eh->e_machine != EM_386 || eh->e_phentsize != sizeof(Elf32_Phdr) ||
	    eh->e_phnum == 0 || eh->e_phnum > VM_EXEC_SEGS_MAX ||
	    eh->e_entry < USER_BASE || eh->e_entry >= USER_STACK_TOP)
		return -ENOEXEC;
	if ((r = read_local(vp, eh->e_phoff, im->ph,
	    eh->e_phnum * sizeof(Elf32_Phdr))) != OK)
		return r;
	im->nsegs = 0;
	for (u32_t i = 0; i < eh->e_phnum; i++) {
		Elf32_Phdr *p = &im->ph[i];
		struct vm_exec_seg *s = &im->segs[im->nsegs];
		if (p->p_type != PT_LOAD || p->p_memsz == 0)
			continue;
		if (p->p_filesz > p->p_memsz || p->p_vaddr < USER_BASE ||
		    p->p_memsz > USER_STACK_TOP - p->p_vaddr ||
		    p->p_offset + (u64_t)p->p_filesz > vp->size)
			return -ENOEXEC;
		s->vaddr = p->p_vaddr;
		s->memsz = p->p_memsz;
		s->filesz = p->p_filesz;
		s->prot = ((p->p_flags & PF_R) ? MICA_PROT_READ : 0) |
			((p->p_flags & PF_W) ? MICA_PROT_WRITE : 0) |
			((p->p_flags & PF_X) ? MICA_PROT_EXEC : 0);
		im->ph[im->nsegs] = *p;
		im->nsegs++;
	}
	return im->nsegs ? OK : -ENOEXEC;
}

static int vm_call(int type, message *m)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(VM_PROC_NR, m)) != OK)
		return r;
	return m->m_type;
}

static int vm_newmem(endpoint_t ep, struct image *im, u32_t frame_len)
{
	cp_grant_id_t g;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_vm_exec.endpt = ep;
	m.m_vm_exec.nsegs = im->nsegs;
	m.m_vm_exec.frame_len = frame_len;
	g = m.m_vm_exec.segs = cpf_grant_direct(VM_PROC_NR, (vir_bytes)im->segs,
		im->nsegs * sizeof(im->segs[0]), CPF_READ);
	if (g < 0)
		return -ENOMEM;
	r = vm_call(VM_EXEC_NEWMEM, &m);
	cpf_revoke(g);
	return r;
}

/* The file's segments into the new image, by the file system itself. */
static int load_segments(endpoint_t ep, struct vnode *vp, struct image *im)
{
	for (u32_t i = 0; i < im->nsegs; i++) {
		Elf32_Phdr *p = &im->ph[i];
		cp_grant_id_t g;
		int r;

		if (p->p_filesz == 0)
			continue;
		g = cpf_grant_magic(vp->vmnt->fs, ep, p->p_vaddr, p->p_filesz,
			CPF_WRITE);
		if (g < 0)
			return -ENOMEM;
		r = req_io(FS_READ, vp, p->p_offset, SELF, g, p->p_filesz, NULL);
		cpf_revoke(g);
		if (r < 0)
			return r;
		if ((u32_t)r != p->p_filesz)
			return -ENOEXEC;
	}
	return OK;
}

/* The caller's frame from PM's grant, checked, onto the new stack. */
static int frame_fetch(const mess_pm_vfs_exec *q, vir_bytes *sp)
{
	struct exec_frame f;
	int r;

	if (q->frame_len == 0 || q->frame_len > EXEC_FRAME_MAX || q->frame_len % 16)
		return -E2BIG;
	if (sys_safecopyfrom(PM_PROC_NR, q->frame, 0, frame, q->frame_len) != OK)
		return -EFAULT;
	*sp = USER_STACK_TOP - q->frame_len;
	if ((r = exec_frame_parse(frame, q->frame_len, *sp, &f)) != OK)
		return r;
	return OK;
}

static int frame_store(endpoint_t ep, u32_t len, vir_bytes sp)
{
	cp_grant_id_t g = cpf_grant_magic(sef_self(), ep, sp, len, CPF_WRITE);
	int r;

	if (g < 0)
		return -ENOMEM;
	r = sys_safecopyto(sef_self(), g, 0, frame, len);
	cpf_revoke(g);
	return r == OK ? OK : -EFAULT;
}

static void exec_name(const char *path, char *name)
{
	const char *base = path;

	for (const char *p = path; *p; p++)
		if (*p == '/' && p[1])
			base = p + 1;
	memset(name, 0, PROC_NAME_LEN);
	for (int i = 0; i < PROC_NAME_LEN - 1 && base[i] && base[i] != '/'; i++)
		name[i] = base[i];
}

/* After the new image is in: descriptors and ids. */
static void exec_commit(struct fproc *fp, struct vnode *vp,
	mess_vfs_pm_exec *rep)
{
	for (int i = 0; i < VFS_OPEN_MAX; i++)
		if (fp->fd[i] && (fp->cloexec & (1ull << i)))
			fd_close(fp, i);
	fp->file_maps = 0;		/* the new image maps no file (mmap.c) */
	if ((vp->mode & 04000) && !vp->vmnt->rdonly) {
		rep->flags |= VFS_EXEC_SETUID;
		rep->uid = fp->uid = vp->uid;
	}
	if ((vp->mode & 02000) && !vp->vmnt->rdonly) {
		rep->flags |= VFS_EXEC_SETGID;
		rep->gid = fp->gid = vp->gid;
	}
}

int exec_load(const mess_pm_vfs_exec *q, mess_vfs_pm_exec *rep)
{
	static struct image im;
	char path[VFS_PATH_MAX];
	struct fproc *fp = fproc_get(q->endpt);
	struct lookup l;
	vir_bytes sp;
	message m;
	int r;

	if (!fp)
		return -EINVAL;
	if (q->path_len == 0 || q->path_len >= VFS_PATH_MAX)
		return q->path_len ? -ENAMETOOLONG : -ENOENT;
	if ((r = path_copyin(PM_PROC_NR, q->path, q->path_len, path)) != OK)
		return r;
	if ((r = frame_fetch(q, &sp)) != OK)
		return r;
	if ((r = path_walk(fp, path, 0, &l)) != OK)
		return r;
	if (!S_ISTYPE(l.vp->mode, MICA_S_IFREG))
		r = -EACCES;
	else if ((r = perm_check(fp, l.vp, MICA_X_OK)) == OK &&
	    (r = vfs_getattr(l.vp)) == OK && (r = elf_check(l.vp, &im)) == OK &&
	    (r = vm_newmem(q->endpt, &im, q->frame_len)) == OK) {
		if ((r = load_segments(q->endpt, l.vp, &im)) == OK &&
		    (r = frame_store(q->endpt, q->frame_len, sp)) == OK) {
			memset(&m, 0, sizeof(m));
			m.m_vm_proc.endpt = q->endpt;
			r = vm_call(VM_EXEC_DONE, &m);
		}
		if (r == OK) {
			rep->pc = im.eh.e_entry;
			rep->sp = sp;
			exec_name(path, rep->name);
			exec_commit(fp, l.vp, rep);
		} else {
			rep->flags |= VFS_EXEC_NOIMAGE;
		}
	}
	lookup_put(&l);
	return r;
}
