// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/translatecommand.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <unistd.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>
#include <QThread>

#include "recipe-translator/auditwriter.h"
#include "recipe-translator/options.h"
#include "recipe-translator/outputwriter.h"
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
    /// Per configuration: the recipe file still to read (found in a directory), else empty.
    QVector<QString> unread;
    QStringList errors;
    Exit exit = Exit::Success;
};

Core::Result<QByteArray> readRecipe(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("Could not open recipe %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

/// A recipe file named on the command line is read now; one found in a directory by a worker.
enum class ReadTime {
    Now,
    Later,
};

void addRecipeFile(Inputs &inputs, const QString &path, ReadTime when)
{
    Configuration configuration;
    configuration.name = QFileInfo(path).completeBaseName();
    configuration.source = path;
    if (when == ReadTime::Now) {
        Core::Result<QByteArray> recipe = readRecipe(path);
        if (!recipe) {
            inputs.errors += recipe.error().message;
            inputs.exit = Exit::Usage;
            return;
        }
        configuration.recipe = std::move(recipe).value();
    }
    inputs.configurations += configuration;
    inputs.unread += when == ReadTime::Later ? path : QString();
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
            addRecipeFile(inputs, file, ReadTime::Later);
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
        inputs.unread.resize(inputs.configurations.size());
    } else {
        addRecipeFile(inputs, input, ReadTime::Now);
    }
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

/// What a worker hands back for one configuration: its plan, its files, what went wrong.
struct Outcome
{
    ConfigurationPlan plan;
    QStringList errors;
    bool failed = false; ///< not (fully) translated: exit 1 unless something worse happened
    bool unusable = false; ///< a recipe could not be read or a file written: exit 2
    bool ready = false;
};

/**
 * Reads, translates and writes the configurations on worker threads, at most a window ahead
 * of the consumer, and hands the outcomes (plans and errors) back in input order, so progress
 * and the audit come out as from one thread. The translation itself stays pure; file creation
 * is most of the cost and runs on every core.
 */
class Pipeline
{
public:
    Pipeline(const Inputs &inputs, const Options &options, OutputWriter &writer)
        : m_inputs(inputs),
          m_options(options),
          m_writer(writer),
          m_outcomes(size_t(inputs.configurations.size()))
    {
        m_planOptions.strategy = options.strategy;
        m_planOptions.partial = options.partial;
        m_planOptions.jenkinsLibrary = options.jenkinsLibrary;
        const int threads = qMin(qBound(1, QThread::idealThreadCount(), 8),
                                 int(inputs.configurations.size()));
        for (int i = 0; i < threads; ++i)
            m_threads.emplace_back([this] { work(); });
    }
    ~Pipeline()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_taken = int(m_outcomes.size()); // lets workers past the window finish
        }
        m_room.notify_all();
        for (std::thread &thread : m_threads)
            thread.join();
    }
    Q_DISABLE_COPY_MOVE(Pipeline)

    /// Waits for the outcome of configuration INDEX (taken in order) and takes it.
    Outcome take(int index)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        Outcome &slot = m_outcomes[size_t(index)];
        m_awaited = index;
        m_ready.wait(lock, [&slot] { return slot.ready; });
        m_awaited = -1;
        m_taken = index + 1;
        Outcome outcome = std::move(slot);
        // Workers blocked on a full window wake in batches: one wake-up per outcome made the
        // futex calls cost more than the work when writing is the slower side.
        const bool wakeWorkers = m_blockedWorkers > 0
                && (m_taken % wakeBatch == 0 || m_taken == int(m_outcomes.size()));
        lock.unlock();
        if (wakeWorkers) // wake-ups only when someone waits: each one is a futex call
            m_room.notify_all();
        return outcome;
    }

