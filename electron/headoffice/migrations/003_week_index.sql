-- 003: head office's week (hq.ts, weekFigures) read from one index (issue 16's bench: every
-- branch's week with overdue, 51,200 cases of which 35,792 open, at 1,000,000 cases).
-- The week's counts and the deadline facts of its open cases are in the index itself, so the
-- query never visits the table: its rows are wide (the document inline), and a week's 51,200
-- rows sit on 11,000 pages. Built once (seconds per million cases; writes wait meanwhile).
CREATE INDEX cases_week ON ho.cases (received_at)
  INCLUDE (branch_code, class, status, category, urgent, deadline_facts);
