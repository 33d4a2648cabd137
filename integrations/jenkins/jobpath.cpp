// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/jobpath.h"

#include <QUrl>

namespace Jenkins {

JobPath JobPath::fromFullName(const QString &fullName)
{
    JobPath path;
    path.m_segments = fullName.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return path;
}

QString JobPath::name() const
{
    return m_segments.isEmpty() ? QString() : m_segments.constLast();
}

JobPath JobPath::parent() const
{
    JobPath up = *this;
    if (!up.m_segments.isEmpty())
        up.m_segments.removeLast();
    return up;
}

QString JobPath::urlPath() const
{
    QString path;
    for (const QString &segment : m_segments)
        path += QLatin1String("job/") + QString::fromLatin1(QUrl::toPercentEncoding(segment))
                + QLatin1Char('/');
    return path;
}

} // namespace Jenkins
