// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bridge/webtestseed.h"

#include <QTest>

using namespace Bridge;

namespace WebTestSeed {

namespace {

Core::ReportItem item(std::initializer_list<QPair<QString, QString>> fields)
{
    return Core::ReportItem::of(fields);
}

ImportedBuild firstBuild()
{
    ImportedBuild b;
    b.source = "test";
    b.originalId = 1;
    b.build = Build{0, "alpha", "1", 100, 1, "agent-1", 110, 170, 170, BuildStatus::Success};
    b.slave.name = "agent-1";
    b.slave.properties = {{"os", "Linux"}, {"version", "6.1"}, {"machine", "x86_64"}};
    b.steps = {BuildStep{0, "compile", "", StepStatus::Success, 110, 140},
               BuildStep{0, "test", "", StepStatus::Success, 140, 170}};
    b.logs = {ImportedBuild::Log{LogRecord{0, 0, "compile", "sh:exec", 0, 0},
                                 {{"info", "make all"}, {"info", "done"}}}};
    b.reports = {ReportRecord{0,
                              0,
                              "test",
                              "test",
                              "python:unittest",
                              {item({{"type", "test"},
                                     {"fixture", "core.Parser"},
                                     {"name", "a"},
                                     {"status", "success"}}),
                               item({{"type", "test"},
                                     {"fixture", "core.Parser"},
                                     {"name", "b"},
                                     {"status", "success"}}),
                               item({{"type", "test"},
                                     {"fixture", "net.Client"},
                                     {"name", "c"},
                                     {"status", "success"}}),
                               item({{"type", "test"},
                                     {"fixture", "net.Client"},
                                     {"name", "d"},
                                     {"status", "failure"}})}},
                 ReportRecord{0,
                              0,
                              "test",
                              "coverage",
                              "python:coverage",
                              {item({{"type", "coverage"},
                                     {"name", "parser"},
                                     {"file", "parser.py"},
                                     {"percentage", "80"},
                                     {"lines", "100"}}),
                               item({{"type", "coverage"},
                                     {"name", "client"},
                                     {"file", "client.py"},
                                     {"percentage", "40"},
                                     {"lines", "100"}})}},
                 ReportRecord{0,
                              0,
                              "test",
                              "lint",
                              "python:pylint",
                              {item({{"type", "problem"},
                                     {"file", "parser.py"},
                                     {"line", "3"},
                                     {"category", "warning"},
                                     {"msg", "unused"}}),
                               item({{"type", "problem"},
                                     {"file", "parser.py"},
                                     {"line", "9"},
                                     {"category", "convention"},
                                     {"msg", "name"}}),
                               item({{"type", "problem"},
                                     {"file", "client.py"},
                                     {"line", "1"},
                                     {"category", "error"},
                                     {"msg", "import"}})}}};
    return b;
}

ImportedBuild secondBuild()
{
    ImportedBuild b;
    b.source = "test";
    b.originalId = 2;
    b.build = Build{0, "alpha", "2", 200, 1, "agent-1", 210, 230, 230, BuildStatus::Failure};
    b.slave.name = "agent-1";
    b.steps = {BuildStep{0, "compile", "", StepStatus::Failure, 210, 230}};
    b.errors = {StepError{0, "compile", 0, hostileScript}};
    b.logs = {ImportedBuild::Log{LogRecord{0, 0, "compile", "sh:exec", 0, 0},
                                 {{"info", "line one"},
                                  {"warning", QString::fromLatin1(hostileQuotes)},
                                  {"error", QString::fromLatin1(hostileScript)}}}};
    b.reports = {ReportRecord{0,
                              0,
                              "compile",
                              "test",
                              "",
                              {item({{"type", "test"},
                                     {"fixture", "core.Parser"},
                                     {"name", "a"},
                                     {"status", "success"}}),
                               item({{"type", "test"},
                                     {"fixture", "core.Parser"},
                                     {"name", "b"},
                                     {"status", "error"}})}}};
    return b;
}

ImportedBuild thirdBuild()
{
    ImportedBuild b;
    b.source = "test";
    b.originalId = 3;
    b.build = Build{0, "alpha", "2", 200, 2, "agent-2", 205, 260, 260, BuildStatus::Success};
    b.slave.name = "agent-2";
    b.steps = {BuildStep{0, "compile", "", StepStatus::Success, 205, 260}};
    return b;
}

} // namespace

std::unique_ptr<SqlStore> seededStore()
{
    auto opened = SqlStore::open(":memory:");
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return nullptr;
    }
    std::unique_ptr<SqlStore> store = std::move(opened).value();
    Configuration alpha;
    alpha.name = "alpha";
    alpha.label = QString("Alpha ") + hostileScript;
    alpha.description = QString("Described ") + hostileQuotes;
    alpha.path = "trunk/alpha";
    alpha.active = true;
    alpha.recipe = "<build/>";
    Configuration beta;
    beta.name = "beta";
    beta.label = "Beta";
    beta.path = "trunk/beta";
    bool ok = store->saveConfiguration(alpha) && store->saveConfiguration(beta);
    ok = ok && store->savePlatform(TargetPlatform{0, "alpha", "linux", {{"os", "^Linux"}}});
    ok = ok && store->savePlatform(TargetPlatform{0, "alpha", "mac", {{"os", "^Darwin"}}});
    for (const ImportedBuild &b : {firstBuild(), secondBuild(), thirdBuild()}) {
        const Core::Result<bool> imported = store->importBuild(b);
        ok = ok && imported && imported.value();
    }
    Build pending;
    pending.config = "alpha";
    pending.revision = "3";
    pending.revisionTime = 300;
    pending.platform = 1;
    const Core::Result<qint64> queued = store->enqueueBuild(pending);
    ok = ok && queued && queued.value() == 4;
    ok = ok && store->saveAgent(Agent{"agent-1", {{"os", "Linux"}}, 50, 230, 0});
    if (!ok) {
        qWarning("Seeding the web test store failed.");
        return nullptr;
    }
    return store;
}

} // namespace WebTestSeed
