// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/recipe.h"
#include "core/report.h"
#include "core/stepresult.h"
#include "slave-agent/stepcontext.h"

namespace TestLib {

/**
 * A recording Agent::StepContext for command tests: it runs processes plainly with QProcess
 * (stdout lines first, then stderr lines) and keeps every output a command produced, in order.
 */
class FakeStepContext : public Agent::StepContext
{
public:
    /// One output in the order it was produced.
    struct Output
    {
        enum class Kind {
            Log,
            Error,
            Report,
            Attach,
            LocalWarning,
        };
        Kind kind = Kind::Log;
        QString generator;
        QString level; ///< for logs
        QString text; ///< log text, error message, local warning
        Core::Report report;
        Core::StepAttachment attachment;
    };

    explicit FakeStepContext(const QString &basedir);

    /// A built-in command as the recipe reader makes it, e.g. ("java:ant", {{"target", "x"}}):
    /// namespace http://bitten.edgewall.org/tools/<prefix> ("x" → "xml").
    static Core::RecipeCommand command(Core::CommandId id, const QString &qualifiedName,
                                       const QVector<QPair<QString, QString>> &attributes);

    void setProperty(const QString &name, const QString &value);

    QString basedir() const override;
    QString property(const QString &name) const override;
    bool hasProperty(const QString &name) const override;
    Agent::ProcessOutcome execute(const Agent::ProcessSpec &spec,
                                  const Agent::LineHandler &onLine) override;
    void log(const QString &generator, const QString &level, const QString &text) override;
    void error(const QString &generator, const QString &message) override;
    void report(const Core::Report &report) override;
    void attach(const Core::StepAttachment &attachment) override;
    void localWarning(const QString &text) override;

    const QVector<Output> &outputs() const { return m_outputs; }
    /// Every process started, in order.
    const QVector<Agent::ProcessSpec> &processes() const { return m_processes; }
    QStringList errors() const;
    QStringList localWarnings() const;
    /// Log lines as "level: text".
    QStringList logLines() const;
    QVector<Core::Report> reports() const;

private:
    QStringList texts(Output::Kind kind) const;

    QString m_basedir;
    QHash<QString, QString> m_properties;
    QVector<Output> m_outputs;
    QVector<Agent::ProcessSpec> m_processes;
};

} // namespace TestLib
