// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"

namespace Core {

/**
 * An INI document read and written like Python 2's SafeConfigParser, which bitten-slave uses
 * for its `-f` configuration file (bitten-spec §6.2): `[section]` headers (names
 * case-sensitive), `key = value` / `key: value` (keys lower-cased), full-line `#`, `;` and `rem`
 * comments, `;` comments after whitespace, indented continuation lines, a `[DEFAULT]` section
 * inherited by every section, and `%(key)s` / `%%` interpolation on read.
 *
 * Departing from Python 2 (which merges them silently), a repeated section or a repeated option
 * within one section is an error, as in Python 3's strict mode.
 */
class IniFile
{
public:
    /// The name of the section whose options every other section inherits.
    static QString defaultSectionName() { return QStringLiteral("DEFAULT"); }

    static Result<IniFile> parse(const QByteArray &data);

    /// Section names in the order they first appear, without DEFAULT.
    QStringList sections() const;
    bool hasSection(const QString &section) const;
    /// Adds an empty section unless it exists.
    void addSection(const QString &section);

    /// The section's own option names in order, then inherited DEFAULT ones; empty if the
    /// section does not exist.
    QStringList options(const QString &section) const;
    bool hasOption(const QString &section, const QString &option) const;
    /// The value as written (continuation lines joined with "\n"), own or inherited.
    QString rawValue(const QString &section, const QString &option) const;
    /// The value with `%(key)s` and `%%` interpolated.
    Result<QString> value(const QString &section, const QString &option) const;
    /// The 1-based line of the section's header in the parsed data; 0 when unknown (DEFAULT
    /// without a header, or a section added by addSection()).
    int sectionLine(const QString &section) const;
    /// The 1-based line where the section's own @p option starts in the parsed data; 0 when the
    /// option is inherited from DEFAULT, unknown or was set by setValue().
    int optionLine(const QString &section, const QString &option) const;
    /// Sets a raw value; the section is created if needed; @p option is lower-cased.
    void setValue(const QString &section, const QString &option, const QString &value);

    /// ConfigParser.write(): DEFAULT first, `key = value`, continuation lines tab-indented.
    QByteArray toBytes() const;

    bool operator==(const IniFile &other) const;
    bool operator!=(const IniFile &other) const { return !(*this == other); }

private:
    struct Section
    {
        QString name;
        QStringList keys;
        QHash<QString, QString> values;
        int line = 0; ///< line of the header in the parsed data (not compared)
        QHash<QString, int> lines; ///< line of each option in the parsed data (not compared)
        bool operator==(const Section &other) const;
    };
    class Parser;

    const Section *findSection(const QString &name) const;
    Section *findSection(const QString &name);
    const QString *findRaw(const QString &section, const QString &option) const;
    Result<void> interpolate(const QString &section, const QString &option, QStringView raw,
                             int depth, QString *out) const;

    Section m_defaults{defaultSectionName(), {}, {}, 0, {}};
    QVector<Section> m_sections;
};

} // namespace Core
