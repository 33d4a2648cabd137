// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
class tst_X : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(tst_X)
#include "tst_jenkinsclient.moc"
