// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/ciinputs.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

#include "recipe-translator/tracdbreader.h"

namespace Bridge {

CiInputs CiInputs::collect(const QStringList &inputs)
{
    CiInputs collected;
    for (const QString &input : inputs) {
        if (QFileInfo(input).isDir()) {
            QStringList files;
            QDirIterator it(input, {QStringLiteral("*.xml")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                files += it.next();
            files.sort();
            for (const QString &file : qAsConst(files))
                collected.addRecipeFile(file);
        } else if (Translator::TracDbReader::isDatabase(input)) {
            collected.addDatabase(input);
        } else {
            collected.addRecipeFile(input);
        }
    }
    return collected;
}

QString CiInputs::environmentName(const QString &database)
{
    if (database.contains(QLatin1String("://"))) {
        const QUrl url(database);
        const QString schema = QUrlQuery(url).queryItemValue(QStringLiteral("schema"));
        if (!schema.isEmpty())
            return schema;
        const QString name = url.path().section(QLatin1Char('/'), -1);
        return name.isEmpty() ? url.host() : name;
    }
    const QFileInfo info(database);
    const QDir dir = info.absoluteDir();
    if (dir.dirName() == QLatin1String("db")) {
        const QString environment = QFileInfo(dir.absolutePath()).absoluteDir().dirName();
        if (!environment.isEmpty())
            return environment;
    }
    return info.completeBaseName();
}

void CiInputs::addRecipeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors += QStringLiteral("Could not open recipe %1: %2").arg(path, file.errorString());
        exitCode = ExitCode::Usage;
        return;
    }
    CiConfiguration entry;
    entry.configuration.name = QFileInfo(path).completeBaseName();
    entry.configuration.source = path;
    entry.configuration.recipe = file.readAll();
    configurations += entry;
}

void CiInputs::addDatabase(const QString &location)
{
    const Core::Result<QVector<Translator::Configuration>> read
            = Translator::TracDbReader::read(location);
    if (!read) {
        errors += read.error().message;
        const bool server = location.contains(QLatin1String("://"))
                && read.error().code == Core::ErrorCode::ReadFailed;
        exitCode = server ? ExitCode::Server : ExitCode::Usage;
        return;
    }
    const QString folder = environmentName(location);
    for (const Translator::Configuration &configuration : read.value())
        configurations += CiConfiguration{folder, configuration};
}

} // namespace Bridge
