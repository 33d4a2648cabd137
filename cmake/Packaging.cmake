# SPDX-License-Identifier: GPL-3.0-or-later
# Install rules and CPack: four Debian 12 packages (README.md, "Installing the packages").
#   bittern                  the bridge and CLI, its man page, bittern.service, /etc/bittern
#   bittern-agent            bittern-agent, its man page, bittern-agent@.service, the examples
#   bittern-buildbot         the Buildbot plugin where Debian's buildbot imports it
#   bittern-jenkins-library  the Jenkins shared library (vars/) under /usr/share/bittern
# All Bittern libraries are static, so the binaries need no RPATH: dpkg-shlibdeps derives the
# Qt5/KF5/libxml2/libxslt/libhttp-parser dependencies from the installed binaries.
include(GNUInstallDirs)

# `cpack` on a build dir must never rebuild it (others may be building there).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(BITTERN_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
# packaging/systemd and packaging/bittern.ini come from the operations work; re-run CMake when
# they appear so the install rules below pick them up.
foreach(dir ${BITTERN_PACKAGING_DIR} ${BITTERN_PACKAGING_DIR}/systemd)
    if(IS_DIRECTORY ${dir})
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${dir})
    endif()
endforeach()

# Man pages: written at build time by the binaries' hidden --man option from the same option
# tables as --help (core/optionspec.h), and installed gzipped (-n: no timestamp) as Debian wants.
set(BITTERN_MAN_DIR ${PROJECT_BINARY_DIR}/man)
file(MAKE_DIRECTORY ${BITTERN_MAN_DIR})
foreach(program bittern bittern-agent)
    add_custom_command(OUTPUT ${BITTERN_MAN_DIR}/${program}.1 ${BITTERN_MAN_DIR}/${program}.1.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${BITTERN_MAN_DIR}
        COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
            sh -c "\"$<TARGET_FILE:${program}>\" --man > ${program}.1.tmp"
        COMMAND ${CMAKE_COMMAND} -E rename ${program}.1.tmp ${program}.1
        COMMAND sh -c "gzip -9n -c ${program}.1 > ${program}.1.gz"
        WORKING_DIRECTORY ${BITTERN_MAN_DIR} DEPENDS ${program} VERBATIM)
    list(APPEND BITTERN_MAN_PAGES ${BITTERN_MAN_DIR}/${program}.1 ${BITTERN_MAN_DIR}/${program}.1.gz)
endforeach()
add_custom_target(manpages ALL DEPENDS ${BITTERN_MAN_PAGES})

# Binaries and man pages.
install(TARGETS bittern RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT bittern)
install(TARGETS bittern-agent RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT bittern-agent)
install(FILES ${BITTERN_MAN_DIR}/bittern.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
    COMPONENT bittern)
install(FILES ${BITTERN_MAN_DIR}/bittern-agent.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
    COMPONENT bittern-agent)

# The example recipes (examples/slave.ini points examples.dir at this directory).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/bittern/examples
    COMPONENT bittern-agent)

# systemd units and the bridge's configuration (conffiles: listed in the control archive).
set(BITTERN_BRIDGE_CONFFILES "")
if(EXISTS ${BITTERN_PACKAGING_DIR}/systemd/bittern.service)
    install(FILES ${BITTERN_PACKAGING_DIR}/systemd/bittern.service
        DESTINATION /lib/systemd/system COMPONENT bittern)
endif()
if(EXISTS ${BITTERN_PACKAGING_DIR}/systemd/bittern-agent@.service)
    install(FILES ${BITTERN_PACKAGING_DIR}/systemd/bittern-agent@.service
        DESTINATION /lib/systemd/system COMPONENT bittern-agent)
endif()
if(EXISTS ${BITTERN_PACKAGING_DIR}/bittern.ini)
    install(FILES ${BITTERN_PACKAGING_DIR}/bittern.ini DESTINATION /etc/bittern
        COMPONENT bittern) # 0644 as Debian wants; the postinst makes it 0640 root:bittern
    string(APPEND BITTERN_BRIDGE_CONFFILES "/etc/bittern/bittern.ini\n")
