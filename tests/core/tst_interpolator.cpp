// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/interpolator.h"

using namespace Core;

/// Tests Core::Interpolator against the two passes of bitten-spec §2.2. The expected values
/// were produced with Python's re.sub (ASCII \w) and string.Template.safe_substitute.
class tst_Interpolator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interpolate_data();
    void interpolate();
    void passesSeparately();
    void emptyContext();
    void unresolvedReferences_data();
    void unresolvedReferences();
};

static Interpolator::Context sampleContext()
{
    Interpolator::Context context;
    context.properties = {{"os", "Linux"},
                          {"family", "posix"},
                          {"version", "6.1.0"},
                          {"machine", "x86_64"},
                          {"processor", ""},
                          {"python.path", "/usr/bin/python3"},
                          {"repository.branch", "trunk"},
                          {"config", "fromProperties"}};
    context.buildVariables = {{"config", "trunk-build"},     {"build", "42"},
                              {"revision", "1007"},          {"path", "trunk"},
                              {"version", "recipe-version"}, {"name", "slave1"},
                              {"basedir", "/tmp/b"},         {"x", "single"},
                              {"python.path", "shadowed"},   {"msg", "$HOME"}};
    context.environment
            = {{"HOME", "/home/u"}, {"PATH", "/bin"}, {"USER", "u"}, {"EMPTY", ""}, {"X", "ex"}};
    return context;
}

void tst_Interpolator::interpolate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain text is unchanged") << "make all"
                                             << "make all";
    QTest::addRow("build variable") << "${config}"
                                    << "trunk-build";
    QTest::addRow("slave property wins over build variable") << "${version}"
                                                             << "6.1.0";
    QTest::addRow("dotted package option wins over build variable") << "${python.path}"
                                                                    << "/usr/bin/python3";
    QTest::addRow("dotted package option") << "checkout ${repository.branch}"
                                           << "checkout trunk";
    QTest::addRow("empty platform property") << "[${processor}]"
                                             << "[]";
    QTest::addRow("undotted non-platform property is ignored") << "${config}-x"
                                                               << "trunk-build-x";
    QTest::addRow("name comes only from build variables") << "${name}"
                                                          << "slave1";
    QTest::addRow("basedir build variable") << "${basedir}/x"
                                            << "/tmp/b/x";
    QTest::addRow("unknown reference stays") << "${unknown}"
                                             << "${unknown}";
    QTest::addRow("unknown dotted reference stays") << "${nosuch.opt}"
                                                    << "${nosuch.opt}";
    QTest::addRow("default used for unknown reference") << "${unknown:dflt}"
                                                        << "dflt";
    QTest::addRow("default ignored for known reference") << "${config:dflt}"
                                                         << "trunk-build";
    QTest::addRow("default may contain colons") << "${a.b:c:d}"
                                                << "c:d";
    QTest::addRow("single-character reference not matched by pass 1") << "${x}"
                                                                      << "${x}";
    QTest::addRow("greedy default swallows the second reference") << "${ab:x} ${cd:y}"
                                                                  << "x} ${cd:y";
    QTest::addRow("greedy default extends to the last brace") << "${ab:x}}"
                                                              << "x}";
    QTest::addRow("greedy default: known reference swallows the rest") << "${config:x} ${build:y}!"
                                                                       << "trunk-build!";
    QTest::addRow("reference ending in a dot backtracks to no match") << "${a.b.}"
                                                                      << "${a.b.}";
    QTest::addRow("empty default backtracks to no match") << "${ab:}"
                                                          << "${ab:}";
    QTest::addRow("empty default takes a later brace as the end") << "${ab:} x}"
                                                                  << "} x";
    QTest::addRow("default does not cross a newline") << "${ab:c\n}"
                                                      << "${ab:c\n}";
    QTest::addRow("one reference per line with defaults") << "${ab:c}\n${cd:e}"
                                                          << "c\ne";
    QTest::addRow("reference starting with a dot") << "${.ab}"
                                                   << "${.ab}";
    QTest::addRow("reference with a dash") << "${ab-c}"
                                           << "${ab-c}";
    QTest::addRow("adjacent references") << "${os}${family}"
                                         << "Linuxposix";
    QTest::addRow("unterminated reference") << "${config"
                                            << "${config";
    QTest::addRow("non-ASCII word character is not a word character")
            << QString::fromUtf16(u"${\u00e7x}") << QString::fromUtf16(u"${\u00e7x}");
    QTest::addRow("dollar before a reference") << "$${config}"
                                               << "$trunk-build";
    QTest::addRow("env named") << "$HOME/x"
                               << "/home/u/x";
    QTest::addRow("env braced") << "${HOME}"
                                << "/home/u";
    QTest::addRow("env longest identifier") << "$HOMEX"
                                            << "$HOMEX";
    QTest::addRow("env unset named stays") << "$UNSET"
                                           << "$UNSET";
    QTest::addRow("env unset braced stays") << "${UNSET}"
                                            << "${UNSET}";
    QTest::addRow("env empty value") << "a${EMPTY}b"
                                     << "ab";
    QTest::addRow("env in shell fragment") << "echo $PATH"
                                           << "echo /bin";
    QTest::addRow("double dollar escapes") << "$$HOME"
                                           << "$HOME";
    QTest::addRow("lone double dollar") << "$$"
                                        << "$";
    QTest::addRow("triple dollar") << "$$$"
                                   << "$$";
    QTest::addRow("dollar digit stays") << "$1"
                                        << "$1";
    QTest::addRow("dollar question mark stays") << "$?"
                                                << "$?";
    QTest::addRow("braced invalid identifier stays") << "${p/trunk/}"
                                                     << "${p/trunk/}";
    QTest::addRow("braced digit stays") << "${1}"
                                        << "${1}";
    QTest::addRow("lone dollar at end stays") << "cost $"
                                              << "cost $";
    QTest::addRow("dollar space stays") << "$ {config}"
                                        << "$ {config}";
    QTest::addRow("double brace") << "${{config}}"
                                  << "${{config}}";
    QTest::addRow("pass 1 value rescanned by pass 2") << "${msg}"
                                                      << "/home/u";
    QTest::addRow("underscore identifier") << "$_x${X}"
                                           << "$_xex";
    QTest::addRow("default substituted then env expanded") << "${unknown:$USER}"
                                                           << "u";
}

