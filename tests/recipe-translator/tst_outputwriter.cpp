// SPDX-License-Identifier: GPL-3.0-or-later
// Translator::OutputWriter: files under the output directory, directories made on demand,
// existing files replaced, and errors that name the file and the cause.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "recipe-translator/outputwriter.h"
#include "tests/testlib/testdata.h"

using Translator::OutputFile;
using Translator::OutputWriter;
using Translator::SyncMode;

class tst_OutputWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writes_data()
    {
        QTest::addColumn<QString>("root"); // relative to the temporary directory
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("sync");
        QTest::addRow("file in an existing directory") << ""
                                                       << "a.json" << int(SyncMode::NoSync);
        QTest::addRow("directory made on demand") << ""
                                                  << "cfg/Jenkinsfile" << int(SyncMode::NoSync);
        QTest::addRow("missing output directory and parents")
                << "out/deeper"
                << "cfg/config.xml" << int(SyncMode::NoSync);
        QTest::addRow("with fsync") << ""
                                    << "cfg/x.xml" << int(SyncMode::Sync);
    }

    void writes()
    {
        QFETCH(QString, root);
        QFETCH(QString, path);
        QFETCH(int, sync);
        QTemporaryDir dir;
        const QString directory = dir.filePath(root);
        OutputWriter writer(directory, SyncMode(sync));
        QVERIFY(writer.write({path, QByteArray("a longer first content\n")}));
        QVERIFY(writer.write({path, QByteArray("second\n")})); // replaced, not appended
        QCOMPARE(TestLib::readFile(QDir(directory).filePath(path)), QByteArray("second\n"));
        QVERIFY(writer.write({path + ".2", QByteArray()}));
        QVERIFY(QFileInfo::exists(QDir(directory).filePath(path + ".2")));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("cause");
        QTest::addRow("directory in place of the file") << "taken"
                                                        << "Is a directory";
        QTest::addRow("file in place of the directory") << "plain/Jenkinsfile"
                                                        << "Not a directory";
    }

    void errors()
    {
        QFETCH(QString, path);
        QFETCH(QString, cause);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("taken"));
        QFile plain(dir.filePath("plain"));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        OutputWriter writer(dir.path(), SyncMode::NoSync);
        const Core::Result<void> written = writer.write({path, QByteArray("x")});
        QVERIFY(!written);
        QCOMPARE(written.error().code, Core::ErrorCode::WriteFailed);
        QCOMPARE(written.error().message,
                 QString("Could not write %1: %2.").arg(dir.filePath(path), cause));
    }
};

QTEST_GUILESS_MAIN(tst_OutputWriter)
#include "tst_outputwriter.moc"
