-- SPDX-License-Identifier: GPL-3.0-or-later
-- Bittern store, schema 2: matchmaking (issue 8, docs/MATCHMAKING.md). A configuration and a
-- target platform may carry ClassAd `requirements` and `rank` expressions (text; '' = none);
-- an agent's row keeps the machine ad it sent with its last poll (old ClassAd syntax; '' = a
-- plain Bitten slave that sends none).

ALTER TABLE config ADD COLUMN match_requirements TEXT NOT NULL DEFAULT '';
ALTER TABLE config ADD COLUMN match_rank TEXT NOT NULL DEFAULT '';
ALTER TABLE platform ADD COLUMN match_requirements TEXT NOT NULL DEFAULT '';
ALTER TABLE platform ADD COLUMN match_rank TEXT NOT NULL DEFAULT '';
ALTER TABLE agent ADD COLUMN machine_ad TEXT NOT NULL DEFAULT '';
