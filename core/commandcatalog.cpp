// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/commandcatalog.h"

#include <QSet>

namespace Core {

namespace {

const char currentBase[] = "http://bitten.edgewall.org/tools/";
const char legacyBase[] = "http://bitten.cmlenz.net/tools/";
const char preFiveBase[] = "bitten:bitten.build.";

/// Python (2.x, which Bitten runs on) keywords and builtin names, sorted: attribute names equal
/// to one of them get a trailing underscore (bitten-spec §1.7).
const char *const pythonReservedNames[] = {
        "ArithmeticError",
        "AssertionError",
        "AttributeError",
        "BaseException",
        "BufferError",
        "BytesWarning",
        "DeprecationWarning",
        "EOFError",
        "Ellipsis",
        "EnvironmentError",
        "Exception",
        "False",
        "FloatingPointError",
        "FutureWarning",
        "GeneratorExit",
        "IOError",
        "ImportError",
        "ImportWarning",
        "IndentationError",
        "IndexError",
        "KeyError",
        "KeyboardInterrupt",
        "LookupError",
        "MemoryError",
        "NameError",
        "None",
        "NotImplemented",
        "NotImplementedError",
        "OSError",
        "OverflowError",
        "PendingDeprecationWarning",
        "ReferenceError",
        "RuntimeError",
        "RuntimeWarning",
        "StandardError",
        "StopIteration",
        "SyntaxError",
        "SyntaxWarning",
        "SystemError",
        "SystemExit",
        "TabError",
        "True",
        "TypeError",
        "UnboundLocalError",
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "UnicodeError",
        "UnicodeTranslateError",
        "UnicodeWarning",
        "UserWarning",
        "ValueError",
        "Warning",
        "ZeroDivisionError",
        "__debug__",
        "__import__",
        "abs",
        "all",
        "and",
        "any",
        "apply",
        "as",
        "assert",
        "basestring",
        "bin",
        "bool",
        "break",
        "buffer",
        "bytearray",
        "bytes",
        "callable",
        "chr",
        "class",
        "classmethod",
        "cmp",
        "coerce",
        "compile",
        "complex",
        "continue",
        "copyright",
        "credits",
        "def",
        "del",
        "delattr",
        "dict",
        "dir",
        "divmod",
        "elif",
        "else",
        "enumerate",
        "eval",
        "except",
        "exec",
        "execfile",
        "exit",
        "file",
        "filter",
        "finally",
        "float",
        "for",
        "format",
        "from",
        "frozenset",
        "getattr",
        "global",
        "globals",
        "hasattr",
        "hash",
        "help",
        "hex",
        "id",
        "if",
        "import",
        "in",
        "input",
        "int",
        "intern",
        "is",
        "isinstance",
        "issubclass",
        "iter",
        "lambda",
        "len",
        "license",
        "list",
        "locals",
        "long",
        "map",
        "max",
        "memoryview",
        "min",
        "next",
        "not",
        "object",
        "oct",
        "open",
        "or",
        "ord",
        "pass",
        "pow",
        "print",
        "property",
        "quit",
        "raise",
        "range",
        "raw_input",
        "reduce",
        "reload",
        "repr",
        "return",
        "reversed",
        "round",
        "set",
        "setattr",
        "slice",
        "sorted",
        "staticmethod",
        "str",
        "sum",
        "super",
        "try",
        "tuple",
        "type",
        "unichr",
        "unicode",
        "vars",
        "while",
        "with",
        "xrange",
        "yield",
        "zip",
};

bool isPythonReserved(const QString &name)
{
    static const QSet<QString> reserved = [] {
        QSet<QString> names;
        for (const char *word : pythonReservedNames)
            names.insert(QString::fromLatin1(word));
        return names;
    }();
    return reserved.contains(name);
}

/// Namespace prefix ↔ the module name Bitten 0.3–0.5 used in bitten:bitten.build.<module>.
struct NamespaceRow
{
    const char *prefix;
    const char *currentPath; ///< last URI segment of the current and legacy families
    const char *preFiveModule;
};

const NamespaceRow namespaceRows[] = {
        {"sh", "sh", "shtools"},       {"c", "c", "ctools"},
        {"java", "java", "javatools"}, {"mono", "mono", "monotools"},
        {"php", "php", "phptools"},    {"python", "python", "pythontools"},
        {"svn", "svn", "svntools"},    {"hg", "hg", "hgtools"},
        {"x", "xml", "xmltools"},
};

const NamespaceRow *rowForUri(const QString &uri)
{
    const auto rest = [&uri](const char *base) {
        const QLatin1String prefix(base);
        return uri.startsWith(prefix) ? QStringView(uri).mid(prefix.size()) : QStringView();
    };
    const QStringView current = rest(currentBase);
    const QStringView legacy = rest(legacyBase);
    const QStringView preFive = rest(preFiveBase);
    for (const NamespaceRow &row : namespaceRows) {
        const QLatin1String path(row.currentPath);
        if ((!current.isNull() && current == path) || (!legacy.isNull() && legacy == path)
            || (!preFive.isNull() && preFive == QLatin1String(row.preFiveModule)))
            return &row;
    }
    return nullptr;
}

} // namespace

const AttributeSpec *CommandSpec::attribute(const QString &name) const
{
    const QString wanted = CommandCatalog::parameterName(name);
    for (const AttributeSpec &attr : attributes) {
        if (CommandCatalog::parameterName(attr.name) == wanted)
            return &attr;
    }
    return nullptr;
}

const CommandSpec &CommandCatalog::spec(CommandId id)
{
    Q_ASSERT(id != CommandId::Unknown);
    for (const CommandSpec &command : commands()) {
        if (command.id == id)
            return command;
    }
    Q_UNREACHABLE();
    return commands().first();
}

const CommandSpec *CommandCatalog::find(const QString &namespaceUri, const QString &localName)
{
    const NamespaceFamily fam = family(namespaceUri);
    if (fam != NamespaceFamily::None && fam != NamespaceFamily::Current
        && fam != NamespaceFamily::Legacy)
        return nullptr;
    const QString prefix = namespaceName(namespaceUri);
    for (const CommandSpec &command : commands()) {
        if (command.namespaceName == prefix && command.localName == localName)
            return &command;
    }
    return nullptr;
}

NamespaceFamily CommandCatalog::family(const QString &namespaceUri)
{
    if (namespaceUri.isEmpty())
        return NamespaceFamily::None;
    if (namespaceUri.startsWith(QLatin1String(preFiveBase)))
        return NamespaceFamily::PreFive;
    if (!rowForUri(namespaceUri))
        return NamespaceFamily::ThirdParty;
    return namespaceUri.startsWith(QLatin1String(currentBase)) ? NamespaceFamily::Current
                                                               : NamespaceFamily::Legacy;
}

QString CommandCatalog::currentUri(const QString &namespaceName)
{
    for (const NamespaceRow &row : namespaceRows) {
        if (namespaceName == QLatin1String(row.prefix))
            return QLatin1String(currentBase) + QLatin1String(row.currentPath);
    }
    return QString();
}

QString CommandCatalog::namespaceName(const QString &namespaceUri)
{
    const NamespaceRow *row = rowForUri(namespaceUri);
    return row ? QString::fromLatin1(row->prefix) : QString();
}

QString CommandCatalog::parameterName(const QString &attributeName)
{
    QString name = attributeName;
    if (name.contains(QLatin1Char('-')))
        name.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (isPythonReserved(name))
        name += QLatin1Char('_');
    return name;
}

QStringList CommandCatalog::namespaceNames()
{
    QStringList names;
    for (const NamespaceRow &row : namespaceRows)
        names.append(QString::fromLatin1(row.prefix));
    return names;
}

QString CommandCatalog::legacyUri(const QString &namespaceName)
{
    for (const NamespaceRow &row : namespaceRows) {
        if (namespaceName == QLatin1String(row.prefix))
            return QLatin1String(legacyBase) + QLatin1String(row.currentPath);
    }
    return QString();
}

} // namespace Core

