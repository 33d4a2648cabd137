// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/shellword.h"

#include <QRegularExpression>

#include "core/shellsplitter.h"

namespace Translator {

namespace {

/// Build-time references travel through splitting as private-use characters.
constexpr ushort placeholderBase = 0xE000;

const QStringList &runtimeOrder()
{
    static const QStringList order{QStringLiteral("revision"), QStringLiteral("build"),
                                   QStringLiteral("config"), QStringLiteral("path"),
                                   QStringLiteral("platform")};
    return order;
}

/// Names the master injects: their recipe attribute values are replaced at build time.
bool isMasterVariable(const QString &name)
{
    static const QStringList names{
            QStringLiteral("path"),       QStringLiteral("revision"), QStringLiteral("config"),
            QStringLiteral("build"),      QStringLiteral("platform"), QStringLiteral("name"),
            QStringLiteral("form_token"), QStringLiteral("reponame"), QStringLiteral("repopath")};
    return names.contains(name);
}

bool isSlaveProperty(const QString &name)
{
    static const QStringList names{QStringLiteral("os"), QStringLiteral("family"),
                                   QStringLiteral("version"), QStringLiteral("machine"),
                                   QStringLiteral("processor")};
    return names.contains(name) || name.contains(QLatin1Char('.'));
}

bool isIdentifierStart(QChar c)
{
    return c == QLatin1Char('_') || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

Core::Error notExact(const QString &why)
{
    return Core::makeError(Core::ErrorCode::Unsupported, why);
}

/// Pass 2 of Bitten's interpolation (string.Template.safe_substitute with the slave's
/// environment) on text without build-time parts: `$$` → `$`; an environment reference is not
/// known here.
Core::Result<QString> environmentPass(const QString &text)
{
    QString out;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$') || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('$')) {
            out += QLatin1Char('$');
            ++i;
        } else if (isIdentifierStart(next)
                   || (next == QLatin1Char('{') && i + 2 < text.size()
                       && isIdentifierStart(text.at(i + 2)))) {
            return notExact(QStringLiteral("the value refers to the slave's environment (%1)")
                                    .arg(text.mid(i, 16)));
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

ShellWord::ShellWord(const QHash<QString, QString> &rootVariables,
                     const QHash<QString, QString> &knownVariables)
    : m_rootVariables(rootVariables), m_knownVariables(knownVariables)
{ }

const QHash<QString, QString> &ShellWord::runtimeVariables()
{
    static const QHash<QString, QString> variables{
            {QStringLiteral("revision"), QStringLiteral("REVISION")},
            {QStringLiteral("build"), QStringLiteral("BITTERN_REQUEST_ID")},
            {QStringLiteral("config"), QStringLiteral("BITTEN_CONFIG")},
            {QStringLiteral("path"), QStringLiteral("BITTEN_PATH")},
            {QStringLiteral("platform"), QStringLiteral("BITTEN_PLATFORM")}};
    return variables;
}

Core::Result<QString> ShellWord::resolve(const QString &value) const
{
    for (const QChar c : value) {
        if (c.unicode() >= placeholderBase && c.unicode() < placeholderBase + 8)
            return notExact(QStringLiteral("the value holds private-use characters"));
    }
    static const QRegularExpression reference(
            QStringLiteral("\\$\\{([A-Za-z0-9_][A-Za-z0-9_.]*?[A-Za-z0-9_])(?::(.+))?\\}"));
    QString out;
    int last = 0;
    QRegularExpressionMatchIterator it = reference.globalMatch(value);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString ref = match.captured(1);
        Core::Result<QString> text = environmentPass(value.mid(last, match.capturedStart() - last));
        if (!text)
            return text;
        out += text.value();
        last = match.capturedEnd();
        if (match.lastCapturedIndex() >= 2)
            return notExact(QStringLiteral("${%1:…} uses a default").arg(ref));
        if (isSlaveProperty(ref))
            return notExact(QStringLiteral("${%1} is a slave property").arg(ref));
        if (m_knownVariables.contains(ref)) {
            Core::Result<QString> substituted = environmentPass(m_knownVariables.value(ref));
            if (!substituted)
                return substituted;
            out += substituted.value();
        } else if (runtimeOrder().contains(ref)) {
            out += QChar(ushort(placeholderBase + runtimeOrder().indexOf(ref)));
        } else if (!isMasterVariable(ref) && m_rootVariables.contains(ref)) {
            Core::Result<QString> substituted = environmentPass(m_rootVariables.value(ref));
            if (!substituted)
                return substituted;
            out += substituted.value();
        } else {
            return notExact(QStringLiteral("${%1} is only known on the slave").arg(ref));
        }
    }
    Core::Result<QString> tail = environmentPass(value.mid(last));
    if (!tail)
        return tail;
    return QString(out + tail.value());
}

QString ShellWord::quote(const QString &text)
{
    return Core::ShellSplitter::quote(text);
}

QString ShellWord::render(const QString &resolved)
{
    QString out;
    QString literal;
    bool any = false;
    for (const QChar c : resolved) {
        const int index = c.unicode() - placeholderBase;
        if (index < 0 || index >= runtimeOrder().size()) {
            literal += c;
            continue;
        }
        if (!literal.isEmpty())
            out += quote(literal);
        literal.clear();
        out += QLatin1String("\"$") + runtimeVariables().value(runtimeOrder().at(index))
                + QLatin1Char('"');
        any = true;
    }
    if (!literal.isEmpty() || !any)
        out += quote(literal);
    return out;
}

Core::Result<QString> ShellWord::word(const QString &value) const
{
    Core::Result<QString> resolved = resolve(value);
    if (!resolved)
        return resolved;
    return render(resolved.value());
}

Core::Result<QString> ShellWord::words(const QString &value) const
{
    Core::Result<QString> resolved = resolve(value);
    if (!resolved)
        return resolved;
    Core::Result<QStringList> split = Core::ShellSplitter::split(resolved.value());
    if (!split)
        return notExact(
                QStringLiteral("Bitten cannot split the arguments: %1").arg(split.error().message));
    QStringList out;
    for (const QString &w : split.value())
        out += render(w);
    return out.join(QLatin1Char(' '));
}

Core::Result<QString> ShellWord::literal(const QString &value) const
{
    Core::Result<QString> resolved = resolve(value);
    if (!resolved)
        return resolved;
    for (const QChar c : resolved.value()) {
        if (c.unicode() >= placeholderBase && c.unicode() < placeholderBase + 8)
            return notExact(QStringLiteral("the value is only known when the build runs"));
    }
    return resolved;
}

} // namespace Translator
