// SPDX-License-Identifier: GPL-3.0-or-later
// jenkins-standin: serves the Jenkins stand-in on 127.0.0.1 for clients that are not Qt (the
// python3-jenkins cross-check). Prints "PORT <n>" on stdout, then serves until stdin closes.
#include <cstdio>

#include <QCoreApplication>
#include <QSocketNotifier>

#include "tests/testlib/jenkinsstandin.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestLib::JenkinsStandin standin;
    standin.setProgress(TestLib::JenkinsStandin::Progress::Automatic);
    standin.addUser(QStringLiteral("bittern"), QStringLiteral("11d3b0aa5ed0e1c1a6e8d3f2b4c5a6e7f8"),
                    QStringLiteral("s3cret"));
    if (!standin.listen()) {
        std::fprintf(stderr, "jenkins-standin: cannot listen on 127.0.0.1\n");
        return 1;
    }
    std::printf("PORT %u\n", unsigned(standin.port()));
    std::fflush(stdout);
    // The test holds our stdin open; when it exits or closes it, we exit too.
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&app] {
        char buffer[256];
        if (std::fread(buffer, 1, 1, stdin) == 0)
            app.quit();
    });
    return app.exec();
}
