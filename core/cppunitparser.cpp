// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cppunitparser.h"

#include "core/toolsupport.h"
#include "core/toolxmlnode.h"

namespace Core {

namespace {

Result<ReportItem> testItem(const ToolXmlNode &test, const CppUnitParser::Options &options)
{
    ReportItem item = ToolSupport::item(QStringLiteral("test"));
    const ToolXmlNode *nameNode = test.firstChild(QStringLiteral("Name"));
    if (!nameNode) // Bitten: StopIteration escapes the command
        return ToolSupport::internalError(
                QStringLiteral("CppUnit test element %1 has no Name.").arg(test.name()));
    QString name = nameNode->text();
    const int split = name.lastIndexOf(QLatin1String("::"));
    if (split >= 0) {
        item.set(QStringLiteral("fixture"), name.left(split));
        name = name.mid(split + 2);
    }
    item.set(QStringLiteral("name"), name);
    if (const ToolXmlNode *location = test.firstChild(QStringLiteral("Location"))) {
        if (const ToolXmlNode *file = location->firstChild(QStringLiteral("File"))) {
            item.set(QStringLiteral("file"),
                     options.srcdir ? ToolSupport::joinPath({*options.srcdir, file->text()})
                                    : file->text());
        }
        if (const ToolXmlNode *line = location->firstChild(QStringLiteral("Line")))
            item.set(QStringLiteral("line"), line->text());
    }
    const bool failed = test.name() == QLatin1String("FailedTest");
    item.set(QStringLiteral("status"),
             failed ? QStringLiteral("failure") : QStringLiteral("success"));
    if (failed) {
        // Each Message becomes a <traceback>; the master keeps the last one.
        for (const ToolXmlNode *message : test.children(QStringLiteral("Message")))
            item.set(QStringLiteral("traceback"), message->text());
    }
    return item;
}

} // namespace

Result<ToolReport> CppUnitParser::parse(const Result<QByteArray> &input, const Options &options)
{
    ToolReport out;
    if (!input) {
        out.localWarnings.append(QStringLiteral("Error opening CppUnit results file (%1)")
                                         .arg(input.error().message));
        return out;
    }
    const Result<ToolXmlNode> root = ToolXmlNode::parse(input.value());
    if (!root) {
        out.localWarnings.append(QStringLiteral("Error parsing CppUnit results file (%1)")
                                         .arg(root.error().message));
        return out;
    }
    qint64 total = 0;
    qint64 failed = 0;
    out.report.category = QStringLiteral("test");
    for (const ToolXmlNode &group : root.value().children()) {
        if (group.name() != QLatin1String("FailedTests")
            && group.name() != QLatin1String("SuccessfulTests"))
            continue;
        for (const ToolXmlNode &test : group.children()) {
            Result<ReportItem> item = testItem(test, options);
            if (!item)
                return item.error();
            if (test.name() == QLatin1String("FailedTest"))
                ++failed;
            ++total;
            out.report.items.append(std::move(item).value());
        }
    }
    if (failed)
        out.errors.append(ToolSupport::testsFailed(failed, total));
    out.hasReport = true;
    return out;
}

} // namespace Core
