// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inifile.h"

namespace Core {

namespace {

constexpr int maxInterpolationDepth = 10; // ConfigParser.MAX_INTERPOLATION_DEPTH

// Python's str.isspace for one character of a configuration line.
bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
            || c == QLatin1Char('\r') || c == QLatin1Char('\v') || c == QLatin1Char('\f');
}

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// `rem` comments: the first whitespace-separated word is "rem" (any case) at column 1.
bool isRemComment(const QString &line)
{
    if (!line.startsWith(QLatin1Char('r'), Qt::CaseInsensitive))
        return false;
    int end = 0;
    while (end < line.size() && !isSpace(line.at(end)))
        ++end;
    return QStringView(line).left(end).compare(QLatin1String("rem"), Qt::CaseInsensitive) == 0;
}

// ConfigParser: a `;` starts a comment only after whitespace; the check looks at the character
// before the first `;` (for a leading `;` that is, by Python's negative index, the last one).
QString stripInlineComment(const QString &value)
{
    const int pos = value.indexOf(QLatin1Char(';'));
    if (pos < 0)
        return value;
    const QChar before = pos > 0 ? value.at(pos - 1) : value.at(value.size() - 1);
    return isSpace(before) ? value.left(pos) : value;
}

} // namespace

/// The line loop of ConfigParser._read.
class IniFile::Parser
{
public:
    Result<IniFile> run(const QByteArray &data)
    {
        const QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            m_lineNumber = i + 1;
            const auto handled = handleLine(lines.at(i));
            if (!handled)
                return handled.error();
        }
        return m_file;
    }

private:
    Result<void> handleLine(const QString &line)
    {
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#'))
            || line.startsWith(QLatin1Char(';')) || isRemComment(line))
            return {};
        if (isSpace(line.at(0)) && m_section && !m_option.isEmpty()) {
            const QString continuation = line.trimmed();
            if (!continuation.isEmpty())
                m_section->values[m_option] += QLatin1Char('\n') + continuation;
            return {};
        }
        const int close = line.indexOf(QLatin1Char(']'));
        if (line.startsWith(QLatin1Char('[')) && close > 1)
            return startSection(line.mid(1, close - 1));
        if (!m_section)
            return error(QStringLiteral("Line %1 of the INI data comes before any section "
                                        "header: %2.")
                                 .arg(m_lineNumber)
                                 .arg(quoted(line.trimmed())));
        return addOption(line);
    }

    Result<void> startSection(const QString &name)
    {
        const bool isDefault = name == defaultSectionName();
        if (isDefault ? m_seenDefault : m_file.hasSection(name))
            return error(QStringLiteral("Section %1 on line %2 of the INI data is already "
                                        "defined.")
                                 .arg(quoted(name))
                                 .arg(m_lineNumber));
        if (isDefault) {
            m_seenDefault = true;
        } else {
            m_file.m_sections.append(Section{name, {}, {}, 0, {}});
        }
        m_section = m_file.findSection(name);
        m_section->line = m_lineNumber;
        m_option.clear();
        return {};
    }

    Result<void> addOption(const QString &line)
    {
        int separator = 0;
        while (separator < line.size() && line.at(separator) != QLatin1Char(':')
               && line.at(separator) != QLatin1Char('='))
            ++separator;
        if (separator == 0 || separator == line.size() || isSpace(line.at(0)))
            return error(QStringLiteral("Line %1 of the INI data is not a section header, an "
                                        "option or a comment: %2.")
                                 .arg(m_lineNumber)
                                 .arg(quoted(line.trimmed())));
        const QString option = line.left(separator).trimmed().toLower();
        // The value keeps its trailing blanks until after the inline-comment check.
        int valueStart = separator + 1;
        while (valueStart < line.size() && isSpace(line.at(valueStart)))
            ++valueStart;
        QString value = stripInlineComment(line.mid(valueStart)).trimmed();
        if (value == QLatin1String("\"\""))
            value.clear();
        if (m_section->values.contains(option))
            return error(QStringLiteral("Option %1 in section %2 on line %3 of the INI data is "
                                        "already defined.")
                                 .arg(quoted(option), quoted(m_section->name))
                                 .arg(m_lineNumber));
        m_section->keys.append(option);
        m_section->values.insert(option, value);
        m_section->lines.insert(option, m_lineNumber);
        m_option = option;
        return {};
    }

    Error error(const QString &message) const
    {
        return makeError(ErrorCode::ParseFailed, message, m_lineNumber, 1);
    }

    IniFile m_file;
    Section *m_section = nullptr;
    QString m_option;
    bool m_seenDefault = false;
    int m_lineNumber = 0;
};

Result<IniFile> IniFile::parse(const QByteArray &data)
{
    return Parser().run(data);
}

bool IniFile::Section::operator==(const Section &other) const
{
    return name == other.name && keys == other.keys && values == other.values;
}

const IniFile::Section *IniFile::findSection(const QString &name) const
{
    if (name == defaultSectionName())
        return &m_defaults;
    for (const Section &section : m_sections) {
        if (section.name == name)
            return &section;
    }
    return nullptr;
}

