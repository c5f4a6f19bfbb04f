"""The roles of a team store, as SQL for its administrator (`briefroom store init --print-sql`).

Least privilege: no analyst's role may create or drop tables, so every table is made by
``briefroom store init`` run once by the database's owner, and:

- ``briefroom_reader`` (search, country profiles, pair summaries, briefs) may read every
  table and make temporary tables (summaries keep their working sets in them);
- ``briefroom_writer`` (ingest, meetings and outcomes, corrections) may also insert,
  update and delete rows, and draw ids from the tables' sequences.

Each analyst logs in as a role of their own that is a member of one of them, so the
meetings and corrections they record carry their name.  Passwords go in ``~/.pgpass`` (or
``PGPASSWORD``, a service file): never in a URL typed on a command line.
"""

from __future__ import annotations

READER = "briefroom_reader"
WRITER = "briefroom_writer"

ROLES_SQL = f"""\
-- briefroom team store: roles with least privilege.
-- Run as the database's owner, in the team store's database, after
-- `briefroom --store postgresql://OWNER@HOST/DB store init` has made the tables.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{READER}') THEN
        CREATE ROLE {READER} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{WRITER}') THEN
        CREATE ROLE {WRITER} NOLOGIN IN ROLE {READER};
    END IF;
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO {READER}', current_database());
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {READER};
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER};
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {WRITER};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {WRITER};
-- Tables a later briefroom adds (its `store init` run by the owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {READER};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES TO {WRITER};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {WRITER};
-- Each analyst, e.g.:
--   CREATE ROLE alice LOGIN IN ROLE {WRITER};   -- ingests, records meetings
--   CREATE ROLE bob LOGIN IN ROLE {READER};     -- searches, drafts briefs
-- and a password for each in their ~/.pgpass, never in a URL on the command line.
"""
