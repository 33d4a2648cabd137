// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "core/result.h"
#include "slave-agent/stepcontext.h"
#include "slave-agent/unittestoutput.h"

namespace Agent {

/**
 * The modern path for `<python:distutils command="unittest">`: Bitten's own `setup.py
 * unittest` command (bitten-spec §4.7.1) no longer exists, so the agent runs the project's tests
 * with `python3 -m unittest -v -b` (under `python3 -m trace` or `python3 -m coverage` when a
 * coverage summary is asked for) and writes the files that command wrote: the
 * `<unittest-results>` XML, the trace or coverage.py 2 summary and the per-module annotations.
 * Options come from setup.cfg's [unittest] section, then from the command's options.
 */
class UnittestRunner
{
public:
    /// The options of Bitten's unittest command and the setuptools test options it inherits.
    struct Options
    {
        QString xmlOutput;
        QString coverageSummary;
        QString coverageDir;
        QString coverageMethod = QStringLiteral("trace");
        QString testSuite;
        QString testModule;
    };

    /// Options from setup.cfg's [unittest] section, then @p arguments. An Error carries
    /// distutils' message ("option --x not recognized", "Unknown coverage method 'x'").
    static Core::Result<Options> parseOptions(const QStringList &arguments,
                                              const QByteArray &setupCfg);
    /// unittest's arguments after `-m unittest`: the suite, or discovery from the project root.
    static QStringList unittestArguments(const Options &options, const QByteArray &setupPy);

    UnittestRunner(StepContext &context, const QString &generator);

    /// Runs the tests; records step errors itself. @p setupFile: absolute path of setup.py.
    void run(const QString &setupFile, const QStringList &arguments, int timeoutSeconds);

private:
    /// What one run of the tests gave.
    struct TestRun
    {
        QVector<UnittestCase> tests;
        QByteArray traceSummary; ///< trace's summary (stdout from its header on)
        bool completed = false; ///< false: a step error was recorded (timeout, start failure)
    };

    void createOutputDirectories(const Options &options);
    TestRun runTests(const Options &options, const ProcessSpec &spec);
    QStringList interpreterArguments(const Options &options, const QStringList &unittestArgs) const;
    bool writeFile(const QString &path, const QByteArray &data);
    void writeResults(const Options &options, const QVector<UnittestCase> &tests);
    bool exportCoverage(const Options &options, const QString &dataFile, int timeoutSeconds);
    void writeCoverageSummary(const Options &options, const QByteArray &json);
    QString moduleFile(const QString &module) const;

    StepContext &m_context;
    QString m_generator;
    QString m_python;
};

} // namespace Agent
