// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/bridgeconfig.h"

#include <functional>
#include <optional>

#include <QHash>
#include <QUrl>

#include "bridge/listenaddress.h"
#include "bridge/scheduler/repositorypoller.h"
#include "core/inifile.h"

namespace Bridge {

namespace {

/// A value handler: an empty QString on success, else what was expected ("true or false").
using Setter = std::function<QString(const QString &value, BridgeConfig &config)>;
using TargetSetter = std::function<QString(const QString &value, CiTargetConfig &target)>;

const QString ciPrefix = QStringLiteral("ci ");

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString sectionName(const QString &section)
{
    return QLatin1Char('[') + section + QLatin1Char(']');
}

/// Trac's BoolOption words (trac.config), made strict: anything else is an error.
std::optional<bool> parseBool(const QString &value)
{
    static const QStringList yes{QStringLiteral("yes"),     QStringLiteral("true"),
                                 QStringLiteral("enabled"), QStringLiteral("on"),
                                 QStringLiteral("aye"),     QStringLiteral("1")};
    static const QStringList no{QStringLiteral("no"), QStringLiteral("false"),
                                QStringLiteral("disabled"), QStringLiteral("off"),
                                QStringLiteral("0")};
    if (yes.contains(value, Qt::CaseInsensitive))
        return true;
    if (no.contains(value, Qt::CaseInsensitive))
        return false;
    return std::nullopt;
}

QString seconds(const QString &value, qint64 &out)
{
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || number < 0)
        return QStringLiteral("a number of seconds (0 or more)");
    out = number;
    return {};
}

QString boolean(const QString &value, bool &out)
{
    const std::optional<bool> parsed = parseBool(value);
    if (!parsed)
        return QStringLiteral("true or false");
    out = *parsed;
    return {};
}

QString positiveNumber(const QString &value, std::optional<double> &out)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || !(number > 0) || !qIsFinite(number))
        return QStringLiteral("a number above 0");
    out = number;
    return {};
}

QString text(const QString &value, QString &out)
{
    out = value;
    return {};
}

QString listen(const QString &value, BridgeConfig &config)
{
    const std::optional<ListenAddress> listen = ListenAddress::parse(value);
    if (!listen)
        return QStringLiteral("HOST:PORT with an IP address");
    config.address = listen->address;
    config.port = listen->port;
    return {};
}

QString httpUrl(const QString &value, QString &out)
{
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return QStringLiteral("an http:// or https:// URL");
    out = value;
    return {};
}

QString repository(const QString &value, BridgeConfig &config)
{
    if (!RepositoryLocation::parse(value))
        return QStringLiteral("git:PATH, svn:URL or hg:PATH");
    config.repository = value;
    return {};
}

QString ciUrl(const QString &value, CiTargetConfig &target)
{
    const QUrl url(value, QUrl::StrictMode);
    static const QStringList schemes{
            QStringLiteral("jenkins+http"), QStringLiteral("jenkins+https"),
            QStringLiteral("buildbot+http"), QStringLiteral("buildbot+https")};
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme()))
        return QStringLiteral("jenkins+https://HOST/… or buildbot+http://HOST:PORT");
    target.url = value;
    return {};
}

QHash<QString, Setter> optionTable()
{
    using C = BridgeConfig;
    const auto path = [](QString C::*member) {
        return [member](const QString &v, C &c) { return text(v, c.*member); };
    };
    const auto secs = [](qint64 C::*member) {
        return [member](const QString &v, C &c) { return seconds(v, c.*member); };
    };
    return {
            {QStringLiteral("server.listen"), &listen},
            {QStringLiteral("server.public_url"),
             [](const QString &v, C &c) { return httpUrl(v, c.publicUrl); }},
            {QStringLiteral("server.database"), path(&C::database)},
            {QStringLiteral("server.data_dir"), path(&C::dataDir)},
            {QStringLiteral("server.tls_certificate"), path(&C::tlsCertificate)},
            {QStringLiteral("server.tls_key"), path(&C::tlsKey)},
            {QStringLiteral("server.users_file"), path(&C::usersFile)},
            {QStringLiteral("server.api_tokens_file"), path(&C::apiTokensFile)},
            {QStringLiteral("server.match_interval"), secs(&C::matchInterval)},
            {QStringLiteral("server.preempt_rank_margin"),
             [](const QString &v, C &c) { return positiveNumber(v, c.preemptRankMargin); }},
            {QStringLiteral("repository.url"), &repository},
            {QStringLiteral("repository.poll_interval"), secs(&C::pollInterval)},
            {QStringLiteral("bitten.slave_timeout"), secs(&C::slaveTimeout)},
            {QStringLiteral("bitten.stabilize_wait"), secs(&C::stabilizeWait)},
            {QStringLiteral("bitten.build_all"),
             [](const QString &v, C &c) { return boolean(v, c.buildAll); }},
    };
}

