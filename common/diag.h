/* diag: diagnostics as "prog: file:line[:col]: message" on stderr. */
#ifndef NDJ_DIAG_H
#define NDJ_DIAG_H

#include <stdarg.h>

#define STATUS_OK	0	/* success */
#define STATUS_FAIL	1	/* an input, output, record or remote op failed */
#define STATUS_USAGE	2	/* usage or configuration error; stdout empty */

#define DIAG_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Remember the basename of argv[0] as the program name. */
void		 diag_init(const char *argv0);
const char	*diag_prog(void);

/* "prog: message" */
void		 diag_msg(const char *fmt, ...) DIAG_PRINTF(1, 2);
/* "prog: file:line: message"; file may be NULL, line 0 omits the line. */
void		 diag_warn(const char *file, long long line, const char *fmt, ...)
		     DIAG_PRINTF(3, 4);
/* "prog: file:line:col: message"; col 0 omits the column. */
void		 diag_warn_at(const char *file, long long line, long long col,
		     const char *fmt, ...) DIAG_PRINTF(4, 5);
void		 diag_vwarn_at(const char *file, long long line, long long col,
		     const char *fmt, va_list ap) DIAG_PRINTF(4, 0);
/* "prog: file: message: strerror(errno)"; file may be NULL. */
void		 diag_syswarn(const char *file, const char *fmt, ...)
		     DIAG_PRINTF(2, 3);
_Noreturn void	 diag_fatal(int status, const char *fmt, ...) DIAG_PRINTF(2, 3);
_Noreturn void	 diag_sysfatal(int status, const char *fmt, ...)
		     DIAG_PRINTF(2, 3);

#endif
