// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/buildcontroller.h"

#include <QFile>
#include <QMap>

#include "bridge/protocol/reciperesume.h"
#include "bridge/store/store.h"
#include "core/recipereader.h"
#include "core/recipewriter.h"

namespace Bridge {

Response BuildController::handle(const Request &request, qint64 build, const SlaveSession &session)
{
    if (request.method == "GET")
        return start(build, session);
    if (request.method == "DELETE")
        return cancel(build, session);
    return Response::text(
            405, QStringLiteral("Method %1 not allowed").arg(QString::fromLatin1(request.method)));
}

Response BuildController::start(qint64 build, const SlaveSession &session)
{
    auto started = m_context.store->startBuild(build, session.token(), m_context.now());
    if (!started)
        return ProtocolContext::errorResponse(started.error());
    const Store::BuildStart &start = started.value();
    if (start.firstStep.isEmpty()) {
        // Bitten fails the same way (bitten-spec §11 quirk 16).
        return Response::text(500,
                              QStringLiteral("The recipe of configuration %1 has no steps.")
                                      .arg(start.config.name));
    }
    QMap<QString, QString> attributes;
    attributes.insert(QStringLiteral("path"), start.config.path);
    attributes.insert(QStringLiteral("revision"), start.build.revision);
    attributes.insert(QStringLiteral("config"), start.config.name);
    attributes.insert(QStringLiteral("build"), QString::number(start.build.id));
    attributes.insert(QStringLiteral("platform"), start.platform.name);
    attributes.insert(QStringLiteral("name"), start.build.slave);
    attributes.insert(QStringLiteral("form_token"), session.token());
    attributes.insert(QStringLiteral("reponame"), QString());
    attributes.insert(QStringLiteral("repopath"), start.config.path);
    auto body = Core::RecipeWriter::masterForm(start.config.recipe, attributes);
    if (!body)
        return Response::text(500, body.error().message);
    auto resumed = resumedForm(start, session, body.value());
    if (!resumed)
        return ProtocolContext::errorResponse(resumed.error());
    Response response;
    response.status = 200;
    response.setHeader("Content-Type", "application/x-bitten+xml");
    response.setHeader("Content-Disposition",
                       QStringLiteral("attachment; filename=recipe_%1_r%2.xml")
                               .arg(start.config.name, start.build.revision)
                               .toUtf8());
    // Bittern's extension (docs/PROTOCOL.md "Preemption"): this master takes preempted steps.
    response.setHeader(preemptionHeader, "1");
    response.body = resumed.value();
    return response;
}

Core::Result<QByteArray> BuildController::resumedForm(const Store::BuildStart &start,
                                                      const SlaveSession &session,
                                                      const QByteArray &masterForm)
{
    auto finished = m_context.store->resumeBuild(start.build.id, session.token(), m_context.now());
    if (!finished)
        return finished.error();
    if (finished.value().isEmpty())
        return masterForm;
    // The stored recipe was read by startBuild() already; an unreadable one never gets here.
    auto recipe = Core::RecipeReader().read(start.config.recipe);
    if (!recipe)
        return recipe.error();
    return RecipeResume::withoutSteps(
            masterForm,
            RecipeResume::skippedSteps(recipe.value(), finished.value(), start.config.setupSteps));
}

Response BuildController::cancel(qint64 build, const SlaveSession &session)
{
    auto files = m_context.store->cancelBuild(build, session.token());
    if (!files)
        return ProtocolContext::errorResponse(files.error());
    for (const QString &file : files.value())
        QFile::remove(file);
    return Response::empty(204);
}

} // namespace Bridge
