/* Unit tests of lineio, outbuf, args and rejects. */
#define _GNU_SOURCE		/* F_GETPIPE_SZ */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/args.h"
#include "common/lineio.h"
#include "common/outbuf.h"
#include "common/pipe.h"
#include "common/rejects.h"
#include "tests/unit/unit.h"

static char tmpdir[] = "/tmp/ndj-unit.XXXXXX";

static const char *
tmpfile_with(const char *name, const char *data, size_t n)
{
	static char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, data, n) != (ssize_t)n)
		abort();
	close(fd);
	return path;
}

static void
test_lines(void)
{
	struct lineio *lr;
	char *line, *big;
	size_t len, i, n = 3 * LR_BLOCK + 17;
	long long count = 0;

	/* Lines straddling refills, a last line without '\n', CR kept. */
	lr = lr_open(tmpfile_with("a", "one\ntwo\r\n\nlast", 15));
	CHECK(lr != NULL);
	CHECK(lr_next(lr, &line, &len) == 1);
	CHECK(len == 3 && strcmp(line, "one") == 0);
	CHECK(lr_next(lr, &line, &len) == 1 && len == 4 && line[3] == '\r');
	CHECK(lr_next(lr, &line, &len) == 1 && len == 0);
	CHECK(lr_next(lr, &line, &len) == 1 && strcmp(line, "last") == 0);
	CHECK(lr_lineno(lr) == 4);
	CHECK(lr_next(lr, &line, &len) == 0);
	CHECK(lr_close(lr) == 0);

	/* A line longer than the block grows the buffer; content exact. */
	big = malloc(n + 2);
	for (i = 0; i < n; i++)
		big[i] = 'a' + i % 26;
	big[n] = '\n';
	big[n + 1] = 'z';
	lr = lr_open(tmpfile_with("b", big, n + 2));
	CHECK(lr_next(lr, &line, &len) == 1 && len == n &&
	    memcmp(line, big, n) == 0);
	CHECK(lr_next(lr, &line, &len) == 1 && len == 1 && line[0] == 'z');
	CHECK(lr_close(lr) == 0);

	/* Over the cap: an error, not a silent cut. */
	lr = lr_open(tmpfile_with("b", big, n + 2));
	lr_set_max(lr, LR_BLOCK);
	CHECK(lr_next(lr, &line, &len) == -1);
	CHECK(lr_close(lr) == -1);

	/* Many short lines across many blocks. */
	{
		struct outbuf *ob = ob_mem();
		const char *d;

		for (i = 0; i < 200000; i++)
			ob_printf(ob, "%zu\n", i);
		d = ob_data(ob, &len);
		lr = lr_open(tmpfile_with("c", d, len));
		while (lr_next(lr, &line, &len) == 1) {
			if (strtoll(line, NULL, 10) != count)
				break;
			count++;
		}
		CHECK(count == 200000);
		lr_close(lr);
		ob_close(ob);
	}

	/* Raw blocks add up to the file. */
	lr = lr_open(tmpfile_with("b", big, n + 2));
	{
		const char *p;
		ssize_t r;
		size_t total = 0;
		int same = 1;

		while ((r = lr_read(lr, &p)) > 0) {
			same &= memcmp(p, big + total, r) == 0;
			total += r;
		}
		CHECK(r == 0 && total == n + 2 && same);
	}
	lr_close(lr);
	free(big);

	CHECK(lr_open("/nonexistent/file") == NULL);
}

