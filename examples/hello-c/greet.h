#ifndef GREET_H
#define GREET_H
#include <stddef.h>

/* Writes "Hello, NAME!" into buf; returns the length, or -1 if it does not fit. */
int greet(const char *name, char *buf, size_t size);

#endif
