// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/phpunitparser.h"

#include "core/toolsupport.h"
#include "core/toolxmlnode.h"

namespace Core {

namespace {

Result<QString> requiredAttribute(const ToolXmlNode &node, const QString &name)
{
    if (node.hasAttribute(name))
        return node.attribute(name);
    // Bitten: KeyError escapes the command.
    return ToolSupport::internalError(
            QStringLiteral("PHPUnit element %1 has no %2 attribute.").arg(node.name(), name));
}

Result<qint64> intAttribute(const ToolXmlNode &node, const QString &name)
{
    const Result<QString> text = requiredAttribute(node, name);
    if (!text)
        return text.error();
    if (const std::optional<qint64> value = ToolSupport::toInt(text.value()))
        return *value;
    return ToolSupport::internalError(
            QStringLiteral("PHPUnit attribute %1=\"%2\" is not a number.").arg(name, text.value()));
}

// Bitten used os.path.realpath, which resolves a relative path against the slave's working
// directory; we resolve it against basedir (docs/COMPATIBILITY.md).
QString testFile(const QString &file, const QString &basedir)
{
    const QString path = ToolSupport::resolve(basedir, file);
    return ToolSupport::stripBasedir(path, basedir);
}

Result<ReportItem> testItem(const ToolXmlNode &suite, const ToolXmlNode &testCase,
                            const QString &parentFile, const QString &basedir)
{
    const Result<QString> fixture = requiredAttribute(suite, QStringLiteral("name"));
    const Result<QString> name = requiredAttribute(testCase, QStringLiteral("name"));
    const Result<QString> time = requiredAttribute(testCase, QStringLiteral("time"));
    if (!fixture || !name || !time)
        return !fixture ? fixture.error() : !name ? name.error() : time.error();
    ReportItem item = ToolSupport::item(QStringLiteral("test"));
    item.set(QStringLiteral("fixture"), fixture.value());
    item.set(QStringLiteral("name"), name.value());
    item.set(QStringLiteral("duration"), time.value());
    const ToolXmlNode *result
            = testCase.children().isEmpty() ? nullptr : &testCase.children().first();
    item.set(QStringLiteral("status"), result ? result->name() : QStringLiteral("success"));
    if (suite.hasAttribute(QStringLiteral("file")) || !parentFile.isEmpty())
        item.set(QStringLiteral("file"),
                 testFile(suite.attribute(QStringLiteral("file"), parentFile), basedir));
    if (result)
        item.set(QStringLiteral("traceback"), result->text());
    return item;
}

Result<void> addSuite(const ToolXmlNode &suite, const QString &parentFile, const QString &basedir,
                      Report &report)
{
    for (const ToolXmlNode &child : suite.children()) {
        if (child.name() == QLatin1String("testsuite")) {
            const Result<void> added = addSuite(
                    child, child.attribute(QStringLiteral("file"), parentFile), basedir, report);
            if (!added)
                return added;
            continue;
        }
        Result<ReportItem> item = testItem(suite, child, parentFile, basedir);
        if (!item)
            return item.error();
        report.items.append(std::move(item).value());
    }
    return {};
}

} // namespace

Result<ToolReport> PhpUnitParser::parse(const Result<QByteArray> &input, const QString &basedir)
{
    if (!input)
        return ToolSupport::warningOnly(QStringLiteral("Error opening PHPUnit results file (%1)")
                                                .arg(input.error().message));
    const Result<ToolXmlNode> root = ToolXmlNode::parse(input.value());
    if (!root)
        return ToolSupport::warningOnly(QStringLiteral("Error parsing PHPUnit results file (%1)")
                                                .arg(root.error().message));
    const QString base = ToolSupport::normPath(basedir);
    ToolReport out;
    out.report.category = QStringLiteral("test");
    qint64 total = 0;
    qint64 failed = 0;
    for (const ToolXmlNode *suite : root.value().children(QStringLiteral("testsuite"))) {
        const Result<qint64> tests = intAttribute(*suite, QStringLiteral("tests"));
        const Result<qint64> failures = intAttribute(*suite, QStringLiteral("failures"));
        const Result<qint64> errors = intAttribute(*suite, QStringLiteral("errors"));
        if (!tests || !failures || !errors)
            return !tests ? tests.error() : !failures ? failures.error() : errors.error();
        total += tests.value();
        failed += failures.value() + errors.value();
        const Result<void> added = addSuite(*suite, QString(), base, out.report);
        if (!added)
            return added.error();
    }
    if (failed)
        out.errors.append(ToolSupport::testsFailed(failed, total));
    out.hasReport = true;
    return out;
}

} // namespace Core