private:
    static constexpr int window = 512; ///< outcomes kept in memory ahead of the consumer
    static constexpr int wakeBatch = 64;

    void work()
    {
        const int count = m_inputs.configurations.size();
        for (int index = m_next++; index < count; index = m_next++) {
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                ++m_blockedWorkers;
                m_room.wait(lock, [&] { return index < m_taken + window; });
                --m_blockedWorkers;
            }
            Outcome outcome = process(index);
            outcome.ready = true;
            bool awaited = false;
            {
                const std::lock_guard<std::mutex> lock(m_mutex);
                m_outcomes[size_t(index)] = std::move(outcome);
                awaited = m_awaited == index;
            }
            if (awaited)
                m_ready.notify_one();
        }
    }

    Outcome process(int index) const
    {
        Configuration configuration = m_inputs.configurations.at(index);
        Outcome outcome;
        if (const QString &path = m_inputs.unread.at(index); !path.isEmpty()) {
            Core::Result<QByteArray> recipe = readRecipe(path);
            if (!recipe) {
                outcome.errors += recipe.error().message;
                outcome.unusable = true;
                return outcome;
            }
            configuration.recipe = std::move(recipe).value();
        }
        TranslationResult result
                = Translation::translate(configuration, m_options.targets, m_planOptions);
        outcome.failed = !result.error.isEmpty()
                || (result.plan.status == ConversionStatus::Unsupported
                    && !m_options.targets.isEmpty());
        if (!result.error.isEmpty())
            outcome.errors += result.error;
        outcome.plan = std::move(result.plan);
        for (const OutputFile &file : qAsConst(result.files)) {
            if (const Core::Result<void> written = m_writer.write(file); !written) {
                outcome.errors += written.error().message;
                outcome.unusable = true;
            }
        }
        return outcome;
    }

    const Inputs &m_inputs;
    const Options &m_options;
    OutputWriter &m_writer;
    PlanOptions m_planOptions;
    std::atomic<int> m_next{0};
    std::mutex m_mutex;
    std::condition_variable m_ready; ///< the consumer waits for outcome m_awaited
    std::condition_variable m_room; ///< workers wait for the window to move
    int m_taken = 0; ///< outcomes taken so far (guarded by m_mutex, as the next two)
    int m_awaited = -1;
    int m_blockedWorkers = 0;
    std::vector<Outcome> m_outcomes;
    std::vector<std::thread> m_threads;
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
                OutputWriter &writer, QStringList &errors)
{
    const AuditContext context{options.targets, options.strategy, options.partial};
    if (options.outputDir.isEmpty() && options.targets.isEmpty()) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return Exit::Failed;
        out.write(AuditWriter::markdown(plans, context));
        return Exit::Success;
    }
    for (const OutputFile &file :
         {OutputFile{QStringLiteral("audit.md"), AuditWriter::markdown(plans, context)},
          OutputFile{QStringLiteral("audit.json"), AuditWriter::json(plans, context)}}) {
        if (const Core::Result<void> written = writer.write(file); !written) {
            errors += written.error().message;
            return Exit::Usage;
        }
    }
    return Exit::Success;
}

/// Translates every configuration and writes its files, reporting progress in input order.
Exit translateAll(Inputs &inputs, const Options &options, OutputWriter &writer,
                  QVector<ConfigurationPlan> &plans)
{
    Exit exit = inputs.exit;
    Progress progress(inputs.configurations.size());
    Pipeline pipeline(inputs, options, writer);
    const bool keepPlans = options.audit == AuditMode::On; // only the audit needs them all
    if (keepPlans)
        plans.reserve(inputs.configurations.size());
    for (int i = 0; i < inputs.configurations.size(); ++i) {
        Outcome outcome = pipeline.take(i);
        inputs.errors += outcome.errors;
        if (outcome.failed && exit == Exit::Success)
            exit = Exit::Failed;
        if (outcome.unusable)
            exit = Exit::Usage;
        progress.done(outcome.plan);
        if (keepPlans)
            plans += std::move(outcome.plan);
    }
    return exit;
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
    OutputWriter writer(options.outputDir.isEmpty() ? QStringLiteral(".") : options.outputDir,
                        SyncMode::NoSync);
    QVector<ConfigurationPlan> plans;
    Exit exit = translateAll(inputs, options, writer, plans);
    if (options.audit == AuditMode::On
        && writeAudit(options, plans, writer, inputs.errors) != Exit::Success)
        exit = Exit::Usage;
    for (const QString &error : qAsConst(inputs.errors))
        err << "bittern translate: " << error << '\n';
    return int(exit);
}

} // namespace Translator
