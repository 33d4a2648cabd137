// SPDX-License-Identifier: GPL-3.0-or-later
#include <QElapsedTimer>
#include <QtTest>

#include "core/recipereader.h"
#include "tests/testlib/testdata.h"

using namespace Core;

/// Tests Core::RecipeReader: real recipes, positions, entities and hostile input.
class tst_RecipeReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void samples_data();
    void samples();
    void positions();
    void commands();
    void entities();
    void onError_data();
    void onError();
    void preFiveFormat();
    void declaredEncoding();
    void badInput_data();
    void badInput();
    void hugeRecipeFailsFast();
    void totalExpansionBound();

private:
    static QString pos(const SourcePosition &p)
    {
        return QString::number(p.line) + ':' + QString::number(p.column);
    }
};

void tst_RecipeReader::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("commands");
    QTest::addRow("ImagoTrigger") << "ImagoTrigger_FreeAllegiance_deploy.xml" << 12 << 90;
    QTest::addRow("docs example") << "bitten-docs_recipes_example.xml" << 3 << 5;
    QTest::addRow("2005 legacy") << "bitten-own-recipe-2005-legacy.xml" << 4 << 6;
    QTest::addRow("boost rendered") << "boost-bitten-branch_regression_rendered.xml" << 4 << 12;
    QTest::addRow("dybinst entities") << "simoncblyth-env_dybinst.xml" << 12 << 17;
    QTest::addRow("katpoint") << "ska-sa_katpoint.xml" << 6 << 10;
}

void tst_RecipeReader::corpus()
{
    QFETCH(QString, file);
    QFETCH(int, steps);
    QFETCH(int, commands);
    const QByteArray data = TestLib::readFile(TestLib::sharedPath("corpus/recipes/" + file));
    QVERIFY(!data.isEmpty());
    const auto recipe = RecipeReader(file).read(data);
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().toString()));
    QCOMPARE(recipe.value().rootName, QString("build"));
    QCOMPARE(recipe.value().steps.size(), steps);
    int count = 0;
    for (const RecipeStep &step : recipe.value().steps)
        count += step.commands.size();
    QCOMPARE(count, commands);
    QCOMPARE(TestLib::filesIn(TestLib::sharedPath("corpus/recipes"), "*.xml").size(), 6);
}

void tst_RecipeReader::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("firstCommand");
    QTest::addRow("slave test simple") << "recipe_slave_test_simple.xml"
                                       << "sh:exec";
    QTest::addRow("slave test non-UTF-8 output") << "recipe_slave_test_nonutf8.xml"
                                                 << "sh:exec";
    QTest::addRow("master config minimal") << "proto_master_recipe_config_minimal.xml"
                                           << "";
}

void tst_RecipeReader::samples()
{
    QFETCH(QString, file);
    QFETCH(QString, firstCommand);
    const QByteArray data = TestLib::readFile(TestLib::sharedPath("corpus/samples/" + file));
    const auto recipe = RecipeReader(file).read(data);
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().toString()));
    QCOMPARE(recipe.value().steps.size(), 1);
    const auto &commands = recipe.value().steps.first().commands;
    QCOMPARE(commands.isEmpty() ? QString() : commands.first().qualifiedName(), firstCommand);
}

void tst_RecipeReader::positions()
{
    const QByteArray data = "<?xml version=\"1.0\"?>\n"
                            "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\"\n"
                            "       onerror=\"continue\" desc='a > b'>\n"
                            "  <!-- <step id=\"commented\"/> -->\n"
                            "  <step id=\"caf\xc3\xa9\" description=\"x\">"
                            "<sh:exec executable=\"make\"\n"
                            "      args = 'all'/></step>\n"
                            "</build>\n";
    const auto result = RecipeReader().read(data);
    QVERIFY(result);
    const Recipe &recipe = result.value();
    QCOMPARE(pos(recipe.rootPosition), QString("2:1"));
    QCOMPARE(pos(recipe.namespaces.value(0).position), QString("2:8"));
    QCOMPARE(recipe.variables.size(), 2);
    QCOMPARE(pos(recipe.variables.at(0).position), QString("3:8"));
    QCOMPARE(pos(recipe.variables.at(1).position), QString("3:27"));
    QCOMPARE(recipe.variables.at(1).value, QString("a > b"));
    QCOMPARE(recipe.steps.size(), 1);
    const RecipeStep &step = recipe.steps.first();
    QCOMPARE(step.id, QString::fromUtf8("caf\xc3\xa9"));
    QCOMPARE(pos(step.position), QString("5:3"));
    QCOMPARE(pos(step.attributes.at(1).position), QString("5:19"));
    const RecipeCommand &command = step.commands.first();
    QCOMPARE(pos(command.position), QString("5:35"));
    QCOMPARE(pos(command.attributes.at(0).position), QString("5:44"));
    QCOMPARE(pos(command.attributes.at(1).position), QString("6:7"));
}

