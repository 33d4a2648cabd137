// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/antlogparser.h"

#include "core/toolsupport.h"
#include "core/toolxmlnode.h"

namespace Core {

namespace {

// Every <message> below @p node, depth first, not looking inside messages.
Result<void> collectMessages(const ToolXmlNode &node, const QString &basedir,
                             QVector<LogMessage> &log)
{
    for (const ToolXmlNode &child : node.children()) {
        if (child.name() != QLatin1String("message")) {
            const Result<void> collected = collectMessages(child, basedir, log);
            if (!collected)
                return collected;
            continue;
        }
        if (!child.hasAttribute(QStringLiteral("priority"))) // Bitten: KeyError escapes
            return ToolSupport::internalError(
                    QStringLiteral("Ant XML log message has no priority attribute."));
        const QString priority = child.attribute(QStringLiteral("priority"));
        if (priority == QLatin1String("debug"))
            continue;
        QString text = child.text();
        text.remove(basedir + QLatin1Char('/'));
        text.remove(basedir);
        log.append(ToolSupport::message(priority, text));
    }
    return {};
}

} // namespace

Result<ToolReport> AntLogParser::parse(const Result<QByteArray> &xmlLog, const QString &basedir,
                                       int exitCode)
{
    if (!xmlLog) // Bitten: the IOError is not caught
        return ToolSupport::internalError(QStringLiteral("Could not read the Ant XML log file: %1")
                                                  .arg(xmlLog.error().message));
    ToolReport out;
    out.hasLog = true;
    bool errorLogged = false;
    const Result<ToolXmlNode> root = ToolXmlNode::parse(xmlLog.value());
    if (root) {
        const Result<void> collected
                = collectMessages(root.value(), ToolSupport::normPath(basedir), out.log);
        if (!collected)
            return collected.error();
        if (root.value().hasAttribute(QStringLiteral("error"))) {
            out.errors.append(root.value().attribute(QStringLiteral("error")));
            errorLogged = true;
        }
    } else {
        out.localWarnings.append(
                QStringLiteral("Error parsing Ant XML log file (%1)").arg(root.error().message));
    }
    if (!errorLogged && exitCode != 0)
        out.errors.append(QStringLiteral("Ant failed (%1)").arg(exitCode));
    return out;
}

} // namespace Core
