// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/buildscontroller.h"

#include <memory>

#include <QFile>

#include "bridge/logging.h"
#include "bridge/matchmaker/matchservice.h"
#include "bridge/store/store.h"
#include "core/machineadxml.h"
#include "core/slaveproperties.h"

namespace Bridge {

namespace {

QString clientAddress(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : peer.toString();
}

} // namespace

SlaveInfo BuildsController::slaveInfo(const QString &name,
                                      const QHash<QString, QString> &properties,
                                      const QString &token)
{
    SlaveInfo slave;
    slave.name = name;
    static const QStringList fixed
            = {QStringLiteral("name"),    QStringLiteral("ipnr"),      QStringLiteral("token"),
               QStringLiteral("machine"), QStringLiteral("processor"), QStringLiteral("os"),
               QStringLiteral("family"),  QStringLiteral("version")};
    for (const QString &key : fixed) {
        if (key == QLatin1String("token"))
            slave.set(key, token);
        else if (properties.contains(key))
            slave.set(key, properties.value(key));
    }
    QStringList packages;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        if (!fixed.contains(it.key()))
            packages.append(it.key());
    }
    packages.sort();
    for (const QString &key : qAsConst(packages))
        slave.set(key, properties.value(key));
    return slave;
}

Core::Result<std::optional<Build>>
BuildsController::assign(const SlaveInfo &slave, const std::optional<Core::ClassAd> &machineAd)
{
    std::unique_ptr<MatchService> transient;
    MatchService *service = m_context.matchService;
    if (!service) {
        MatchServiceSettings settings;
        settings.slaveTimeout = m_context.slaveTimeout;
        settings.buildAll = m_context.buildAll;
        settings.clock = [this] { return m_context.now(); };
        transient = std::make_unique<MatchService>(*m_context.store, settings);
        service = transient.get();
    }
    auto assignment = service->assign(slave, machineAd);
    if (!assignment)
        return assignment.error();
    for (const QString &file : assignment.value().filesToDelete)
        QFile::remove(file);
    return assignment.value().build;
}

Response BuildsController::handle(const Request &request, const SlaveSession &session)
{
    if (request.method != "POST")
        return Response::text(200, QStringLiteral("Only POST allowed for build creation."));
    if (m_context.populate)
        m_context.populate();
    auto registration = Core::SlaveProperties::readRegistration(request.body,
                                                                clientAddress(request.peerAddress));
    if (!registration)
        return Response::text(400, QStringLiteral("XML parser error"));
    const Core::SlaveRegistration &slave = registration.value();
    if (slave.protocolVersion != Core::SlaveProperties::protocolVersion) {
        return Response::text(400,
                              QStringLiteral("Master-Slave version mismatch: master=%1, slave=%2")
                                      .arg(Core::SlaveProperties::protocolVersion)
                                      .arg(slave.protocolVersion));
    }
    const auto machineAd = Core::MachineAdXml::read(request.body);
    if (!machineAd)
        return Response::text(400, machineAd.error().message);
    const SlaveInfo info = slaveInfo(slave.slaveName, slave.properties, session.token());
    auto build = m_context.assign ? m_context.assign(info) : assign(info, machineAd.value());
    if (!build)
        return ProtocolContext::errorResponse(build.error());
    if (!build.value())
        return Response::empty(204);
    const qint64 id = build.value()->id;
    qCInfo(lcBridgeProtocol, "Build %lld assigned to slave %s.", id,
           qUtf8Printable(slave.slaveName));
    Response response = Response::text(201, QStringLiteral("Build pending"));
    response.setHeader(
            "Location",
            m_context.absoluteUrl(request, QStringLiteral("/builds/%1").arg(id)).toUtf8());
    return response;
}

} // namespace Bridge