void tst_RecipeReader::commands()
{
    const QByteArray data = "<build xmlns:sh='http://bitten.cmlenz.net/tools/sh'\n"
                            "       xmlns:ev='http://www.evax.fr/bitten/tools'>\n"
                            " <step id='a'>text<!-- c --><sh:exec file='x' dir_='d'/>\n"
                            "  <ev:lcov/><report category='test' file='r.xml'/>"
                            "<sh:exec><nested/></sh:exec></step>\n"
                            " <other/><!-- only a comment --><step id='b'><!-- c --></step>\n"
                            "</build>";
    const auto result = RecipeReader().read(data);
    QVERIFY(result);
    const Recipe &recipe = result.value();
    QCOMPARE(recipe.topLevelElementCount, 3);
    QCOMPARE(recipe.strayElements.size(), 1);
    QCOMPARE(recipe.strayElements.first().name, QString("other"));
    const auto &commands = recipe.steps.first().commands;
    QCOMPARE(commands.size(), 4);
    QCOMPARE(commands.at(0).id, CommandId::ShExec);
    QCOMPARE(commands.at(0).family, NamespaceFamily::Legacy);
    QCOMPARE(commands.at(0).generator(), QString("http://bitten.cmlenz.net/tools/sh#exec"));
    QCOMPARE(commands.at(0).value("dir"), QString("d"));
    QCOMPARE(commands.at(0).value("file_"), QString("x"));
    QCOMPARE(commands.at(1).id, CommandId::Unknown);
    QCOMPARE(commands.at(1).family, NamespaceFamily::ThirdParty);
    QCOMPARE(commands.at(1).qualifiedName(), QString("ev:lcov"));
    QCOMPARE(commands.at(2).id, CommandId::Report);
    QCOMPARE(commands.at(2).generator(), QString("report"));
    QVERIFY(commands.at(3).hasNestedContent);
    QCOMPARE(commands.at(3).children.size(), 1);
    QCOMPARE(recipe.steps.first().commentCount, 1);
    QCOMPARE(recipe.steps.at(1).commands.size(), 0);
    QCOMPARE(recipe.steps.at(1).commentCount, 1);
    QVERIFY(!recipe.isPreFiveFormat);
}

void tst_RecipeReader::entities()
{
    const QByteArray data
            = TestLib::readFile(TestLib::sharedPath("corpus/recipes/simoncblyth-env_dybinst.xml"));
    const auto result = RecipeReader().read(data);
    QVERIFY(result);
    QVERIFY(result.value().hasDoctype);
    const RecipeCommand &exec = result.value().steps.first().commands.first();
    QCOMPARE(exec.value("args").left(64),
             QString(" -c \"   export NUWA_LOGURL=${slv.logurl} ; export BUILD_NUMBER=$"));
    QVERIFY(exec.value("args").contains(" unset SITEROOT ; "));
    QCOMPARE(pos(exec.position), QString("24:5"));
}

