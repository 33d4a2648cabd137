// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/helpwriter.h"

#include <QRegularExpression>

namespace Core {

namespace {

constexpr int lineWidth = 79;
constexpr int labelColumn = 26;

QString usageLines(const ProgramSpec &command)
{
    const QString head = QStringLiteral("usage: ") + command.fullName() + QLatin1Char(' ');
    QString text;
    for (const QString &line : command.synopsis) {
        text += (text.isEmpty() ? head : QString(head.size(), QLatin1Char(' '))) + line
                + QLatin1Char('\n');
    }
    return text.isEmpty() ? head.trimmed() + QLatin1Char('\n') : text;
}

/// "  LABEL  text…" with the text wrapped in the second column (on its own line when long).
QString item(const QString &label, const QString &text)
{
    QString out = QStringLiteral("  ") + label;
    const QString body = HelpWriter::wrap(text, lineWidth, labelColumn);
    if (out.size() + 2 > labelColumn)
        return out + QLatin1Char('\n') + body;
    return out.leftJustified(labelColumn) + body.mid(labelColumn);
}

QString optionText(const OptionSpec &option)
{
    if (option.defaultValue.isEmpty())
        return option.description;
    return option.description + QStringLiteral(" (default: ") + option.defaultValue
            + QLatin1Char(')');
}

} // namespace

QString HelpWriter::wrap(const QString &text, int width, int indent)
{
    QString out;
    const QString margin(indent, QLatin1Char(' '));
    const QStringList paragraphs = text.split(QStringLiteral("\n\n"));
    for (const QString &paragraph : paragraphs) {
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        QString line;
        const QStringList words
                = paragraph.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (!line.isEmpty() && indent + line.size() + 1 + word.size() > width) {
                out += margin + line + QLatin1Char('\n');
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        if (!line.isEmpty())
            out += margin + line + QLatin1Char('\n');
    }
    return out;
}

QString HelpWriter::write(const ProgramSpec &command, const QVector<ProgramSpec> &subcommands)
{
    QString out = usageLines(command);
    if (!command.description.isEmpty())
        out += QLatin1Char('\n') + wrap(command.description, lineWidth, 0);
    if (!subcommands.isEmpty()) {
        out += QStringLiteral("\nsubcommands:\n");
        for (const ProgramSpec &sub : subcommands)
            out += item(sub.name, sub.summary);
    }
    if (!command.options.isEmpty()) {
        out += QStringLiteral("\noptions:\n");
        for (const OptionSpec &option : command.options)
            out += item(option.label(), optionText(option));
    }
    return out;
}

} // namespace Core