QHash<QString, TargetSetter> targetTable()
{
    using T = CiTargetConfig;
    const auto path = [](QString T::*member) {
        return [member](const QString &v, T &t) { return text(v, t.*member); };
    };
    return {
            {QStringLiteral("url"), &ciUrl},
            {QStringLiteral("credentials"), path(&T::credentialsFile)},
            {QStringLiteral("folder"), path(&T::folder)},
            {QStringLiteral("jenkins_library"), path(&T::jenkinsLibrary)},
            {QStringLiteral("data_dir"), path(&T::dataDir)},
            {QStringLiteral("master_dir"), path(&T::masterDir)},
            {QStringLiteral("scheduler"), path(&T::scheduler)},
            {QStringLiteral("timeout"),
             [](const QString &v, T &t) { return seconds(v, t.timeoutSeconds); }},
    };
}

/// trac.ini options Bittern accepts without acting on them, with the reason.
QHash<QString, QString> ignoredOptions()
{
    const QString noMail = QStringLiteral("Bittern sends no mail");
    return {
            {QStringLiteral("bitten.adjust_timestamps"),
             QStringLiteral("it has no effect in Bitten 0.6 either")},
            {QStringLiteral("bitten.logs_dir"),
             QStringLiteral("Bittern keeps build logs in its store (bittern import trac "
                            "--logs-dir reads old ones)")},
            {QStringLiteral("bitten.quick_status"),
             QStringLiteral("Bittern has no Trac navigation bar")},
            {QStringLiteral("bitten.chart_style"),
             QStringLiteral("the status pages draw their charts at a fixed size")},
            {QStringLiteral("notification.notify_on_failed_build"), noMail},
            {QStringLiteral("notification.notify_on_successful_build"), noMail},
    };
}

} // namespace

/// Walks the sections of an IniFile, filling a BridgeConfig and collecting diagnostics.
class BridgeConfigParser
{
public:
    explicit BridgeConfigParser(const Core::IniFile &ini) : m_ini(ini) { }

    BridgeConfigReading run()
    {
        if (!m_ini.options(Core::IniFile::defaultSectionName()).isEmpty())
            error(m_ini.sectionLine(Core::IniFile::defaultSectionName()),
                  QStringLiteral("Section [DEFAULT] is not supported in the bridge configuration; "
                                 "set each option in its own section."));
        for (const QString &section : m_ini.sections())
            readSection(section);
        checkTls();
        return m_reading;
    }

private:
    void readSection(const QString &section)
    {
        static const QStringList plain{QStringLiteral("server"), QStringLiteral("repository"),
                                       QStringLiteral("bitten"), QStringLiteral("notification")};
        if (section.startsWith(ciPrefix))
            return readTarget(section);
        if (!plain.contains(section)) {
            error(m_ini.sectionLine(section),
                  QStringLiteral("Unknown section %1; expected [server], [repository], [bitten], "
                                 "[notification] or [ci NAME].")
                          .arg(sectionName(section)));
            return;
        }
        for (const QString &option : ownOptions(section))
            readOption(section, option);
    }

    /// The options written in @p section itself (DEFAULT is reported on its own).
    QStringList ownOptions(const QString &section) const
    {
        QStringList own;
        for (const QString &option : m_ini.options(section)) {
            if (m_ini.optionLine(section, option) > 0)
                own.append(option);
        }
        return own;
    }

    void readOption(const QString &section, const QString &option)
    {
        static const QHash<QString, Setter> options = optionTable();
        static const QHash<QString, QString> ignored = ignoredOptions();
        const QString key = section + QLatin1Char('.') + option;
        const int line = m_ini.optionLine(section, option);
        const QString value = m_ini.rawValue(section, option);
        if (const auto reason = ignored.constFind(key); reason != ignored.cend()) {
            warning(line,
                    QStringLiteral("Option %1 in section %2 is ignored: %3.")
                            .arg(quoted(option), sectionName(section), reason.value()));
            return;
        }
        const auto setter = options.constFind(key);
        if (setter == options.cend())
            return unknownOption(line, section, option);
        if (value.isEmpty())
            return; // an empty value keeps the default
        if (const QString expected = setter.value()(value, m_reading.config); !expected.isEmpty())
            return badValue(line, section, option, value, expected);
        m_reading.config.m_given.insert(key);
    }

    void readTarget(const QString &section)
    {
        static const QHash<QString, TargetSetter> options = targetTable();
        CiTargetConfig target;
        target.name = section.mid(ciPrefix.size()).trimmed();
        if (target.name.isEmpty() || target.name.contains(QLatin1Char(' '))
            || target.name.contains(QLatin1Char(':'))) {
            error(m_ini.sectionLine(section),
                  QStringLiteral("Section %1 does not name a CI target: expected [ci NAME] with a "
                                 "name without blanks or colons.")
                          .arg(sectionName(section)));
            return;
        }
        for (const QString &option : ownOptions(section)) {
            const int line = m_ini.optionLine(section, option);
            const QString value = m_ini.rawValue(section, option);
            const auto setter = options.constFind(option);
            if (setter == options.cend())
                unknownOption(line, section, option);
            else if (const QString expected = setter.value()(value, target); !expected.isEmpty())
                badValue(line, section, option, value, expected);
        }
        checkTarget(section, target);
        m_reading.config.ciTargets.append(target);
    }

