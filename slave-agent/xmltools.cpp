// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/xmltools.h"

#include <memory>

#include <QFile>
#include <QStringList>
#include <QVector>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "slave-agent/commandregistry.h"
#include "slave-agent/commandsupport.h"

namespace Agent {

namespace {

/// Collects libxml2/libxslt diagnostics of one transformation instead of printing them.
struct ErrorCollector
{
    QString text;

    static void handle(void *self, const char *format, ...);
};

void ErrorCollector::handle(void *self, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    char buffer[1024];
    vsnprintf(buffer, sizeof buffer, format, arguments);
    va_end(arguments);
    static_cast<ErrorCollector *>(self)->text += QString::fromUtf8(buffer);
}

/// libxml2's last error, else the last collected diagnostic line (libxslt says what is wrong
/// last), else @p fallback.
QString lastMessage(const ErrorCollector &collector, const QString &fallback)
{
    const xmlError *error = xmlGetLastError();
    if (error && error->message) {
        return QString::fromUtf8(error->message).trimmed();
    }
    const QStringList lines = collector.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (!it->trimmed().isEmpty()) {
            return it->trimmed();
        }
    }
    return fallback;
}

struct DocumentDeleter
{
    void operator()(xmlDoc *document) const { xmlFreeDoc(document); }
};
struct StylesheetDeleter
{
    void operator()(xsltStylesheet *stylesheet) const { xsltFreeStylesheet(stylesheet); }
};
using Document = std::unique_ptr<xmlDoc, DocumentDeleter>;
using Stylesheet = std::unique_ptr<xsltStylesheet, StylesheetDeleter>;

/// Routes libxml2/libxslt diagnostics to a collector for the lifetime of this object.
class ErrorScope
{
public:
    explicit ErrorScope(ErrorCollector *collector)
    {
        xmlSetGenericErrorFunc(collector, &ErrorCollector::handle);
        xsltSetGenericErrorFunc(collector, &ErrorCollector::handle);
    }
    ~ErrorScope()
    {
        xmlSetGenericErrorFunc(nullptr, nullptr);
        xsltSetGenericErrorFunc(nullptr, nullptr);
    }
    Q_DISABLE_COPY_MOVE(ErrorScope)
};

/// One x:transform: source, stylesheet and destination as written and as resolved paths.
struct Transformation
{
    QStringList names; ///< src, stylesheet, dest as written in the recipe
    QVector<QByteArray> paths; ///< the same, resolved against basedir and encoded

    /// Runs the transformation; the step error text, or empty on success.
    QString run() const;
};

QString Transformation::run() const
{
    ErrorCollector collector;
    const ErrorScope scope(&collector);
    xmlResetLastError();
    const Document source(xmlReadFile(paths.at(0).constData(), nullptr, XML_PARSE_NONET));
    if (!source) {
        return QStringLiteral("Failed to parse XML source %1: %2")
                .arg(names.at(0), lastMessage(collector, QStringLiteral("unreadable")));
    }
    collector.text.clear();
    xmlResetLastError();
    const Stylesheet stylesheet(
            xsltParseStylesheetFile(reinterpret_cast<const xmlChar *>(paths.at(1).constData())));
    if (!stylesheet) {
        return QStringLiteral("Failed to parse XSLT stylesheet %1: %2")
                .arg(names.at(1), lastMessage(collector, QStringLiteral("unreadable")));
    }
    collector.text.clear();
    xmlResetLastError();
    const Document result(xsltApplyStylesheet(stylesheet.get(), source.get(), nullptr));
    if (!result) {
        return QStringLiteral("Failed to apply XSLT stylesheet %1 to %2: %3")
                .arg(names.at(1), names.at(0),
                     lastMessage(collector, QStringLiteral("unknown error")));
    }
    if (xsltSaveResultToFilename(paths.at(2).constData(), result.get(), stylesheet.get(), 0) < 0) {
        return QStringLiteral("Failed to write XSLT result to %1.").arg(names.at(2));
    }
    return QString();
}

} // namespace

void XmlTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::XmlTransform, &XmlTools::transform);
}

Core::Result<void> XmlTools::transform(StepContext &context, const Core::RecipeCommand &command)
{
    for (const char *name : {"src", "dest", "stylesheet"}) {
        if (command.value(QLatin1String(name)).isEmpty()) {
            return CommandSupport::missingAttribute(QLatin1String(name));
        }
    }
    Transformation transformation;
    for (const char *name : {"src", "stylesheet", "dest"}) {
        const QString value = command.value(QLatin1String(name));
        transformation.names.append(value);
        transformation.paths.append(QFile::encodeName(CommandSupport::resolve(context, value)));
    }
    const QString failure = transformation.run();
    if (!failure.isEmpty()) {
        context.error(command.generator(), failure);
    }
    return {};
}

} // namespace Agent
