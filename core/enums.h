// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

/**
 * The enumerations of the core domain. They share one header because Q_ENUM_NS needs the
 * namespace's single Q_NAMESPACE; string conversion for wire formats goes through QMetaEnum
 * (see enumToString() / enumFromString()).
 */
namespace Core {
Q_NAMESPACE

/// What kind of failure an Error describes; mapped to exit codes and HTTP statuses in one place
/// each.
enum class ErrorCode {
    None,
    InvalidArgument, ///< a usage error: bad option, bad value
    ReadFailed, ///< a file or device could not be read
    WriteFailed, ///< a file or device could not be written
    ParseFailed, ///< input is not well-formed (XML, INI, JSON…)
    InvalidInput, ///< well-formed input that breaks the rules of its format
    LimitExceeded, ///< input larger or deeper than a configured bound
    NotFound,
    Conflict,
    Unsupported,
    Network,
    Internal,
};
Q_ENUM_NS(ErrorCode)

/// A step's error policy (bitten-spec §1.4). Invalid: a value Bitten would reject.
enum class OnError {
    Fail,
    Continue,
    Ignore,
    Invalid,
};
Q_ENUM_NS(OnError)

/// Which family a command's namespace URI belongs to (bitten-spec §1.5).
enum class NamespaceFamily {
    None, ///< un-namespaced: <report>, <attach>
    Current, ///< http://bitten.edgewall.org/tools/…
    Legacy, ///< http://bitten.cmlenz.net/tools/… (pre-0.6b2, still accepted)
    PreFive, ///< bitten:bitten.build.… (2005, not accepted by 0.6)
    ThirdParty, ///< anything else
};
Q_ENUM_NS(NamespaceFamily)

/// Every built-in Bitten command (bitten-spec §4); Unknown for third-party or misspelt ones.
enum class CommandId {
    Unknown,
    Report,
    Attach,
    ShExec,
    ShPipe,
    CConfigure,
    CAutoreconf,
    CMake,
    CCppunit,
    CCunit,
    CGcov,
    JavaAnt,
    JavaJunit,
    JavaCobertura,
    MonoNunit,
    PhpPhing,
    PhpPhpunit,
    PhpCoverage,
    PhpPhpcs,
    PythonExec,
    PythonDistutils,
    PythonUnittest,
    PythonTrace,
    PythonCoverage,
    PythonFigleaf,
    PythonPylint,
    SvnCheckout,
    SvnExport,
    SvnUpdate,
    HgPull,
    XmlTransform,
};
Q_ENUM_NS(CommandId)

/// Severity of a diagnostic about a recipe or configuration.
enum class Severity {
    Error,
    Warning,
};
Q_ENUM_NS(Severity)

/// How a JUnit XML file is read (see docs/COMPATIBILITY.md): Bitten's java:junit quirks, or as
/// Jenkins' junit plugin reads it (system-out/system-err are output, not results).
enum class JUnitMode {
    Bitten,
    Faithful,
};
Q_ENUM_NS(JUnitMode)

/// How a Cobertura reader merges classes of one file: consecutive classes only (flat memory,
/// streaming), or every class of the document as Bitten does (memory grows with the file count).
enum class CoberturaGrouping {
    Consecutive,
    WholeDocument,
};
Q_ENUM_NS(CoberturaGrouping)

/// The type of a ClassAd value (condor-matchmaking §1.1).
enum class ClassAdType {
    Undefined,
    Error,
    Boolean,
    Integer,
    Real,
    String,
    List,
};
Q_ENUM_NS(ClassAdType)

/// A ClassAd operator (condor-matchmaking §1.3); MetaEqual is `=?=` / `is`.
enum class ClassAdOperator {
    Negate,
    Plus,
    Not,
    Multiply,
    Divide,
    Modulo,
    Add,
    Subtract,
    Less,
    LessEqual,
    GreaterEqual,
    Greater,
    Equal,
    NotEqual,
    MetaEqual,
    MetaNotEqual,
    And,
    Or,
};
Q_ENUM_NS(ClassAdOperator)

/// A ClassAd result reduced to the four states of a condition (condor-matchmaking §1.4).
enum class ClassAdTruth {
    True,
    False,
    Undefined, ///< depends on attributes not available (e.g. the job's, before a match)
    Error,
};
Q_ENUM_NS(ClassAdTruth)

/// What an agent's owner policy asks of a running build (condor-matchmaking §1.8).
enum class OwnerAction {
    Run, ///< keep running (or continue a suspended build)
    Suspend, ///< stop the build's processes but keep the claim
    Preempt, ///< vacate gracefully: the build is stopped and requeued
    Kill, ///< stop the build at once and requeue it
};
Q_ENUM_NS(OwnerAction)

/// How Bitten compared platform-rule patterns (bitten-spec §7.3).
enum class BittenRuleCase {
    Sensitive, ///< Bitten 0.6
    Insensitive, ///< Bitten 0.6.1 and later (#334)
};
Q_ENUM_NS(BittenRuleCase)

} // namespace Core
