// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/classadvalue.h"

using namespace Core;

Q_DECLARE_METATYPE(Core::ClassAdValue)

/// Tests Core::ClassAdValue: types, boolean equivalence, identity and literal syntax.
class tst_ClassAdValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void literal_data();
    void literal();
    void identity_data();
    void identity();
};

void tst_ClassAdValue::literal_data()
{
    QTest::addColumn<ClassAdValue>("value");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("booleanEquivalent");
    QTest::addColumn<bool>("truth");
    QTest::addColumn<QString>("text");
    QTest::addRow("undefined") << ClassAdValue() << int(ClassAdType::Undefined) << false << false
                               << "UNDEFINED";
    QTest::addRow("error") << ClassAdValue::error() << int(ClassAdType::Error) << false << false
                           << "ERROR";
    QTest::addRow("true") << ClassAdValue::boolean(true) << int(ClassAdType::Boolean) << true
                          << true << "true";
    QTest::addRow("zero") << ClassAdValue::integer(0) << int(ClassAdType::Integer) << true << false
                          << "0";
    QTest::addRow("negative") << ClassAdValue::integer(-3) << int(ClassAdType::Integer) << true
                              << true << "-3";
    QTest::addRow("real") << ClassAdValue::real(0.25) << int(ClassAdType::Real) << true << true
                          << "0.25";
    QTest::addRow("whole real") << ClassAdValue::real(3) << int(ClassAdType::Real) << true << true
                                << "3.0";
    QTest::addRow("string") << ClassAdValue::string("a\"b\\c") << int(ClassAdType::String) << false
                            << false << "\"a\\\"b\\\\c\"";
    QTest::addRow("list") << ClassAdValue::list({ClassAdValue::integer(1), ClassAdValue()})
                          << int(ClassAdType::List) << false << false << "{ 1, UNDEFINED }";
}

void tst_ClassAdValue::literal()
{
    QFETCH(ClassAdValue, value);
    QFETCH(int, type);
    QFETCH(bool, booleanEquivalent);
    QFETCH(bool, truth);
    QFETCH(QString, text);
    QCOMPARE(int(value.type()), type);
    QCOMPARE(value.isBooleanEquivalent(), booleanEquivalent);
    QCOMPARE(value.toBool(), truth);
    QCOMPARE(value.toString(), text);
}

void tst_ClassAdValue::identity_data()
{
    QTest::addColumn<ClassAdValue>("a");
    QTest::addColumn<ClassAdValue>("b");
    QTest::addColumn<bool>("identical");
    QTest::addRow("undefined") << ClassAdValue() << ClassAdValue() << true;
    QTest::addRow("undefined and error") << ClassAdValue() << ClassAdValue::error() << false;
    QTest::addRow("integer and real") << ClassAdValue::integer(1) << ClassAdValue::real(1) << false;
    QTest::addRow("string case") << ClassAdValue::string("A") << ClassAdValue::string("a") << false;
    QTest::addRow("same lists") << ClassAdValue::list({ClassAdValue::string("x")})
                                << ClassAdValue::list({ClassAdValue::string("x")}) << true;
    QTest::addRow("different lists")
            << ClassAdValue::list({ClassAdValue::integer(1)}) << ClassAdValue::list({}) << false;
}

void tst_ClassAdValue::identity()
{
    QFETCH(ClassAdValue, a);
    QFETCH(ClassAdValue, b);
    QFETCH(bool, identical);
    QCOMPARE(a.isIdenticalTo(b), identical);
    QCOMPARE(b.isIdenticalTo(a), identical);
}

QTEST_GUILESS_MAIN(tst_ClassAdValue)
#include "tst_classadvalue.moc"
