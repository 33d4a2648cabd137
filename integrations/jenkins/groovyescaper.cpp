// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/groovyescaper.h"

namespace Jenkins {

Core::Result<QString> GroovyEscaper::singleQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8 + 2);
    out += QLatin1Char('\'');
    const QChar *data = text.constData();
    int run = 0; // start of the characters not yet copied
    for (int i = 0; i < text.size(); ++i) {
        const ushort u = data[i].unicode();
        if (u >= 0x20 && u != '\\' && u != '\'' && u != 0x7f)
            continue;
        out.append(data + run, i - run);
        run = i + 1;
        switch (u) {
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
            return Core::makeError(
                    Core::ErrorCode::Unsupported,
                    QStringLiteral("The text contains the control character U+%1, which a "
                                   "Groovy string literal cannot carry safely.")
                            .arg(QString::number(u, 16).toUpper().rightJustified(
                                    4, QLatin1Char('0'))));
        }
    }
    out.append(data + run, text.size() - run);
    out += QLatin1Char('\'');
    return out;
}

} // namespace Jenkins
