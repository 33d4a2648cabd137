/* A tiny test runner: writes a Bitten <report> with one <test> per case and exits 1 on failure. */
#include <stdio.h>
#include <string.h>

#include "greet.h"

static FILE *out;
static int failures;

static void check(const char *name, int ok)
{
    fprintf(out, "  <test fixture=\"greet\" name=\"%s\" status=\"%s\"/>\n", name,
            ok ? "success" : "failure");
    printf("%s: %s\n", name, ok ? "ok" : "FAILED");
    failures += !ok;
}

int main(int argc, char **argv)
{
    char buf[32];
    out = fopen(argc > 1 ? argv[1] : "test-results.xml", "w");
    if (!out)
        return 2;
    fputs("<report>\n", out);
    check("default_name", greet(NULL, buf, sizeof buf) > 0 && !strcmp(buf, "Hello, world!"));
    check("given_name", greet("Ada", buf, sizeof buf) > 0 && !strcmp(buf, "Hello, Ada!"));
    check("too_small", greet("Ada", buf, 4) == -1);
    fputs("</report>\n", out);
    fclose(out);
    return failures ? 1 : 0;
}
