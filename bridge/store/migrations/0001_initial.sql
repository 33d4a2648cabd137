-- SPDX-License-Identifier: GPL-3.0-or-later
-- Bittern store, schema 1: Bitten's model (bitten-spec §8) and Bittern's own tables.
-- @ID@ is the engine's auto-increment primary key (SqlStore's one dialect hook).
-- Times are Unix seconds; statuses are Bitten's one-letter codes.

CREATE TABLE config (
    name TEXT NOT NULL PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    path TEXT NOT NULL DEFAULT '',
    min_rev TEXT NOT NULL DEFAULT '',
    max_rev TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 0,
    recipe TEXT NOT NULL DEFAULT ''
);

CREATE TABLE platform (
    id @ID@,
    config TEXT NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX platform_config ON platform (config);

CREATE TABLE platform_rule (
    platform BIGINT NOT NULL,
    orderno INTEGER NOT NULL,
    propname TEXT NOT NULL,
    pattern TEXT NOT NULL,
    PRIMARY KEY (platform, orderno)
);

CREATE TABLE build (
    id @ID@,
    config TEXT NOT NULL,
    rev TEXT NOT NULL,
    rev_time BIGINT NOT NULL DEFAULT 0,
    platform BIGINT NOT NULL,
    slave TEXT NOT NULL DEFAULT '',
    started BIGINT NOT NULL DEFAULT 0,
    stopped BIGINT NOT NULL DEFAULT 0,
    last_activity BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'P',
    import_source TEXT,
    import_id BIGINT
);
-- Bitten's unique (config, rev, platform) for queued builds; imported history (schema 9 had
-- no such index) may repeat a triple.
CREATE UNIQUE INDEX build_queue_key ON build (config, rev, platform) WHERE import_source IS NULL;
CREATE UNIQUE INDEX build_import_key ON build (import_source, import_id);
CREATE INDEX build_config_time ON build (config, rev_time);
CREATE INDEX build_status_time ON build (status, rev_time);

CREATE TABLE slave_property (
    build BIGINT NOT NULL,
    orderno INTEGER NOT NULL,
    propname TEXT NOT NULL,
    propvalue TEXT NOT NULL,
    PRIMARY KEY (build, orderno)
);

CREATE TABLE step (
    build BIGINT NOT NULL,
    name TEXT NOT NULL,
    orderno INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    started BIGINT NOT NULL DEFAULT 0,
    stopped BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (build, name)
);

CREATE TABLE step_error (
    build BIGINT NOT NULL,
    step TEXT NOT NULL,
    orderno INTEGER NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (build, step, orderno)
);

CREATE TABLE log (
    id @ID@,
    build BIGINT NOT NULL,
    step TEXT NOT NULL,
    generator TEXT NOT NULL DEFAULT '',
    orderno INTEGER NOT NULL,
    message_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX log_build_step ON log (build, step);

-- Log messages in chunks of consecutive lines (a JSON array of [level, text]), so a huge log
-- is written and read a page at a time.
CREATE TABLE log_chunk (
    log BIGINT NOT NULL,
    first_line BIGINT NOT NULL,
    line_count INTEGER NOT NULL,
    messages TEXT NOT NULL,
    PRIMARY KEY (log, first_line)
);

CREATE TABLE report (
    id @ID@,
    build BIGINT NOT NULL,
    step TEXT NOT NULL,
    category TEXT NOT NULL,
    generator TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_build_step ON report (build, step, category);

CREATE TABLE report_item (
    report BIGINT NOT NULL,
    item INTEGER NOT NULL,
    orderno INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (report, item, orderno)
);

-- Report totals per build, kept up to date as steps arrive (trend charts without item scans).
CREATE TABLE build_metric (
    build BIGINT NOT NULL PRIMARY KEY,
    test_success BIGINT NOT NULL DEFAULT 0,
    test_failure BIGINT NOT NULL DEFAULT 0,
    test_error BIGINT NOT NULL DEFAULT 0,
    test_ignore BIGINT NOT NULL DEFAULT 0,
    test_other BIGINT NOT NULL DEFAULT 0,
    coverage_lines BIGINT NOT NULL DEFAULT 0,
    coverage_covered DOUBLE PRECISION NOT NULL DEFAULT 0,
    coverage_files BIGINT NOT NULL DEFAULT 0,
    lint_convention BIGINT NOT NULL DEFAULT 0,
    lint_refactor BIGINT NOT NULL DEFAULT 0,
    lint_warning BIGINT NOT NULL DEFAULT 0,
    lint_error BIGINT NOT NULL DEFAULT 0,
    lint_other BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE attachment (
    id @ID@,
    config TEXT NOT NULL,
    build BIGINT NOT NULL DEFAULT 0,
    filename TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    size BIGINT NOT NULL DEFAULT 0,
    created BIGINT NOT NULL DEFAULT 0,
    file_path TEXT NOT NULL
);
CREATE UNIQUE INDEX attachment_name ON attachment (config, build, filename);

CREATE TABLE agent (
    name TEXT NOT NULL PRIMARY KEY,
    properties TEXT NOT NULL DEFAULT '[]',
    first_seen BIGINT NOT NULL DEFAULT 0,
    last_seen BIGINT NOT NULL DEFAULT 0,
    current_build BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE ci_target (
    name TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    url TEXT NOT NULL
);

CREATE TABLE ci_job (
    id @ID@,
    target TEXT NOT NULL,
    config TEXT NOT NULL,
    platform BIGINT NOT NULL DEFAULT 0,
    job_name TEXT NOT NULL,
    last_run_id TEXT NOT NULL DEFAULT '',
    build BIGINT NOT NULL DEFAULT 0,
    updated BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE build_request (
    request_id TEXT NOT NULL PRIMARY KEY,
    config TEXT NOT NULL,
    rev TEXT NOT NULL,
    rev_time BIGINT NOT NULL DEFAULT 0,
    created BIGINT NOT NULL DEFAULT 0,
    builds TEXT NOT NULL DEFAULT ''
);
