// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Translator {

/**
 * `bittern translate …` (arguments start with "translate"): the I/O shell around Translation —
 * collects inputs (recipe files, directories, Trac databases), writes the files and the audit,
 * shows progress. Returns 0 on success, 1 when a configuration could not be translated, 2 for
 * usage and input errors, 3 when a database server could not be reached.
 */
int runTranslate(const QStringList &arguments);

} // namespace Translator
