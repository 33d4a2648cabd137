// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/reciperesume.h"

#include <QPair>
#include <QVector>
#include <QXmlStreamReader>

#include "core/recipereader.h"

namespace Bridge {

namespace {

/// Widens [start, …) to the indentation and line break before the element.
qint64 lineStart(const QString &text, qint64 start)
{
    qint64 at = start;
    while (at > 0 && (text.at(at - 1) == QLatin1Char(' ') || text.at(at - 1) == QLatin1Char('\t')))
        --at;
    if (at > 0 && text.at(at - 1) == QLatin1Char('\n'))
        --at;
    return at;
}

} // namespace

QSet<QString> RecipeResume::skippedSteps(const Core::Recipe &recipe, const QStringList &finished,
                                         const QStringList &configSetupSteps)
{
    QSet<QString> skipped;
    for (const Core::RecipeStep &step : recipe.steps) {
        const bool setup
                = Core::RecipeReader::isSetupStep(step) || configSetupSteps.contains(step.id);
        if (finished.contains(step.id) && !setup)
            skipped.insert(step.id);
    }
    return skipped;
}

Core::Result<QByteArray> RecipeResume::withoutSteps(const QByteArray &masterForm,
                                                    const QSet<QString> &skipped)
{
    if (skipped.isEmpty())
        return masterForm;
    const QString text = QString::fromUtf8(masterForm);
    QXmlStreamReader xml(text);
    QVector<QPair<qint64, qint64>> cuts;
    int depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (depth == 1 && xml.name() == QLatin1String("step")
                && skipped.contains(xml.attributes().value(QLatin1String("id")).toString())) {
                // The offset is past the start tag; attribute values cannot hold a raw '<'.
                const qint64 tagStart
                        = text.lastIndexOf(QLatin1Char('<'), int(xml.characterOffset()) - 1);
                xml.skipCurrentElement();
                cuts.append({lineStart(text, tagStart), xml.characterOffset()});
                continue;
            }
            ++depth;
        } else if (xml.isEndElement()) {
            --depth;
        }
    }
    if (xml.hasError()) {
        return Core::makeError(Core::ErrorCode::ParseFailed,
                               QStringLiteral("Could not leave the finished steps out of the "
                                              "recipe: %1 at line %2.")
                                       .arg(xml.errorString())
                                       .arg(xml.lineNumber()));
    }
    QString result = text;
    for (int i = cuts.size() - 1; i >= 0; --i)
        result.remove(int(cuts.at(i).first), int(cuts.at(i).second - cuts.at(i).first));
    return result.toUtf8();
}

} // namespace Bridge