void tst_Interpolator::interpolate()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Interpolator interpolator(sampleContext());
    QCOMPARE(interpolator.interpolate(text), expected);
}

void tst_Interpolator::passesSeparately()
{
    const Interpolator interpolator(sampleContext());
    QCOMPARE(interpolator.substituteReferences("${msg} $HOME"), QString("$HOME $HOME"));
    QCOMPARE(interpolator.substituteEnvironment("${config} $HOME"), QString("${config} /home/u"));
    const QString real = " -c \" export BUILD_NUMBER=${build} ; ./dybinst -z ${revision} "
                         "${nuwa.release} checkout \" ";
    QCOMPARE(interpolator.interpolate(real),
             QString(" -c \" export BUILD_NUMBER=42 ; ./dybinst -z 1007 ${nuwa.release} "
                     "checkout \" "));
}

void tst_Interpolator::emptyContext()
{
    const Interpolator interpolator;
    QCOMPARE(interpolator.interpolate("build_${config}_${build}"),
             QString("build_${config}_${build}"));
    QCOMPARE(interpolator.interpolate("$$"), QString("$"));
    QCOMPARE(interpolator.interpolate(QString()), QString());
}

void tst_Interpolator::unresolvedReferences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::addRow("none") << "make all" << QStringList();
    QTest::addRow("unset slave option") << "-u ${slv.username} x" << QStringList{"slv.username"};
    QTest::addRow("property, build variable and default resolve")
            << "${python.path} ${build} ${nope.nope:fallback}" << QStringList();
    QTest::addRow("environment resolves an identifier")
            << "${HOME_UNSET} ${USER}" << QStringList{"HOME_UNSET"};
    QTest::addRow("each name once, in order")
            << "${b.b} ${a.a} ${b.b}" << QStringList{"b.b", "a.a"};
    QTest::addRow("one character is no reference") << "${q}" << QStringList();
}

void tst_Interpolator::unresolvedReferences()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QCOMPARE(Interpolator(sampleContext()).unresolvedReferences(text), names);
}

QTEST_GUILESS_MAIN(tst_Interpolator)
#include "tst_interpolator.moc"
