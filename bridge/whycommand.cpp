// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/whycommand.h"
#include "bridge/commandspecs.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "bridge/matchmaker/explain.h"
#include "bridge/matchmaker/storeads.h"
#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "core/classadevaluator.h"
#include "core/helpwriter.h"

namespace Bridge {

namespace {

Core::Result<Core::ClassAd> readAd(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("Could not read ClassAd file %1: %2").arg(path, file.errorString()));
    }
    auto ad = Core::ClassAd::parse(QString::fromUtf8(file.readAll()));
    if (!ad) {
        return Core::makeError(
                Core::ErrorCode::ParseFailed,
                QStringLiteral("%1:%2: %3").arg(path).arg(ad.error().line).arg(ad.error().message));
    }
    return ad;
}

Core::Result<qint64> parseNumber(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0) {
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("The %1 '%2' is not a number.").arg(what, text));
    }
    return value;
}

Core::Result<WhyCommand::Inputs> readInputs(const WhyCommand::Options &options)
{
    if (options.database.isEmpty())
        return WhyCommand::readAdFiles(options);
    auto store = SqlStore::open(options.database);
    if (!store)
        return store.error();
    return WhyCommand::readStore(*store.value(), options.buildId);
}

} // namespace

QString WhyCommand::helpText()
{
    return Core::HelpWriter::write(CommandSpecs::why());
}

Core::Result<WhyCommand::Options> WhyCommand::parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommandSpecs::why().addOptionsTo(parser);
    if (!parser.parse(arguments))
        return Core::makeError(Core::ErrorCode::InvalidArgument, parser.errorText());
    Options options;
    options.helpRequested = parser.isSet(QStringLiteral("help"));
    if (options.helpRequested)
        return options;
    if (parser.positionalArguments().size() != 1) {
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("Give exactly one BUILD id."));
    }
    const auto id = parseNumber(parser.positionalArguments().first(), QStringLiteral("BUILD id"));
    if (!id)
        return id.error();
    options.buildId = id.value();
    options.jobAdFile = parser.value(QStringLiteral("job-ad"));
    options.agentsDir = parser.value(QStringLiteral("agents"));
    options.database = parser.value(QStringLiteral("db"));
    const bool files = !options.jobAdFile.isEmpty() && !options.agentsDir.isEmpty();
    if (files == !options.database.isEmpty()) {
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("Give either --job-ad and --agents, or --db."));
    }
    if (parser.isSet(QStringLiteral("time"))) {
        const auto time = parseNumber(parser.value(QStringLiteral("time")), QStringLiteral("time"));
        if (!time)
            return time.error();
        options.currentTime = time.value();
    }
    return options;
}

Core::Result<WhyCommand::Inputs> WhyCommand::readAdFiles(const Options &options)
{
    Inputs inputs;
    auto job = readAd(options.jobAdFile);
    if (!job)
        return job.error();
    inputs.job = job.value();
    const auto id
            = Core::ClassAdEvaluator(&inputs.job).evaluateAttribute(QStringLiteral("BuildId"));
    if (id.type() != Core::ClassAdType::Integer || id.toInteger() != options.buildId) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The job ad %1 is not the ad of build %2.")
                                       .arg(options.jobAdFile)
                                       .arg(options.buildId));
    }
    const QDir dir(options.agentsDir);
    if (!dir.exists()) {
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("The agents directory %1 does not exist.").arg(options.agentsDir));
    }
    const QStringList files = dir.entryList({QStringLiteral("*.ad")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        auto agent = readAd(dir.filePath(file));
        if (!agent)
            return agent.error();
        if (!agent.value().contains(QStringLiteral("Name")))
            agent.value().insertValue(QStringLiteral("Name"),
                                      Core::ClassAdValue::string(QFileInfo(file).baseName()));
        inputs.agents.append(agent.value());
    }
    return inputs;
}

Core::Result<WhyCommand::Inputs> WhyCommand::readStore(Store &store, qint64 buildId)
{
    const auto build = store.build(buildId);
    if (!build)
        return build.error();
    const auto catalog = StoreAds::loadCatalog(store);
    if (!catalog)
        return catalog.error();
    const auto job = StoreAds::jobAd(build.value(), catalog.value());
    if (!job)
        return job.error();
    const auto agents = store.agents();
    if (!agents)
        return agents.error();
    const auto ads = store.machineAds();
    if (!ads)
        return ads.error();
    Inputs inputs;
    inputs.job = job.value();
    for (const Agent &agent : agents.value())
        inputs.agents.append(StoreAds::machineAd(agent, ads.value().value(agent.name)));
    return inputs;
}

int runWhy(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto options = WhyCommand::parseOptions(arguments);
    if (!options) {
        err << "bittern why: " << options.error().message << '\n' << WhyCommand::helpText();
        return int(ExitCode::Usage);
    }
    if (options.value().helpRequested) {
        out << WhyCommand::helpText();
        return int(ExitCode::Success);
    }
    const auto inputs = readInputs(options.value());
    if (!inputs) {
        err << "bittern why: " << inputs.error().message << '\n';
        return int(inputs.error().code == Core::ErrorCode::Internal ? ExitCode::Server
                                                                    : ExitCode::Usage);
    }
    const qint64 now = options.value().currentTime > 0 ? options.value().currentTime
                                                       : QDateTime::currentSecsSinceEpoch();
    out << Explain::format(Explain::analyse(inputs.value().job, inputs.value().agents, now));
    return int(ExitCode::Success);
}

} // namespace Bridge
