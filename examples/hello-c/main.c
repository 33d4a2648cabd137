#include <stdio.h>

#include "greet.h"

int main(int argc, char **argv)
{
    char line[128];
    if (greet(argc > 1 ? argv[1] : NULL, line, sizeof line) < 0)
        return 1;
    puts(line);
    return 0;
}
