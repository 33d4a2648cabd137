// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/buildbotinstance.h"

#include <signal.h>
#include <sys/types.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

namespace TestLib {

namespace {

const QString python = QStringLiteral("/usr/bin/python3");
const QString buildbotScript = QStringLiteral("/usr/bin/buildbot");
const QString workerScript = QStringLiteral("/usr/bin/buildbot-worker");

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString pythonString(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(text.toUtf8()) == text.toUtf8().size();
}

bool alive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

} // namespace

BuildbotInstance::BuildbotInstance() = default;

BuildbotInstance::~BuildbotInstance()
{
    stop();
}

bool BuildbotInstance::isAvailable()
{
    return QFileInfo::exists(python) && QFileInfo::exists(buildbotScript)
            && QFileInfo::exists(workerScript);
}

QString BuildbotInstance::masterDir() const
{
    return m_dir.filePath(QStringLiteral("master"));
}

QString BuildbotInstance::workerDir() const
{
    return m_dir.filePath(QStringLiteral("worker"));
}

QString BuildbotInstance::dataDir() const
{
    return m_dir.filePath(QStringLiteral("master/bittern"));
}

QString BuildbotInstance::binDir() const
{
    return m_dir.filePath(QStringLiteral("bin"));
}

QString BuildbotInstance::masterLog() const
{
    QFile file(masterDir() + QStringLiteral("/twistd.log"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString BuildbotInstance::run(const QStringList &arguments, const QString &what,
                              int timeoutMs) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString plugin = QStringLiteral(BITTERN_SOURCE_DIR "/integrations/buildbot");
    env.insert(QStringLiteral("PYTHONPATH"),
               plugin + QStringLiteral(":") + plugin + QStringLiteral("/stub_www"));
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    env.insert(QStringLiteral("PATH"),
               binDir() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return QStringLiteral("%1 did not finish in %2 ms.").arg(what).arg(timeoutMs);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return QStringLiteral("%1 failed (exit code %2): %3")
                .arg(what)
                .arg(process.exitCode())
                .arg(QString::fromUtf8(process.readAll()));
    }
    return QString();
}

QString BuildbotInstance::writeMasterConfig()
{
    QString props;
    for (const auto &property : qAsConst(m_options.workerProperties))
        props += pythonString(property.first) + QStringLiteral(": ") + pythonString(property.second)
                + QStringLiteral(", ");
    const QString config
            = QStringLiteral(
                      "import os\n"
                      "from buildbot.plugins import util, worker\n"
                      "import bittern_buildbot\n"
                      "c = BuildmasterConfig = {}\n"
                      "c['title'] = 'Bittern tests'\n"
                      "c['buildbotURL'] = '%1'\n"
                      "c['db'] = {'db_url': 'sqlite:///state.sqlite'}\n"
                      "c['buildbotNetUsageData'] = None\n"
                      "c['protocols'] = {'pb': {'port': 'tcp:%2:interface=127.0.0.1'}}\n"
                      "c['workers'] = [worker.Worker('w1', 'w1pass', max_builds=%3, "
                      "properties={%4})]\n"
                      "bittern_buildbot.configure(c, os.path.join(basedir, 'bittern'), "
                      "watch_interval=%5)\n"
                      "c['www'] = {'port': 'tcp:%6:interface=127.0.0.1', 'plugins': {},\n"
                      "    'auth': util.UserPasswordAuth({%7: %8}),\n"
                      "    'authz': "
                      "util.Authz(allowRules=[util.AnyControlEndpointMatcher(role='bittern')],\n"
                      "        roleMatchers=[util.RolesFromUsername(roles=['bittern'], "
                      "usernames=[%7])])}\n"
                      "%9\n")
                      .arg(m_url.toString())
                      .arg(m_pbPort)
                      .arg(m_options.maxBuilds)
                      .arg(props)
                      .arg(m_options.watchIntervalSeconds)
                      .arg(m_url.port())
                      .arg(pythonString(m_options.user), pythonString(m_options.password),
                           m_options.extraConfig);
    return writeText(masterDir() + QStringLiteral("/master.cfg"), config)
            ? QString()
            : QStringLiteral("Could not write master.cfg.");
}

QString BuildbotInstance::start(const Options &options)
{
    m_options = options;
    if (!m_dir.isValid())
        return QStringLiteral("Could not create a temporary directory.");
    const int httpPort = freePort();
    m_pbPort = freePort();
    if (httpPort == 0 || m_pbPort == 0 || httpPort == m_pbPort)
        return QStringLiteral("Could not find two free ports on 127.0.0.1.");
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(httpPort));
    QDir().mkpath(dataDir());
    QDir().mkpath(binDir());
    if (!m_options.agentScript.isEmpty()) {
        const QString agent = binDir() + QStringLiteral("/bittern-agent");
        if (!writeText(agent, m_options.agentScript))
            return QStringLiteral("Could not write the agent wrapper.");
        QFile(agent).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                    | QFileDevice::ExeOwner);
    }
    QString error = run(
            {buildbotScript, QStringLiteral("create-master"), QStringLiteral("-r"), masterDir()},
            QStringLiteral("buildbot create-master"));
    if (error.isEmpty())
        error = writeMasterConfig();
    if (error.isEmpty()) {
        m_started = true;
        error = run({buildbotScript, QStringLiteral("start"), masterDir()},
                    QStringLiteral("buildbot start"));
    }
    if (error.isEmpty())
        error = run({workerScript, QStringLiteral("create-worker"), workerDir(),
                     QStringLiteral("127.0.0.1:%1").arg(m_pbPort), QStringLiteral("w1"),
                     QStringLiteral("w1pass")},
                    QStringLiteral("buildbot-worker create-worker"));
    if (error.isEmpty())
        error = startWorker();
    return error.isEmpty() ? QString() : error + QStringLiteral("\nmaster log:\n") + masterLog();
}

QString BuildbotInstance::startWorker()
{
    const QString error = run({workerScript, QStringLiteral("start"), workerDir()},
                              QStringLiteral("buildbot-worker start"));
    if (!error.isEmpty())
        return error;
    return waitForWorker(true) ? QString()
                               : QStringLiteral("The worker did not connect to the master.");
}

QByteArray BuildbotInstance::get(const QString &path) const
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(m_url.resolved(QUrl(path))));
    QEventLoop loop;
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->isFinished() && reply->error() == QNetworkReply::NoError
            ? reply->readAll()
            : QByteArray();
    reply->abort();
    reply->deleteLater();
    return body;
}

