-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script: every request is a Bitten slave registration (POST /builds, bitten-spec §5).
local f = assert(io.open(os.getenv("BITTERN_REGISTRATION"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/x-bitten+xml"
