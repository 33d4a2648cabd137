// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/phpcoverageparser.h"

#include <cmath>

#include "core/toolsupport.h"
#include "core/toolxmlnode.h"

namespace Core {

namespace {

Result<double> floatAttribute(const ToolXmlNode &node, const QString &name)
{
    if (!node.hasAttribute(name)) // Bitten: KeyError escapes the command
        return ToolSupport::internalError(
                QStringLiteral("Coverage element %1 has no %2 attribute.").arg(node.name(), name));
    bool ok = false;
    const double value = node.attribute(name).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value)) // Bitten: ValueError (or OverflowError in int())
        return ToolSupport::internalError(
                QStringLiteral("Coverage attribute %1=\"%2\" is not a number.")
                        .arg(name, node.attribute(name)));
    return value;
}

Result<ReportItem> phingClass(const ToolXmlNode &cls, const QString &basedir)
{
    const Result<double> statements = floatAttribute(cls, QStringLiteral("statementcount"));
    const Result<double> covered = floatAttribute(cls, QStringLiteral("statementscovered"));
    if (!statements || !covered)
        return !statements ? statements.error() : covered.error();
    ReportItem item = ToolSupport::item(QStringLiteral("coverage"));
    item.set(QStringLiteral("name"), cls.attribute(QStringLiteral("name")));
    item.set(QStringLiteral("lines"), QString::number(qint64(statements.value())));
    item.set(QStringLiteral("percentage"),
             statements.value() != 0.0
                     ? ToolSupport::floatString(covered.value() / statements.value() * 100)
                     : QStringLiteral("100"));
    if (cls.children().isEmpty()) // Bitten: IndexError escapes the command
        return ToolSupport::internalError(
                QStringLiteral("Phing coverage class %1 has no source file element.")
                        .arg(cls.attribute(QStringLiteral("name"))));
    const ToolXmlNode &source = cls.children().first();
    if (source.hasAttribute(QStringLiteral("sourcefile"))) {
        // Bitten used os.path.realpath (relative to the slave's working directory); we resolve
        // against basedir (docs/COMPATIBILITY.md).
        const QString path
                = ToolSupport::resolve(basedir, source.attribute(QStringLiteral("sourcefile")));
        item.set(QStringLiteral("file"), ToolSupport::stripBasedir(path, basedir));
    }
    return item;
}

Result<void> phingPackage(const ToolXmlNode &package, const QString &basedir, Report &report)
{
    for (const ToolXmlNode *cls : package.children(QStringLiteral("class"))) {
        Result<ReportItem> item = phingClass(*cls, basedir);
        if (!item)
            return item.error();
        report.items.append(std::move(item).value());
    }
    return {};
}

void collectClasses(const ToolXmlNode &node, QVector<const ToolXmlNode *> &parents,
                    QVector<const ToolXmlNode *> &classes)
{
    for (const ToolXmlNode &child : node.children()) {
        if (child.name() == QLatin1String("class")) {
            parents.append(&node);
            classes.append(&child);
        }
        collectClasses(child, parents, classes);
    }
}

// Clover: every <class> below <project>; lines are counted over its parent (the <file>),
// so two classes in one file share that file's statements, as in Bitten.
Result<void> cloverProject(const ToolXmlNode &project, const QString &basedir, Report &report)
{
    QVector<const ToolXmlNode *> parents;
    QVector<const ToolXmlNode *> classes;
    collectClasses(project, parents, classes);
    for (int i = 0; i < classes.size(); ++i) {
        const ToolXmlNode &file = *parents.at(i);
        QString source = file.attribute(QStringLiteral("name"));
        if (!source.startsWith(QLatin1Char('/')))
            source = ToolSupport::joinPath({basedir, source});
        if (!source.startsWith(basedir))
            continue;
        qint64 loc = 0;
        double uncovered = 0;
        for (const ToolXmlNode *line : file.descendants(QStringLiteral("line"))) {
            if (line->attribute(QStringLiteral("type")) != QLatin1String("stmt"))
                continue;
            ++loc;
            const std::optional<qint64> count
                    = ToolSupport::toInt(line->attribute(QStringLiteral("count")));
            if (!count) // Bitten: int() raises ValueError
                return ToolSupport::internalError(
                        QStringLiteral("Clover line count \"%1\" is not a number.")
                                .arg(line->attribute(QStringLiteral("count"))));
            if (*count == 0)
                ++uncovered;
        }
        const double percentage = loc > 0 ? 100 - (uncovered / double(loc) * 100) : 100;
        ReportItem item = ToolSupport::item(QStringLiteral("coverage"));
        item.set(QStringLiteral("name"), classes.at(i)->attribute(QStringLiteral("name")));
        item.set(QStringLiteral("lines"), QString::number(loc));
        item.set(QStringLiteral("percentage"),
                 QString::number(qint64(percentage))); // int() truncates
        item.set(QStringLiteral("file"), ToolSupport::stripBasedir(source, basedir));
        report.items.append(item);
    }
    return {};
}

} // namespace

Result<ToolReport> PhpCoverageParser::parse(const Result<QByteArray> &input, const QString &basedir)
{
    if (!input)
        return ToolSupport::warningOnly(QStringLiteral("Error opening coverage summary file (%1)")
                                                .arg(input.error().message));
    const Result<ToolXmlNode> parsed = ToolXmlNode::parse(input.value());
    if (!parsed)
        return ToolSupport::warningOnly(QStringLiteral("Error parsing coverage summary file (%1)")
                                                .arg(parsed.error().message));
    const ToolXmlNode &root = parsed.value();
    ToolReport out;
    const QString base = ToolSupport::normPath(basedir);
    out.report.category = QStringLiteral("coverage");
    for (const ToolXmlNode &element : root.children()) {
        Result<void> done;
        if (element.name() == QLatin1String("package"))
            done = phingPackage(element, base, out.report);
        else if (element.name() == QLatin1String("project"))
            done = cloverProject(element, base, out.report);
        if (!done)
            return done.error();
    }
    out.hasReport = true;
    return out;
}

} // namespace Core
