// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Bridge {

/// `bittern validate [--steps] RECIPE...`: prints FILE:LINE:COL: error|warning: text.
int runValidate(const QStringList &arguments);

} // namespace Bridge