endif()
install(DIRECTORY DESTINATION /etc/bittern/agents COMPONENT bittern-agent)
foreach(example agent.ini.example agent.env.example)
    if(EXISTS ${BITTERN_PACKAGING_DIR}/${example})
        install(FILES ${BITTERN_PACKAGING_DIR}/${example}
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/bittern-agent COMPONENT bittern-agent)
    endif()
endforeach()
if(EXISTS ${PROJECT_SOURCE_DIR}/docs/OPERATIONS.md)
    install(FILES ${PROJECT_SOURCE_DIR}/docs/OPERATIONS.md
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/bittern COMPONENT bittern)
endif()

# The Buildbot plugin: the package and its dist-info (entry points) in Debian's dist-packages.
set(BITTERN_PYTHON_DIR lib/python3/dist-packages)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/integrations/buildbot/bittern_buildbot
    ${PROJECT_SOURCE_DIR}/integrations/buildbot/bittern_buildbot-0.1.dist-info
    DESTINATION ${BITTERN_PYTHON_DIR} COMPONENT bittern-buildbot
    PATTERN __pycache__ EXCLUDE PATTERN pyproject.toml EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/integrations/buildbot/master.cfg.example
    ${PROJECT_SOURCE_DIR}/integrations/buildbot/master.cfg.snippet
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/bittern-buildbot COMPONENT bittern-buildbot)

# The Jenkins shared library, laid out as Jenkins expects (vars/).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/integrations/jenkins/vars
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/bittern/jenkins-library
    COMPONENT bittern-jenkins-library)

# Debian's per-package documentation: the machine-readable copyright file and the compressed
# Debian changelog in /usr/share/doc/PACKAGE (gzip -n: no timestamp, reproducible).
set(BITTERN_DEBIAN_REVISION 1)
set(BITTERN_DEBIAN_VERSION ${PROJECT_VERSION}-${BITTERN_DEBIAN_REVISION})
set(BITTERN_DEBIAN_DOC_DIR ${PROJECT_BINARY_DIR}/packaging-doc)
configure_file(${BITTERN_PACKAGING_DIR}/debian/changelog ${BITTERN_DEBIAN_DOC_DIR}/changelog.Debian
    @ONLY)
execute_process(COMMAND gzip -9nf ${BITTERN_DEBIAN_DOC_DIR}/changelog.Debian
    RESULT_VARIABLE BITTERN_GZIP_STATUS)
if(NOT BITTERN_GZIP_STATUS EQUAL 0)
    message(FATAL_ERROR "gzip could not compress ${BITTERN_DEBIAN_DOC_DIR}/changelog.Debian")
endif()
# Lintian overrides for tags that are wrong for packages outside Debian's archive, per package:
# packaging/debian/lintian-overrides (a "*" package name applies to every package).
file(STRINGS ${BITTERN_PACKAGING_DIR}/debian/lintian-overrides BITTERN_LINTIAN_OVERRIDES
    REGEX "^[^#]")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    ${BITTERN_PACKAGING_DIR}/debian/lintian-overrides)
foreach(package bittern bittern-agent bittern-buildbot bittern-jenkins-library)
    install(FILES ${BITTERN_PACKAGING_DIR}/debian/copyright
        ${BITTERN_DEBIAN_DOC_DIR}/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${package})
    set(overrides "")
    foreach(line IN LISTS BITTERN_LINTIAN_OVERRIDES)
        string(REGEX REPLACE "^\\*:" "${package}:" line "${line}")
        if(line MATCHES "^${package}: ")
            string(APPEND overrides "${line}\n")
        endif()
    endforeach()
    file(WRITE ${BITTERN_DEBIAN_DOC_DIR}/${package}.lintian-overrides "${overrides}")
    install(FILES ${BITTERN_DEBIAN_DOC_DIR}/${package}.lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides RENAME ${package}
        COMPONENT ${package})
endforeach()

# CPack: one .deb per component.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bittern)
set(CPACK_PACKAGE_VENDOR "The Bittern project")
set(CPACK_PACKAGE_CONTACT "Bittern maintainers <maintainers@bittern.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Bitten-compatible build master and agent")
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_COMPONENTS_ALL bittern bittern-agent bittern-buildbot bittern-jenkins-library)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${BITTERN_DEBIAN_REVISION})
set(CPACK_DEBIAN_PACKAGE_SOURCE bittern)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://bittern.invalid/")

