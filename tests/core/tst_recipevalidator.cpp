// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/recipereader.h"
#include "core/recipevalidator.h"
#include "tests/testlib/testdata.h"

using namespace Core;

/// Tests Core::RecipeValidator: Bitten's save-time rules and Bittern's run-time checks.
class tst_RecipeValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void corpus_data();
    void corpus();

private:
    static QStringList diagnose(const QByteArray &data);
};

QStringList tst_RecipeValidator::diagnose(const QByteArray &data)
{
    const auto recipe = RecipeReader().read(data);
    if (!recipe)
        return {"read error: " + recipe.error().toString()};
    QStringList lines;
    for (const Diagnostic &d : RecipeValidator::validate(recipe.value()))
        lines.append(QString("%1:%2: %3: %4")
                             .arg(d.position.line)
                             .arg(d.position.column)
                             .arg(d.severity == Severity::Error ? "error" : "warning", d.message));
    return lines;
}

static const char sh[] = "xmlns:sh='http://bitten.edgewall.org/tools/sh'";

void tst_RecipeValidator::rules_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("valid") << QByteArray("<build><step id='a'><report category='test' "
                                         "file='r.xml'/></step></build>")
                           << QStringList();
    QTest::addRow("root must be build")
            << QByteArray("<recipe><step id='a'><attach file='f'/></step></recipe>")
            << QStringList{
                       "1:1: error: This recipe is in the pre-0.5 format of 2005 (Bitten 0.3 and "
                       "earlier): command namespaces name Python modules "
                       "(\"bitten:bitten.build.*\") "
                       "and report commands are wrapped in <reports>. Bitten 0.6 rejects it; to "
                       "modernise it, declare the http://bitten.edgewall.org/tools/* namespaces "
                       "instead (for example \"bitten:bitten.build.pythontools\" becomes "
                       "\"http://bitten.edgewall.org/tools/python\"), move the commands out of "
                       "each "
                       "<reports> element into its step, and write step titles as description "
                       "attributes.",
                       "1:1: error: Root element must be <build>"};
    QTest::addRow("root in a namespace still counts by local name")
            << QByteArray("<b:build xmlns:b='u'><step id='a'><attach file='f'/></step></b:build>")
            << QStringList();
    QTest::addRow("no steps") << QByteArray("<build>\n  <!-- nothing -->\n</build>")
                              << QStringList{"1:1: error: Recipe defines no build steps"};
    QTest::addRow("only steps at top level")
            << QByteArray("<build><step id='a'><attach file='f'/></step>\n<x:step xmlns:x='u'/>"
                          "<stage/></build>")
            << QStringList{"2:1: error: Only <step> elements allowed at top level of recipe",
                           "2:22: error: Only <step> elements allowed at top level of recipe"};
    QTest::addRow("step without id")
            << QByteArray("<build><step><attach file='f'/></step>\n<step id=''><attach "
                          "file='f'/></step></build>")
            << QStringList{"1:8: error: Steps must have an \"id\" attribute",
                           "2:1: error: Steps must have an \"id\" attribute"};
    QTest::addRow("duplicate step id")
            << QByteArray("<build><step id='a b'><attach file='f'/></step>\n<step id='a b'>"
                          "<attach file='g'/></step></build>")
            << QStringList{"2:1: error: Duplicate step ID \"a b\""};
    QTest::addRow("step without commands")
            << QByteArray("<build><step id='a'>\n  text only\n</step></build>")
            << QStringList{"1:8: error: Step \"a\" has no recipe commands"};
    QTest::addRow("step holding only a comment")
            << QByteArray("<build>\n<step id='a'><!-- <sh:exec executable='true'/> --></step>"
                          "</build>")
            << QStringList{"2:1: error: Step \"a\" has no recipe commands",
                           "2:1: warning: Step \"a\" holds only comments; bitten-slave runs it "
                           "as an empty step that always succeeds."};
    QTest::addRow("nested content")
            << QByteArray("<build " + QByteArray(sh)
                          + "><step id='a'>\n  <sh:exec "
                            "executable='x'><arg/></sh:exec></step></build>")
            << QStringList{"2:3: error: Recipe command <exec> has nested content"};
    QTest::addRow("bad onerror")
            << QByteArray("<build onerror='stop'><step id='a' onerror='Fail'><attach "
                          "file='f'/></step></build>")
            << QStringList{
                       "1:8: error: The onerror value \"stop\" of <build> is not valid; Bitten "
                       "accepts only \"fail\", \"continue\" or \"ignore\" and would abort the "
                       "build.",
                       "1:36: error: The onerror value \"Fail\" of step \"a\" is not valid; Bitten "
                       "accepts only \"fail\", \"continue\" or \"ignore\" and would abort the "
                       "build."};
    QTest::addRow("unknown command in a built-in namespace")
            << QByteArray("<build " + QByteArray(sh) + "><step id='a'><sh:exce/></step></build>")
            << QStringList{"1:68: error: Unknown recipe command <sh:exce>: the built-in "
                           "namespace \"http://bitten.edgewall.org/tools/sh\" has no command "
                           "\"exce\"."};
    QTest::addRow("unknown command without namespace")
            << QByteArray("<build><step id='a'><git url='x'/></step></build>")
            << QStringList{"1:21: error: Unknown recipe command <git>: only <report> and "
                           "<attach> exist without a namespace."};
    QTest::addRow("third-party command")
            << QByteArray("<build xmlns:ev='http://www.evax.fr/bitten/tools'><step id='a'>"
                          "<ev:lcov/></step></build>")
            << QStringList{"1:64: warning: Recipe command <ev:lcov> comes from the third-party "
                           "namespace \"http://www.evax.fr/bitten/tools\"; it runs only on a "
                           "bitten-slave that has the plugin providing it installed."};
    QTest::addRow("unknown attribute")
            << QByteArray("<build " + QByteArray(sh)
                          + "><step id='a'><sh:exec executable='x' "
                            "argz='-v'/></step></build>")
            << QStringList{"1:92: error: Unsupported argument 'argz' for command <sh:exec>; "
                           "bitten-slave would fail the step without running the command."};
    QTest::addRow("sh:pipe with timeout")
            << QByteArray("<build " + QByteArray(sh)
                          + "><step id='a'><sh:pipe executable='x' "
                            "input='i' timeout='5'/></step></build>")
            << QStringList{"1:102: error: Unsupported argument 'timeout' for command <sh:pipe>; "
                           "bitten-slave would fail the step without running the command."};
    QTest::addRow("missing required attribute")
            << QByteArray("<build><step id='a'><report file='r.xml'/></step></build>")
            << QStringList{"1:21: error: Recipe command <report> lacks the required attribute "
                           "\"category\"; bitten-slave would stop the step with an internal "
                           "error."};
    QTest::addRow("sh:exec without executable or file")
            << QByteArray("<build " + QByteArray(sh)
                          + "><step id='a'><sh:exec args='x'/></step>"
                            "</build>")
            << QStringList{"1:68: error: Recipe command <sh:exec> needs a \"executable\" or a "
                           "\"file\" attribute; bitten-slave would stop the step with an "
                           "internal error."};
    QTest::addRow("python:exec function without module")
            << QByteArray("<build xmlns:py='http://bitten.cmlenz.net/tools/python'><step id='a'>"
                          "<py:exec file='x.py' function='main'/></step></build>")
            << QStringList{
                       "1:8: warning: Namespace \"http://bitten.cmlenz.net/tools/python\" is the "
                       "name "
                       "Bitten used before 0.6b2 for \"http://bitten.edgewall.org/tools/python\"; "
                       "it "
                       "still works, but new recipes should use the current name.",
                       "1:70: error: Recipe command <py:exec> has a \"function\" attribute, which "
                       "needs a \"module\" attribute and no \"file\" attribute; bitten-slave would "
                       "stop the step with an internal error."};
    QTest::addRow("two spellings of one parameter")
            << QByteArray("<build xmlns:svn='http://bitten.edgewall.org/tools/svn'><step id='a'>"
                          "<svn:update dir='a' dir_='b'/></step></build>")
            << QStringList{"1:90: warning: Attributes 'dir' and 'dir_' of <svn:update> set the "
                           "same parameter; Bitten uses only one of them."};
    QTest::addRow("escaped spellings are accepted")
            << QByteArray("<build xmlns:c='http://bitten.edgewall.org/tools/c'><step id='a'>"
                          "<c:make keep_going='1'/><c:configure with_='x'/></step></build>")
            << QStringList();
}

