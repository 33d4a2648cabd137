// SPDX-License-Identifier: GPL-3.0-or-later
// RecipeResume and RecipeReader::isSetupStep (issue 8 item 5): the recipe a resumed build is
// served with; setup steps are the recipe-marked ones and those the configuration lists.
#include <QTest>

#include "bridge/protocol/reciperesume.h"
#include "core/recipereader.h"
#include "core/recipewriter.h"

using namespace Bridge;

namespace {

const char recipeXml[]
        = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\"\n"
          "       xmlns:bittern=\"https://bittern.dev/recipe\">\n"
          "  <step id=\"checkout\" bittern:setup=\"true\">\n"
          "    <sh:exec executable=\"true\"/>\n"
          "  </step>\n"
          "  <step id=\"deps\" setup=\"yes\"><sh:exec executable=\"true\"/></step>\n"
          "  <step id=\"compile\" setup=\"false\"><sh:exec executable=\"true\"/></step>\n"
          "  <step id=\"test\"><sh:exec executable=\"true\"/></step>\n"
          "</build>\n";

QStringList stepIds(const QByteArray &xml)
{
    auto recipe = Core::RecipeReader().read(xml);
    if (!recipe)
        return {"unreadable: " + recipe.error().message};
    QStringList ids;
    for (const Core::RecipeStep &step : recipe.value().steps)
        ids += step.id;
    return ids;
}

} // namespace

class tst_RecipeResume : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setupSteps();
    void resumedRecipe_data();
    void resumedRecipe();
    void keepsTheRestByteForByte();
};

void tst_RecipeResume::setupSteps()
{
    auto recipe = Core::RecipeReader().read(recipeXml);
    QVERIFY(recipe);
    QStringList setup;
    for (const Core::RecipeStep &step : recipe.value().steps) {
        if (Core::RecipeReader::isSetupStep(step))
            setup += step.id;
    }
    QCOMPARE(setup, QStringList({"checkout", "deps"}));
}

void tst_RecipeResume::resumedRecipe_data()
{
    QTest::addColumn<QStringList>("finished");
    QTest::addColumn<QStringList>("configSetupSteps");
    QTest::addColumn<QStringList>("served");
    QTest::addRow("a fresh build gets every step")
            << QStringList() << QStringList()
            << QStringList({"checkout", "deps", "compile", "test"});
    QTest::addRow("setup steps re-run, finished steps are left out")
            << QStringList({"checkout", "deps", "compile"}) << QStringList()
            << QStringList({"checkout", "deps", "test"});
    QTest::addRow("only a setup step finished")
            << QStringList({"checkout"}) << QStringList()
            << QStringList({"checkout", "deps", "compile", "test"});
    QTest::addRow("a step listed by the configuration re-runs too")
            << QStringList({"checkout", "deps", "compile"}) << QStringList({"compile"})
            << QStringList({"checkout", "deps", "compile", "test"});
    QTest::addRow("listing a recipe-marked step changes nothing")
            << QStringList({"checkout", "deps", "compile"}) << QStringList({"checkout"})
            << QStringList({"checkout", "deps", "test"});
    QTest::addRow("the configuration lists a step that did not finish")
            << QStringList({"checkout", "deps"}) << QStringList({"test"})
            << QStringList({"checkout", "deps", "compile", "test"});
    QTest::addRow("ids that are no step of the recipe are ignored")
            << QStringList({"checkout", "deps", "compile"}) << QStringList({"gone", "Compile"})
            << QStringList({"checkout", "deps", "test"});
    QTest::addRow("every finished step listed: the whole recipe again")
            << QStringList({"checkout", "deps", "compile", "test"})
            << QStringList({"test", "compile"})
            << QStringList({"checkout", "deps", "compile", "test"});
}

void tst_RecipeResume::resumedRecipe()
{
    QFETCH(QStringList, finished);
    QFETCH(QStringList, configSetupSteps);
    QFETCH(QStringList, served);
    auto recipe = Core::RecipeReader().read(recipeXml);
    QVERIFY(recipe);
    auto master = Core::RecipeWriter::masterForm(recipeXml, {{"build", "3"}});
    QVERIFY(master);
    auto resumed = RecipeResume::withoutSteps(
            master.value(), RecipeResume::skippedSteps(recipe.value(), finished, configSetupSteps));
    QVERIFY(resumed);
    QCOMPARE(stepIds(resumed.value()), served);
}

void tst_RecipeResume::keepsTheRestByteForByte()
{
    const QByteArray xml = "<build b=\"1\">\n  <!-- é -->\n  <step id=\"a\">x</step>\n"
                           "  <step id=\"b\">y</step>\n</build>";
    auto resumed = RecipeResume::withoutSteps(xml, {"a"});
    QVERIFY(resumed);
    QCOMPARE(resumed.value(),
             QByteArray("<build b=\"1\">\n  <!-- é -->\n  <step id=\"b\">y</step>\n</build>"));
}

QTEST_GUILESS_MAIN(tst_RecipeResume)
#include "tst_reciperesume.moc"
