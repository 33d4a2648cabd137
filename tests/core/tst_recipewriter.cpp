// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/recipereader.h"
#include "core/recipevalidator.h"
#include "core/recipewriter.h"
#include "tests/testlib/testdata.h"

using namespace Core;

/// Tests Core::RecipeWriter: the normalised recipe and the master's served form (§5.4).
class tst_RecipeWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masterForm_data();
    void masterForm();
    void masterFormSample();
    void masterFormError();
    void normalized();
    void normalizedPreFive();
    void roundTrip_data();
    void roundTrip();

private:
    static QMap<QString, QString> testBuild();
};

QMap<QString, QString> tst_RecipeWriter::testBuild()
{
    return {{"build", "1"},   {"config", "test"},       {"form_token", "12345"},
            {"name", "hal"},  {"path", "somepath"},     {"platform", "Unix"},
            {"reponame", ""}, {"repopath", "somepath"}, {"revision", "123"}};
}

void tst_RecipeWriter::masterForm_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("master test: config minimal")
            << TestLib::readFile(
                       TestLib::sharedPath("corpus/samples/proto_master_recipe_config_minimal.xml"))
            << QByteArray("<build build=\"1\" config=\"test\" form_token=\"12345\" name=\"hal\" "
                          "path=\"somepath\" platform=\"Unix\" reponame=\"\" repopath=\"somepath\" "
                          "revision=\"123\">\n  <step id=\"foo\">\n  </step>\n</build>");
    QTest::addRow("prolog dropped, entities expanded, attributes sorted, comments kept")
            << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE build [<!ENTITY e \"E1\">]>\n"
                          "<!-- before -->\n<build xmlns:sh=\"u\" onerror=\"continue\" "
                          "revision=\"old\" b=\"2\" a='1 &e; \"q\" &amp; &lt;'>\n  <!-- c -->\n"
                          "  <step id=\"x\"><sh:exec args=\"&gt;x\" executable='e'/>&e; "
                          "<![CDATA[<raw>]]></step>\n</build>\n<!-- after -->\n")
            << QByteArray("<build a=\"1 E1 &quot;q&quot; &amp; &lt;\" b=\"2\" build=\"1\" "
                          "config=\"test\" form_token=\"12345\" name=\"hal\" onerror=\"continue\" "
                          "path=\"somepath\" platform=\"Unix\" reponame=\"\" repopath=\"somepath\" "
                          "revision=\"123\" xmlns:sh=\"u\">\n  <!-- c -->\n  <step id=\"x\">"
                          "<sh:exec args=\"&gt;x\" executable=\"e\"/>E1 <![CDATA[<raw>]]></step>\n"
                          "</build>");
}

void tst_RecipeWriter::masterForm()
{
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, expected);
    const auto served = RecipeWriter::masterForm(source, testBuild());
    QVERIFY2(served, qPrintable(served ? QString() : served.error().toString()));
    QCOMPARE(served.value(), expected);
}

void tst_RecipeWriter::masterFormSample()
{
    const QByteArray expected = TestLib::readFile(
            TestLib::sharedPath("corpus/samples/proto_master_recipe_response_body.xml"));
    const auto served = RecipeWriter::masterForm("<build><step id=\"s1\"/></build>", testBuild());
    QVERIFY(served);
    QCOMPARE(served.value(), expected.trimmed());
}

void tst_RecipeWriter::masterFormError()
{
    const auto served
            = RecipeWriter::masterForm("<build><step></build>", {}, RecipeReader("r.xml"));
    QVERIFY(!served);
    QCOMPARE(served.error().toString(),
             QString("1:22: Recipe r.xml is not well-formed XML: Opening and ending tag "
                     "mismatch."));
}

void tst_RecipeWriter::normalized()
{
    const QByteArray source
            = "<!DOCTYPE build [<!ENTITY v \"1.0\">]>\n"
              "<build xmlns:s='http://bitten.cmlenz.net/tools/svn'\n"
              "       xmlns:c='http://bitten.edgewall.org/tools/c' onerror='continue' v='&v;'>\n"
              "<!-- gone -->\n<step id='a' onerror='ignore'><s:checkout url='u' dir_='d'/>"
              "<c:make keep_going='1'/>\n<report category='test' file='f'/>"
              "<ev:x xmlns:ev='urn:ev' y='z'/></step></build>";
    const auto recipe = RecipeReader().read(source);
    QVERIFY(recipe);
    QCOMPARE(RecipeWriter::normalized(recipe.value()),
             QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<build xmlns:svn=\"http://bitten.edgewall.org/tools/svn\" "
                        "xmlns:c=\"http://bitten.edgewall.org/tools/c\" xmlns:ev=\"urn:ev\" "
                        "onerror=\"continue\" v=\"1.0\">\n"
                        "  <step id=\"a\" onerror=\"ignore\">\n"
                        "    <svn:checkout url=\"u\" dir=\"d\"/>\n"
                        "    <c:make keep-going=\"1\"/>\n"
                        "    <report category=\"test\" file=\"f\"/>\n"
                        "    <ev:x y=\"z\"/>\n"
                        "  </step>\n"
                        "</build>\n"));
}

void tst_RecipeWriter::normalizedPreFive()
{
    const QByteArray source = TestLib::readFile(
            TestLib::sharedPath("corpus/recipes/bitten-own-recipe-2005-legacy.xml"));
    const auto old = RecipeReader().read(source);
    QVERIFY(old);
    const QByteArray modern = RecipeWriter::normalized(old.value());
    QVERIFY(modern.contains("xmlns:python=\"http://bitten.edgewall.org/tools/python\""));
    QVERIFY(!modern.contains("reports"));
    const auto recipe = RecipeReader().read(modern);
    QVERIFY(recipe);
    QVERIFY(!recipe.value().isPreFiveFormat);
    QCOMPARE(recipe.value().steps.at(1).commands.size(), 3);
    QCOMPARE(RecipeValidator::validate(recipe.value()).size(), 0);
}

void tst_RecipeWriter::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : TestLib::filesIn(TestLib::sharedPath("corpus/recipes"), "*.xml"))
        QTest::addRow("%s", qPrintable(file)) << file;
}

void tst_RecipeWriter::roundTrip()
{
    QFETCH(QString, file);
    const auto first
            = RecipeReader().read(TestLib::readFile(TestLib::sharedPath("corpus/recipes/" + file)));
    QVERIFY(first);
    const QByteArray once = RecipeWriter::normalized(first.value());
    const auto second = RecipeReader().read(once);
    QVERIFY(second);
    QCOMPARE(RecipeWriter::normalized(second.value()), once);
    QCOMPARE(second.value().steps.size(), first.value().steps.size());
    for (const Diagnostic &d : RecipeValidator::validate(second.value()))
        QVERIFY2(d.severity != Severity::Error, qPrintable(d.message));
    const auto served = RecipeWriter::masterForm(once, {{"revision", "7"}});
    QVERIFY(served);
    QVERIFY(served.value().startsWith("<build "));
}

QTEST_GUILESS_MAIN(tst_RecipeWriter)
#include "tst_recipewriter.moc"
