// SPDX-License-Identifier: GPL-3.0-or-later
// Translates N recipes (default 10,000) to Jenkins and to Buildbot in memory and prints the
// time; with --write DIR it only writes the N recipes there for the end-to-end run of run.sh.
// Seeds: every tests/data/translator/<case>/recipe.xml and the shared corpus recipes, cycled,
// each copy with its own configuration name and platforms.
#include <algorithm>
#include <ctime>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include "recipe-translator/translation.h"

namespace {

QVector<QByteArray> seeds(const QString &source, const QString &shared)
{
    QVector<QByteArray> out;
    QStringList files;
    const QDir cases(source + QStringLiteral("/tests/data/translator"));
    for (const QString &dir : cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        files += cases.filePath(dir + QStringLiteral("/recipe.xml"));
    const QDir corpus(shared + QStringLiteral("/corpus/recipes"));
    for (const QString &file : corpus.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name))
        files += corpus.filePath(file);
    for (const QString &path : qAsConst(files)) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            out += file.readAll();
    }
    return out;
}

QVector<Translator::Configuration> configurations(const QVector<QByteArray> &seeds, int count)
{
    QVector<Translator::Configuration> out;
    for (int i = 0; i < count; ++i) {
        Translator::Configuration c;
        c.name = QStringLiteral("config-%1").arg(i);
        c.path = QStringLiteral("trunk/project-%1").arg(i);
        c.source = c.name + QStringLiteral(".xml");
        c.recipe = seeds.at(i % seeds.size());
        c.platforms
                = {{QStringLiteral("linux"), {{QStringLiteral("os"), QStringLiteral("^Linux$")}}},
                   {QStringLiteral("mac"),
                    {{QStringLiteral("version"), QStringLiteral("^1[0-9]\\.")}}}};
        out += c;
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.contains(QStringLiteral("-n"))
            ? args.value(args.indexOf(QStringLiteral("-n")) + 1).toInt()
            : 10000;
    const QString source = QStringLiteral(BITTERN_SOURCE_DIR);
    const QVector<QByteArray> seed = seeds(source, source + QStringLiteral("/../shared"));
    QTextStream out(stdout);
    if (args.contains(QStringLiteral("--write"))) {
        const QDir dir(args.value(args.indexOf(QStringLiteral("--write")) + 1));
        for (int i = 0; i < count; ++i) {
            QFile file(dir.filePath(QStringLiteral("config-%1.xml").arg(i)));
            if (!file.open(QIODevice::WriteOnly))
                return 2;
            file.write(seed.at(i % seed.size()));
        }
        out << "wrote " << count << " recipes from " << seed.size() << " seeds\n";
        return 0;
    }
    const QVector<Translator::Configuration> configs = configurations(seed, count);
    const auto measure = [&](const char *what, bool onePass) {
        QVector<qint64> runs;
        QVector<qint64> cpu;
        qint64 bytes = 0;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            const std::clock_t cpuStart = std::clock();
            bytes = 0;
            for (const Translator::Configuration &c : configs) {
                QVector<Translator::TranslationResult> results;
                if (onePass) {
                    results += Translator::Translation::translate(
                            c, {Translator::Target::Jenkins, Translator::Target::Buildbot},
                            Translator::PlanOptions());
                } else {
                    for (const Translator::Target target :
                         {Translator::Target::Jenkins, Translator::Target::Buildbot})
                        results += Translator::Translation::translate(c, target,
                                                                      Translator::PlanOptions());
                }
                for (const Translator::TranslationResult &result : qAsConst(results)) {
                    for (const Translator::OutputFile &file : result.files)
                        bytes += file.content.size();
                }
            }
            runs += timer.elapsed();
            cpu += qint64(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC;
        }
        std::sort(runs.begin(), runs.end());
        std::sort(cpu.begin(), cpu.end());
        out << count << " recipes (" << seed.size() << " seeds) to Jenkins + Buildbot, " << what
            << ": median " << runs.at(runs.size() / 2) << " ms of 5 runs (min " << runs.first()
            << ", max " << runs.last() << "), CPU median " << cpu.at(cpu.size() / 2) << " ms, "
            << bytes / 1024 / 1024 << " MiB of output\n";
        out.flush();
    };
    measure("one reading and plan per recipe", true);
    measure("one translation per target", false);
    return 0;
}
