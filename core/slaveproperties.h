// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"

namespace Core {

class IniFile;

/// What the master reads from a slave's registration body (bitten-spec §5.3, step 5).
struct SlaveRegistration
{
    QString slaveName;
    int protocolVersion = 1; ///< the `version` attribute; 1 when missing
    /// name, ipnr, machine, processor, os, family, version and package.option; a key is
    /// absent when its attribute was (Python's None).
    QHash<QString, QString> properties;
};

/**
 * The properties a Bitten slave describes itself with (bitten-spec §6.2, §6.3): the platform
 * properties os, family, version, machine and processor (auto-detected, overridable by the
 * [os] and [machine] INI sections and by `-D name=value`), and one package per other INI section
 * whose options are addressed as `package.option`. Also writes the registration body the slave
 * POSTs to the master (§5.3) and reads it back on the master side.
 *
 * [authentication] holds the login: when a username is set (from the INI file or setUsername())
 * the section is hidden, otherwise it is an ordinary package (§5.2).
 */
class SlaveProperties
{
public:
    /// The protocol version a 0.6 slave sends.
    static constexpr int protocolVersion = 5;

    /// The running machine, like Python's platform.uname() + system_alias and os.name.
    static SlaveProperties detect();
    /// @p base (usually detect()) with the INI file's sections merged in; a package option
    /// called `name` is skipped and reported in warnings().
    static Result<SlaveProperties> fromIni(const IniFile &ini,
                                           const SlaveProperties &base = detect());
    /// The registration body sent by a slave; @p clientAddress becomes the `ipnr` property.
    static Result<SlaveRegistration> readRegistration(const QByteArray &body,
                                                      const QString &clientAddress);

    /// Applies `name=value` definitions; a dotted name sets a package option, an undotted one
    /// must be a platform property. Stops at the first malformed definition.
    Result<void> applyOverrides(const QStringList &definitions);

    /// os, family, version, machine, processor or package.option; empty when unknown.
    QString value(const QString &name) const;
    bool contains(const QString &name) const;
    void setValue(const QString &name, const QString &value);
    /// All properties under their lookup names, as Interpolator::Context::properties.
    QHash<QString, QString> toHash() const;
    /// Visible packages in INI order, then those added by overrides.
    QStringList packageNames() const;

    QString username() const { return m_username; }
    void setUsername(const QString &username) { m_username = username; }
    QString password() const { return m_password; }
    void setPassword(const QString &password) { m_password = password; }

    /// Messages about skipped configuration, for the caller to log.
    QStringList warnings() const { return m_warnings; }

    /// `<slave name=… version="5"><platform processor=…>MACHINE</platform><os family=…
    /// version=…>OS</os><package name=… option=…/>…</slave>`.
    QByteArray registrationXml(const QString &slaveName) const;

    static QStringList platformPropertyNames();

private:
    struct Package
    {
        QString name;
        QStringList keys;
        QHash<QString, QString> values;
    };

    bool isVisible(const Package &package) const;
    const Package *findPackage(const QString &name) const;
    Result<void> mergeIniSection(const IniFile &ini, const QString &section);

    QHash<QString, QString> m_platform;
    QVector<Package> m_packages;
    QString m_username;
    QString m_password;
    QStringList m_warnings;
};

} // namespace Core
