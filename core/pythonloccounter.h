// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSet>

namespace Core {

/**
 * Bitten's Python line classifier (bitten.util.loc, after pycount.py), as python:trace uses it
 * to find code lines: blank and comment lines, docstrings and the inside of triple-quoted
 * docstrings are not code; everything else, including the inside of triple-quoted strings that
 * do not start a line, is.
 */
class PythonLocCounter
{
public:
    /// 0-based numbers of the code lines of @p source.
    static QSet<int> codeLines(const QByteArray &source);
};

} // namespace Core
