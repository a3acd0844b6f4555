-- 001: head office's schema (docs/architecture.md, "Head office sync").
-- Cases are rows keyed by branch code + case id with a version; the case document is jsonb and
-- the columns head office filters on are generated from it by the database, so a branch sends
-- only (branch_code, case_id, version, doc, department_name) and cannot send columns that
-- disagree with its document. Run by the schema owner (CREATEROLE, owner of the
-- database); at run time branches and head office connect as their own roles, never a superuser.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The two group roles: every branch login role is a member of complaint_branch, every head
-- office login role of complaint_headoffice. Privileges go to the groups; row-level security
-- tells branches apart by the login role (ho.branches.role_name), never by anything a client sends.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'complaint_branch') THEN
    CREATE ROLE complaint_branch NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'complaint_headoffice') THEN
    CREATE ROLE complaint_headoffice NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA ho TO complaint_branch, complaint_headoffice;

CREATE TABLE ho.branches (
  code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9-]{2,16}$'),
  name text NOT NULL DEFAULT '' CHECK (length(name) <= 60),
  role_name name NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The branch the connected role is (null for any other role): the only source of "own branch".
CREATE FUNCTION ho.my_branch() RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, ho
AS $$ SELECT code FROM ho.branches WHERE role_name = current_user $$;

-- An ISO 8601 instant with an explicit offset (as the app writes them) to timestamptz; null for
-- anything else (then NOT NULL refuses it). With the offset in the text the result does not
-- depend on the session's time zone, so the function is immutable and can feed a generated column.
CREATE FUNCTION ho.iso_instant(text) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog
AS $$
  SELECT CASE WHEN $1 ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$'
              THEN $1::timestamptz END
$$;

CREATE TABLE ho.cases (
  branch_code text NOT NULL REFERENCES ho.branches (code),
  case_id text NOT NULL CHECK (case_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  version bigint NOT NULL CHECK (version > 0),
  doc jsonb COMPRESSION lz4 NOT NULL CHECK (jsonb_typeof(doc) = 'object' AND pg_column_size(doc) <= 1000000),
  department_name text NOT NULL DEFAULT '' CHECK (length(department_name) <= 60),
  pushed_at timestamptz NOT NULL DEFAULT now(),
  -- The columns head office filters on, computed by the database from doc (a client cannot set them):
  case_no text GENERATED ALWAYS AS (doc->>'number') STORED NOT NULL CHECK (length(case_no) BETWEEN 1 AND 40),
  class smallint GENERATED ALWAYS AS ((doc->>'caseClass')::smallint) STORED NOT NULL CHECK (class IN (1, 2)),
  status text GENERATED ALWAYS AS (doc->>'status') STORED NOT NULL
    CHECK (status IN ('received', 'in_progress', 'resolved', 'reported', 'followed_up', 'closed', 'voided')),
  category text GENERATED ALWAYS AS (doc->>'category') STORED NOT NULL
    CHECK (category IN ('product_quality', 'service_attitude', 'price_billing', 'cashier_error', 'after_sales',
      'delivery', 'usage_difficulty', 'premises', 'safety_health', 'other')),
  department_id text GENERATED ALWAYS AS (doc->>'departmentId') STORED NOT NULL
    CHECK (length(department_id) BETWEEN 1 AND 64),
  received_at timestamptz GENERATED ALWAYS AS (ho.iso_instant(doc->>'receivedAt')) STORED NOT NULL,
  closed_at timestamptz GENERATED ALWAYS AS (ho.iso_instant(doc->'workflow'->>'closedAt')) STORED,
  urgent boolean GENERATED ALWAYS AS ((doc->'workflow'->>'urgent')::boolean) STORED NOT NULL,
  report_generated_at timestamptz GENERATED ALWAYS AS (ho.iso_instant(doc->'workflow'->'writtenReport'->>'generatedAt')) STORED,
  search_text text GENERATED ALWAYS AS (
    coalesce(doc->>'number', '') || ' ' || coalesce(doc->>'customerName', '') || ' ' || coalesce(doc->>'product', '')
    || ' ' || coalesce(doc->>'receiptNo', '') || ' ' || coalesce(doc->>'staffComplainedAbout', '')
    || ' ' || coalesce(doc->>'description', '') || ' ' || coalesce(doc->>'demandNote', '')
  ) STORED NOT NULL,
  PRIMARY KEY (branch_code, case_id),
  -- The document is the row's: same case, same branch.
  CONSTRAINT doc_matches_row CHECK (doc->>'id' = case_id AND doc->>'branchCode' = branch_code),
  -- A closed case was closed after it was received.
  CONSTRAINT closed_after_received CHECK (closed_at IS NULL OR closed_at >= received_at)
);

-- An update must raise the version and keep the key; the WHEN clause is checked without calling
-- the function, so an ordinary push pays nothing for it.
CREATE FUNCTION ho.cases_refuse_update() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, ho
AS $$
BEGIN
  IF (NEW.branch_code, NEW.case_id) IS DISTINCT FROM (OLD.branch_code, OLD.case_id) THEN
    RAISE EXCEPTION 'a case keeps its branch and id' USING ERRCODE = 'check_violation';
  END IF;
  RAISE EXCEPTION 'case % of branch %: version % does not follow %', NEW.case_id, NEW.branch_code, NEW.version, OLD.version
    USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER cases_versions BEFORE UPDATE ON ho.cases
  FOR EACH ROW
  WHEN (NEW.version <= OLD.version OR NEW.branch_code <> OLD.branch_code OR NEW.case_id <> OLD.case_id)
  EXECUTE FUNCTION ho.cases_refuse_update();

CREATE INDEX cases_received ON ho.cases (received_at DESC);
CREATE INDEX cases_branch_received ON ho.cases (branch_code, received_at DESC);
CREATE INDEX cases_category_received ON ho.cases (category, received_at DESC);
CREATE INDEX cases_class2 ON ho.cases (received_at DESC) WHERE class = 2;
CREATE INDEX cases_search ON ho.cases USING gin (search_text gin_trgm_ops);

-- Head office's 签收 of a Class 2 written report: one per case, inserted by head office only.
CREATE TABLE ho.report_acks (
  branch_code text NOT NULL,
  case_id text NOT NULL,
  acked_at timestamptz NOT NULL DEFAULT now(),
  acked_by text NOT NULL CHECK (length(acked_by) BETWEEN 1 AND 60),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 500),
  acked_role name NOT NULL DEFAULT current_user,
  PRIMARY KEY (branch_code, case_id),
  FOREIGN KEY (branch_code, case_id) REFERENCES ho.cases (branch_code, case_id)
);