namespace Core {

namespace {

AttributeSpec req(const char *name, const char *summary)
{
    return {QString::fromLatin1(name), AttributeUse::Required, QString(),
            QString::fromLatin1(summary)};
}

AttributeSpec opt(const char *name, const char *summary, const char *defaultValue = "")
{
    return {QString::fromLatin1(name), AttributeUse::Optional, QString::fromLatin1(defaultValue),
            QString::fromLatin1(summary)};
}

CommandSpec command(CommandId id, const char *ns, const char *local, const char *summary,
                    const QVector<AttributeSpec> &attributes, const char *oneOf = "")
{
    CommandSpec spec;
    spec.id = id;
    spec.namespaceName = QString::fromLatin1(ns);
    spec.localName = QString::fromLatin1(local);
    spec.summary = QString::fromLatin1(summary);
    spec.attributes = attributes;
    spec.requireOneOf = QString::fromLatin1(oneOf).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return spec;
}

QVector<AttributeSpec> fileSet()
{
    return {opt("include", "space-separated file patterns to include (default: all)"),
            opt("exclude", "space-separated file patterns to exclude")};
}

QVector<AttributeSpec> svnCredentials()
{
    return {opt("username", "user name passed as --username"),
            opt("password", "password passed as --password"),
            opt("no_auth_cache", "\"true\" adds --no-auth-cache", "false")};
}

QVector<CommandSpec> shellCommands()
{
    return {
            command(CommandId::Report, "", "report", "Sends an XML file as a report of a category.",
                    {req("category", "report category: test, coverage, lint, …"),
                     req("file", "XML file to send, relative to the build directory")}),
            command(CommandId::Attach, "", "attach",
                    "Attaches a file to the build or configuration.",
                    {req("file", "file to attach, relative to the build directory"),
                     opt("description", "description shown with the attachment"),
                     opt("resource", "build or config", "build")}),
            command(CommandId::ShExec, "sh", "exec", "Runs a program or script.",
                    {opt("executable", "program to run (looked up on PATH)"),
                     opt("file", "script to run, relative to dir or the build directory"),
                     opt("args", "arguments, split like a POSIX shell"),
                     opt("output", "file receiving stdout and stderr"),
                     opt("dir", "working directory, relative to the build directory", "."),
                     opt("timeout", "seconds before the process is killed")},
                    "executable file"),
            command(CommandId::ShPipe, "sh", "pipe", "Pipes a file through a program or script.",
                    {opt("executable", "program to run (looked up on PATH)"),
                     opt("file", "script to run, relative to dir or the build directory"),
                     req("input", "file fed to the program's stdin"),
                     opt("output", "file receiving stdout and stderr"),
                     opt("args", "arguments, split like a POSIX shell"),
                     opt("dir", "working directory, relative to the build directory", ".")},
                    "executable file"),
    };
}

QVector<CommandSpec> compilerCommands()
{
    return {
            command(CommandId::CConfigure, "c", "configure", "Runs an autoconf configure script.",
                    {opt("file", "the configure script", "configure"),
                     opt("enable", "features passed as --enable-F"),
                     opt("disable", "features passed as --disable-F"),
                     opt("with", "packages passed as --with-P[=<P.path>]"),
                     opt("without", "packages passed as --without-P"),
                     opt("cflags", "value of CFLAGS"), opt("cxxflags", "value of CXXFLAGS"),
                     opt("prefix", "installation prefix (undocumented)")}),
            command(CommandId::CAutoreconf, "c", "autoreconf", "Runs autoreconf.",
                    {opt("force", "non-empty adds --force"),
                     opt("install", "non-empty adds --install"),
                     opt("symlink", "non-empty adds --symlink (with install)"),
                     opt("warnings", "categories passed as --warnings="),
                     opt("prepend_include", "directories passed as --prepend-include="),
                     opt("include", "directories passed as --include="),
                     opt("file", "accepted and ignored")}),
            command(CommandId::CMake, "c", "make", "Runs make.",
                    {opt("target", "make target", "all"), opt("file", "the makefile"),
                     opt("keep-going", "non-empty adds --keep-going"),
                     opt("directory", "directory passed as --directory"),
                     opt("jobs", "number of parallel jobs"), opt("args", "extra arguments")}),
            command(CommandId::CCppunit, "c", "cppunit", "Reads CppUnit XML test results.",
                    {req("file", "CppUnit XML results file"),
                     opt("srcdir", "directory prefixed to source file names")}),
            command(CommandId::CCunit, "c", "cunit", "Reads CUnit XML test results (undocumented).",
                    {req("file", "CUnit XML results file"),
                     opt("srcdir", "directory prefixed to source file names")}),
            command(CommandId::CGcov, "c", "gcov", "Collects gcov line coverage.",
                    fileSet()
                            + QVector<AttributeSpec>{opt("prefix",
                                                         "object file name prefix (libtool)"),
                                                     opt("root",
                                                         "directory holding the object files"),
                                                     opt("relative",
                                                         "path prepended to object stems")}),
            command(CommandId::JavaAnt, "java", "ant", "Runs Apache Ant.",
                    {opt("file", "the build file", "build.xml"), opt("target", "target to run"),
                     opt("args", "extra arguments"),
                     opt("keep_going", "non-empty adds -keep-going")}),
            command(CommandId::JavaJunit, "java", "junit", "Reads JUnit XML test results.",
                    {req("file", "results file (glob patterns allowed)"),
                     opt("srcdir", "source directory for file names")}),
            command(CommandId::JavaCobertura, "java", "cobertura", "Reads a Cobertura report.",
                    {req("file", "Cobertura XML file")}),
            command(CommandId::MonoNunit, "mono", "nunit", "Reads NUnit 2 XML test results.",
                    {req("file", "results file (glob patterns allowed)")}),
            command(CommandId::PhpPhing, "php", "phing", "Runs Phing.",
                    {opt("file", "the build file", "build.xml"), opt("target", "target to run"),
                     opt("args", "extra arguments"), opt("executable", "Phing program", "phing")}),
            command(CommandId::PhpPhpunit, "php", "phpunit", "Reads PHPUnit XML test results.",
                    {req("file", "PHPUnit XML results file")}),
            command(CommandId::PhpCoverage, "php", "coverage", "Reads Phing or clover coverage.",
                    {req("file", "coverage XML file")}),
            command(CommandId::PhpPhpcs, "php", "phpcs", "Reads a PHP_CodeSniffer full report.",
                    {req("file", "phpcs report file")}),
    };
}

QVector<CommandSpec> pythonCommands()
{
    return {
            command(CommandId::PythonExec, "python", "exec", "Runs a Python script or module.",
                    {opt("file", "script to run"), opt("module", "module to run or import from"),
                     opt("function", "function of module called with sys.argv"),
                     opt("args", "arguments, split like a POSIX shell"),
                     opt("output", "file receiving stdout and stderr"),
                     opt("timeout", "seconds before the process is killed")},
                    "file module"),
            command(CommandId::PythonDistutils, "python", "distutils", "Runs a setup.py command.",
                    {opt("command", "setup.py command", "build"),
                     opt("options", "options of the command"),
                     opt("timeout", "seconds before the process is killed"),
                     opt("file", "the setup script (undocumented)", "setup.py")}),
            command(CommandId::PythonUnittest, "python", "unittest", "Reads Bitten's unittest XML.",
                    {req("file", "results file written by setup.py unittest")}),
            command(CommandId::PythonTrace, "python", "trace", "Reads trace.py coverage.",
                    QVector<AttributeSpec>{req("summary", "trace.py --summary output"),
                                           req("coverdir", "directory of .cover files")}
                            + fileSet()),
            command(CommandId::PythonCoverage, "python", "coverage", "Reads coverage.py results.",
                    QVector<AttributeSpec>{req("summary", "coverage.py text report"),
                                           opt("coverdir", "directory of annotated ,cover files")}
                            + fileSet()),
            command(CommandId::PythonFigleaf, "python", "figleaf", "Reads figleaf coverage.",
                    QVector<AttributeSpec>{req("summary", "figleaf data file")} + fileSet()),
            command(CommandId::PythonPylint, "python", "pylint", "Reads pylint parseable output.",
                    {req("file", "pylint output file")}),
    };
}

QVector<CommandSpec> repositoryCommands()
{
    return {
            command(CommandId::SvnCheckout, "svn", "checkout", "Checks out a Subversion tree.",
                    QVector<AttributeSpec>{
                            req("url", "repository URL"), opt("path", "path inside the repository"),
                            opt("revision", "revision to check out (empty: HEAD)"),
                            opt("dir", "target directory", "."),
                            opt("verbose", "\"true\" logs every checked-out file", "false"),
                            opt("shared_path", "persistent checkout copied into dir")}
                            + svnCredentials()),
            command(CommandId::SvnExport, "svn", "export", "Exports a Subversion tree.",
                    QVector<AttributeSpec>{req("url", "repository URL"),
                                           opt("path", "path inside the repository"),
                                           opt("revision", "revision to export (empty: HEAD)"),
                                           opt("dir", "target directory", ".")}
                            + svnCredentials()),
            command(CommandId::SvnUpdate, "svn", "update", "Updates a Subversion working copy.",
                    QVector<AttributeSpec>{opt("revision", "revision to update to (empty: HEAD)"),
                                           opt("dir", "working copy directory", ".")}
                            + svnCredentials()),
            command(CommandId::HgPull, "hg", "pull", "Pulls and updates a Mercurial clone.",
                    {opt("revision", "revision to update to"),
                     opt("dir", "directory of the clone", ".")}),
            command(CommandId::XmlTransform, "x", "transform", "Applies an XSLT stylesheet.",
                    {req("src", "source XML file"), req("dest", "file written"),
                     req("stylesheet", "XSLT stylesheet")}),
    };
}

QVector<CommandSpec> builtinCommands()
{
    return shellCommands() + compilerCommands() + pythonCommands() + repositoryCommands();
}

} // namespace

const QVector<CommandSpec> &CommandCatalog::commands()
{
    static const QVector<CommandSpec> table = builtinCommands();
    return table;
}

} // namespace Core
