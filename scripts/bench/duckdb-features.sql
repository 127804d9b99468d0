-- The benchmark's anchor (issue 15): tie_features and owner_metrics as DuckDB SQL, over the canonical Parquet
-- tables that `tiedepth ingest` / `run` wrote, with the definitions of README "Definitions" and of
-- jobs/.../features/{AnalysedExports,TieFeatures,OwnerMetrics}.java, step for step: the same order of floating-point
-- operations, seconds as Spark's unix_seconds (floor of microseconds / 10^6), UTC calendar days and months, a first
-- message's direction as the minimum of microseconds × 2 + (out ? 1 : 0) ("in" first at equal times). Every
-- number literal in arithmetic is cast to DOUBLE (DuckDB reads 0.2 as an exact DECIMAL, Spark as a double).
--
-- Run by scripts/bench/DuckdbAnchor.java (`compute`), which replaces each ${name} below before running the
-- statements (one per `;` at a line end):
--   ${warehouse}               the warehouse folder (tables/exports, tables/ties, tables/interactions, tables/invitations)
--   ${out}                     where tie_features.parquet and owner_metrics.parquet are written
--   ${burst_k}, ${dormancy_days}, ${response_days}   the features' defaults (ClaimParams.DEFAULTS), from the tiedepth jar
--   ${inbound_window_days}     Columns.INBOUND_WINDOW_DAYS (182.625)
--   ${inbound_window_seconds}  the same × 86,400, a double as OwnerMetrics computes it
--   ${channel_counts}          one `count(*) FILTER (WHERE channel = '<c>') AS n_<c>` per Columns.CHANNELS
--   ${channel_columns}         coalesce(p.n_<c>, 0) AS n_<c>, per Columns.CHANNELS
--   ${channel_names}           n_<c>, per Columns.CHANNELS
--   ${size_class}              a CASE over n_ties from SizeClass.LABELS and their lower bounds
--
-- Not computed here (so not compared), each stated in the benchmark's output:
-- @excluded tie_features.layer: Dunbar circles need exact optimal 1-D k-means (Ckmeans.1d.dp's dynamic programme) and a BIC choice of k per owner, impractical in SQL
-- @excluded owner_metrics.n_layers: Dunbar circles (as tie_features.layer)
-- @excluded owner_metrics.layer_sizes: Dunbar circles (as tie_features.layer)
-- @excluded owner_metrics.layer_ratios: Dunbar circles (as tie_features.layer)

SET TimeZone = 'UTC';

CREATE MACRO unix_s(t) AS CAST(floor(epoch_us(t) / 1000000) AS BIGINT);

-- AnalysedExports: status ok, and per owner and platform the export whose window ends last (ties by export_id).
CREATE TEMP TABLE analysed AS
SELECT * EXCLUDE (_rank) FROM (
    SELECT *, row_number() OVER (PARTITION BY owner_id, platform
                                 ORDER BY window_end DESC NULLS LAST, export_id ASC NULLS FIRST) AS _rank
    FROM read_parquet('${warehouse}/tables/exports/**/*.parquet')
    WHERE status = 'ok')
WHERE _rank = 1;

-- The analysed exports' ties, with burst_accepted: one of at least k ties the export gained that UTC day.
CREATE TEMP TABLE t AS
SELECT *, CASE WHEN connected_at IS NOT NULL
               THEN count(*) OVER (PARTITION BY export_id, CAST(connected_at AS DATE)) >= ${burst_k} END AS burst_accepted
FROM read_parquet('${warehouse}/tables/ties/**/*.parquet')
WHERE export_id IN (SELECT export_id FROM analysed);

CREATE TEMP VIEW i AS
SELECT * FROM read_parquet('${warehouse}/tables/interactions/**/*.parquet')
WHERE export_id IN (SELECT export_id FROM analysed);

-- Per contact with interactions (TieFeatures.markReactivations + interactionAggregates). The gap before an
-- interaction is to the previous one in (at, channel, direction) order, the connection date starting the tie.
CREATE TEMP TABLE per_contact AS
WITH m AS (
    SELECT i.export_id, i.contact_id, i."at", i.channel, i.direction, t.connected_at,
           unix_s(i."at") - unix_s(coalesce(lag(i."at") OVER (PARTITION BY i.export_id, i.contact_id
               ORDER BY i."at" ASC NULLS FIRST, i.channel ASC NULLS FIRST, i.direction ASC NULLS FIRST),
               t.connected_at)) AS gap
    FROM i LEFT JOIN t ON i.export_id = t.export_id AND i.contact_id = t.contact_id),
r AS (
    SELECT *, direction = 'in' AND coalesce(gap >= CAST(${dormancy_days} AS BIGINT) * 86400, false) AS _reactivation
    FROM m)
SELECT export_id, contact_id,
       count(*) AS n_interactions,
       count(*) FILTER (WHERE channel = 'message' AND direction = 'out') AS msgs_out,
       count(*) FILTER (WHERE channel = 'message' AND NOT (direction = 'out')) AS msgs_in,
       count(*) FILTER (WHERE direction = 'out') AS interactions_out,
       count(*) FILTER (WHERE NOT (direction = 'out')) AS interactions_in,
       ${channel_counts},
       min("at") AS first_at,
       max("at") AS last_at,
       count(DISTINCT CAST("at" AS DATE)) AS active_days,
       count(DISTINCT date_trunc('month', CAST("at" AS TIMESTAMP))) AS active_months,
       count(DISTINCT CAST(floor(unix_s("at") / 2592000) AS BIGINT)) AS active_periods,
       min(CASE WHEN channel = 'message'
                THEN epoch_us("at") * 2 + CASE WHEN direction = 'out' THEN 1 ELSE 0 END END) AS _first_message_key,
       count(*) FILTER (WHERE _reactivation) AS reactivations,
       list_sort(list("at") FILTER (WHERE _reactivation)) AS reactivated_at,
       bool_or(connected_at IS NOT NULL AND "at" >= connected_at
               AND unix_s("at") - unix_s(connected_at) < CAST(${response_days} AS BIGINT) * 86400) AS _within
FROM r
GROUP BY export_id, contact_id;

-- Every contact of an analysed export: ties (full outer join) contacts with interactions (TieFeatures.compute),
-- then TieFeatures.derive.
CREATE TEMP TABLE tie_features AS
WITH contacts AS (
SELECT coalesce(t.export_id, p.export_id) AS export_id,
       coalesce(t.platform, a.platform) AS platform,
       coalesce(t.owner_id, a.owner_id) AS owner_id,
       coalesce(t.contact_id, p.contact_id) AS contact_id,
       t.export_id IS NOT NULL AS is_tie,
       t.connected_at, t.connected_at_precision, t.tie_source, t.invited_by, t.invitation_has_note,
       coalesce(t.ended, false) AS ended,
       t.burst_accepted,
       coalesce(p.n_interactions, 0) AS n_interactions,
       coalesce(p.msgs_out, 0) AS msgs_out,
       coalesce(p.msgs_in, 0) AS msgs_in,
       coalesce(p.interactions_out, 0) AS interactions_out,
       coalesce(p.interactions_in, 0) AS interactions_in,
       ${channel_columns},
       p.first_at, p.last_at,
       coalesce(p.active_days, 0) AS active_days,
       coalesce(p.active_months, 0) AS active_months,
       coalesce(p.active_periods, 0) AS active_periods,
       coalesce(p.reactivations, 0) AS reactivations,
       coalesce(p.reactivated_at, CAST([] AS TIMESTAMPTZ[])) AS reactivated_at,
       p._first_message_key, p._within,
       a.window_start, a.window_end
FROM t FULL OUTER JOIN per_contact p ON t.export_id = p.export_id AND t.contact_id = p.contact_id
JOIN analysed a ON a.export_id = coalesce(t.export_id, p.export_id)),
o AS (
    SELECT *, coalesce(greatest(CAST(30 AS DOUBLE),
                   (unix_s(window_end) - unix_s(CASE WHEN connected_at IS NOT NULL
                                                     THEN greatest(connected_at, window_start)
                                                     ELSE coalesce(first_at, window_start) END))
                   / CAST(86400 AS DOUBLE)), CAST(30 AS DOUBLE)) AS observed_days,
           interactions_out > 0 AND interactions_in > 0 AS reciprocal
    FROM contacts),
f AS (
    SELECT *, n_interactions / (observed_days / CAST(365.25 AS DOUBLE)) AS contact_frequency FROM o)
SELECT export_id, platform, owner_id, contact_id, is_tie, connected_at, connected_at_precision, tie_source,
       invited_by, invitation_has_note, ended, burst_accepted, n_interactions, msgs_out, msgs_in, interactions_out,
       interactions_in, ${channel_names}, first_at, last_at, active_days, active_months,
       active_periods, observed_days, contact_frequency, reciprocal,
       CASE WHEN n_interactions = 0 THEN 'none'
            WHEN NOT reciprocal THEN 'one_way'
            WHEN active_periods >= 3 THEN 'sustained'
            ELSE 'reciprocal' END AS depth,
       contact_frequency >= CAST(1 AS DOUBLE) AS active,
       (unix_s(first_at) - unix_s(connected_at)) / CAST(86400 AS DOUBLE) AS days_to_first_interaction,
       CASE WHEN connected_at IS NOT NULL
                 AND unix_s(connected_at) + CAST(${response_days} AS BIGINT) * 86400 <= unix_s(window_end)
            THEN coalesce(_within, false) END AS interacted_within_180d,
       CASE WHEN _first_message_key IS NULL THEN NULL
            WHEN _first_message_key % 2 <> 0 THEN 'owner' ELSE 'contact' END AS initiated_by,
       reactivations, reactivations > 0 AS reactivated, reactivated_at
FROM f;

DROP TABLE per_contact;

-- OwnerMetrics.tieAggregates.
CREATE TEMP TABLE tie_stats AS
SELECT export_id,
       count(*) AS n_contacts,
       count(*) FILTER (WHERE is_tie) AS n_ties,
       count(*) FILTER (WHERE is_tie AND active) AS n_active,
       count(*) FILTER (WHERE is_tie AND depth IN ('reciprocal', 'sustained')) AS n_reciprocal,
       count(*) FILTER (WHERE is_tie AND depth = 'sustained') AS n_sustained,
       count(*) FILTER (WHERE is_tie AND depth = 'one_way') AS n_one_way,
       CAST(sum(n_interactions) AS BIGINT) AS n_interactions,
       CAST(sum(CASE WHEN is_tie THEN n_interactions ELSE 0 END) AS BIGINT) AS _tie_interactions,
       count(*) FILTER (WHERE is_tie AND burst_accepted IS NOT NULL) AS _dated,
       count(*) FILTER (WHERE is_tie AND coalesce(burst_accepted, false)) AS _burst,
       count(*) FILTER (WHERE initiated_by IS NOT NULL) AS _initiated,
       count(*) FILTER (WHERE initiated_by = 'owner') AS _initiated_out,
       CAST(sum(CASE WHEN is_tie THEN reactivations ELSE 0 END) AS BIGINT) AS reactivations
FROM tie_features
GROUP BY export_id;

-- OwnerMetrics.concentration: Gini and top-20 % share of the interaction counts over each export's ties.
CREATE TEMP TABLE concentration AS
WITH ranked AS (
    SELECT export_id, n_interactions AS x,
           row_number() OVER (PARTITION BY export_id ORDER BY n_interactions, contact_id) AS i,
           count(*) OVER (PARTITION BY export_id) AS n
    FROM tie_features WHERE is_tie),
g AS (
    SELECT export_id,
           sum((2 * i - n - 1) * x) AS gnum,
           sum(x) AS s,
           min(n) AS n,
           sum(CASE WHEN i > n - ceil(n * CAST(0.2 AS DOUBLE)) THEN x ELSE 0 END) AS top
    FROM ranked GROUP BY export_id)
SELECT export_id,
       CASE WHEN s > 0 THEN CAST(gnum AS DOUBLE) / CAST(n * s AS DOUBLE) END AS interaction_gini,
       CASE WHEN s > 0 THEN CAST(top AS DOUBLE) / CAST(s AS DOUBLE) END AS top20_share
FROM g;

-- OwnerMetrics.inboundRequests: incoming invitations and conversations opened by non-ties in the recent window.
CREATE TEMP TABLE inbound AS
WITH w AS (
    SELECT export_id, unix_s(window_end) - CAST(${inbound_window_seconds} AS DOUBLE) AS _recent FROM analysed),
invited AS (
    SELECT v.export_id, count(*) FILTER (WHERE v.direction = 'in' AND unix_s(v.sent_at) > w._recent) AS _inv
    FROM read_parquet('${warehouse}/tables/invitations/**/*.parquet') v JOIN w ON v.export_id = w.export_id
    GROUP BY v.export_id),
conversations AS (
    SELECT x.export_id, coalesce(x.thread_id, x.contact_id) AS conversation,
           min(epoch_us(x."at") * 2 + CASE WHEN x.direction = 'out' THEN 1 ELSE 0 END) AS _key,
           min(w._recent) AS _r, min(x."at") AS _at
    FROM read_parquet('${warehouse}/tables/interactions/**/*.parquet') x JOIN w ON x.export_id = w.export_id
    WHERE x.channel = 'message'
      AND NOT EXISTS (SELECT 1 FROM t WHERE t.export_id = x.export_id AND t.contact_id = x.contact_id)
    GROUP BY x.export_id, coalesce(x.thread_id, x.contact_id)),
opened AS (
    SELECT export_id, count(*) AS _opened FROM conversations
    WHERE _key % 2 = 0 AND unix_s(_at) > _r
    GROUP BY export_id)
SELECT w.export_id, coalesce(invited._inv, 0) + coalesce(opened._opened, 0) AS inbound_requests,
       invited._inv IS NOT NULL AS _has_inv
FROM w LEFT JOIN invited ON w.export_id = invited.export_id LEFT JOIN opened ON w.export_id = opened.export_id;

-- OwnerMetrics.compute.
CREATE TEMP TABLE owner_metrics AS
WITH m AS (
    SELECT a.export_id, a.platform, a.owner_id, a.window_start, a.window_end,
           coalesce(a.time_origin, 'absolute') AS time_origin, a.derived_ties, a.format_era,
           (unix_s(a.window_end) - unix_s(a.window_start)) / CAST(86400 AS DOUBLE) AS observation_days,
           coalesce(s.n_contacts, 0) AS n_contacts, coalesce(s.n_ties, 0) AS n_ties,
           coalesce(s.n_active, 0) AS n_active, coalesce(s.n_reciprocal, 0) AS n_reciprocal,
           coalesce(s.n_sustained, 0) AS n_sustained, coalesce(s.n_one_way, 0) AS n_one_way,
           coalesce(s.n_interactions, 0) AS n_interactions, coalesce(s.reactivations, 0) AS reactivations,
           coalesce(s._tie_interactions, 0) AS _tie_interactions, coalesce(s._dated, 0) AS _dated,
           coalesce(s._burst, 0) AS _burst, coalesce(s._initiated, 0) AS _initiated,
           coalesce(s._initiated_out, 0) AS _initiated_out,
           c.interaction_gini, c.top20_share,
           coalesce(b.inbound_requests, 0) AS inbound_requests, b._has_inv
    FROM analysed a
    LEFT JOIN tie_stats s ON a.export_id = s.export_id
    LEFT JOIN concentration c ON a.export_id = c.export_id
    LEFT JOIN inbound b ON a.export_id = b.export_id)
SELECT export_id, platform, owner_id,
       ${size_class} AS size_class,
       n_ties, n_contacts, n_active, n_reciprocal, n_sustained, n_one_way,
       CASE WHEN n_ties > 0 THEN CAST(n_active AS DOUBLE) / n_ties END AS active_share,
       CASE WHEN n_ties > 0 THEN CAST(n_reciprocal AS DOUBLE) / n_ties END AS reciprocal_share,
       n_interactions,
       CASE WHEN n_ties > 0 THEN CAST(_tie_interactions AS DOUBLE) / n_ties END AS interactions_per_tie,
       interaction_gini, top20_share,
       CASE WHEN _dated > 0 THEN CAST(_burst AS DOUBLE) / _dated END AS burst_share,
       CASE WHEN _initiated > 0 THEN CAST(_initiated_out AS DOUBLE) / _initiated END AS outbound_initiation_share,
       inbound_requests,
       CASE WHEN observation_days >= CAST(1 AS DOUBLE) AND _has_inv
            THEN inbound_requests / (least(observation_days, CAST(${inbound_window_days} AS DOUBLE))
                                     / CAST(30.4375 AS DOUBLE)) END AS inbound_requests_per_month,
       reactivations, observation_days, window_start, window_end, time_origin, derived_ties, format_era
FROM m;

COPY tie_features TO '${out}/tie_features.parquet' (FORMAT parquet);

COPY owner_metrics TO '${out}/owner_metrics.parquet' (FORMAT parquet);
