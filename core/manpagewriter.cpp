// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/manpagewriter.h"

namespace Core {

namespace {

/// Escaped text with its paragraphs (blank-line separated) as .PP blocks.
QString paragraphs(const QString &text)
{
    QString out;
    const QStringList parts = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        out += QStringLiteral(".PP\n") + ManPageWriter::escape(part.simplified())
                + QLatin1Char('\n');
    return out;
}

QString optionItems(const QVector<OptionSpec> &options)
{
    QString out;
    for (const OptionSpec &option : options) {
        QStringList names;
        for (const QString &name : option.names) {
            names.append(
                    QStringLiteral("\\fB")
                    + ManPageWriter::escape(
                            (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name)
                    + QStringLiteral("\\fR"));
        }
        out += QStringLiteral(".TP\n") + names.join(QStringLiteral(", "));
        if (!option.argument.isEmpty())
            out += QStringLiteral(" \\fI") + ManPageWriter::escape(option.argument)
                    + QStringLiteral("\\fR");
        out += QLatin1Char('\n') + ManPageWriter::escape(option.description.simplified());
        if (!option.defaultValue.isEmpty())
            out += QStringLiteral(" (default: ") + ManPageWriter::escape(option.defaultValue)
                    + QLatin1Char(')');
        out += QLatin1Char('\n');
    }
    return out;
}

/// The usage lines in no-fill mode: the command name on the first, continuations indented.
QString synopsis(const ProgramSpec &command)
{
    QString out;
    const QString name = command.fullName();
    for (const QString &line : command.synopsis) {
        out += (out.isEmpty() ? QStringLiteral("\\fB") + ManPageWriter::escape(name)
                                + QStringLiteral("\\fR ")
                              : QString(name.size() + 1, QLatin1Char(' ')))
                + ManPageWriter::escape(line) + QLatin1Char('\n');
    }
    return out;
}

QString subcommandSection(const ProgramSpec &sub)
{
    QString out = QStringLiteral(".SS \"") + sub.fullName() + QStringLiteral("\"\n")
            + QStringLiteral(".nf\n") + synopsis(sub) + QStringLiteral(".fi\n")
            + paragraphs(sub.description.isEmpty() ? sub.summary : sub.description);
    return out + optionItems(sub.options);
}

/// Non-ASCII characters as groff's \[uXXXX] escapes: troff reads its input as Latin-1.
QString asciiOnly(const QString &text)
{
    QString out;
    const QVector<uint> codePoints = text.toUcs4();
    for (const uint codePoint : codePoints) {
        if (codePoint < 0x80)
            out += QChar(char16_t(codePoint));
        else
            out += QStringLiteral("\\[u")
                    + QString::number(codePoint, 16).toUpper().rightJustified(4, QLatin1Char('0'))
                    + QLatin1Char(']');
    }
    return out;
}

} // namespace

QString ManPageWriter::escape(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    out.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    out.replace(QStringLiteral("\n."), QStringLiteral("\n\\&."));
    out.replace(QStringLiteral("\n'"), QStringLiteral("\n\\&'"));
    if (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('\'')))
        out.prepend(QStringLiteral("\\&"));
    return asciiOnly(out);
}

QString ManPageWriter::write(const ProgramSpec &program, const QVector<ProgramSpec> &subcommands,
                             const QString &version)
{
    const QString name = program.program;
    QString out = QStringLiteral(".TH \"") + name.toUpper() + QStringLiteral("\" 1 \"\" \"")
            + escape(name + QLatin1Char(' ') + version) + QStringLiteral("\" \"Bittern\"\n");
    out += QStringLiteral(".SH NAME\n") + escape(name) + QStringLiteral(" \\- ")
            + escape(program.summary) + QLatin1Char('\n');
    out += QStringLiteral(".SH SYNOPSIS\n.nf\n") + synopsis(program);
    for (const ProgramSpec &sub : subcommands)
        out += synopsis(sub);
    out += QStringLiteral(".fi\n.SH DESCRIPTION\n") + paragraphs(program.description);
    if (!program.options.isEmpty())
        out += QStringLiteral(".SH OPTIONS\n") + optionItems(program.options);
    if (!subcommands.isEmpty()) {
        out += QStringLiteral(".SH SUBCOMMANDS\n");
        for (const ProgramSpec &sub : subcommands)
            out += subcommandSection(sub);
    }
    return out;
}

} // namespace Core
