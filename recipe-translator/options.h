// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "core/optionspec.h"
#include "core/result.h"
#include "recipe-translator/enums.h"

namespace Translator {

/// Whether the audit is written.
enum class AuditMode {
    Off,
    On,
};

/// The options of `bittern translate`.
struct Options
{
    QVector<Target> targets; ///< --to, in the order given; empty: audit only
    StrategyChoice strategy = StrategyChoice::Auto;
    AuditMode audit = AuditMode::Off;
    PartialPolicy partial = PartialPolicy::FailUnsupported;
    QString outputDir; ///< empty: the current directory (audit: stdout)
    QStringList inputs;
    QString jenkinsLibrary; ///< --jenkins-library NAME[@VERSION] (empty: self-contained)
    bool help = false;
};

/**
 * Parses `bittern translate --to TARGET[,TARGET…] [--strategy auto|agent|native]
 * [--audit] [--allow-partial] [--jenkins-library NAME[@VERSION]] [-o DIR] INPUT...` (arguments
 * without the program name, the first
 * being "translate"). Pure: usage errors come back as InvalidArgument with the message to print.
 */
class OptionsParser
{
public:
    static Core::Result<Options> parse(const QStringList &arguments);
    static QString helpText();
    /// The option table behind parse(), helpText() and the bittern(1) man page.
    static Core::ProgramSpec commandSpec();
};

} // namespace Translator
