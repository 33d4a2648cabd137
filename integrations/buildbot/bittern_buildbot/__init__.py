# SPDX-License-Identifier: GPL-3.0-or-later
"""Bittern's Buildbot plugin: runs Bitten recipes on Buildbot workers through bittern-agent.

In master.cfg, after c['workers'] is set:

    import bittern_buildbot
    bittern_buildbot.configure(c, os.path.join(basedir, 'bittern'))

See docs/BUILDBOT.md of the Bittern sources.
"""
__version__ = '0.1'


def configure(c, data_dir, **kwargs):
    """Adds the builders, force scheduler and watcher of data_dir to BuildmasterConfig c."""
    from .configurator import configure as _configure
    return _configure(c, data_dir, **kwargs)
