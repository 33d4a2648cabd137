// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/translatecommand.h"

#include <unistd.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>

#include "recipe-translator/auditwriter.h"
#include "recipe-translator/options.h"
#include "recipe-translator/tracdbreader.h"
#include "recipe-translator/translation.h"

namespace Translator {

namespace {

enum class Exit {
    Success = 0,
    Failed = 1,
    Usage = 2,
    Server = 3,
};

struct Inputs
{
    QVector<Configuration> configurations;
    QStringList errors;
    Exit exit = Exit::Success;
};

void addRecipeFile(Inputs &inputs, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        inputs.errors
                += QStringLiteral("Could not open recipe %1: %2").arg(path, file.errorString());
        inputs.exit = Exit::Usage;
        return;
    }
    Configuration configuration;
    configuration.name = QFileInfo(path).completeBaseName();
    configuration.source = path;
    configuration.recipe = file.readAll();
    inputs.configurations += configuration;
}

void addInput(Inputs &inputs, const QString &input)
{
    const QFileInfo info(input);
    if (info.isDir()) {
        QStringList files;
        QDirIterator it(input, {QStringLiteral("*.xml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files += it.next();
        files.sort();
        for (const QString &file : qAsConst(files))
            addRecipeFile(inputs, file);
    } else if (TracDbReader::isDatabase(input)) {
        const Core::Result<QVector<Configuration>> read = TracDbReader::read(input);
        if (!read) {
            inputs.errors += read.error().message;
            const bool server = input.contains(QLatin1String("://"))
                    && read.error().code == Core::ErrorCode::ReadFailed;
            inputs.exit = server ? Exit::Server : Exit::Usage;
            return;
        }
        inputs.configurations += read.value();
    } else {
        addRecipeFile(inputs, input);
    }
}

/// Writes one output file, creating its directory once per run.
bool writeFile(const QString &path, const QByteArray &content, QStringList &errors,
               QSet<QString> &madeDirectories)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!madeDirectories.contains(dir)) {
        QDir().mkpath(dir);
        madeDirectories.insert(dir);
    }
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(content) == content.size() && file.flush())
        return true;
    errors += QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
    return false;
}

/// A bar on a terminal for large batches, one plain line per configuration otherwise.
class Progress
{
public:
    explicit Progress(int total) : m_total(total), m_bar(total >= 50 && ::isatty(2)) { }
    ~Progress()
    {
        if (m_bar)
            m_err << '\n';
    }
    void done(const ConfigurationPlan &plan)
    {
        ++m_done;
        if (!m_bar) {
            m_err << "bittern translate: " << plan.name << ": " << enumName(plan.status) << '\n';
            return;
        }
        if (m_done != m_total && m_done % 25 != 0)
            return;
        const int width = 40;
        const int filled = m_done * width / m_total;
        m_err << "\r[" << QString(filled, QLatin1Char('#'))
              << QString(width - filled, QLatin1Char(' ')) << "] " << m_done << '/' << m_total;
        m_err.flush();
    }

private:
    QTextStream m_err{stderr};
    int m_total = 0;
    int m_done = 0;
    bool m_bar = false;
};

/// Configurations from different inputs may share a name: later ones get "-2", "-3"….
void makeNamesUnique(QVector<Configuration> &configurations)
{
    QSet<QString> used;
    for (Configuration &configuration : configurations) {
        const QString base = configuration.name;
        for (int n = 2; used.contains(Translation::fileName(configuration.name)); ++n)
            configuration.name = base + QLatin1Char('-') + QString::number(n);
        used.insert(Translation::fileName(configuration.name));
    }
}

Exit writeAudit(const Options &options, const QVector<ConfigurationPlan> &plans,
                QStringList &errors)
{
    const AuditContext context{options.target, options.strategy, options.partial};
    if (options.outputDir.isEmpty() && options.target == Target::None) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return Exit::Failed;
        out.write(AuditWriter::markdown(plans, context));
        return Exit::Success;
    }
    const QDir dir(options.outputDir.isEmpty() ? QStringLiteral(".") : options.outputDir);
    QSet<QString> made;
    const bool ok = writeFile(dir.filePath(QStringLiteral("audit.md")),
                              AuditWriter::markdown(plans, context), errors, made)
            && writeFile(dir.filePath(QStringLiteral("audit.json")),
                         AuditWriter::json(plans, context), errors, made);
    return ok ? Exit::Success : Exit::Usage;
}

} // namespace

int runTranslate(const QStringList &arguments)
{
    QTextStream err(stderr);
    const Core::Result<Options> parsed = OptionsParser::parse(arguments);
    if (!parsed) {
        err << parsed.error().message << '\n';
        return int(Exit::Usage);
    }
    const Options &options = parsed.value();
    if (options.help) {
        QTextStream(stdout) << OptionsParser::helpText();
        return int(Exit::Success);
    }
    Inputs inputs;
    for (const QString &input : options.inputs)
        addInput(inputs, input);
    makeNamesUnique(inputs.configurations);
    PlanOptions planOptions;
    planOptions.strategy = options.strategy;
    planOptions.partial = options.partial;
    planOptions.jenkinsLibrary = options.jenkinsLibrary;
    const QDir out(options.outputDir.isEmpty() ? QStringLiteral(".") : options.outputDir);
    QVector<ConfigurationPlan> plans;
    QSet<QString> made;
    Exit exit = inputs.exit;
    {
        Progress progress(inputs.configurations.size());
        for (const Configuration &configuration : qAsConst(inputs.configurations)) {
            const TranslationResult result
                    = Translation::translate(configuration, options.target, planOptions);
            if (!result.error.isEmpty()) {
                inputs.errors += result.error;
                exit = exit == Exit::Success ? Exit::Failed : exit;
            }
            for (const OutputFile &file : result.files) {
                if (!writeFile(out.filePath(file.path), file.content, inputs.errors, made))
                    exit = Exit::Usage;
            }
            if (result.plan.status == ConversionStatus::Unsupported
                && options.target != Target::None && exit == Exit::Success)
                exit = Exit::Failed;
            plans += result.plan;
            progress.done(result.plan);
        }
    }
    if (options.audit == AuditMode::On
        && writeAudit(options, plans, inputs.errors) != Exit::Success)
        exit = Exit::Usage;
    for (const QString &error : qAsConst(inputs.errors))
        err << "bittern translate: " << error << '\n';
    return int(exit);
}

} // namespace Translator