set(BITTERN_CONTROL_DIR ${PROJECT_BINARY_DIR}/packaging-control)
file(MAKE_DIRECTORY ${BITTERN_CONTROL_DIR}/bittern)
configure_file(${BITTERN_PACKAGING_DIR}/debian/bittern.postinst
    ${BITTERN_CONTROL_DIR}/bittern/postinst COPYONLY)
configure_file(${BITTERN_PACKAGING_DIR}/debian/bittern.postrm
    ${BITTERN_CONTROL_DIR}/bittern/postrm COPYONLY)
set(BITTERN_BRIDGE_CONTROL ${BITTERN_CONTROL_DIR}/bittern/postinst
    ${BITTERN_CONTROL_DIR}/bittern/postrm)
file(MAKE_DIRECTORY ${BITTERN_CONTROL_DIR}/bittern-agent)
configure_file(${BITTERN_PACKAGING_DIR}/debian/bittern-agent.postinst
    ${BITTERN_CONTROL_DIR}/bittern-agent/postinst COPYONLY)
if(BITTERN_BRIDGE_CONFFILES)
    file(WRITE ${BITTERN_CONTROL_DIR}/bittern/conffiles ${BITTERN_BRIDGE_CONFFILES})
    list(APPEND BITTERN_BRIDGE_CONTROL ${BITTERN_CONTROL_DIR}/bittern/conffiles)
else()
    file(REMOVE ${BITTERN_CONTROL_DIR}/bittern/conffiles)
endif()

set(CPACK_DEBIAN_BITTERN_PACKAGE_NAME bittern)
set(CPACK_COMPONENT_BITTERN_DESCRIPTION
    "Bitten-compatible build master (protocol v5), REST API and CLI\n\
bittern serve runs the master on SQLite or PostgreSQL; bittern translate,\n\
push and run move Bitten recipes to Jenkins or Buildbot.")
# The Qt SQL drivers are plugins: dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_BITTERN_PACKAGE_DEPENDS "adduser, libqt5sql5-sqlite")
set(CPACK_DEBIAN_BITTERN_PACKAGE_RECOMMENDS "libqt5sql5-psql")
set(CPACK_DEBIAN_BITTERN_PACKAGE_CONTROL_EXTRA "${BITTERN_BRIDGE_CONTROL}")

set(CPACK_DEBIAN_BITTERN-AGENT_PACKAGE_NAME bittern-agent)
set(CPACK_COMPONENT_BITTERN-AGENT_DESCRIPTION
    "Bitten build slave: runs Bitten recipes locally or for a Bitten master\n\
bittern-agent run RECIPE runs every step; bittern-agent poll URL builds for\n\
a master.")
set(CPACK_DEBIAN_BITTERN-AGENT_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_BITTERN-AGENT_PACKAGE_SUGGESTS "make, gcc, python3, subversion, mercurial")
set(CPACK_DEBIAN_BITTERN-AGENT_PACKAGE_CONTROL_EXTRA ${BITTERN_CONTROL_DIR}/bittern-agent/postinst)

set(CPACK_DEBIAN_BITTERN-BUILDBOT_PACKAGE_NAME bittern-buildbot)
set(CPACK_DEBIAN_BITTERN-BUILDBOT_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_BITTERN-BUILDBOT_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_BITTERN-BUILDBOT_PACKAGE_DEPENDS "python3:any, buildbot (>= 3.7)")
set(CPACK_DEBIAN_BITTERN-BUILDBOT_PACKAGE_RECOMMENDS "bittern-agent")
set(CPACK_COMPONENT_BITTERN-BUILDBOT_DESCRIPTION
    "Buildbot plugin running Bitten recipes through bittern-agent\n\
Build steps BitternAgentStep and BitternFailStep for Debian's Buildbot master.")

set(CPACK_DEBIAN_BITTERN-JENKINS-LIBRARY_PACKAGE_NAME bittern-jenkins-library)
set(CPACK_DEBIAN_BITTERN-JENKINS-LIBRARY_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_BITTERN-JENKINS-LIBRARY_PACKAGE_SHLIBDEPS OFF)
set(CPACK_COMPONENT_BITTERN-JENKINS-LIBRARY_DESCRIPTION
    "Jenkins shared library running Bitten recipes (bittenRecipe step)\n\
Point a Jenkins global pipeline library at /usr/share/bittern/jenkins-library.")

include(CPack)
