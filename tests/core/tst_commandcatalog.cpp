// SPDX-License-Identifier: GPL-3.0-or-later
#include <QMetaEnum>
#include <QSet>
#include <QtTest>

#include "core/commandcatalog.h"

using namespace Core;

/// Tests Core::CommandCatalog: the table of built-in Bitten commands (bitten-spec §1.5, §1.7, §4).
class tst_CommandCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parameterName_data();
    void parameterName();
    void everyCommandOnce();
    void find_data();
    void find();
    void family_data();
    void family();
    void attributeSpellings_data();
    void attributeSpellings();
    void documentedAttributes_data();
    void documentedAttributes();
};

void tst_CommandCatalog::parameterName_data()
{
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("parameter");
    QTest::addRow("builtin file") << "file"
                                  << "file_";
    QTest::addRow("builtin dir") << "dir"
                                 << "dir_";
    QTest::addRow("builtin input") << "input"
                                   << "input_";
    QTest::addRow("keyword with") << "with"
                                  << "with_";
    QTest::addRow("builtin filter") << "filter"
                                    << "filter_";
    QTest::addRow("keyword exec") << "exec"
                                  << "exec_";
    QTest::addRow("first builtin in sort order") << "ArithmeticError"
                                                 << "ArithmeticError_";
    QTest::addRow("last builtin in sort order") << "zip"
                                                << "zip_";
    QTest::addRow("dash becomes underscore") << "keep-going"
                                             << "keep_going";
    QTest::addRow("underscore spelling kept") << "keep_going"
                                              << "keep_going";
    QTest::addRow("escaped spelling is not escaped again") << "dir_"
                                                           << "dir_";
    QTest::addRow("ordinary name") << "executable"
                                   << "executable";
    QTest::addRow("dashes everywhere") << "prepend-include"
                                       << "prepend_include";
}

void tst_CommandCatalog::parameterName()
{
    QFETCH(QString, attribute);
    QFETCH(QString, parameter);
    QCOMPARE(CommandCatalog::parameterName(attribute), parameter);
}

void tst_CommandCatalog::everyCommandOnce()
{
    const QMetaEnum ids = QMetaEnum::fromType<CommandId>();
    QSet<int> seen;
    for (const CommandSpec &spec : CommandCatalog::commands()) {
        QVERIFY2(!seen.contains(int(spec.id)), ids.valueToKey(int(spec.id)));
        seen.insert(int(spec.id));
        QVERIFY2(!spec.summary.isEmpty(), qPrintable(spec.localName));
        for (const AttributeSpec &attr : spec.attributes)
            QVERIFY2(!attr.summary.isEmpty(), qPrintable(spec.localName + ' ' + attr.name));
        QCOMPARE(CommandCatalog::spec(spec.id).localName, spec.localName);
    }
    QCOMPARE(seen.size(), ids.keyCount() - 1); // all but Unknown
    QCOMPARE(CommandCatalog::commands().size(), 30);
}

void tst_CommandCatalog::find_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("local");
    QTest::addColumn<CommandId>("id");
    QTest::addRow("report") << ""
                            << "report" << CommandId::Report;
    QTest::addRow("attach") << ""
                            << "attach" << CommandId::Attach;
    QTest::addRow("reports wrapper is not a command") << ""
                                                      << "reports" << CommandId::Unknown;
    QTest::addRow("current sh:exec") << "http://bitten.edgewall.org/tools/sh"
                                     << "exec" << CommandId::ShExec;
    QTest::addRow("legacy sh:pipe") << "http://bitten.cmlenz.net/tools/sh"
                                    << "pipe" << CommandId::ShPipe;
    QTest::addRow("undocumented c:cunit") << "http://bitten.edgewall.org/tools/c"
                                          << "cunit" << CommandId::CCunit;
    QTest::addRow("x namespace is tools/xml") << "http://bitten.edgewall.org/tools/xml"
                                              << "transform" << CommandId::XmlTransform;
    QTest::addRow("legacy hg:pull") << "http://bitten.cmlenz.net/tools/hg"
                                    << "pull" << CommandId::HgPull;
    QTest::addRow("trunk php:phpcs") << "http://bitten.edgewall.org/tools/php"
                                     << "phpcs" << CommandId::PhpPhpcs;
    QTest::addRow("typo") << "http://bitten.edgewall.org/tools/sh"
                          << "exce" << CommandId::Unknown;
    QTest::addRow("no git namespace") << "http://bitten.edgewall.org/tools/git"
                                      << "clone" << CommandId::Unknown;
    QTest::addRow("pre-0.5 namespace is not run by 0.6") << "bitten:bitten.build.pythontools"
                                                         << "distutils" << CommandId::Unknown;
    QTest::addRow("wrong namespace for command") << "http://bitten.edgewall.org/tools/c"
                                                 << "exec" << CommandId::Unknown;
}

void tst_CommandCatalog::find()
{
    QFETCH(QString, uri);
    QFETCH(QString, local);
    QFETCH(CommandId, id);
    const CommandSpec *spec = CommandCatalog::find(uri, local);
    QCOMPARE(spec ? spec->id : CommandId::Unknown, id);
}

