// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>
#include <QXmlStreamWriter>

#include "core/report.h"
#include "core/result.h"

class QIODevice;

namespace Core {

/**
 * Writes `test` report items as JUnit XML the way Jenkins' junit step reads it
 * (jenkins-contract §5.1): `<testsuites>` with one `<testsuite>` per run of consecutive items of
 * one fixture, `<testcase classname name time>`, failure/error/skipped with a message (the first
 * traceback line) and the traceback as text, system-out/system-err from stdout/stderr, and any
 * other field as a testcase property. Only one suite's items are held in memory at a time.
 */
class JUnitWriter
{
public:
    explicit JUnitWriter(QIODevice *device);

    /// Starts the document; @p fallbackSuite names the suite of items without a fixture.
    void begin(const QString &fallbackSuite = QStringLiteral("bittern"));
    void addTest(const ReportItem &item);
    Result<void> end();

    static Result<void> write(const Report &report, QIODevice *device);
    static Result<QByteArray> write(const Report &report);

private:
    void flushSuite();
    void writeTestCase(const ReportItem &item);
    void writeAttribute(const QString &name, const QString &value);
    void writeTextElement(const QString &name, const QString &text);

    QIODevice *m_device;
    QXmlStreamWriter m_xml;
    QString m_fallbackSuite;
    QString m_suite;
    QVector<ReportItem> m_pending;
};

} // namespace Core