void tst_RecipeValidator::rules()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, expected);
    QCOMPARE(diagnose(data), expected);
}

void tst_RecipeValidator::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    const auto legacy = [](int line, int col, const char *ns) {
        return QString("%1:%2: warning: Namespace \"http://bitten.cmlenz.net/tools/%3\" is the "
                       "name Bitten used before 0.6b2 for \"http://bitten.edgewall.org/tools/%3\"; "
                       "it still works, but new recipes should use the current name.")
                .arg(line)
                .arg(col)
                .arg(ns);
    };
    QTest::addRow("ImagoTrigger") << "ImagoTrigger_FreeAllegiance_deploy.xml" << QStringList();
    QTest::addRow("docs example") << "bitten-docs_recipes_example.xml" << QStringList();
    QTest::addRow("boost") << "boost-bitten-branch_regression_rendered.xml"
                           << QStringList{legacy(3, 8, "sh"), legacy(4, 8, "xml"),
                                          legacy(5, 8, "svn"), legacy(6, 8, "python")};
    QTest::addRow("dybinst") << "simoncblyth-env_dybinst.xml"
                             << QStringList{legacy(9, 5, "python"), legacy(10, 5, "svn"),
                                            legacy(11, 5, "sh")};
    QTest::addRow("katpoint") << "ska-sa_katpoint.xml"
                              << QStringList{legacy(3, 3, "python"), legacy(4, 3, "svn"),
                                             legacy(5, 3, "sh")};
    const QString preFive = "3:1: error: This recipe is in the pre-0.5 format of 2005";
    const auto moved = [](int line, const char *cmd) {
        return QString("%1:9: error: Recipe command <python:%2> uses the pre-0.5 namespace "
                       "\"bitten:bitten.build.pythontools\"; Bitten 0.6 knows its commands only "
                       "under \"http://bitten.edgewall.org/tools/python\".")
                .arg(line)
                .arg(cmd);
    };
    const auto reports = [](int line) {
        return QStringList{
                QString("%1:9: error: Recipe command <reports> has nested content").arg(line),
                QString("%1:9: error: Unknown recipe command <reports>: only <report> and "
                        "<attach> exist without a namespace.")
                        .arg(line)};
    };
    QTest::addRow("2005 legacy") << "bitten-own-recipe-2005-legacy.xml"
                                 << (QStringList{preFive, moved(8, "distutils"),
                                                 moved(13, "distutils")}
                                     + reports(14) + QStringList{moved(23, "exec")} + reports(28)
                                     + QStringList{moved(34, "distutils")});
}

void tst_RecipeValidator::corpus()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QStringList actual = diagnose(TestLib::readFile(TestLib::sharedPath("corpus/recipes/" + file)));
    if (!actual.isEmpty() && actual.first().startsWith("3:1: error: This recipe is in the pre-0.5"))
        actual.first().truncate(expected.first().size());
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(tst_RecipeValidator)
#include "tst_recipevalidator.moc"
