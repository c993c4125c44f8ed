/* pipe: give the pipes between the tools room for more than 64 KiB. */
#ifndef NDJ_PIPE_H
#define NDJ_PIPE_H

/*
 * PIPE_WIDE bytes: the most an unprivileged process may ask for
 * (/proc/sys/fs/pipe-max-size by default).
 */
#define PIPE_WIDE	(1024 * 1024)

/*
 * If fd is a pipe or FIFO with a smaller buffer, ask the kernel for
 * PIPE_WIDE bytes.  Linux's default 64 KiB makes a writer and a reader
 * take turns a few KiB at a time; a wide pipe lets each run for whole
 * blocks.  Quietly does nothing where it cannot (not a pipe, another
 * system, a lower limit).
 */
void	pipe_widen(int fd);

#endif
