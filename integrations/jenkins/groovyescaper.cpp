// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/groovyescaper.h"

namespace Jenkins {

namespace {

bool isForbiddenControl(QChar c)
{
    const ushort u = c.unicode();
    return (u < 0x20 && u != '\n' && u != '\r' && u != '\t') || u == 0x7f;
}

} // namespace

Core::Result<QString> GroovyEscaper::singleQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8 + 2);
    out += QLatin1Char('\'');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\'':
            out += QLatin1String("\\'");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (isForbiddenControl(c)) {
                return Core::makeError(
                        Core::ErrorCode::Unsupported,
                        QStringLiteral("The text contains the control character U+%1, which a "
                                       "Groovy string literal cannot carry safely.")
                                .arg(QString::number(c.unicode(), 16)
                                             .toUpper()
                                             .rightJustified(4, QLatin1Char('0'))));
            }
            out += c;
        }
    }
    out += QLatin1Char('\'');
    return out;
}

} // namespace Jenkins
