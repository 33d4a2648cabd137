// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/machineadxml.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Core {

QByteArray MachineAdXml::addToRegistration(const QByteArray &registration, const ClassAd &ad)
{
    QByteArray element;
    QXmlStreamWriter xml(&element);
    xml.writeDefaultNamespace(namespaceUri());
    xml.writeStartElement(namespaceUri(), elementName());
    xml.writeCharacters(ad.toString());
    xml.writeEndElement();
    const int close = registration.lastIndexOf("</slave>");
    if (close >= 0)
        return registration.left(close) + element + registration.mid(close);
    // An empty root `<slave …/>`.
    const int empty = registration.lastIndexOf("/>");
    if (empty < 0)
        return registration;
    return registration.left(empty) + '>' + element + "</slave>" + registration.mid(empty + 2);
}

QString MachineAdXml::readText(const QByteArray &registration)
{
    QXmlStreamReader xml(registration);
    if (!xml.readNextStartElement())
        return QString();
    while (xml.readNextStartElement()) {
        if (xml.name() == elementName() && xml.namespaceUri() == namespaceUri()) {
            const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements);
            return xml.hasError() ? QString() : (text.isNull() ? QStringLiteral("") : text);
        }
        xml.skipCurrentElement();
    }
    return QString();
}

Result<std::optional<ClassAd>> MachineAdXml::read(const QByteArray &registration)
{
    const QString text = readText(registration);
    if (text.isNull())
        return std::optional<ClassAd>();
    auto ad = ClassAd::parse(text);
    if (!ad) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The machine ad in the slave registration is not a valid "
                                        "ClassAd: %1")
                                 .arg(ad.error().message),
                         ad.error().line, ad.error().column);
    }
    return std::optional<ClassAd>(ad.value());
}

} // namespace Core
