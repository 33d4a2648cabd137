// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>
#include <QXmlStreamReader>

#include "core/recipe.h"
#include "core/result.h"

namespace Core {

/// Decoded recipe text with an index of line starts, mapping character offsets to positions.
class RecipeText
{
public:
    RecipeText() = default;
    explicit RecipeText(const QString &text);

    const QString &text() const { return m_text; }
    /// 1-based line and column (in UTF-16 units) of a character offset.
    SourcePosition position(qint64 offset) const;

private:
    QString m_text;
    QVector<qint64> m_lineStarts;
};

/// Whether RecipeReader::scan() resolves namespaces (the model) or keeps prefixes as written
/// (re-serialisation).
enum class NamespaceMode {
    Resolve,
    AsWritten,
};

/**
 * Reads a Bitten recipe (bitten-spec §1) from bytes into a Core::Recipe, keeping what was
 * written with a position for every element and attribute; RecipeValidator judges it.
 *
 * Safe on hostile input: the size is bounded, internal entities are expanded under a per-entity
 * and a total bound, external entities are never fetched, and bad encodings, NUL bytes and
 * malformed XML become a Core::Error with line and column. The file name only appears in
 * messages; the reader never opens files.
 */
class RecipeReader
{
public:
    static constexpr qint64 defaultMaxSize = 64 * 1024 * 1024;
    static constexpr int defaultEntityExpansionLimit = 64 * 1024;

    /// Called for every token by scan(); @p start is the offset where the token begins.
    using TokenHandler = std::function<Result<void>(const QXmlStreamReader &, qint64 start)>;

    explicit RecipeReader(const QString &fileName = QString());

    QString fileName() const { return m_fileName; }
    /// Largest accepted input in bytes.
    qint64 maxSize() const { return m_maxSize; }
    void setMaxSize(qint64 bytes) { m_maxSize = bytes; }
    /// Largest number of characters one entity may expand to.
    int entityExpansionLimit() const { return m_entityExpansionLimit; }
    void setEntityExpansionLimit(int characters) { m_entityExpansionLimit = characters; }
    /// Largest total of attribute and text characters after entity expansion (default: twice
    /// maxSize()).
    qint64 maxExpandedSize() const;
    void setMaxExpandedSize(qint64 characters) { m_maxExpandedSize = characters; }

    /// Parses a recipe.
    Result<Recipe> read(const QByteArray &data) const;

    /// The error read() reports for @p size bytes when that is over maxSize(), so callers can
    /// refuse a file before reading it.
    Result<void> checkSize(qint64 size) const;
    /// Checks size, encoding (BOM, XML declaration, else UTF-8) and NUL characters.
    Result<RecipeText> decode(const QByteArray &data) const;
    /// Runs QXmlStreamReader over @p text with Bittern's limits and entity rules, calling
    /// @p handler for every token; stops at the first error of either.
    Result<void> scan(const RecipeText &text, NamespaceMode mode,
                      const TokenHandler &handler) const;
    /// Positions of the attributes of the start tag at [@p start, @p end), by qualified name.
    static QHash<QString, SourcePosition> attributePositions(const RecipeText &text, qint64 start,
                                                             qint64 end);

    /// Whether @p step is a setup step, re-run when a preempted build resumes on another agent
    /// (docs/AGENT.md): its `setup` or `bittern:setup` attribute is "true", "yes" or "1"
    /// (case-insensitive). Bitten ignores both attributes.
    static bool isSetupStep(const RecipeStep &step);

private:
    Error error(ErrorCode code, const QString &cause, SourcePosition position) const;
    Result<QString> decodeBytes(const QByteArray &data) const;
    QString subject() const;

    QString m_fileName;
    qint64 m_maxSize = defaultMaxSize;
    int m_entityExpansionLimit = defaultEntityExpansionLimit;
    qint64 m_maxExpandedSize = 0;
};

} // namespace Core
