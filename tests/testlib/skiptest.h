// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

/// Qt 5's QSKIP takes a string literal only; SKIP_TEST takes a runtime message (e.g. why the
/// PostgreSQL server or Chromium could not be started) and leaves the test function.
#define SKIP_TEST(message) \
    do { \
        QTest::qSkip(message, __FILE__, __LINE__); \
        return; \
    } while (false)
