-- SPDX-License-Identifier: GPL-3.0-or-later
-- Bittern store, schema 4: configuration-level setup steps (issue 8 item 5, docs/AGENT.md
-- "Resuming"). The ids of the recipe steps that a resumed build runs again to rebuild its
-- workspace, besides the steps the recipe itself marks as setup: comma-separated, in the
-- order they were given ('' = none). Set with `bittern match CONFIG --setup-steps`.

ALTER TABLE config ADD COLUMN setup_steps TEXT NOT NULL DEFAULT '';
