// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/testdata.h"

#include <QDir>
#include <QFile>
#include <QtTest>

namespace TestLib {

QString sharedDir()
{
    const QString fromEnv = qEnvironmentVariable("BITTERN_SHARED");
    return fromEnv.isEmpty() ? QStringLiteral(BITTERN_SOURCE_DIR "/../shared") : fromEnv;
}

QString sharedPath(const QString &relative)
{
    return QDir(sharedDir()).absoluteFilePath(relative);
}

QString testDataPath(const QString &relative)
{
    return QDir(QStringLiteral(BITTERN_SOURCE_DIR "/tests/data")).absoluteFilePath(relative);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read %s: %s", qPrintable(path), qPrintable(file.errorString()));
        return {};
    }
    return file.readAll();
}

QStringList filesIn(const QString &dir, const QString &nameFilter)
{
    return QDir(dir).entryList({nameFilter}, QDir::Files, QDir::Name);
}

} // namespace TestLib