    void checkTarget(const QString &section, const CiTargetConfig &target)
    {
        if (!m_ini.hasOption(section, QStringLiteral("url"))) {
            error(m_ini.sectionLine(section),
                  QStringLiteral("Section %1 has no \"url\" option.").arg(sectionName(section)));
            return;
        }
        if (target.url.isEmpty())
            return; // a bad url was reported; its kind is unknown
        const bool jenkins = target.url.startsWith(QLatin1String("jenkins+"));
        const QStringList foreign = jenkins
                ? QStringList{QStringLiteral("data_dir"), QStringLiteral("master_dir"),
                              QStringLiteral("scheduler")}
                : QStringList{QStringLiteral("credentials"), QStringLiteral("folder"),
                              QStringLiteral("jenkins_library")};
        for (const QString &option : foreign) {
            if (m_ini.hasOption(section, option))
                error(m_ini.optionLine(section, option),
                      QStringLiteral("Option %1 in section %2 applies to %3 targets only.")
                              .arg(quoted(option), sectionName(section),
                                   jenkins ? QStringLiteral("Buildbot")
                                           : QStringLiteral("Jenkins")));
        }
    }

    void checkTls()
    {
        const QString server = QStringLiteral("server");
        const QString certificate = QStringLiteral("tls_certificate");
        const QString key = QStringLiteral("tls_key");
        const BridgeConfig &config = m_reading.config;
        if (config.tlsCertificate.isEmpty() == config.tlsKey.isEmpty())
            return;
        const QString given = config.tlsCertificate.isEmpty() ? key : certificate;
        error(m_ini.optionLine(server, given),
              QStringLiteral("Option %1 in section [server] needs %2 too.")
                      .arg(quoted(given), quoted(given == key ? certificate : key)));
    }

    void unknownOption(int line, const QString &section, const QString &option)
    {
        error(line,
              QStringLiteral("Unknown option %1 in section %2.")
                      .arg(quoted(option), sectionName(section)));
    }

    void badValue(int line, const QString &section, const QString &option, const QString &value,
                  const QString &expected)
    {
        error(line,
              QStringLiteral("Invalid value %1 for option %2 in section %3: expected %4.")
                      .arg(quoted(value), quoted(option), sectionName(section), expected));
    }

    void error(int line, const QString &message)
    {
        m_reading.diagnostics.append({line, Core::Severity::Error, message});
    }

    void warning(int line, const QString &message)
    {
        m_reading.diagnostics.append({line, Core::Severity::Warning, message});
    }

    const Core::IniFile &m_ini;
    BridgeConfigReading m_reading;
};

QString ConfigDiagnostic::toString(const QString &fileName) const
{
    const QString where = line > 0 ? fileName + QLatin1Char(':') + QString::number(line) : fileName;
    const QString kind = severity == Core::Severity::Error ? QStringLiteral("error")
                                                           : QStringLiteral("warning");
    return where + QLatin1String(": ") + kind + QLatin1String(": ") + message;
}

QStringList CiTargetConfig::arguments(const QString &action) const
{
    QStringList result{QStringLiteral("--ci"), url};
    const auto add = [&result](const char *option, const QString &value) {
        if (!value.isEmpty())
            result << QLatin1String(option) << value;
    };
    add("--credentials", credentialsFile);
    add("--timeout", timeoutSeconds > 0 ? QString::number(timeoutSeconds) : QString());
    add("--scheduler", scheduler);
    if (action == QLatin1String("push")) {
        add("--folder", folder);
        add("--jenkins-library", jenkinsLibrary);
        add("--data-dir", dataDir);
        add("--master-dir", masterDir);
    }
    return result;
}

bool BridgeConfig::isSet(const QString &section, const QString &option) const
{
    return m_given.contains(section + QLatin1Char('.') + option);
}

const CiTargetConfig *BridgeConfig::ciTarget(const QString &name) const
{
    for (const CiTargetConfig &target : ciTargets) {
        if (target.name == name)
            return &target;
    }
    return nullptr;
}

BridgeConfigReading BridgeConfig::read(const QByteArray &data)
{
    const Core::Result<Core::IniFile> ini = Core::IniFile::parse(data);
    if (!ini) {
        BridgeConfigReading reading;
        reading.diagnostics.append(
                {int(ini.error().line), Core::Severity::Error, ini.error().message});
        return reading;
    }
    return BridgeConfigParser(ini.value()).run();
}

bool BridgeConfigReading::hasErrors() const
{
    for (const ConfigDiagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity == Core::Severity::Error)
            return true;
    }
    return false;
}

} // namespace Bridge
