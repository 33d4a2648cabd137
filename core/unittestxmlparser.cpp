// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/unittestxmlparser.h"

#include "core/toolsupport.h"
#include "core/toolxmlnode.h"

namespace Core {

namespace {

// One <test>: attributes copied (file relative to basedir or dropped), children as text fields.
ReportItem testItem(const ToolXmlNode &test, const QString &basedir, qint64 &failed)
{
    ReportItem item = ToolSupport::item(QStringLiteral("test"));
    for (const auto &attribute : test.attributes()) {
        QString value = attribute.second;
        if (attribute.first == QLatin1String("file")) {
            // Bitten used os.path.realpath (relative paths against the slave's working
            // directory); we resolve against basedir without following symlinks.
            value = ToolSupport::resolve(basedir, value);
            if (!value.startsWith(basedir))
                continue; // outside basedir: the test loses its file
            value = value.mid(basedir.size() + 1);
        }
        item.set(attribute.first, value);
        if (attribute.first == QLatin1String("status")
            && (value == QLatin1String("error") || value == QLatin1String("failure")))
            ++failed;
    }
    for (const ToolXmlNode &child : test.children())
        item.set(child.name(), child.text());
    return item;
}

} // namespace

Result<ToolReport> UnittestXmlParser::parse(const Result<QByteArray> &input, const QString &basedir)
{
    ToolReport out;
    if (!input) {
        out.localWarnings.append(QStringLiteral("Error opening unittest results file (%1)")
                                         .arg(input.error().message));
        return out;
    }
    const Result<ToolXmlNode> root = ToolXmlNode::parse(input.value());
    if (!root) {
        out.localWarnings.append(QStringLiteral("Error parsing unittest results file (%1)")
                                         .arg(root.error().message));
        return out;
    }
    const QString base = ToolSupport::normPath(basedir);
    qint64 total = 0;
    qint64 failed = 0;
    out.report.category = QStringLiteral("test");
    for (const ToolXmlNode &test : root.value().children()) {
        out.report.items.append(testItem(test, base, failed));
        ++total;
    }
    if (failed)
        out.errors.append(ToolSupport::testsFailed(failed, total));
    out.hasReport = true;
    return out;
}

} // namespace Core
