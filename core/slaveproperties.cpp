// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/slaveproperties.h"

#include <algorithm>

#include <QSysInfo>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#ifdef Q_OS_UNIX
#include <sys/utsname.h>
#endif

#include "core/inifile.h"

namespace Core {

namespace {

const QString authenticationSection = QStringLiteral("authentication");

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// Which INI option overrides which platform property (Configuration._merge_sysinfo).
struct PlatformOption
{
    const char *property;
    const char *section;
    const char *option;
};
constexpr PlatformOption platformOptions[] = {
        {"machine", "machine", "name"}, {"processor", "machine", "processor"}, {"os", "os", "name"},
        {"family", "os", "family"},     {"version", "os", "version"},
};

// Qt's XML error strings mostly end with a full stop already.
QString asSentence(const QString &text)
{
    return text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.');
}

} // namespace

QStringList SlaveProperties::platformPropertyNames()
{
    return {QStringLiteral("os"), QStringLiteral("family"), QStringLiteral("version"),
            QStringLiteral("machine"), QStringLiteral("processor")};
}

SlaveProperties SlaveProperties::detect()
{
    SlaveProperties properties;
#ifdef Q_OS_UNIX
    struct utsname name = {};
    if (uname(&name) == 0) {
        properties.m_platform.insert(QStringLiteral("os"), QString::fromLocal8Bit(name.sysname));
        properties.m_platform.insert(QStringLiteral("version"),
                                     QString::fromLocal8Bit(name.release));
        properties.m_platform.insert(QStringLiteral("machine"),
                                     QString::fromLocal8Bit(name.machine));
    }
    properties.m_platform.insert(QStringLiteral("family"), QStringLiteral("posix"));
#else
    properties.m_platform.insert(QStringLiteral("os"), QStringLiteral("Windows"));
    properties.m_platform.insert(QStringLiteral("version"), QSysInfo::productVersion());
    const QString arch = QSysInfo::currentCpuArchitecture();
    properties.m_platform.insert(QStringLiteral("machine"),
                                 arch == QLatin1String("x86_64") ? QStringLiteral("AMD64") : arch);
    properties.m_platform.insert(QStringLiteral("family"), QStringLiteral("nt"));
#endif
    // Python's platform.processor() is empty on Linux.
    properties.m_platform.insert(QStringLiteral("processor"), QString());
    return properties;
}

Result<SlaveProperties> SlaveProperties::fromIni(const IniFile &ini, const SlaveProperties &base)
{
    SlaveProperties properties = base;
    for (const PlatformOption &entry : platformOptions) {
        const QString section = QLatin1String(entry.section);
        const QString option = QLatin1String(entry.option);
        if (!ini.hasSection(section) || !ini.hasOption(section, option))
            continue;
        const auto value = ini.value(section, option);
        if (!value)
            return value.error();
        properties.m_platform.insert(QLatin1String(entry.property), value.value());
    }
    for (const QString &section : ini.sections()) {
        if (section == QLatin1String("os") || section == QLatin1String("machine")
            || section == QLatin1String("maintainer"))
            continue;
        const auto merged = properties.mergeIniSection(ini, section);
        if (!merged)
            return merged.error();
    }
    return properties;
}

Result<void> SlaveProperties::mergeIniSection(const IniFile &ini, const QString &section)
{
    Package package{section, {}, {}};
    for (const QString &option : ini.options(section)) {
        if (option == QLatin1String("name")) {
            m_warnings.append(QStringLiteral("Reserved configuration option 'name' used for "
                                             "package/section %1. Skipping.")
                                      .arg(quoted(section)));
            continue;
        }
        const auto value = ini.value(section, option);
        if (!value)
            return value.error();
        package.keys.append(option);
        package.values.insert(option, value.value());
    }
    if (section == authenticationSection) {
        m_username = package.values.value(QStringLiteral("username"));
        m_password = package.values.value(QStringLiteral("password"));
    }
    m_packages.append(package);
    return {};
}

Result<void> SlaveProperties::applyOverrides(const QStringList &definitions)
{
    for (const QString &definition : definitions) {
        const int equals = definition.indexOf(QLatin1Char('='));
        const QString name = definition.left(equals);
        const int dot = name.indexOf(QLatin1Char('.'));
        if (equals <= 0 || dot == 0 || (dot > 0 && dot == name.size() - 1))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Property definition %1 is not of the form "
                                            "name=value or package.option=value.")
                                     .arg(quoted(definition)));
        if (dot < 0 && !platformPropertyNames().contains(name))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Property definition %1 names no slave property: an "
                                            "undotted name must be one of os, family, version, "
                                            "machine or processor.")
                                     .arg(quoted(definition)));
        setValue(name, definition.mid(equals + 1));
    }
    return {};
}

bool SlaveProperties::isVisible(const Package &package) const
{
    return package.name != authenticationSection || m_username.isEmpty();
}

const SlaveProperties::Package *SlaveProperties::findPackage(const QString &name) const
{
    for (const Package &package : m_packages) {
        if (package.name == name)
            return isVisible(package) ? &package : nullptr;
    }
    return nullptr;
}

// Like Configuration.__getitem__: a dotted name is split at its first dot.
QString SlaveProperties::value(const QString &name) const
{
    const int dot = name.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return m_platform.value(name);
    const Package *package = findPackage(name.left(dot));
    return package ? package->values.value(name.mid(dot + 1)) : QString();
}

bool SlaveProperties::contains(const QString &name) const
{
    const int dot = name.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return m_platform.contains(name);
    const Package *package = findPackage(name.left(dot));
    return package && package->values.contains(name.mid(dot + 1));
}

