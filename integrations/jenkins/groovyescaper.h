// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/result.h"

namespace Jenkins {

/**
 * The one way data reaches generated Groovy: a single-quoted Groovy string literal built by the
 * rules of jenkins-contract.md §9.3. Backslashes are doubled first, so no `\uXXXX` sequence
 * survives Groovy's Unicode-escape pre-pass; quotes, newlines, carriage returns and tabs become
 * escapes; every other character (`$`, `"`, non-ASCII) stays as it is, because single-quoted
 * literals never interpolate. Text with other control characters is refused: Groovy cannot
 * carry them safely in a literal.
 */
class GroovyEscaper
{
public:
    /// The literal with its quotes, e.g. `it's` → `'it\'s'`.
    static Core::Result<QString> singleQuoted(const QString &text);
};

} // namespace Jenkins
