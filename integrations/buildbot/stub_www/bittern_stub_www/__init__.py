# SPDX-License-Identifier: GPL-3.0-or-later
"""A minimal 'base' web application for Buildbot masters without buildbot-www.

Debian ships Buildbot without its JavaScript UI, and c['www'] refuses to start without a
'base' plugin. This stub serves one static page and lets the master serve its REST API,
JSON-RPC control endpoints and websocket as usual.
"""
from buildbot.www.plugin import Application

ep = Application(__name__, "Bittern stub base UI (REST API only)")