void tst_RecipeReader::onError_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<OnError>("build");
    QTest::addColumn<OnError>("step");
    QTest::addRow("defaults to fail")
            << QByteArray("<build><step id='a'/></build>") << OnError::Fail << OnError::Fail;
    QTest::addRow("step inherits build")
            << QByteArray("<build onerror='ignore'><step id='a'/></build>") << OnError::Ignore
            << OnError::Ignore;
    QTest::addRow("step overrides build")
            << QByteArray("<build onerror='ignore'><step id='a' onerror='continue'/></build>")
            << OnError::Ignore << OnError::Continue;
    QTest::addRow("invalid step value")
            << QByteArray("<build><step id='a' onerror='stop'/></build>") << OnError::Fail
            << OnError::Invalid;
    QTest::addRow("empty value is invalid")
            << QByteArray("<build onerror=''><step id='a'/></build>") << OnError::Invalid
            << OnError::Invalid;
}

void tst_RecipeReader::onError()
{
    QFETCH(QByteArray, data);
    QFETCH(OnError, build);
    QFETCH(OnError, step);
    const auto result = RecipeReader().read(data);
    QVERIFY(result);
    QCOMPARE(result.value().onError, build);
    QCOMPARE(result.value().steps.first().onError, step);
}

void tst_RecipeReader::preFiveFormat()
{
    const QByteArray data = TestLib::readFile(
            TestLib::sharedPath("corpus/recipes/bitten-own-recipe-2005-legacy.xml"));
    const auto result = RecipeReader().read(data);
    QVERIFY(result);
    QVERIFY(result.value().isPreFiveFormat);
    const RecipeCommand &reports = result.value().steps.at(1).commands.at(1);
    QCOMPARE(reports.localName, QString("reports"));
    QCOMPARE(reports.children.size(), 2);
    QCOMPARE(reports.children.at(1).family, NamespaceFamily::PreFive);
    QCOMPARE(reports.children.at(1).localName, QString("trace"));
}

void tst_RecipeReader::declaredEncoding()
{
    const QString utf16
            = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<build><step id=\"caf\u00e9\">"
              "<attach file=\"f\"/></step></build>";
    QByteArray bytes("\xFF\xFE");
    bytes.append(reinterpret_cast<const char *>(utf16.utf16()), utf16.size() * 2);
    const auto fromUtf16 = RecipeReader().read(bytes);
    QVERIFY2(fromUtf16, qPrintable(fromUtf16 ? QString() : fromUtf16.error().toString()));
    QCOMPARE(fromUtf16.value().steps.first().id, QString::fromUtf8("caf\xc3\xa9"));

    const QByteArray data = "<?xml version='1.0' encoding='ISO-8859-1'?>\n"
                            "<build><step id='caf\xe9'><report category='t' file='f'/></step>"
                            "</build>";
    const auto result = RecipeReader().read(data);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result.value().steps.first().id, QString::fromUtf8("caf\xc3\xa9"));
}

