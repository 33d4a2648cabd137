// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/nativecommand.h"

#include <optional>

#include <QRegularExpression>

namespace Translator {

namespace {

using Core::CommandId;
using Core::RecipeCommand;

Core::Error noNative(const QString &why)
{
    return Core::makeError(Core::ErrorCode::Unsupported, why);
}

/// Collects shell words; the first attribute that cannot be translated wins.
class Line
{
public:
    Line(const ShellWord &words, const RecipeCommand &command) : m_words(words), m_command(command)
    { }

    Line &text(const QString &raw)
    {
        m_parts += raw;
        return *this;
    }
    /// One word from an attribute value (prefix + value, e.g. `--jobs=`).
    Line &word(const QString &attribute, const QString &prefix = QString())
    {
        if (!m_command.hasAttribute(attribute) || m_error)
            return *this;
        Core::Result<QString> w = m_words.word(m_command.value(attribute));
        if (!w)
            return fail(attribute, w.error().message);
        m_parts += prefix.isEmpty() ? w.value() : ShellWord::quote(prefix) + w.value();
        return *this;
    }
    /// The attribute split like Bitten's `args`.
    Line &words(const QString &attribute)
    {
        if (!m_command.hasAttribute(attribute) || m_error)
            return *this;
        Core::Result<QString> w = m_words.words(m_command.value(attribute));
        if (!w)
            return fail(attribute, w.error().message);
        if (!w.value().isEmpty())
            m_parts += w.value();
        return *this;
    }
    /// `--flag=WORD` for each space-separated word of a literal attribute.
    Line &each(const QString &attribute, const QString &prefix)
    {
        const Core::Result<QString> value = literal(attribute);
        for (const QString &w : value.hasValue()
                     ? value.value().split(QLatin1Char(' '), Qt::SkipEmptyParts)
                     : QStringList())
            m_parts += ShellWord::quote(prefix + w);
        return *this;
    }
    Core::Result<QString> literal(const QString &attribute)
    {
        if (!m_command.hasAttribute(attribute) || m_error)
            return QString();
        Core::Result<QString> value = m_words.literal(m_command.value(attribute));
        if (!value)
            fail(attribute, value.error().message);
        return value;
    }
    Line &fail(const QString &attribute, const QString &why)
    {
        if (!m_error)
            m_error = QStringLiteral("attribute %1: %2").arg(attribute, why);
        return *this;
    }
    Core::Result<QString> result() const
    {
        if (m_error)
            return noNative(*m_error);
        return m_parts.join(QLatin1Char(' '));
    }

private:
    const ShellWord &m_words;
    const RecipeCommand &m_command;
    QStringList m_parts;
    std::optional<QString> m_error;
};

/// `( if [ -d DIR ]; then cd DIR; fi; exec … )` — Bitten silently stays in basedir otherwise.
QString inDirectory(const QString &dirWord, const QString &command)
{
    if (dirWord.isEmpty())
        return QLatin1String("( exec ") + command + QLatin1String(" )");
    return QLatin1String("( if [ -d ") + dirWord + QLatin1String(" ]; then cd ") + dirWord
            + QLatin1String("; fi; exec ") + command + QLatin1String(" )");
}

Core::Result<NativeForm> form(const Core::Result<QString> &script, bool exact = true,
                              const QString &note = QString())
{
    if (!script)
        return script.error();
    return NativeForm{script.value(), exact, note};
}

bool isTruthy(const Core::Result<QString> &value)
{
    return value.hasValue() && !value.value().isEmpty();
}

} // namespace

Core::Result<NativeForm> NativeCommand::translate(const RecipeCommand &command) const
{
    switch (command.id) {
    case CommandId::ShExec:
    case CommandId::ShPipe:
        return shExec(command);
    case CommandId::CMake:
        return cMake(command);
    case CommandId::CConfigure:
        return cConfigure(command);
    case CommandId::CAutoreconf:
        return cAutoreconf(command);
    case CommandId::SvnCheckout:
    case CommandId::SvnExport:
    case CommandId::SvnUpdate:
        return svn(command);
    case CommandId::HgPull:
        return hgPull(command);
    case CommandId::XmlTransform:
        return xmlTransform(command);
    case CommandId::PhpPhing:
        return phpPhing(command);
    case CommandId::PythonExec:
    case CommandId::PythonDistutils:
    case CommandId::JavaAnt:
        return approximate(command);
    default:
        break;
    }
    return noNative(QStringLiteral("%1 produces Bitten reports or uploads that only the agent "
                                   "writes")
                            .arg(command.qualifiedName()));
}

/// Windows programs (drive letters, .bat/.cmd/.exe): a Windows slave ran them, cmd built-ins
/// and batch files through the shell (bitten-spec §3.3); a POSIX sh cannot.
bool isWindowsProgram(const QString &program)
{
    static const QRegularExpression windows(QStringLiteral("^[A-Za-z]:[\\\\/]|\\.(bat|cmd|exe)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return windows.match(program).hasMatch();
}

namespace {

/// The `timeout`, program, `file`, `args` and (sh:pipe) input redirection of sh:exec.
Core::Result<void> addShProgram(Line &program, const RecipeCommand &command)
{
    if (command.hasAttribute(QStringLiteral("timeout"))) {
        const Core::Result<QString> t = program.literal(QStringLiteral("timeout"));
        bool ok = false;
        if (t)
            t.value().toUInt(&ok);
        if (!ok)
            return noNative(QStringLiteral("attribute timeout is not a whole number of seconds"));
        program.text(QStringLiteral("timeout")).text(t.value());
    }
    program.word(QStringLiteral("executable"));
    if (command.hasAttribute(QStringLiteral("file")))
        program.text(QStringLiteral("\"$bitten_file\""));
    program.words(QStringLiteral("args"));
    if (command.id == CommandId::ShPipe)
        program.text(QStringLiteral("<\"$bitten_input\""));
    return {};
}

/// Sets $bitten_file as Bitten resolves `file`: inside `dir` when it exists there, else as given.
Core::Result<QString> shFilePrologue(const ShellWord &words, const RecipeCommand &command)
{
    const QString dirText = command.value(QStringLiteral("dir"));
    const QString file = command.value(QStringLiteral("file"));
    const QString joined = dirText.isEmpty() || file.startsWith(QLatin1Char('/'))
            ? file
            : dirText + QLatin1Char('/') + file;
    const Core::Result<QString> raw = words.word(file);
    const Core::Result<QString> resolved = words.word(joined);
    if (!raw || !resolved)
        return noNative(
                QStringLiteral("attribute file: %1").arg((raw ? resolved : raw).error().message));
    const QString absolute = joined.startsWith(QLatin1Char('/'))
            ? resolved.value()
            : QLatin1String("\"$PWD\"/") + resolved.value();
    return QString(QLatin1String("bitten_file=") + raw.value() + QLatin1String("; if [ -e ")
                   + resolved.value() + QLatin1String(" ]; then bitten_file=") + absolute
                   + QLatin1String("; fi; "));
}

/// The variable assignments that run before sh:exec's program (file, sh:pipe's input).
Core::Result<QString> shPrologue(const ShellWord &words, const RecipeCommand &command)
{
    QString prologue;
    if (command.hasAttribute(QStringLiteral("file"))) {
        const Core::Result<QString> file = shFilePrologue(words, command);
        if (!file)
            return file.error();
        prologue += file.value();
    }
    if (command.id == CommandId::ShPipe) {
        const Core::Result<QString> input = words.word(command.value(QStringLiteral("input")));
        if (!input)
            return noNative(QStringLiteral("attribute input: %1").arg(input.error().message));
        prologue += QLatin1String("bitten_input=\"$PWD\"/") + input.value() + QLatin1String("; ");
    }
    return prologue;
}

} // namespace

Core::Result<NativeForm> NativeCommand::shExec(const RecipeCommand &command) const
{
    for (const QString &attribute : {QStringLiteral("executable"), QStringLiteral("file")}) {
        if (isWindowsProgram(command.value(attribute)))
            return noNative(QStringLiteral("attribute %1 names a Windows program, which a Windows "
                                           "slave ran through cmd; the agent does the same")
                                    .arg(attribute));
    }
    Line dir(m_words, command);
    dir.word(QStringLiteral("dir"));
    Line program(m_words, command);
    const Core::Result<void> added = addShProgram(program, command);
    if (!added)
        return added.error();
    const Core::Result<QString> prologue = shPrologue(m_words, command);
    if (!prologue)
        return prologue.error();
    const Core::Result<QString> dirWord = dir.result();
    const Core::Result<QString> line = program.result();
    if (!dirWord || !line)
        return noNative((dirWord ? line : dirWord).error().message);
    if (command.hasAttribute(QStringLiteral("output")))
        return noNative(QStringLiteral("attribute output: Bitten writes stdout and stderr to the "
                                       "file and to the log at once"));
    QString script = inDirectory(dirWord.value(), line.value());
    script.insert(2, prologue.value());
    return NativeForm{script, true, QString()};
}

Core::Result<NativeForm> NativeCommand::cMake(const RecipeCommand &command) const
{
    Line line(m_words, command);
    line.text(QStringLiteral("make --directory"));
    if (command.hasAttribute(QStringLiteral("directory")))
        line.word(QStringLiteral("directory"));
    else
        line.text(QStringLiteral("\"$PWD\""));
    if (command.hasAttribute(QStringLiteral("file")))
        line.text(QStringLiteral("--file"))
                .text(QStringLiteral("\"$PWD\"/"))
                .word(QStringLiteral("file"));
    if (isTruthy(line.literal(QStringLiteral("keep-going"))))
        line.text(QStringLiteral("--keep-going"));
    line.word(QStringLiteral("target"));
    if (command.hasAttribute(QStringLiteral("jobs")))
        line.text(QStringLiteral("--jobs")).word(QStringLiteral("jobs"));
    line.words(QStringLiteral("args"));
    Core::Result<QString> text = line.result();
    if (text)
        text = text.value().replace(QLatin1String("\"$PWD\"/ "), QLatin1String("\"$PWD\"/"));
    return form(text, true, QStringLiteral("a slave's make.path setting is not consulted"));
}

Core::Result<NativeForm> NativeCommand::cConfigure(const RecipeCommand &command) const
{
    if (command.hasAttribute(QStringLiteral("with")))
        return noNative(QStringLiteral("attribute with: --with-P=VALUE depends on the slave's "
                                       "P.path setting"));
    if (command.hasAttribute(QStringLiteral("prefix")))
        return noNative(QStringLiteral("attribute prefix: Bitten 0.6 and 0.6.1 pass different "
                                       "values (the 0.6 stray 's')"));
    Line line(m_words, command);
    const Core::Result<QString> file
            = m_words.word(command.value(QStringLiteral("file"), QStringLiteral("configure")));
    if (!file)
        return noNative(QStringLiteral("attribute file: %1").arg(file.error().message));
    line.text(QStringLiteral("\"$bitten_file\""));
    line.each(QStringLiteral("enable"), QStringLiteral("--enable-"));
    line.each(QStringLiteral("disable"), QStringLiteral("--disable-"));
    line.each(QStringLiteral("without"), QStringLiteral("--without-"));
    line.word(QStringLiteral("cflags"), QStringLiteral("CFLAGS="));
    line.word(QStringLiteral("cxxflags"), QStringLiteral("CXXFLAGS="));
    const Core::Result<QString> text = line.result();
    if (!text)
        return text.error();
    return NativeForm{QLatin1String("( bitten_file=") + file.value() + QLatin1String("; if [ -e ")
                              + file.value() + QLatin1String(" ]; then bitten_file=\"$PWD\"/")
                              + file.value() + QLatin1String("; fi; exec ") + text.value()
                              + QLatin1String(" )"),
                      true, QString()};
}

Core::Result<NativeForm> NativeCommand::cAutoreconf(const RecipeCommand &command) const
{
    Line line(m_words, command);
    line.text(QStringLiteral("autoreconf"));
    if (isTruthy(line.literal(QStringLiteral("install")))) {
        line.text(QStringLiteral("--install"));
        if (isTruthy(line.literal(QStringLiteral("symlink"))))
            line.text(QStringLiteral("--symlink"));
    }
    if (isTruthy(line.literal(QStringLiteral("force"))))
        line.text(QStringLiteral("--force"));
    line.word(QStringLiteral("warnings"), QStringLiteral("--warnings="));
    line.each(QStringLiteral("include"), QStringLiteral("--include="));
    line.each(QStringLiteral("prepend_include"), QStringLiteral("--prepend-include="));
    return form(line.result());
}

Core::Result<QString> NativeCommand::svnUrl(const RecipeCommand &command) const
{
    const QString url = command.value(QStringLiteral("url"));
    const Core::Result<QString> pathValue = m_words.literal(command.value(QStringLiteral("path")));
    if (!pathValue)
        return noNative(QStringLiteral("attribute path: %1; Bitten joins it to the URL by its "
                                       "leading '/'")
                                .arg(pathValue.error().message));
    QString path = pathValue.value();
    while (command.id == CommandId::SvnCheckout && path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    // The path is already a literal; the URL may hold build-time references.
    if (path.startsWith(QLatin1Char('/')))
        return ShellWord::quote(path);
    const Core::Result<QString> w = m_words.word(url);
    if (!w)
        return noNative(QStringLiteral("attribute url: %1").arg(w.error().message));
    const QString separator
            = url.endsWith(QLatin1Char('/')) || url.isEmpty() ? QString() : QStringLiteral("/");
    return path.isEmpty() ? w.value() : QString(w.value() + ShellWord::quote(separator + path));
}

Core::Result<NativeForm> NativeCommand::svn(const RecipeCommand &command) const
{
    if (command.hasAttribute(QStringLiteral("shared_path")))
        return noNative(QStringLiteral("attribute shared_path: Bitten checks out twice and copies "
                                       "a persistent tree"));
    Line line(m_words, command);
    line.text(QStringLiteral("svn"));
    if (command.id == CommandId::SvnCheckout)
        line.text(QStringLiteral("checkout"));
    else if (command.id == CommandId::SvnExport)
        line.text(QStringLiteral("export --force"));
    else
        line.text(QStringLiteral("update"));
    const auto optional = [&](const QString &attribute, const QString &flag) {
        if (!command.hasAttribute(attribute))
            return;
        const Core::Result<QString> w = m_words.word(command.value(attribute));
        if (!w) {
            line.fail(attribute, w.error().message);
            return;
        }
        const QString var = QLatin1String("bitten_") + attribute;
        line.text(QLatin1String("${") + var + QLatin1String(":+") + flag + QLatin1String(" \"$")
                  + var + QLatin1String("\"}"));
    };
    optional(QStringLiteral("revision"), QStringLiteral("-r"));
    optional(QStringLiteral("username"), QStringLiteral("--username"));
    optional(QStringLiteral("password"), QStringLiteral("--password"));
    const Core::Result<QString> noAuth = line.literal(QStringLiteral("no_auth_cache"));
    if (noAuth && noAuth.value().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        line.text(QStringLiteral("--no-auth-cache"));
    if (command.id != CommandId::SvnUpdate) {
        const Core::Result<QString> target = svnUrl(command);
        if (!target)
            return target.error();
        line.text(target.value());
    }
    const Core::Result<QString> dir
            = m_words.word(command.value(QStringLiteral("dir"), QStringLiteral(".")));
    if (!dir)
        return noNative(QStringLiteral("attribute dir: %1").arg(dir.error().message));
    line.text(dir.value());
    const Core::Result<QString> text = line.result();
    if (!text)
        return text.error();
    QString assignments;
    for (const QString &attribute :
         {QStringLiteral("revision"), QStringLiteral("username"), QStringLiteral("password")}) {
        if (command.hasAttribute(attribute))
            assignments += QLatin1String("bitten_") + attribute + QLatin1Char('=')
                    + m_words.word(command.value(attribute)).value() + QLatin1String("; ");
    }
    const QString note = command.hasAttribute(QStringLiteral("password"))
            ? QStringLiteral("the recipe's password ends up in the job's script; prefer CI "
                             "credentials")
            : QString();
    return NativeForm{QLatin1String("( ") + assignments + QLatin1String("exec ") + text.value()
                              + QLatin1String(" )"),
                      true, note};
}

Core::Result<NativeForm> NativeCommand::hgPull(const RecipeCommand &command) const
{
    const Core::Result<QString> dir
            = m_words.word(command.value(QStringLiteral("dir"), QStringLiteral(".")));
    if (!dir)
        return noNative(QStringLiteral("attribute dir: %1").arg(dir.error().message));
    QString revision;
    if (command.hasAttribute(QStringLiteral("revision"))) {
        const Core::Result<QString> r = m_words.word(command.value(QStringLiteral("revision")));
        if (!r)
            return noNative(QStringLiteral("attribute revision: %1").arg(r.error().message));
        revision = QLatin1String("bitten_rev=") + r.value() + QLatin1String("; ");
    }
    const QString flag = revision.isEmpty()
            ? QString()
            : QStringLiteral(" ${bitten_rev:+-r \"${bitten_rev##*:}\"}");
    return NativeForm{QLatin1String("( ") + revision + QLatin1String("cd ") + dir.value()
                              + QLatin1String(" && exec hg pull -u") + flag + QLatin1String(" )"),
                      true, QString()};
}

Core::Result<NativeForm> NativeCommand::xmlTransform(const RecipeCommand &command) const
{
    Line line(m_words, command);
    line.text(QStringLiteral("xsltproc --nonet -o"));
    line.word(QStringLiteral("dest"))
            .word(QStringLiteral("stylesheet"))
            .word(QStringLiteral("src"));
    return form(line.result(), true,
                QStringLiteral("xsltproc uses libxslt, the XSLT engine of Bitten's slave"));
}

Core::Result<NativeForm> NativeCommand::phpPhing(const RecipeCommand &command) const
{
    Line line(m_words, command);
    if (command.hasAttribute(QStringLiteral("executable")))
        line.word(QStringLiteral("executable"));
    else
        line.text(QStringLiteral("phing"));
    line.words(QStringLiteral("args"));
    line.text(QStringLiteral("-logger phing.listener.DefaultLogger -buildfile"));
    if (command.hasAttribute(QStringLiteral("file")))
        line.text(QStringLiteral("\"$PWD\"/")).word(QStringLiteral("file"));
    else
        line.text(QStringLiteral("\"$PWD\"/build.xml"));
    line.word(QStringLiteral("target"));
    Core::Result<QString> text = line.result();
    if (text)
        text = text.value().replace(QLatin1String("\"$PWD\"/ "), QLatin1String("\"$PWD\"/"));
    return form(text);
}

Core::Result<NativeForm> NativeCommand::approximate(const RecipeCommand &command) const
{
    Line line(m_words, command);
    QString note;
    if (command.id == CommandId::PythonExec) {
        if (!command.hasAttribute(QStringLiteral("file")))
            return noNative(QStringLiteral("python:exec with a module is imported by the slave"));
        line.text(QStringLiteral("python3"))
                .word(QStringLiteral("file"))
                .words(QStringLiteral("args"));
        note = QStringLiteral("runs python3, not the slave's interpreter or python.path");
    } else if (command.id == CommandId::PythonDistutils) {
        line.text(QStringLiteral("python3 setup.py"));
        if (command.hasAttribute(QStringLiteral("command")))
            line.word(QStringLiteral("command"));
        else
            line.text(QStringLiteral("build"));
        line.words(QStringLiteral("options"));
        note = QStringLiteral("Bitten also fails the step on 'error:' lines on stderr");
    } else {
        line.text(QStringLiteral("ant"))
                .words(QStringLiteral("args"))
                .text(QStringLiteral("-noinput"));
        if (command.hasAttribute(QStringLiteral("file")))
            line.text(QStringLiteral("-buildfile")).word(QStringLiteral("file"));
        if (isTruthy(line.literal(QStringLiteral("keep_going"))))
            line.text(QStringLiteral("-keep-going"));
        line.word(QStringLiteral("target"));
        note = QStringLiteral("Bitten reads ant's XmlLogger output for errors and log levels");
    }
    const Core::Result<QString> text = line.result();
    if (!text)
        return text.error();
    return NativeForm{QLatin1String("( exec ") + text.value() + QLatin1String(" )"), false, note};
}

} // namespace Translator
