/* pipe: widen pipe buffers (Linux F_SETPIPE_SZ). */
#define _GNU_SOURCE		/* F_SETPIPE_SZ */
#include <fcntl.h>
#include <sys/stat.h>

#include "common/pipe.h"

void
pipe_widen(int fd)
{
#if defined(F_SETPIPE_SZ) && defined(F_GETPIPE_SZ)
	struct stat st;
	int size;

	if (fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode))
		return;
	size = fcntl(fd, F_GETPIPE_SZ);
	if (size >= 0 && size < PIPE_WIDE)
		(void)fcntl(fd, F_SETPIPE_SZ, PIPE_WIDE);
#else
	(void)fd;
#endif
}
