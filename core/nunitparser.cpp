// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nunitparser.h"

#include "core/toolsupport.h"
#include "core/toolxmlnode.h"

namespace Core {

namespace {

struct Counts
{
    qint64 total = 0;
    qint64 failed = 0;
};

Result<QString> requiredAttribute(const ToolXmlNode &node, const QString &name)
{
    if (node.hasAttribute(name))
        return node.attribute(name);
    // Bitten: KeyError escapes the command.
    return ToolSupport::internalError(
            QStringLiteral("NUnit element %1 has no %2 attribute.").arg(node.name(), name));
}

Result<ReportItem> testItem(const ToolXmlNode &suite, const ToolXmlNode &testCase, Counts &counts)
{
    const Result<QString> fixture = requiredAttribute(suite, QStringLiteral("name"));
    if (!fixture)
        return fixture.error();
    ReportItem item = ToolSupport::item(QStringLiteral("test"));
    item.set(QStringLiteral("fixture"), fixture.value());
    // Bitten's bug (bitten-spec §11.15): the test's own name is never set.
    if (testCase.hasAttribute(QStringLiteral("time")))
        item.set(QStringLiteral("duration"), testCase.attribute(QStringLiteral("time")));
    const Result<QString> executed = requiredAttribute(testCase, QStringLiteral("executed"));
    if (!executed)
        return executed.error();
    if (executed.value() != QLatin1String("True")) {
        item.set(QStringLiteral("status"), QStringLiteral("ignore"));
        return item;
    }
    const Result<QString> success = requiredAttribute(testCase, QStringLiteral("success"));
    if (!success)
        return success.error();
    if (success.value() == QLatin1String("True")) {
        item.set(QStringLiteral("status"), QStringLiteral("success"));
        return item;
    }
    item.set(QStringLiteral("status"), QStringLiteral("failure"));
    if (const ToolXmlNode *failure = testCase.firstChild(QStringLiteral("failure"))) {
        if (const ToolXmlNode *trace = failure->firstChild(QStringLiteral("stack-trace")))
            item.set(QStringLiteral("traceback"), trace->text());
        ++counts.failed; // only failures with a <failure> element count
    }
    return item;
}

// Bitten's _parse_suite: a suite yields its results/test-case elements, then recurses into
// results/test-suite.
Result<void> addSuite(const ToolXmlNode &suite, ToolReport &out, Counts &counts)
{
    for (const ToolXmlNode *results : suite.children(QStringLiteral("results"))) {
        for (const ToolXmlNode *testCase : results->children(QStringLiteral("test-case"))) {
            Result<ReportItem> item = testItem(suite, *testCase, counts);
            if (!item)
                return item.error();
            out.report.items.append(std::move(item).value());
            ++counts.total;
        }
        for (const ToolXmlNode *child : results->children(QStringLiteral("test-suite"))) {
            const Result<void> added = addSuite(*child, out, counts);
            if (!added)
                return added;
        }
    }
    return {};
}

} // namespace

Result<ToolReport> NUnitParser::parse(const QVector<Result<QByteArray>> &files)
{
    ToolReport out;
    Counts counts;
    out.report.category = QStringLiteral("test");
    for (const Result<QByteArray> &file : files) {
        if (!file) {
            out = ToolReport();
            out.localWarnings.append(QStringLiteral("Error opening NUnit results file (%1)")
                                             .arg(file.error().message));
            return out;
        }
        const Result<ToolXmlNode> root = ToolXmlNode::parse(file.value());
        if (!root) {
            out = ToolReport();
            out.localWarnings.append(QStringLiteral("Error parsing NUnit results file (%1)")
                                             .arg(root.error().message));
            return out;
        }
        for (const ToolXmlNode *suite : root.value().children(QStringLiteral("test-suite"))) {
            const Result<void> added = addSuite(*suite, out, counts);
            if (!added)
                return added.error();
        }
    }
    if (counts.failed)
        out.errors.append(ToolSupport::testsFailed(counts.failed, counts.total));
    out.hasReport = true;
    return out;
}

} // namespace Core
