// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cunitparser.h"

#include "core/toolsupport.h"
#include "core/toolxmlnode.h"

namespace Core {

namespace {

struct Counts
{
    qint64 total = 0;
    qint64 failed = 0;
};

Result<QString> childText(const ToolXmlNode &node, const QString &name)
{
    if (const ToolXmlNode *child = node.firstChild(name))
        return child->text();
    // Bitten: StopIteration escapes the command.
    return ToolSupport::internalError(
            QStringLiteral("CUnit element %1 has no %2.").arg(node.name(), name));
}

Result<void> addTest(const ToolXmlNode &result, const QString &suiteName, ToolReport &out,
                     Counts &counts)
{
    const Result<QString> testName = childText(result, QStringLiteral("TEST_NAME"));
    if (!testName)
        return testName.error();
    out.log.append(ToolSupport::message(QStringLiteral("info"),
                                        QStringLiteral("Running %1...").arg(testName.value())));
    ReportItem item = ToolSupport::item(QStringLiteral("test"));
    item.set(QStringLiteral("fixture"), suiteName);
    item.set(QStringLiteral("name"), testName.value());
    if (result.name() == QLatin1String("CUNIT_RUN_TEST_FAILURE")) {
        const Result<QString> file = childText(result, QStringLiteral("FILE_NAME"));
        const Result<QString> line = childText(result, QStringLiteral("LINE_NUMBER"));
        const Result<QString> condition = childText(result, QStringLiteral("CONDITION"));
        if (!file || !line || !condition)
            return !file ? file.error() : !line ? line.error() : condition.error();
        const std::optional<qint64> lineNumber = ToolSupport::toInt(line.value());
        if (!lineNumber) // Bitten: int() raises ValueError
            return ToolSupport::internalError(
                    QStringLiteral("CUnit LINE_NUMBER %1 is not a number.").arg(line.value()));
        out.log.append(ToolSupport::message(QStringLiteral("error"),
                                            QStringLiteral("%1(%2): %3")
                                                    .arg(file.value())
                                                    .arg(*lineNumber)
                                                    .arg(condition.value())));
        item.set(QStringLiteral("status"), QStringLiteral("failure"));
        ++counts.failed;
    } else {
        item.set(QStringLiteral("status"), QStringLiteral("success"));
    }
    out.report.items.append(item);
    ++counts.total;
    return {};
}

Result<void> addSuite(const ToolXmlNode &suite, ToolReport &out, Counts &counts)
{
    const Result<QString> suiteName = childText(suite, QStringLiteral("SUITE_NAME"));
    if (!suiteName)
        return suiteName.error();
    // Python 2 len() of a byte string: UTF-8 bytes, not characters.
    const int stars = qMax(0, 57 - suiteName.value().toUtf8().size());
    out.log.append(ToolSupport::message(
            QStringLiteral("info"),
            QStringLiteral("%1 [%2]").arg(QString(stars, QLatin1Char('*')), suiteName.value())));
    for (const ToolXmlNode *record : suite.children(QStringLiteral("CUNIT_RUN_TEST_RECORD"))) {
        for (const ToolXmlNode &result : record->children()) {
            if (result.name() != QLatin1String("CUNIT_RUN_TEST_SUCCESS")
                && result.name() != QLatin1String("CUNIT_RUN_TEST_FAILURE"))
                continue;
            const Result<void> added = addTest(result, suiteName.value(), out, counts);
            if (!added)
                return added;
        }
    }
    return {};
}

} // namespace

Result<ToolReport> CUnitParser::parse(const Result<QByteArray> &input)
{
    ToolReport out;
    if (!input) {
        out.localWarnings.append(
                QStringLiteral("Error opening CUnit results file (%1)").arg(input.error().message));
        return out;
    }
    const Result<ToolXmlNode> root = ToolXmlNode::parse(input.value());
    if (!root) {
        out.localWarnings.append(
                QStringLiteral("Error parsing CUnit results file (%1)").arg(root.error().message));
        return out;
    }
    Counts counts;
    out.report.category = QStringLiteral("test");
    for (const ToolXmlNode *listing :
         root.value().children(QStringLiteral("CUNIT_RESULT_LISTING"))) {
        for (const ToolXmlNode *run : listing->children(QStringLiteral("CUNIT_RUN_SUITE"))) {
            for (const ToolXmlNode &suite : run->children()) {
                if (suite.name() != QLatin1String("CUNIT_RUN_SUITE_SUCCESS")
                    && suite.name() != QLatin1String("CUNIT_RUN_SUITE_FAILURE")) {
                    out.log.append(ToolSupport::message(
                            QStringLiteral("warning"),
                            QStringLiteral("Unknown node: %1").arg(suite.name())));
                    continue;
                }
                const Result<void> added = addSuite(suite, out, counts);
                if (!added)
                    return added.error();
            }
        }
    }
    if (counts.failed)
        out.errors.append(ToolSupport::testsFailed(counts.failed, counts.total));
    out.hasReport = true;
    out.hasLog = true;
    return out;
}

} // namespace Core