IniFile::Section *IniFile::findSection(const QString &name)
{
    return const_cast<Section *>(static_cast<const IniFile *>(this)->findSection(name));
}

QStringList IniFile::sections() const
{
    QStringList names;
    for (const Section &section : m_sections)
        names.append(section.name);
    return names;
}

bool IniFile::hasSection(const QString &section) const
{
    return section != defaultSectionName() && findSection(section);
}

void IniFile::addSection(const QString &section)
{
    if (!findSection(section))
        m_sections.append(Section{section, {}, {}, 0, {}});
}

QStringList IniFile::options(const QString &section) const
{
    const Section *own = findSection(section);
    if (!own)
        return {};
    QStringList names = own->keys;
    for (const QString &key : m_defaults.keys) {
        if (!own->values.contains(key))
            names.append(key);
    }
    return names;
}

const QString *IniFile::findRaw(const QString &section, const QString &option) const
{
    const Section *own = findSection(section);
    if (!own)
        return nullptr;
    const QString key = option.toLower();
    auto it = own->values.constFind(key);
    if (it != own->values.cend())
        return &it.value();
    it = m_defaults.values.constFind(key);
    return it != m_defaults.values.cend() ? &it.value() : nullptr;
}

bool IniFile::hasOption(const QString &section, const QString &option) const
{
    return findRaw(section, option);
}

QString IniFile::rawValue(const QString &section, const QString &option) const
{
    const QString *raw = findRaw(section, option);
    return raw ? *raw : QString();
}

int IniFile::sectionLine(const QString &section) const
{
    const Section *own = findSection(section);
    return own ? own->line : 0;
}

int IniFile::optionLine(const QString &section, const QString &option) const
{
    const Section *own = findSection(section);
    return own ? own->lines.value(option.toLower()) : 0;
}

void IniFile::setValue(const QString &section, const QString &option, const QString &value)
{
    addSection(section);
    Section *target = findSection(section);
    const QString key = option.toLower();
    if (!target->values.contains(key))
        target->keys.append(key);
    target->values.insert(key, value);
}

Result<QString> IniFile::value(const QString &section, const QString &option) const
{
    const QString *raw = findRaw(section, option);
    if (!raw)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Section %1 of the INI data has no option %2.")
                                 .arg(quoted(section), quoted(option.toLower())));
    QString result;
    const auto done = interpolate(section, option.toLower(), *raw, 1, &result);
    if (!done)
        return done.error();
    return result;
}

// SafeConfigParser._interpolate_some: `%%` is a percent sign, `%(key)s` the (recursively
// interpolated) value of key in the section or DEFAULT; any other `%` is an error.
Result<void> IniFile::interpolate(const QString &section, const QString &option, QStringView raw,
                                  int depth, QString *out) const
{
    const auto fail = [&](const QString &cause) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("Option %1 in section %2 of the INI data %3.")
                                 .arg(quoted(option), quoted(section), cause));
    };
    if (depth > maxInterpolationDepth)
        return fail(QStringLiteral("nests interpolation deeper than %1 levels")
                            .arg(maxInterpolationDepth));
    while (!raw.isEmpty()) {
        const int percent = raw.indexOf(QLatin1Char('%'));
        if (percent < 0) {
            out->append(raw);
            break;
        }
        out->append(raw.left(percent));
        raw = raw.mid(percent);
        if (raw.startsWith(QLatin1String("%%"))) {
            out->append(QLatin1Char('%'));
            raw = raw.mid(2);
            continue;
        }
        if (!raw.startsWith(QLatin1String("%(")))
            return fail(QStringLiteral("has a '%' not followed by '%' or '(': %1")
                                .arg(quoted(raw.toString())));
        const int close = raw.indexOf(QLatin1Char(')'));
        if (close <= 2 || close + 1 >= raw.size() || raw.at(close + 1) != QLatin1Char('s'))
            return fail(QStringLiteral("has a bad interpolation reference: %1")
                                .arg(quoted(raw.toString())));
        const QString key = raw.mid(2, close - 2).toString().toLower();
        raw = raw.mid(close + 2);
        const QString *value = findRaw(section, key);
        if (!value)
            return fail(QStringLiteral("refers to %1, which is not defined").arg(quoted(key)));
        if (!value->contains(QLatin1Char('%'))) {
            out->append(*value);
            continue;
        }
        const auto nested = interpolate(section, option, *value, depth + 1, out);
        if (!nested)
            return nested;
    }
    return {};
}

QByteArray IniFile::toBytes() const
{
    QString text;
    const auto writeSection = [&text](const Section &section) {
        text += QLatin1Char('[') + section.name + QLatin1String("]\n");
        for (const QString &key : section.keys) {
            QString value = section.values.value(key);
            value.replace(QLatin1Char('\n'), QLatin1String("\n\t"));
            text += key + QLatin1String(" = ") + value + QLatin1Char('\n');
        }
        text += QLatin1Char('\n');
    };
    if (!m_defaults.keys.isEmpty())
        writeSection(m_defaults);
    for (const Section &section : m_sections)
        writeSection(section);
    return text.toUtf8();
}

bool IniFile::operator==(const IniFile &other) const
{
    return m_defaults == other.m_defaults && m_sections == other.m_sections;
}

} // namespace Core
