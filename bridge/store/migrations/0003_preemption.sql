-- SPDX-License-Identifier: GPL-3.0-or-later
-- Bittern store, schema 3: preemption (issue 8 item 5). A preempted build goes back to the
-- queue with its finished steps kept; this counts how often that happened to a build.

ALTER TABLE build ADD COLUMN preemptions INTEGER NOT NULL DEFAULT 0;