void tst_RecipeReader::badInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("expected");
    QTest::addRow("malformed XML")
            << QByteArray("<build>\n  <step id=\"a\">\n</build>\n") << ErrorCode::ParseFailed
            << "3:9: Recipe bad.xml is not well-formed XML: Opening and ending tag mismatch.";
    QTest::addRow("empty input") << QByteArray() << ErrorCode::ParseFailed
                                 << "1:1: Recipe bad.xml is not well-formed XML: Premature end "
                                    "of document.";
    QTest::addRow("non-UTF-8 without declaration")
            << QByteArray("<build>\n  <step id=\"caf\xe9\"/>\n</build>") << ErrorCode::ParseFailed
            << "2:16: Recipe bad.xml is not valid UTF-8 (byte 0xE9) and has no XML declaration "
               "naming another encoding.";
    QTest::addRow("non-UTF-8 declared as UTF-8")
            << QByteArray("<?xml version='1.0' encoding='utf-8'?>\n<build>\xff</build>")
            << ErrorCode::ParseFailed
            << "2:8: Recipe bad.xml is not valid UTF-8 (byte 0xFF), the encoding its XML "
               "declaration names.";
    QTest::addRow("non-ASCII declared as US-ASCII")
            << QByteArray("<?xml version='1.0' encoding='US-ASCII'?>\n<build a='caf\xe9'/>")
            << ErrorCode::ParseFailed
            << "2:14: Recipe bad.xml is not valid US-ASCII (byte 0xE9), the encoding its XML "
               "declaration names.";
    QTest::addRow("unknown declared encoding")
            << QByteArray("<?xml version='1.0' encoding='x-klingon'?>\n<build/>")
            << ErrorCode::ParseFailed
            << "1:1: Recipe bad.xml declares the encoding \"x-klingon\", which Bittern does not "
               "know.";
    QTest::addRow("NUL byte")
            << QByteArray("<build>\n <step id=\"a\0\"/></build>", 31) << ErrorCode::ParseFailed
            << "2:13: Recipe bad.xml contains a NUL character, which XML does not allow.";
    QTest::addRow("billion laughs")
            << TestLib::readFile(TestLib::testDataPath("recipes/billion-laughs.xml"))
            << ErrorCode::LimitExceeded
            << "14:17: Recipe bad.xml has an entity that expands to more than 65536 characters; "
               "Bittern stops there (a possible entity bomb).";
    QTest::addRow("external entity in content")
            << QByteArray("<!DOCTYPE build [\n<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n]>\n"
                          "<build><step id=\"a\">\n   &ext;</step></build>")
            << ErrorCode::Unsupported
            << "5:4: Recipe bad.xml refers to the external entity \"ext\" (SYSTEM "
               "\"file:///etc/passwd\"); Bittern never fetches external entities.";
    QTest::addRow("external entity in attribute")
            << QByteArray("<!DOCTYPE build [<!ENTITY ext PUBLIC \"-//x\" \"http://x/y\">]>\n"
                          "<build><step id=\"&ext;\"/></build>")
            << ErrorCode::Unsupported
            << "2:18: Recipe bad.xml refers to the external entity \"ext\" (PUBLIC "
               "\"-//x\" \"http://x/y\"); Bittern never fetches external entities.";
    QTest::addRow("undeclared entity")
            << QByteArray("<build><step id=\"&nope;\"/></build>") << ErrorCode::ParseFailed
            << "1:24: Recipe bad.xml is not well-formed XML: Entity 'nope' not declared.";
}

void tst_RecipeReader::badInput()
{
    QFETCH(QByteArray, data);
    QFETCH(ErrorCode, code);
    QFETCH(QString, expected);
    const auto result = RecipeReader("bad.xml").read(data);
    QVERIFY(!result);
    QCOMPARE(result.error().toString(), expected);
    QCOMPARE(result.error().code, code);
}

void tst_RecipeReader::hugeRecipeFailsFast()
{
    QByteArray data
            = "<build><step id=\"a\"><sh:exec xmlns:sh=\"http://bitten.edgewall.org/tools/sh\" "
              "args=\"";
    data.append(QByteArray(100 * 1024 * 1024, 'x'));
    data.append("\"/></step></build>");
    QElapsedTimer timer;
    timer.start();
    const auto result = RecipeReader("big.xml").read(data);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(result.error().toString(),
             QString("1:1: Recipe big.xml is %1 bytes long, more than the limit of 67108864 bytes.")
                     .arg(data.size()));
    RecipeReader small("small.xml");
    small.setMaxSize(10);
    QCOMPARE(small.read("<build><step id='a'/></build>").error().message,
             QString("Recipe small.xml is 29 bytes long, more than the limit of 10 bytes."));
}

void tst_RecipeReader::totalExpansionBound()
{
    const QByteArray data = "<!DOCTYPE build [<!ENTITY e \"0123456789\">]>\n"
                            "<build a=\"&e;&e;&e;&e;&e;\" b=\"&e;&e;&e;&e;&e;&e;\"/>";
    RecipeReader reader("bomb.xml");
    reader.setMaxExpandedSize(100);
    const auto result = reader.read(data);
    QVERIFY(!result);
    QCOMPARE(result.error().toString(),
             QString("2:52: Recipe bomb.xml expands to more than 100 characters of text and "
                     "attribute values; Bittern stops there (a possible entity bomb)."));
    reader.setMaxExpandedSize(110);
    QVERIFY(reader.read(data));
}

QTEST_GUILESS_MAIN(tst_RecipeReader)
#include "tst_recipereader.moc"
