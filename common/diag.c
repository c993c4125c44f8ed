/* diag: one place that formats every diagnostic. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/diag.h"

static const char *prog = "ndjson";

void
diag_init(const char *argv0)
{
	const char *s;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	s = strrchr(argv0, '/');
	prog = s ? s + 1 : argv0;
}

const char *
diag_prog(void)
{
	return prog;
}

void
diag_vwarn_at(const char *file, long long line, long long col,
    const char *fmt, va_list ap)
{
	/* One buffer and one write, so parallel tools do not interleave. */
	char buf[2048];
	int n, m;

	n = snprintf(buf, sizeof(buf), "%s: ", prog);
	if (file != NULL && line > 0 && col > 0)
		n += snprintf(buf + n, sizeof(buf) - n, "%s:%lld:%lld: ",
		    file, line, col);
	else if (file != NULL && line > 0)
		n += snprintf(buf + n, sizeof(buf) - n, "%s:%lld: ", file, line);
	else if (file != NULL)
		n += snprintf(buf + n, sizeof(buf) - n, "%s: ", file);
	if (n >= (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	m = vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	if (m < 0)
		m = 0;
	n += m;
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	fwrite(buf, 1, n, stderr);
}

void
diag_warn_at(const char *file, long long line, long long col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vwarn_at(file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_warn(const char *file, long long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vwarn_at(file, line, 0, fmt, ap);
	va_end(ap);
}

void
diag_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vwarn_at(NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void
diag_syswarn(const char *file, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_warn(file, 0, "%s: %s", msg, strerror(saved));
}

void
diag_fatal(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vwarn_at(NULL, 0, 0, fmt, ap);
	va_end(ap);
	exit(status);
}

void
diag_sysfatal(int status, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_msg("%s: %s", msg, strerror(saved));
	exit(status);
}
