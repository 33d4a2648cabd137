// SPDX-License-Identifier: GPL-3.0-or-later
// Writes N varied Bitten recipes (default 10,000) into a directory for the validate benchmark:
// 1-20 steps of built-in commands with realistic attributes, current and legacy namespaces,
// comments, DOCTYPE entities in some, and a few deliberate mistakes.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>

#include "core/commandcatalog.h"

namespace {

QString commandXml(QRandomGenerator &rng, const Core::CommandSpec &spec, int stepIndex)
{
    const QString qname = spec.namespaceName.isEmpty()
            ? spec.localName
            : spec.namespaceName + QLatin1Char(':') + spec.localName;
    QString xml = QStringLiteral("    <") + qname;
    for (const Core::AttributeSpec &attr : spec.attributes) {
        if (attr.use == Core::AttributeUse::Optional && rng.bounded(3) != 0)
            continue;
        xml += QStringLiteral(" %1=\"%2/${revision}/%3\"")
                       .arg(attr.name, attr.name)
                       .arg(stepIndex * 7 + int(rng.bounded(1000)));
    }
    const QString needed = spec.requireOneOf.value(0);
    if (!needed.isEmpty() && !xml.contains(QLatin1Char(' ') + needed + QLatin1Char('=')))
        xml += QStringLiteral(" %1=\"tool-%2\"").arg(needed).arg(stepIndex);
    if (rng.bounded(50) == 0)
        xml += QStringLiteral(" misspelt=\"x\"");
    return xml + QStringLiteral("/>\n");
}

QString recipe(QRandomGenerator &rng, int index)
{
    const auto &commands = Core::CommandCatalog::commands();
    const bool legacy = rng.bounded(3) == 0;
    QString xml = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    const bool entities = rng.bounded(10) == 0;
    if (entities)
        xml += QStringLiteral("<!DOCTYPE build [ <!ENTITY env \"export A=1; export B=2;\"> ]>\n");
    xml += QStringLiteral("<build");
    for (const QString &ns : Core::CommandCatalog::namespaceNames())
        xml += QStringLiteral("\n    xmlns:%1=\"%2\"")
                       .arg(ns,
                            legacy ? Core::CommandCatalog::legacyUri(ns)
                                   : Core::CommandCatalog::currentUri(ns));
    xml += QStringLiteral(" description=\"generated recipe %1\">\n").arg(index);
    const int steps = 1 + int(rng.bounded(20));
    for (int s = 0; s < steps; ++s) {
        xml += QStringLiteral("  <step id=\"step %1\" description=\"Step number %1\"%2>\n")
                       .arg(s)
                       .arg(rng.bounded(4) == 0 ? QStringLiteral(" onerror=\"continue\"")
                                                : QString());
        if (rng.bounded(5) == 0)
            xml += QStringLiteral("    <!-- a comment inside step %1 -->\n").arg(s);
        const int count = 1 + int(rng.bounded(6));
        for (int c = 0; c < count; ++c)
            xml += commandXml(rng, commands.at(int(rng.bounded(commands.size()))), s);
        if (entities)
            xml += QStringLiteral("    <sh:exec executable=\"bash\" args=\"-c '&env; make'\"/>\n");
        xml += QStringLiteral("  </step>\n");
    }
    return xml + QStringLiteral("</build>\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: bench_validate_generate DIR [COUNT]\n";
        return 2;
    }
    const QDir dir(args.at(1));
    QDir().mkpath(dir.path());
    const int count = args.size() > 2 ? args.at(2).toInt() : 10000;
    QRandomGenerator rng(20261128);
    for (int i = 0; i < count; ++i) {
        QFile file(dir.filePath(QStringLiteral("recipe%1.xml").arg(i, 5, 10, QLatin1Char('0'))));
        if (!file.open(QIODevice::WriteOnly)) {
            QTextStream(stderr) << "cannot write " << file.fileName() << '\n';
            return 1;
        }
        file.write(recipe(rng, i).toUtf8());
    }
    return 0;
}
