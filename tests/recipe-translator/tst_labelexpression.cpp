// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "integrations/jenkins/labelexpression.h"

class tst_LabelExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromRules_data()
    {
        QTest::addColumn<QStringList>("rules"); // property, pattern, property, pattern …
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("unexpressed");
        QTest::addColumn<int>("notes");
        QTest::addRow("no rules: any node") << QStringList() << "" << QStringList() << 0;
        QTest::addRow("anchored literal")
                << QStringList{"os", "^Linux$"} << "os-Linux" << QStringList() << 0;
        QTest::addRow("prefix literal is narrowed, with a note")
                << QStringList{"os", "linux"} << "os-linux" << QStringList() << 1;
        QTest::addRow("escaped dot")
                << QStringList{"version", "^2\\.6$"} << "version-2.6" << QStringList() << 0;
        QTest::addRow("alternation") << QStringList{"machine", "^(x86_64|amd64)$"}
                                     << "(machine-x86_64 || machine-amd64)" << QStringList() << 0;
        QTest::addRow("two rules") << QStringList{"os", "^Linux$", "family", "^posix$"}
                                   << "os-Linux && family-posix" << QStringList() << 0;
        QTest::addRow("wildcard goes to the node check")
                << QStringList{"os", "^Linux$", "version", "^10\\.[0-9]+"} << "os-Linux"
                << QStringList{"version"} << 0;
        QTest::addRow("unescaped dot is a wildcard")
                << QStringList{"version", "2.6"} << "" << QStringList{"version"} << 0;
        QTest::addRow("bare alternation anchors one side")
                << QStringList{"os", "^a|b$"} << "" << QStringList{"os"} << 0;
        QTest::addRow("quote cannot be an atom")
                << QStringList{"os", "it's"} << "" << QStringList{"os"} << 0;
        QTest::addRow("empty pattern") << QStringList{"os", ""} << "" << QStringList{"os"} << 0;
        QTest::addRow("dotted property") << QStringList{"python.version", "^2\\.6$"}
                                         << "python.version-2.6" << QStringList() << 0;
    }

    void fromRules()
    {
        QFETCH(QStringList, rules);
        QFETCH(QString, expression);
        QFETCH(QStringList, unexpressed);
        QFETCH(int, notes);
        QVector<Jenkins::LabelRule> input;
        for (int i = 0; i + 1 < rules.size(); i += 2)
            input += Jenkins::LabelRule{rules.at(i), rules.at(i + 1)};
        const Jenkins::LabelMapping mapping = Jenkins::LabelExpression::fromRules(input);
        QCOMPARE(mapping.expression, expression);
        QStringList left;
        for (const Jenkins::LabelRule &rule : mapping.unexpressed)
            left += rule.property;
        QCOMPARE(left, unexpressed);
        QCOMPARE(mapping.notes.size(), notes);
    }
};

QTEST_GUILESS_MAIN(tst_LabelExpression)
#include "tst_labelexpression.moc"
