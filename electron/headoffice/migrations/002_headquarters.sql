-- 002: what head office mode reads (issue 16; docs/architecture.md, "Head office mode").
-- 001 is frozen: this file only adds. Adding a stored generated column rewrites ho.cases once
-- (a few minutes per million cases, with its indexes); nothing else changes for the branches.

-- What the deadline rule reads of a case (shared/rules/deadlines.ts, deadlineFacts): the facts,
-- never the rule. Head office runs the app's own rule (deadlinesOf) on them with the deadlines
-- it is set to, so "overdue" at head office is counted as a branch counts it — without reading
-- and parsing every document of a week (a document is ~1.5 kB compressed; the facts ~100 bytes).
CREATE FUNCTION ho.deadline_facts(doc jsonb) RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog
AS $$
  SELECT jsonb_build_object(
    'resolvedAt', CASE WHEN jsonb_typeof(doc->'workflow'->'resolvedAt') = 'string' THEN doc->'workflow'->'resolvedAt' ELSE 'null'::jsonb END,
    -- any handling step ticked, or an escalation with someone notified
    'responded', jsonb_path_exists(doc, '$.workflow.steps.* ? (@.type() != "null")')
                 OR jsonb_path_exists(doc, '$.workflow.escalation.notified[*]'),
    -- Class 1: the oral report recorded; Class 2: the written report submitted
    'reported', CASE WHEN doc->>'caseClass' = '1'
                     THEN jsonb_typeof(doc->'workflow'->'oralReport') = 'object'
                     ELSE coalesce(doc->'workflow'->'writtenReport'->>'submittedAt', '') <> '' END,
    'followedUp', jsonb_typeof(doc->'workflow'->'followUp') = 'object',
    'openDues', coalesce(
      (SELECT jsonb_agg(m->'dueAt' ORDER BY m->>'dueAt')
         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(doc->'workflow'->'commitments') = 'array'
                                        THEN doc->'workflow'->'commitments' ELSE '[]'::jsonb END) AS m
        WHERE m->>'status' = 'open' AND jsonb_typeof(m->'dueAt') = 'string'),
      '[]'::jsonb)
  )
$$;

-- The text head office searches, kept on write: the fields of 001's search_text and 客户原话,
-- folded (full-width to ASCII, lower case) so that a search is a plain LIKE — about three times
-- cheaper per row than ILIKE on Chinese text — and ＭＢ－４０ finds MB-40. Its trigram index
-- replaces 001's (search_text stays, unindexed, as 001 made it).
ALTER TABLE ho.cases
  ADD COLUMN deadline_facts jsonb GENERATED ALWAYS AS (ho.deadline_facts(doc)) STORED NOT NULL,
  ADD COLUMN search_key text GENERATED ALWAYS AS (lower(normalize(
    coalesce(doc->>'number', '') || ' ' || coalesce(doc->>'customerName', '') || ' ' || coalesce(doc->>'product', '')
    || ' ' || coalesce(doc->>'receiptNo', '') || ' ' || coalesce(doc->>'staffComplainedAbout', '')
    || ' ' || coalesce(doc->>'description', '') || ' ' || coalesce(doc->>'demandNote', '')
    || ' ' || coalesce(doc->>'customerWords', ''), NFKC))) STORED NOT NULL;

DROP INDEX ho.cases_search;
CREATE INDEX cases_search_key ON ho.cases USING gin (search_key gin_trgm_ops);

-- The Class 2 written reports inbox: reports head office has, newest first (unsigned ones are
-- those without a row in ho.report_acks).
CREATE INDEX cases_reports ON ho.cases (report_generated_at DESC, branch_code, case_id)
  WHERE class = 2 AND report_generated_at IS NOT NULL;