bool BuildbotInstance::waitForBuilders(const QStringList &names, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    do {
        QStringList listed;
        const QJsonArray builders = QJsonDocument::fromJson(get(QStringLiteral("api/v2/builders")))
                                            .object()
                                            .value(QStringLiteral("builders"))
                                            .toArray();
        for (const QJsonValue &builder : builders)
            listed += builder.toObject().value(QStringLiteral("name")).toString();
        bool all = true;
        for (const QString &name : names)
            all = all && listed.contains(name);
        if (all)
            return true;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    return false;
}

bool BuildbotInstance::waitForWorker(bool connected, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    do {
        const QJsonArray workers = QJsonDocument::fromJson(get(QStringLiteral("api/v2/workers")))
                                           .object()
                                           .value(QStringLiteral("workers"))
                                           .toArray();
        const bool isConnected = !workers.isEmpty()
                && !workers.at(0)
                            .toObject()
                            .value(QStringLiteral("connected_to"))
                            .toArray()
                            .isEmpty();
        if (!workers.isEmpty() && isConnected == connected)
            return true;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    return false;
}

bool BuildbotInstance::killWorker()
{
    QFile file(workerDir() + QStringLiteral("/twistd.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const qint64 pid = file.readAll().trimmed().toLongLong();
    if (!alive(pid) || ::kill(pid_t(pid), SIGKILL) != 0)
        return false;
    QDeadlineTimer deadline(10000);
    while (alive(pid) && !deadline.hasExpired())
        QThread::msleep(20);
    QFile::remove(file.fileName());
    return !alive(pid);
}

void BuildbotInstance::stopPid(const QString &dir)
{
    QFile file(dir + QStringLiteral("/twistd.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const qint64 pid = file.readAll().trimmed().toLongLong();
    if (!alive(pid))
        return;
    ::kill(pid_t(pid), SIGTERM); // what `buildbot stop` sends; twistd shuts down cleanly
    QDeadlineTimer deadline(15000);
    while (alive(pid) && !deadline.hasExpired())
        QThread::msleep(50);
    if (alive(pid)) {
        ::kill(pid_t(pid), SIGKILL);
        QDeadlineTimer killDeadline(5000);
        while (alive(pid) && !killDeadline.hasExpired())
            QThread::msleep(20);
    }
}

void BuildbotInstance::stop()
{
    if (!m_started)
        return;
    m_started = false;
    stopPid(workerDir());
    stopPid(masterDir());
}

} // namespace TestLib
