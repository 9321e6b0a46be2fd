/*
 * main.c - micafuse: mount a Mica file-system image with FUSE.
 *
 *   micafuse [options] IMAGE MOUNTPOINT
 *
 * Sequence: parse the command line; open the image and mount the file
 * system (errors go to the terminal); create the FUSE session and mount it;
 * only then become a daemon (unless -f), so that every failure is still
 * reported.  The loop is single-threaded (loop.c, libfuse's loop with a
 * short poll before sleeping) whatever -s says: libminixfs and the file
 * systems serve one request at a time.
 *
 * Shutdown: SIGTERM, SIGINT and SIGHUP (libfuse's handlers) end the loop,
 * and so does `fusermount3 -u`; SIGINT and SIGTERM work even when the
 * shell started micafuse with them ignored (background job of a script).
 * The kernel mount goes first, then the session's destroy unmounts the fs,
 * writes the cache back and fsyncs the image; the process exits after
 * that, so with -f a script can wait for it.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "micafuse.h"

#define MICAFUSE_VERSION	"0.1"

/* Options for the kernel mount: fsname= (before fuse_parse_cmdline, which
 * would otherwise add a default subtype). */
static int main_add_fsname(struct fuse_args *args, const char *image)
{
	char *opt = NULL, *fsname;
	int r;

	if (asprintf(&fsname, "fsname=%s", image) < 0)
		return -1;
	r = fuse_opt_add_opt_escaped(&opt, fsname);
	free(fsname);
	if (r == 0)
		r = fuse_opt_add_arg(args, "-o");
	if (r == 0)
		r = fuse_opt_add_arg(args, opt);
	free(opt);
	return r;
}

/* subtype= and, if we ended up read-only, ro. */
static int main_add_kernel_opts(struct fuse_args *args, struct micafuse *mf)
{
	char opt[64];

	snprintf(opt, sizeof(opt), "-osubtype=%s", mf->fstype->name);
	if (fuse_opt_add_arg(args, opt) != 0)
		return -1;
	if (mf->rdonly && !mf->opts.rdonly)
		return fuse_opt_add_arg(args, "-oro");
	return 0;
}

/* SIGINT and SIGTERM end the mount even when inherited as ignored (a
 * background job of a script): libfuse only takes over signals left at
 * their default.  SIGHUP keeps its disposition, so nohup still works. */
static void main_default_signals(void)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
}

/* Serve the mount until it ends; returns the exit status. */
static int main_serve(struct micafuse *mf, struct fuse_args *args,
    struct fuse_cmdline_opts *co)
{
	struct fuse_session *se;
	int r = 1;

	if (main_add_kernel_opts(args, mf) != 0)
		return 1;
	se = fuse_session_new(args, &mf_ll_ops, sizeof(mf_ll_ops), mf);
	if (se == NULL)
		return 1;
	main_default_signals();
	if (fuse_set_signal_handlers(se) != 0)
		goto out_session;
	if (fuse_session_mount(se, co->mountpoint) != 0)
		goto out_signals;
	if (fuse_daemonize(co->foreground) != 0)
		goto out_mount;
	if (!co->foreground)
		fsdriver_host_set_syslog(1);
	mf_count_init(&mf->counts);
	r = mf_session_loop(se, MF_SPIN_US, &mf->counts) < 0;
	if (mf->opts.counts || co->debug)
		mf_count_print(&mf->counts, "at unmount");

out_mount:
	fuse_session_unmount(se);
out_signals:
	fuse_remove_signal_handlers(se);
out_session:
	fuse_session_destroy(se);	/* -> destroy: fs unmount, flush */
	return r;
}

static void main_usage(const char *prog)
{
	mf_opts_usage(prog, mf_fstype_names());
	printf("FUSE options:\n");
	fuse_cmdline_help();
	fuse_lowlevel_help();
}

int main(int argc, char *argv[])
{
	struct fuse_args args = FUSE_ARGS_INIT(argc, argv);
	struct fuse_cmdline_opts co;
	struct micafuse mf;
	int r = 1;

	memset(&mf, 0, sizeof(mf));
	memset(&co, 0, sizeof(co));
	fsdriver_host_set_prefix("micafuse");
	if (mf_opts_parse(&args, &mf.opts) != 0)
		goto out_args;
	if (mf.opts.image != NULL && main_add_fsname(&args, mf.opts.image))
		goto out_args;
	if (fuse_parse_cmdline(&args, &co) != 0)
		goto out_args;
	if (co.show_help || co.show_version) {
		if (co.show_help)
			main_usage(argv[0]);
		else
			printf("micafuse %s\n", MICAFUSE_VERSION);
		fflush(stdout);		/* before libfuse runs fusermount3 */
		if (co.show_version)
			fuse_lowlevel_version();
		r = 0;
		goto out_opts;
	}
	if (co.mountpoint == NULL) {
		fprintf(stderr, "micafuse: no MOUNTPOINT given "
		    "(usage: micafuse [options] IMAGE MOUNTPOINT)\n");
		goto out_opts;
	}
	if (mf_image_mount(&mf) != 0)
		goto out_opts;
	r = main_serve(&mf, &args, &co);
	if (mf_image_unmount(&mf) != 0 || mf.unmount_failed)
		r = 1;
out_opts:
	free(co.mountpoint);
out_args:
	free((char *)mf.opts.type);
	free(mf.iobuf);
	fuse_opt_free_args(&args);
	return r;
}