void SlaveProperties::setValue(const QString &name, const QString &value)
{
    const int dot = name.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        m_platform.insert(name, value);
        return;
    }
    const QString packageName = name.left(dot);
    const QString option = name.mid(dot + 1);
    auto it = std::find_if(m_packages.begin(), m_packages.end(),
                           [&](const Package &package) { return package.name == packageName; });
    if (it == m_packages.end())
        it = m_packages.insert(m_packages.end(), Package{packageName, {}, {}});
    if (!it->values.contains(option))
        it->keys.append(option);
    it->values.insert(option, value);
}

QHash<QString, QString> SlaveProperties::toHash() const
{
    QHash<QString, QString> hash = m_platform;
    for (const Package &package : m_packages) {
        if (!isVisible(package))
            continue;
        for (const QString &key : package.keys)
            hash.insert(package.name + QLatin1Char('.') + key, package.values.value(key));
    }
    return hash;
}

QStringList SlaveProperties::packageNames() const
{
    QStringList names;
    for (const Package &package : m_packages) {
        if (isVisible(package))
            names.append(package.name);
    }
    return names;
}

QByteArray SlaveProperties::registrationXml(const QString &slaveName) const
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartElement(QStringLiteral("slave"));
    xml.writeAttribute(QStringLiteral("name"), slaveName);
    xml.writeAttribute(QStringLiteral("version"), QString::number(protocolVersion));
    xml.writeStartElement(QStringLiteral("platform"));
    xml.writeAttribute(QStringLiteral("processor"), value(QStringLiteral("processor")));
    xml.writeCharacters(value(QStringLiteral("machine")));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("os"));
    xml.writeAttribute(QStringLiteral("family"), value(QStringLiteral("family")));
    xml.writeAttribute(QStringLiteral("version"), value(QStringLiteral("version")));
    xml.writeCharacters(value(QStringLiteral("os")));
    xml.writeEndElement();
    for (const Package &package : m_packages) {
        if (!isVisible(package))
            continue;
        xml.writeEmptyElement(QStringLiteral("package"));
        xml.writeAttribute(QStringLiteral("name"), package.name);
        for (const QString &key : package.keys) {
            if (key != QLatin1String("name")) // the element's own key (from -D pkg.name=…)
                xml.writeAttribute(key, package.values.value(key));
        }
    }
    xml.writeEndElement();
    return body;
}

namespace {

// Master side of bitten-spec §5.3 step 5, one child element of <slave>.
Result<void> readRegistrationChild(QXmlStreamReader &xml, SlaveRegistration *registration)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    auto &properties = registration->properties;
    const auto copyAttribute = [&](const char *attribute, const char *property) {
        if (attributes.hasAttribute(QLatin1String(attribute)))
            properties.insert(QLatin1String(property),
                              attributes.value(QLatin1String(attribute)).toString());
    };
    const QStringRef element = xml.name();
    if (element == QLatin1String("platform")) {
        copyAttribute("processor", "processor");
        properties.insert(QStringLiteral("machine"),
                          xml.readElementText(QXmlStreamReader::IncludeChildElements));
    } else if (element == QLatin1String("os")) {
        copyAttribute("family", "family");
        copyAttribute("version", "version");
        properties.insert(QStringLiteral("os"),
                          xml.readElementText(QXmlStreamReader::IncludeChildElements));
    } else if (element == QLatin1String("package")) {
        const QString package = attributes.value(QLatin1String("name")).toString();
        if (!attributes.hasAttribute(QLatin1String("name")))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("A package in the registration of slave %1 has no "
                                            "name attribute.")
                                     .arg(quoted(registration->slaveName)),
                             xml.lineNumber(), xml.columnNumber());
        for (const QXmlStreamAttribute &attribute : attributes) {
            if (attribute.name() != QLatin1String("name"))
                properties.insert(package + QLatin1Char('.') + attribute.name(),
                                  attribute.value().toString());
        }
        xml.skipCurrentElement();
    } else {
        xml.skipCurrentElement();
    }
    return {};
}

Result<void> readRegistrationRoot(QXmlStreamReader &xml, SlaveRegistration *registration)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    if (!attributes.hasAttribute(QLatin1String("name")))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The slave registration has no name attribute."),
                         xml.lineNumber(), xml.columnNumber());
    registration->slaveName = attributes.value(QLatin1String("name")).toString();
    registration->properties.insert(QStringLiteral("name"), registration->slaveName);
    if (attributes.hasAttribute(QLatin1String("version"))) {
        const QString version = attributes.value(QLatin1String("version")).toString();
        bool ok = false;
        registration->protocolVersion = version.trimmed().toInt(&ok);
        if (!ok)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("The registration of slave %1 has a version %2 that "
                                            "is not an integer.")
                                     .arg(quoted(registration->slaveName), quoted(version)),
                             xml.lineNumber(), xml.columnNumber());
    }
    while (xml.readNextStartElement()) {
        const auto child = readRegistrationChild(xml, registration);
        if (!child)
            return child;
    }
    return {};
}

} // namespace

Result<SlaveRegistration> SlaveProperties::readRegistration(const QByteArray &body,
                                                            const QString &clientAddress)
{
    // The master parses the whole body before looking at it, so well-formedness comes first.
    QXmlStreamReader check(body);
    while (!check.atEnd())
        check.readNext();
    if (check.hasError())
        return makeError(ErrorCode::ParseFailed,
                         QStringLiteral("The slave registration is not well-formed XML: %1")
                                 .arg(asSentence(check.errorString())),
                         check.lineNumber(), check.columnNumber());
    QXmlStreamReader xml(body);
    SlaveRegistration registration;
    if (xml.readNextStartElement()) {
        const auto root = readRegistrationRoot(xml, &registration);
        if (!root)
            return root.error();
    }
    registration.properties.insert(QStringLiteral("ipnr"), clientAddress);
    return registration;
}

} // namespace Core