CREATE FUNCTION ho.report_acks_check() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, ho
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ho.cases c WHERE c.branch_code = NEW.branch_code AND c.case_id = NEW.case_id AND c.class = 2) THEN
    RAISE EXCEPTION 'only a Class 2 case''s report is signed for (% / %)', NEW.branch_code, NEW.case_id
      USING ERRCODE = 'check_violation';
  END IF;
  NEW.acked_role := current_user;
  RETURN NEW;
END
$$;

CREATE TRIGGER report_acks_check BEFORE INSERT ON ho.report_acks
  FOR EACH ROW EXECUTE FUNCTION ho.report_acks_check();

-- Privileges: branches insert and update (never delete) their cases and read their acks;
-- head office reads everything and inserts acks only.
GRANT SELECT ON ho.branches TO complaint_branch, complaint_headoffice;
GRANT SELECT, INSERT, UPDATE ON ho.cases TO complaint_branch;
GRANT SELECT ON ho.cases TO complaint_headoffice;
GRANT SELECT ON ho.report_acks TO complaint_branch;
GRANT SELECT, INSERT ON ho.report_acks TO complaint_headoffice;
REVOKE ALL ON FUNCTION ho.my_branch() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ho.my_branch() TO complaint_branch, complaint_headoffice;

ALTER TABLE ho.branches ENABLE ROW LEVEL SECURITY;
ALTER TABLE ho.cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE ho.report_acks ENABLE ROW LEVEL SECURITY;

CREATE POLICY branch_self ON ho.branches FOR SELECT TO complaint_branch USING (role_name = current_user);
CREATE POLICY headoffice_all ON ho.branches FOR SELECT TO complaint_headoffice USING (true);

CREATE POLICY branch_read ON ho.cases FOR SELECT TO complaint_branch
  USING (branch_code = (SELECT ho.my_branch()));
CREATE POLICY branch_insert ON ho.cases FOR INSERT TO complaint_branch
  WITH CHECK (branch_code = (SELECT ho.my_branch()));
CREATE POLICY branch_update ON ho.cases FOR UPDATE TO complaint_branch
  USING (branch_code = (SELECT ho.my_branch()))
  WITH CHECK (branch_code = (SELECT ho.my_branch()));
CREATE POLICY headoffice_read ON ho.cases FOR SELECT TO complaint_headoffice USING (true);

CREATE POLICY branch_read ON ho.report_acks FOR SELECT TO complaint_branch
  USING (branch_code = (SELECT ho.my_branch()));
CREATE POLICY headoffice_read ON ho.report_acks FOR SELECT TO complaint_headoffice USING (true);
CREATE POLICY headoffice_insert ON ho.report_acks FOR INSERT TO complaint_headoffice WITH CHECK (true);

-- Run once per branch by the schema owner: a login role for the branch, in complaint_branch.
CREATE FUNCTION ho.create_branch_role(branch_code text, branch_name text, password text) RETURNS name
  LANGUAGE plpgsql
  SET search_path = pg_catalog, ho
AS $$
DECLARE
  role name := 'branch_' || lower(replace(branch_code, '-', '_'));
BEGIN
  IF branch_code !~ '^[A-Za-z0-9-]{2,16}$' THEN
    RAISE EXCEPTION 'branch code % is not 2-16 letters, digits or -', branch_code USING ERRCODE = 'check_violation';
  END IF;
  IF length(password) < 12 THEN
    RAISE EXCEPTION 'a branch password has at least 12 characters' USING ERRCODE = 'check_violation';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L IN ROLE complaint_branch',
    role, password);
  INSERT INTO ho.branches (code, name, role_name) VALUES (branch_code, branch_name, role);
  RETURN role;
END
$$;

-- Run once per head-office user by the schema owner: a login role in complaint_headoffice.
CREATE FUNCTION ho.create_headoffice_role(login name, password text) RETURNS name
  LANGUAGE plpgsql
  SET search_path = pg_catalog, ho
AS $$
BEGIN
  IF login !~ '^[a-z][a-z0-9_]{2,40}$' OR login LIKE 'branch\_%' THEN
    RAISE EXCEPTION 'head office login % is not 3-41 lower-case letters, digits or _ (and not branch_…)', login
      USING ERRCODE = 'check_violation';
  END IF;
  IF length(password) < 12 THEN
    RAISE EXCEPTION 'a password has at least 12 characters' USING ERRCODE = 'check_violation';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L IN ROLE complaint_headoffice',
    login, password);
  RETURN login;
END
$$;

REVOKE ALL ON FUNCTION ho.create_branch_role(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION ho.create_headoffice_role(name, text) FROM PUBLIC;
