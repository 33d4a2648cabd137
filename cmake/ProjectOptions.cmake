# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target that every Bittern target links: language level, warnings and the
# Qt strictness defines of HOUSE-STYLE.md (rules 4-6).

add_library(bittern_options INTERFACE)
add_library(Bittern::Options ALIAS bittern_options)

target_compile_features(bittern_options INTERFACE cxx_std_17)
target_compile_options(bittern_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor
    -fno-exceptions)
target_compile_definitions(bittern_options INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x050F00
    BITTERN_VERSION="${PROJECT_VERSION}")

# Hardening that Debian's packaging checks expect (lintian's hardening tags): stack protector,
# fortified libc calls where the optimiser allows them, and read-only relocations.
target_compile_options(bittern_options INTERFACE -fstack-protector-strong)
target_compile_definitions(bittern_options INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
target_link_options(bittern_options INTERFACE -Wl,-z,relro -Wl,-z,now)

# Production code is also built without implicit casts from ASCII; tests may drop only that one
# define (HOUSE-STYLE rule 5) so their _data() tables stay readable.
add_library(bittern_strict INTERFACE)
target_compile_definitions(bittern_strict INTERFACE QT_NO_CAST_FROM_ASCII)

option(BITTERN_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(BITTERN_SANITIZE)
    target_compile_options(bittern_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(bittern_options INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer targets need clang; they are built only when the compiler supports them.
include(CheckCXXSourceCompiles)
function(bittern_check_libfuzzer out)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        set(${out} OFF PARENT_SCOPE)
        return()
    endif()
    set(CMAKE_REQUIRED_FLAGS "-fsanitize=fuzzer")
    check_cxx_source_compiles(
        "#include <cstdint>\n#include <cstddef>\nextern \"C\" int LLVMFuzzerTestOneInput(const uint8_t*, size_t){return 0;}"
        HAVE_LIBFUZZER)
    set(${out} ${HAVE_LIBFUZZER} PARENT_SCOPE)
endfunction()
