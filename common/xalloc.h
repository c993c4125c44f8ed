/* xalloc: allocation that never returns NULL ("out of memory", exit 1). */
#ifndef NDJ_XALLOC_H
#define NDJ_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t n);			/* owned */
void	*xcalloc(size_t nmemb, size_t size);	/* owned */
void	*xrealloc(void *p, size_t n);		/* consumes p; owned */
void	*xreallocarray(void *p, size_t nmemb, size_t size);
char	*xstrdup(const char *s);		/* owned */
char	*xmemdup(const void *p, size_t n);	/* owned, NUL-terminated */

/* Free and forget. */
#define XFREE(p) do { free(p); (p) = NULL; } while (0)

#endif
