// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <python:pylint> (bitten-spec §4.7): turns pylint "parseable" output
 * (`path:LINE: [T[NNNN][, tag]] message`) into a "lint" report of <problem> items. The message
 * goes into a "msg" field as in Bitten 0.6.1/trunk (0.6 lost it; docs/COMPATIBILITY.md).
 * An unreadable file is only a local warning; lines that do not match are ignored.
 */
class PylintParser
{
public:
    /// @p input: the file's bytes, or the error from reading it. @p basedir: absolute.
    static Result<ToolReport> parse(const Result<QByteArray> &input, const QString &basedir);
};

} // namespace Core
