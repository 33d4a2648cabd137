// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Agent {

/// One test as Bitten's test runner recorded it (bitten-spec §4.7.1).
struct UnittestCase
{
    QString name;
    QString fixture;
    QString module; ///< dotted name the test's source file is looked up from
    QString status = QStringLiteral("success"); ///< success, failure, error, ignore
    QString description;
    QString stdoutText;
    QString traceback;
    QString file; ///< absolute; empty when unknown
    double duration = 0;
};

/**
 * Converts the verbose output of `python3 -m unittest -v -b` (its stderr, line by line) into the
 * tests Bitten's `setup.py unittest` runner recorded, and writes them as Bitten's
 * `<unittest-results>` XML. Pure: the caller feeds lines with their arrival time; a test's
 * duration is the time between its result line and the previous line.
 */
class UnittestOutput
{
public:
    /// Feeds one line; @p seconds is the time since the process started.
    void addLine(const QString &line, double seconds);
    const QVector<UnittestCase> &tests() const { return m_tests; }
    /// Sets each test's file with @p resolve (module name → absolute path or empty).
    void resolveFiles(const std::function<QString(const QString &module)> &resolve);

    static QByteArray toXml(const QVector<UnittestCase> &tests);

private:
    enum class Phase {
        Progress,
        Title,
        Header,
        Body,
        Between,
        Done,
    };
    void addProgressLine(const QString &line, double seconds);
    void addResult(const QString &head, const QString &status, double seconds);
    void startBlock(const QString &title);
    void finishBlock();
    UnittestCase *findOrAddTest(const QString &head);

    Phase m_phase = Phase::Progress;
    QString m_pendingHeader;
    double m_pendingTime = 0;
    double m_lastTime = 0;
    QString m_blockKind;
    QString m_blockHead;
    QStringList m_blockBody;
    QVector<UnittestCase> m_tests;
    QHash<QString, int> m_index; ///< "name (id)" → index in m_tests
};

} // namespace Agent