static void
test_outbuf(void)
{
	struct outbuf *ob;
	char path[256], buf[64];
	int fd;
	ssize_t r;

	/* Integers, formatted by hand: both ends of the range. */
	ob = ob_mem();
	ob_json_int(ob, 0);
	ob_putc(ob, ' ');
	ob_json_int(ob, -42);
	ob_putc(ob, ' ');
	ob_json_int(ob, LLONG_MAX);
	ob_putc(ob, ' ');
	ob_json_int(ob, LLONG_MIN);
	CHECK_STR(ob_data(ob, NULL), "0 -42 9223372036854775807 "
	    "-9223372036854775808");
	ob_close(ob);

	/* Writes larger than the block pass straight through, in order. */
	snprintf(path, sizeof(path), "%s/out", tmpdir);
	ob = ob_create(path);
	CHECK(ob != NULL);
	{
		char *big = malloc(OB_BLOCK * 2);

		memset(big, 'x', OB_BLOCK * 2);
		ob_puts(ob, "head");
		ob_write(ob, big, OB_BLOCK * 2);
		ob_puts(ob, "tail");
		free(big);
	}
	CHECK(ob_close(ob) == 0);
	fd = open(path, O_RDONLY);
	CHECK(read(fd, buf, 5) == 5 && memcmp(buf, "headx", 5) == 0);
	CHECK(lseek(fd, -5, SEEK_END) > 0);
	r = read(fd, buf, 5);
	CHECK(r == 5 && memcmp(buf, "xtail", 5) == 0);
	CHECK(lseek(fd, 0, SEEK_END) == OB_BLOCK * 2 + 8);
	close(fd);

	/* A full device is an error at close. */
	fd = open("/dev/full", O_WRONLY);
	if (fd >= 0) {
		ob = ob_open(fd, "/dev/full");
		ob_puts(ob, "x");
		CHECK(ob_close(ob) == -1);
		close(fd);
	}
}

static void
test_args_rejects(void)
{
	char **list = NULL;
	size_t n = 0;
	struct rejects *rj;
	char path[256], buf[512];
	FILE *f;

	args_list("a,bb,c", "fields", &list, &n);
	args_list("d", "fields", &list, &n);
	CHECK(n == 4 && strcmp(list[1], "bb") == 0 && list[4] == NULL);
	CHECK(args_list_find(list, "c", 1) == 2);
	CHECK(args_list_find(list, "b", 1) == -1);
	args_list_free(list);
	CHECK(args_char("\\t", "delimiter") == '\t');
	CHECK(args_char(";", "delimiter") == ';');
	CHECK(args_size("64M", "size") == 64u << 20);
	CHECK(args_long("-5", "n", -10, 10) == -5);

	snprintf(path, sizeof(path), "%s/rej", tmpdir);
	rj = rej_open(path);
	rej_write(rj, "in.csv", 7, "ragged row", "a,\"b\"\n\xff", 7);
	CHECK(rej_count(rj) == 1);
	CHECK(rej_close(rj) == 0);
	f = fopen(path, "r");
	CHECK(f != NULL && fgets(buf, sizeof(buf), f) != NULL);
	CHECK_STR(buf, "{\"file\":\"in.csv\",\"line\":7,\"error\":\"ragged row\","
	    "\"record\":\"a,\\\"b\\\"\\n\xef\xbf\xbd\"}\n");
	if (f != NULL)
		fclose(f);
}

/* The limit an unprivileged process may ask for, or -1. */
static long
pipe_max(void)
{
	FILE *f = fopen("/proc/sys/fs/pipe-max-size", "r");
	long v = -1;

	if (f != NULL) {
		if (fscanf(f, "%ld", &v) != 1)
			v = -1;
		fclose(f);
	}
	return v;
}

/* Both ends of a pipe get widened; a regular file is left alone. */
static void
test_pipe(void)
{
#ifdef F_GETPIPE_SZ
	struct lineio *lr;
	struct outbuf *ob;
	long want = pipe_max() >= PIPE_WIDE ? PIPE_WIDE : 65536;
	int fds[2], fd;

	if (pipe(fds) != 0)
		abort();
	CHECK(fcntl(fds[0], F_GETPIPE_SZ) == 65536);
	lr = lr_fdopen(fds[0], "pipe");
	CHECK(fcntl(fds[0], F_GETPIPE_SZ) == want);
	lr_close(lr);
	close(fds[1]);
	if (pipe(fds) != 0)
		abort();
	ob = ob_open(fds[1], "pipe");
	CHECK(fcntl(fds[1], F_GETPIPE_SZ) == want);
	CHECK(ob_close(ob) == 0);
	close(fds[0]);
	/* Not a pipe: nothing happens, nothing fails. */
	fd = open(tmpfile_with("p", "x", 1), O_RDONLY);
	pipe_widen(fd);
	CHECK(fcntl(fd, F_GETPIPE_SZ) == -1);
	close(fd);
#endif
}

int
main(void)
{
	char cmd[300];

	if (mkdtemp(tmpdir) == NULL)
		return 2;
	test_lines();
	test_outbuf();
	test_args_rejects();
	test_pipe();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	if (system(cmd) != 0)
		unit_fail++;
	return UNIT_DONE("core");
}
