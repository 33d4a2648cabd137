// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: Core::RecipeReader, then the validator and both writers on what it accepts.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/recipereader.h"
#include "core/recipevalidator.h"
#include "core/recipewriter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), int(size));
    Core::RecipeReader reader(QStringLiteral("fuzz.xml"));
    reader.setMaxSize(1024 * 1024);
    reader.setMaxExpandedSize(4 * 1024 * 1024);
    const auto recipe = reader.read(input);
    if (!recipe) {
        Q_ASSERT(!recipe.error().message.isEmpty());
        return 0;
    }
    const auto diagnostics = Core::RecipeValidator::validate(recipe.value());
    for (const Core::Diagnostic &d : diagnostics)
        Q_ASSERT(!d.message.isEmpty());
    const QByteArray normalized = Core::RecipeWriter::normalized(recipe.value());
    // Not asserted: a prefixed attribute whose namespace sits on a step is not re-declared.
    (void)reader.read(normalized).hasValue();
    const auto served = Core::RecipeWriter::masterForm(
            input, {{QStringLiteral("build"), QStringLiteral("1")}}, reader);
    Q_ASSERT(served.hasValue() || served.error().code != Core::ErrorCode::None);
    return 0;
}
