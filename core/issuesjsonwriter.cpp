// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/issuesjsonwriter.h"

#include <QIODevice>
#include <QJsonDocument>

#include "core/bytesink.h"

namespace Core {

IssuesJsonWriter::IssuesJsonWriter(QIODevice *device) : m_device(device)
{
    Q_ASSERT(device);
}

void IssuesJsonWriter::begin()
{
    put(QByteArrayLiteral(
            "{\"_class\":\"io.jenkins.plugins.analysis.core.restapi.ReportApi\",\"issues\":[\n"));
}

void IssuesJsonWriter::addIssue(const ReportItem &item)
{
    QByteArray line = QJsonDocument(issue(item)).toJson(QJsonDocument::Compact);
    if (m_count > 0)
        line.prepend(",\n");
    put(line);
    ++m_count;
}

Result<void> IssuesJsonWriter::end()
{
    put(QByteArrayLiteral("\n],\"size\":") + QByteArray::number(m_count) + "}\n");
    if (m_failed)
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("Could not write the issues report: %1")
                                 .arg(m_device->errorString()));
    return {};
}

void IssuesJsonWriter::put(const QByteArray &data)
{
    if (!m_failed && m_device->write(data) != data.size())
        m_failed = true;
}

QJsonObject IssuesJsonWriter::issue(const ReportItem &item)
{
    QJsonObject object;
    const QString file = item.value(QStringLiteral("file"));
    if (!file.isEmpty())
        object.insert(QStringLiteral("fileName"), file);
    bool ok = false;
    const int line = item.value(QStringLiteral("line")).trimmed().toInt(&ok);
    if (ok && line > 0)
        object.insert(QStringLiteral("lineStart"), line);
    const QString category = item.value(QStringLiteral("category"));
    object.insert(QStringLiteral("severity"), severity(category));
    if (!category.isEmpty())
        object.insert(QStringLiteral("category"), category);
    // Bitten's lint items are <problem type="W0612">: a type other than the element name is
    // the message id.
    const QString type = item.type();
    if (!type.isEmpty() && type != QLatin1String("problem"))
        object.insert(QStringLiteral("type"), type);
    QString message = item.value(QStringLiteral("msg"));
    if (message.isEmpty())
        message = item.value(QStringLiteral("message"));
    object.insert(QStringLiteral("message"), message);
    const QString tag = item.value(QStringLiteral("tag"));
    if (!tag.isEmpty())
        object.insert(QStringLiteral("description"),
                      QStringLiteral("In %1").arg(tag.toHtmlEscaped()));
    return object;
}

QString IssuesJsonWriter::severity(const QString &category)
{
    if (category == QLatin1String("error"))
        return QStringLiteral("ERROR");
    if (category == QLatin1String("warning"))
        return QStringLiteral("HIGH");
    if (category == QLatin1String("convention"))
        return QStringLiteral("LOW");
    return QStringLiteral("NORMAL");
}

Result<void> IssuesJsonWriter::write(const Report &report, QIODevice *device)
{
    IssuesJsonWriter writer(device);
    writer.begin();
    for (const auto &item : report.items)
        writer.addIssue(item);
    return writer.end();
}

Result<QByteArray> IssuesJsonWriter::write(const Report &report)
{
    return writeToBytes([&](QIODevice *device) { return write(report, device); });
}

} // namespace Core
