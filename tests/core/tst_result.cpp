// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/result.h"

using namespace Core;

/// Tests Core::Result and Core::Error.
class tst_Result : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueAndError();
    void errorToString_data();
    void errorToString();
};

static Result<int> half(int n)
{
    if (n % 2)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is odd.").arg(n));
    return n / 2;
}

void tst_Result::valueAndError()
{
    const auto ok = half(4);
    QVERIFY(ok);
    QCOMPARE(ok.value(), 2);
    const auto bad = half(3);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(bad.error().message, QStringLiteral("3 is odd."));
    Result<void> done;
    QVERIFY(done);
    Result<void> failed = makeError(ErrorCode::ReadFailed, QStringLiteral("x"));
    QVERIFY(!failed);
}

void tst_Result::errorToString_data()
{
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no position") << qint64(0) << qint64(0) << "Broken.";
    QTest::addRow("with position") << qint64(3) << qint64(7) << "3:7: Broken.";
}

void tst_Result::errorToString()
{
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QString, expected);
    const Error error{ErrorCode::ParseFailed, QStringLiteral("Broken."), line, column};
    QCOMPARE(error.toString(), expected);
}

QTEST_GUILESS_MAIN(tst_Result)
#include "tst_result.moc"
