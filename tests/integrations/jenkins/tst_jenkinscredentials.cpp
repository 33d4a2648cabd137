// SPDX-License-Identifier: GPL-3.0-or-later
// Bridge::JenkinsCredentials: environment variables, credentials files (0600 only), and no
// secret in any message.
#include <QTemporaryDir>
#include <QtTest>

#include "bridge/jenkinscredentials.h"

using Kind = Jenkins::Credentials::Kind;

class tst_JenkinsCredentials : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment environment(const QStringList &pairs)
    {
        QProcessEnvironment env;
        for (const QString &pair : pairs)
            env.insert(pair.section('=', 0, 0), pair.section('=', 1));
        return env;
    }

private Q_SLOTS:
    void fromEnvironment_data()
    {
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("error");
        QTest::addRow("user and token")
                << QStringList{"BITTERN_JENKINS_USER=ann", "BITTERN_JENKINS_TOKEN=t0k"} << "ann"
                << "t0k" << int(Kind::ApiToken) << "";
        QTest::addRow("user and password")
                << QStringList{"BITTERN_JENKINS_USER=ann", "BITTERN_JENKINS_PASSWORD=pw"} << "ann"
                << "pw" << int(Kind::Password) << "";
        QTest::addRow("nothing set")
                << QStringList{} << ""
                << "" << 0
                << "No Jenkins credentials: set BITTERN_JENKINS_USER and BITTERN_JENKINS_TOKEN "
                   "(or BITTERN_JENKINS_PASSWORD), or name a file readable only by you (mode "
                   "0600) with --credentials or BITTERN_JENKINS_CREDENTIALS.";
        QTest::addRow("token and password")
                << QStringList{"BITTERN_JENKINS_USER=ann", "BITTERN_JENKINS_TOKEN=t0k",
                               "BITTERN_JENKINS_PASSWORD=pw"}
                << ""
                << "" << 0
                << "Both BITTERN_JENKINS_TOKEN and BITTERN_JENKINS_PASSWORD are set; set only one.";
        QTest::addRow("token without user")
                << QStringList{"BITTERN_JENKINS_TOKEN=t0k"} << ""
                << "" << 0 << "BITTERN_JENKINS_TOKEN is set but BITTERN_JENKINS_USER is not.";
        QTest::addRow("user without secret")
                << QStringList{"BITTERN_JENKINS_USER=ann"} << ""
                << "" << 0
                << "BITTERN_JENKINS_USER is set but neither BITTERN_JENKINS_TOKEN nor "
                   "BITTERN_JENKINS_PASSWORD is.";
    }

    void fromEnvironment()
    {
        QFETCH(QStringList, variables);
        QFETCH(QString, user);
        QFETCH(QString, secret);
        QFETCH(int, kind);
        QFETCH(QString, error);
        const auto result = Bridge::JenkinsCredentials::fromEnvironment(environment(variables));
        if (!error.isEmpty()) {
            QVERIFY(!result);
            QCOMPARE(result.error().message, error);
            return;
        }
        QVERIFY(result);
        QCOMPARE(result.value().user, user);
        QCOMPARE(result.value().secret, secret);
        QCOMPARE(int(result.value().kind), kind);
    }

    void parseFile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("error");
        QTest::addRow("token with comments and blanks")
                << QByteArray("# Jenkins\n\nuser = ann\ntoken=t0k=en\n") << "t0k=en"
                << "";
        QTest::addRow("password") << QByteArray("user=ann\npassword=pw\n") << "pw"
                                  << "";
        QTest::addRow("line without equals never quoted")
                << QByteArray("user=ann\nsupersecret\n") << ""
                << "Jenkins credentials file F, line 2: expected KEY=VALUE.";
        QTest::addRow("unknown key")
                << QByteArray("user=ann\napikey=x\n") << ""
                << "Jenkins credentials file F, line 2: unknown key 'apikey' (use user, token or "
                   "password).";
        QTest::addRow("no user") << QByteArray("token=x\n") << ""
                                 << "Jenkins credentials file F has no user= line.";
        QTest::addRow("no secret") << QByteArray("user=ann\n") << ""
                                   << "Jenkins credentials file F has neither token= nor "
                                      "password=.";
        QTest::addRow("both secrets") << QByteArray("user=a\ntoken=t\npassword=p\n") << ""
                                      << "Jenkins credentials file F has both token= and "
                                         "password=; keep only one.";
    }

    void parseFile()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, secret);
        QFETCH(QString, error);
        const auto result = Bridge::JenkinsCredentials::parseFile(text, QStringLiteral("F"));
        if (!error.isEmpty()) {
            QVERIFY(!result);
            QCOMPARE(result.error().message, error);
            QVERIFY(!result.error().message.contains("supersecret"));
            return;
        }
        QVERIFY(result);
        QCOMPARE(result.value().user, QStringLiteral("ann"));
        QCOMPARE(result.value().secret, secret);
    }

    void filePermissions_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("error");
        QTest::addRow("0600 accepted") << 0600 << "";
        QTest::addRow("0400 accepted") << 0400 << "";
        QTest::addRow("0644 refused") << 0644
                                      << "Refusing to read Jenkins credentials from %1: its "
                                         "permissions are 0644, but only its owner may read it "
                                         "(chmod 600 %1).";
        QTest::addRow("0660 refused") << 0660
                                      << "Refusing to read Jenkins credentials from %1: its "
                                         "permissions are 0660, but only its owner may read it "
                                         "(chmod 600 %1).";
    }

    void filePermissions()
    {
        QFETCH(int, mode);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = dir.filePath("jenkins.cred");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("user=ann\ntoken=t0k\n");
        file.close();
        QFile::Permissions permissions;
        if (mode & 0400)
            permissions |= QFile::ReadOwner;
        if (mode & 0200)
            permissions |= QFile::WriteOwner;
        if (mode & 0040)
            permissions |= QFile::ReadGroup;
        if (mode & 0020)
            permissions |= QFile::WriteGroup;
        if (mode & 0004)
            permissions |= QFile::ReadOther;
        QVERIFY(file.setPermissions(permissions));
        // From the option, and from BITTERN_JENKINS_CREDENTIALS (which beats the variables).
        const QProcessEnvironment env
                = environment({"BITTERN_JENKINS_CREDENTIALS=" + path, "BITTERN_JENKINS_USER=other",
                               "BITTERN_JENKINS_TOKEN=other"});
        for (const QString &option : {path, QString()}) {
            const auto result = Bridge::JenkinsCredentials::load(option, env);
            if (!error.isEmpty()) {
                QVERIFY(!result);
                QCOMPARE(result.error().message, error.arg(path));
                continue;
            }
            QVERIFY(result);
            QCOMPARE(result.value().user, QStringLiteral("ann"));
            QCOMPARE(result.value().secret, QStringLiteral("t0k"));
        }
    }

    void missingFile()
    {
        const auto result = Bridge::JenkinsCredentials::load("/nonexistent/cred", {});
        QVERIFY(!result);
        QCOMPARE(result.error().message,
                 QStringLiteral("Could not read Jenkins credentials file /nonexistent/cred: it "
                                "does not exist or is not a regular file."));
    }
};

QTEST_GUILESS_MAIN(tst_JenkinsCredentials)
#include "tst_jenkinscredentials.moc"