void tst_CommandCatalog::family_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<NamespaceFamily>("family");
    QTest::addColumn<QString>("prefix");
    QTest::addRow("none") << "" << NamespaceFamily::None << "";
    QTest::addRow("current") << "http://bitten.edgewall.org/tools/python"
                             << NamespaceFamily::Current << "python";
    QTest::addRow("legacy") << "http://bitten.cmlenz.net/tools/xml" << NamespaceFamily::Legacy
                            << "x";
    QTest::addRow("pre-0.5") << "bitten:bitten.build.ctools" << NamespaceFamily::PreFive << "c";
    QTest::addRow("pre-0.5 unknown module")
            << "bitten:bitten.build.foo" << NamespaceFamily::PreFive << "";
    QTest::addRow("third party") << "http://www.evax.fr/bitten/tools" << NamespaceFamily::ThirdParty
                                 << "";
    QTest::addRow("unknown tool under edgewall")
            << "http://bitten.edgewall.org/tools/git" << NamespaceFamily::ThirdParty << "";
}

void tst_CommandCatalog::family()
{
    QFETCH(QString, uri);
    QFETCH(NamespaceFamily, family);
    QFETCH(QString, prefix);
    QCOMPARE(CommandCatalog::family(uri), family);
    QCOMPARE(CommandCatalog::namespaceName(uri), prefix);
    if (!prefix.isEmpty()) {
        QCOMPARE(CommandCatalog::family(CommandCatalog::currentUri(prefix)),
                 NamespaceFamily::Current);
        QCOMPARE(CommandCatalog::family(CommandCatalog::legacyUri(prefix)),
                 NamespaceFamily::Legacy);
    }
}

void tst_CommandCatalog::attributeSpellings_data()
{
    QTest::addColumn<CommandId>("id");
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("documented");
    QTest::addRow("dir_ means dir") << CommandId::SvnCheckout << "dir_"
                                    << "dir";
    QTest::addRow("keep_going means keep-going") << CommandId::CMake << "keep_going"
                                                 << "keep-going";
    QTest::addRow("keep-going means keep_going") << CommandId::JavaAnt << "keep-going"
                                                 << "keep_going";
    QTest::addRow("file_ means file") << CommandId::ShExec << "file_"
                                      << "file";
    QTest::addRow("with_ means with") << CommandId::CConfigure << "with_"
                                      << "with";
    QTest::addRow("prepend-include") << CommandId::CAutoreconf << "prepend-include"
                                     << "prepend_include";
    QTest::addRow("no timeout on sh:pipe") << CommandId::ShPipe << "timeout"
                                           << "";
    QTest::addRow("no url on svn:update") << CommandId::SvnUpdate << "url"
                                          << "";
}

void tst_CommandCatalog::attributeSpellings()
{
    QFETCH(CommandId, id);
    QFETCH(QString, written);
    QFETCH(QString, documented);
    const AttributeSpec *attr = CommandCatalog::spec(id).attribute(written);
    QCOMPARE(attr ? attr->name : QString(), documented);
}

void tst_CommandCatalog::documentedAttributes_data()
{
    QTest::addColumn<CommandId>("id");
    QTest::addColumn<QString>("required");
    QTest::addColumn<QString>("optional");
    QTest::addColumn<QString>("oneOf");
    QTest::addRow("report") << CommandId::Report << "category file"
                            << ""
                            << "";
    QTest::addRow("attach") << CommandId::Attach << "file"
                            << "description resource"
                            << "";
    QTest::addRow("sh:exec") << CommandId::ShExec << ""
                             << "executable file args output dir timeout"
                             << "executable file";
    QTest::addRow("sh:pipe") << CommandId::ShPipe << "input"
                             << "executable file output args dir"
                             << "executable file";
    QTest::addRow("c:make") << CommandId::CMake << ""
                            << "target file keep-going directory jobs args"
                            << "";
    QTest::addRow("python:exec") << CommandId::PythonExec << ""
                                 << "file module function args output timeout"
                                 << "file module";
    QTest::addRow("python:trace") << CommandId::PythonTrace << "summary coverdir"
                                  << "include exclude"
                                  << "";
    QTest::addRow("svn:checkout") << CommandId::SvnCheckout << "url"
                                  << "path revision dir verbose shared_path username password "
                                     "no_auth_cache"
                                  << "";
    QTest::addRow("x:transform") << CommandId::XmlTransform << "src dest stylesheet"
                                 << ""
                                 << "";
}

void tst_CommandCatalog::documentedAttributes()
{
    QFETCH(CommandId, id);
    QFETCH(QString, required);
    QFETCH(QString, optional);
    QFETCH(QString, oneOf);
    QStringList req;
    QStringList opt;
    for (const AttributeSpec &attr : CommandCatalog::spec(id).attributes)
        (attr.use == AttributeUse::Required ? req : opt).append(attr.name);
    QCOMPARE(req.join(' '), required);
    QCOMPARE(opt.join(' '), optional);
    QCOMPARE(CommandCatalog::spec(id).requireOneOf.join(' '), oneOf);
    QCOMPARE(CommandCatalog::spec(CommandId::CMake).attribute("target")->defaultValue,
             QString("all"));
    QCOMPARE(CommandCatalog::spec(CommandId::Attach).attribute("resource")->defaultValue,
             QString("build"));
}

QTEST_GUILESS_MAIN(tst_CommandCatalog)
#include "tst_commandcatalog.moc"
