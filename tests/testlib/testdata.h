// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace TestLib {

/// Directory of ../shared (corpus, samples, fixtures), from $BITTERN_SHARED set by ctest.
QString sharedDir();
/// Absolute path of a file under ../shared, e.g. "corpus/samples/input_junit_testsuite.xml".
QString sharedPath(const QString &relative);
/// Absolute path of a file under the source tree's tests/data.
QString testDataPath(const QString &relative);
/// Whole contents of a file; an empty array (and a QTest warning) when it cannot be read.
QByteArray readFile(const QString &path);
/// File names (not paths) in a directory matching @p nameFilter, sorted.
QStringList filesIn(const QString &dir, const QString &nameFilter);

} // namespace TestLib
