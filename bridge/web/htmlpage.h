// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "bridge/http/response.h"
#include "bridge/store/storetypes.h"

namespace Bridge {

/**
 * Builds one server-rendered HTML5 status page: the document frame with a small inline style
 * sheet and a navigation bar, plus helpers that put text into markup. Every value from the
 * store goes through escape(), the one HTML/XML escaping function of the status pages (the SVG
 * charts use it too); raw() is for markup our code writes itself.
 */
class HtmlPage
{
public:
    explicit HtmlPage(const QString &title);

    /// @p text with & < > " ' replaced by character references; safe in text and attributes.
    static QString escape(const QString &text);
    /// An <a> element: href and text both escaped.
    static QString link(const QString &href, const QString &text);
    /// One path segment percent-encoded for a URL (before escaping).
    static QString urlSegment(const QString &segment);
    /// An element with escaped text content and an optional class.
    static QString element(const QString &tag, const QString &text,
                           const QString &cssClass = QString());
    /// A Unix time as "YYYY-MM-DD HH:MM:SS UTC"; "—" for 0.
    static QString time(qint64 seconds);
    /// A duration in seconds as "1 h 2 min 3 s" / "45 s"; "—" when unknown.
    static QString duration(qint64 seconds);

    /// A whole error page ("Not found" etc.) with @p message, escaped.
    static Response error(int status, const QString &message);
    /// A status as a coloured <span> ("Success", "Failed", "In progress", "Pending").
    static QString status(BuildStatus status);
    static QString status(StepStatus status);

    /// Appends markup written by our code (never store values).
    HtmlPage &raw(const QString &markup);
    /// Appends escaped text.
    HtmlPage &text(const QString &text);
    /// The whole document.
    QByteArray toHtml() const;
    /// A text/html response with the document.
    Response toResponse(int status = 200) const;

private:
    QString m_title;
    QString m_body;
};

} // namespace Bridge
