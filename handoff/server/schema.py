"""The organisation journal's PostgreSQL schema, roles and the functions that guard it.

The database is the part IT runs and can be rewritten by whoever holds a
superuser; the design keeps that detectable rather than impossible (the
DPO's cosigned checkpoints and ``audit`` do the catching). What the schema
itself makes impossible for the service:

- Two roles. ``handoff_owner`` (no login) owns every table and function;
  ``handoff_service`` (the service's login) may read the tables and call the
  SECURITY DEFINER functions below, and nothing else: no INSERT, UPDATE,
  DELETE or TRUNCATE on any table.
- Triggers refuse UPDATE, DELETE and TRUNCATE on every table, for the owner
  too. (A superuser can switch them off with ``session_replication_role``;
  ``dpo audit`` then names the changed or missing record.)
- ``records.body`` keeps the exact canonical bytes the PC hashed (``jsonb``
  rewrites bytes; ``doc`` is a jsonb copy for queries only).
- Leaf indexes are dense and assigned by ``integrate`` under an advisory lock,
  never by a sequence (a rolled-back sequence value would leave a hole in the
  tree). Appends hold the same lock shared, so the integrator never passes a
  record that is still being written.
"""

from __future__ import annotations

SCHEMA_NAME = "hj"
OWNER = "handoff_owner"
SERVICE = "handoff_service"
#: pg_advisory lock keys: integration (appends hold it shared) and per-machine appends.
INTEGRATE_LOCK = 0x48414E44  # "HAND"

ROLES = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER}') THEN
        CREATE ROLE {OWNER} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{SERVICE}') THEN
        CREATE ROLE {SERVICE} LOGIN;
    END IF;
END $$;
"""

TABLES = f"""
CREATE SCHEMA hj AUTHORIZATION {OWNER};
SET ROLE {OWNER};
SET search_path = hj, pg_catalog;

CREATE TABLE hj.log (
    origin text PRIMARY KEY,
    vkey text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hj.machines (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    role text NOT NULL CHECK (role IN ('pc', 'dpo')),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hj.tokens (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    machine_id bigint NOT NULL REFERENCES hj.machines,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hj.keys (
    machine_id bigint PRIMARY KEY REFERENCES hj.machines,
    public_key bytea NOT NULL UNIQUE CHECK (length(public_key) = 32),
    host text NOT NULL,
    enrolled_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hj.records (
    arrival bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    machine_id bigint NOT NULL REFERENCES hj.keys,
    seq bigint NOT NULL CHECK (seq >= 1),
    body bytea NOT NULL,
    hash bytea NOT NULL CHECK (length(hash) = 32),
    doc jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (machine_id, seq)
);
CREATE TABLE hj.heads (
    machine_id bigint NOT NULL,
    seq bigint NOT NULL,
    hash bytea NOT NULL,
    signature bytea NOT NULL CHECK (length(signature) = 64),
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (machine_id, seq),
    FOREIGN KEY (machine_id, seq) REFERENCES hj.records
);
CREATE TABLE hj.leaves (
    idx bigint PRIMARY KEY CHECK (idx >= 0),
    arrival bigint NOT NULL UNIQUE,
    machine_id bigint NOT NULL,
    seq bigint NOT NULL,
    leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32),
    UNIQUE (machine_id, seq),
    FOREIGN KEY (machine_id, seq) REFERENCES hj.records
);
CREATE TABLE hj.checkpoints (
    size bigint PRIMARY KEY CHECK (size >= 0),
    root bytea NOT NULL CHECK (length(root) = 32),
    note text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hj.cosignatures (
    size bigint NOT NULL REFERENCES hj.checkpoints,
    witness_id bigint NOT NULL REFERENCES hj.keys,
    note text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (size, witness_id)
);
CREATE TABLE hj.incidents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    machine_id bigint NOT NULL REFERENCES hj.machines,
    kind text NOT NULL CHECK (kind IN ('fork', 'foreign', 'malformed')),
    seq bigint,
    at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION hj.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the organisation journal is append-only (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
"""

APPEND_ONLY_TABLES = (
    "log",
    "machines",
    "tokens",
    "keys",
    "records",
    "heads",
    "leaves",
    "checkpoints",
    "cosignatures",
    "incidents",
)

TRIGGERS = "".join(
    f"""
CREATE TRIGGER {t}_no_change BEFORE UPDATE OR DELETE ON hj.{t}
    FOR EACH ROW EXECUTE FUNCTION hj.refuse();
CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON hj.{t}
    FOR EACH STATEMENT EXECUTE FUNCTION hj.refuse();
"""
    for t in APPEND_ONLY_TABLES
)

#: The canonical record fields (handoff.core.journal.hash.FIELDS), as the append checks them.
_FIELDS = "ARRAY['account','details','handoff_id','machine','prev_hash','protocol_id','seq','step','time']"
_GENESIS = "sha256('handoff-journal-genesis-v1'::bytea)"

FUNCTIONS = f"""
CREATE FUNCTION hj.new_machine(p_name text, p_role text, p_token_hash bytea) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hj, pg_catalog AS $$
DECLARE v_id bigint;
BEGIN
    SELECT id INTO v_id FROM hj.machines WHERE name = p_name;
    IF v_id IS NULL THEN
        INSERT INTO hj.machines (name, role) VALUES (p_name, p_role) RETURNING id INTO v_id;
    ELSIF EXISTS (SELECT FROM hj.keys WHERE machine_id = v_id) THEN
        RAISE EXCEPTION 'machine % is already enrolled', p_name USING ERRCODE = 'unique_violation';
    ELSIF (SELECT role FROM hj.machines WHERE id = v_id) <> p_role THEN
        RAISE EXCEPTION 'machine % has another role', p_name USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO hj.tokens (token_hash, machine_id) VALUES (p_token_hash, v_id);
    RETURN v_id;
END $$;

-- One-time: a token enrols once, and a machine has one key (keys.machine_id is the key).
CREATE FUNCTION hj.claim(p_token_hash bytea, p_public_key bytea, p_host text)
RETURNS TABLE (machine_id bigint, name text, role text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hj, pg_catalog AS $$
DECLARE v_id bigint;
BEGIN
    SELECT t.machine_id INTO v_id FROM hj.tokens t WHERE t.token_hash = p_token_hash;
    IF v_id IS NULL OR EXISTS (SELECT FROM hj.keys k WHERE k.machine_id = v_id) THEN
        RETURN;
    END IF;
    INSERT INTO hj.keys (machine_id, public_key, host) VALUES (v_id, p_public_key, p_host);
    RETURN QUERY SELECT m.id, m.name, m.role FROM hj.machines m WHERE m.id = v_id;
END $$;

-- Appends one machine's records in order. Answers, per record: stored or duplicate;
-- and stops at the first gap (expected = the seq the client must resume from),
-- fork (same seq or predecessor with another hash), or foreign record (another
-- machine's host name in the body). Forks and foreign records are kept as incidents.
CREATE FUNCTION hj.append(p_machine bigint, p_bodies bytea[], p_head_signature bytea)
RETURNS TABLE (status text, seq bigint, expected bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hj, pg_catalog AS $$
DECLARE
    v_host text; v_role text; v_body bytea; v_doc jsonb; v_seq bigint; v_hash bytea;
    v_old bytea; v_last bigint; v_last_hash bytea; v_all_ok boolean := true;
BEGIN
    PERFORM pg_advisory_xact_lock_shared({INTEGRATE_LOCK});
    PERFORM pg_advisory_xact_lock(72, p_machine::integer);
    SELECT k.host, m.role INTO v_host, v_role
        FROM hj.keys k JOIN hj.machines m ON m.id = k.machine_id WHERE k.machine_id = p_machine;
    IF v_host IS NULL OR v_role <> 'pc' THEN
        RAISE EXCEPTION 'machine % may not append', p_machine USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT r.seq, r.hash INTO v_last, v_last_hash FROM hj.records r
        WHERE r.machine_id = p_machine ORDER BY r.seq DESC LIMIT 1;
    v_last := coalesce(v_last, 0);
    v_last_hash := coalesce(v_last_hash, {_GENESIS});
    FOREACH v_body IN ARRAY p_bodies LOOP
        BEGIN
            v_doc := convert_from(v_body, 'UTF8')::jsonb;
            v_seq := (v_doc->>'seq')::bigint;
        EXCEPTION WHEN others THEN
            INSERT INTO hj.incidents (machine_id, kind) VALUES (p_machine, 'malformed');
            RETURN QUERY SELECT 'malformed'::text, NULL::bigint, v_last + 1;
            RETURN;
        END;
        IF jsonb_typeof(v_doc) <> 'object' OR v_seq IS NULL
           OR ARRAY(SELECT jsonb_object_keys(v_doc) ORDER BY 1) <> {_FIELDS} THEN
            INSERT INTO hj.incidents (machine_id, kind, seq) VALUES (p_machine, 'malformed', v_seq);
            RETURN QUERY SELECT 'malformed'::text, v_seq, v_last + 1;
            RETURN;
        END IF;
        IF v_doc->>'machine' IS DISTINCT FROM v_host THEN
            INSERT INTO hj.incidents (machine_id, kind, seq) VALUES (p_machine, 'foreign', v_seq);
            RETURN QUERY SELECT 'foreign'::text, v_seq, v_last + 1;
            RETURN;
        END IF;
        v_hash := sha256(v_body);
        IF v_seq <= v_last THEN
            SELECT r.hash INTO v_old FROM hj.records r WHERE r.machine_id = p_machine AND r.seq = v_seq;
            IF v_old = v_hash THEN
                RETURN QUERY SELECT 'duplicate'::text, v_seq, NULL::bigint;
                CONTINUE;
            END IF;
            INSERT INTO hj.incidents (machine_id, kind, seq) VALUES (p_machine, 'fork', v_seq);
            RETURN QUERY SELECT 'fork'::text, v_seq, v_last + 1;
            RETURN;
        END IF;
        IF v_seq <> v_last + 1 THEN
            RETURN QUERY SELECT 'gap'::text, v_seq, v_last + 1;
            RETURN;
        END IF;
        IF decode(v_doc->>'prev_hash', 'hex') IS DISTINCT FROM v_last_hash THEN
            INSERT INTO hj.incidents (machine_id, kind, seq) VALUES (p_machine, 'fork', v_seq);
            RETURN QUERY SELECT 'fork'::text, v_seq, v_last + 1;
            RETURN;
        END IF;
        INSERT INTO hj.records (machine_id, seq, body, hash, doc)
            VALUES (p_machine, v_seq, v_body, v_hash, v_doc);
        v_last := v_seq;
        v_last_hash := v_hash;
        RETURN QUERY SELECT 'stored'::text, v_seq, NULL::bigint;
    END LOOP;
    IF p_head_signature IS NOT NULL AND v_last > 0 THEN
        INSERT INTO hj.heads (machine_id, seq, hash, signature)
            VALUES (p_machine, v_last, v_last_hash, p_head_signature)
            ON CONFLICT DO NOTHING;
    END IF;
END $$;

-- Gives the next records (in arrival order) dense leaf indexes. The exclusive lock
-- waits for every append in flight, so no record with a smaller arrival can commit later.
CREATE FUNCTION hj.integrate(p_limit integer) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hj, pg_catalog AS $$
DECLARE v_size bigint; v_mark bigint;
BEGIN
    PERFORM pg_advisory_xact_lock({INTEGRATE_LOCK});
    SELECT l.idx + 1, l.arrival INTO v_size, v_mark FROM hj.leaves l ORDER BY l.idx DESC LIMIT 1;
    v_size := coalesce(v_size, 0);
    v_mark := coalesce(v_mark, 0);
    INSERT INTO hj.leaves (idx, arrival, machine_id, seq, leaf_hash)
        SELECT v_size + row_number() OVER (ORDER BY r.arrival) - 1, r.arrival, r.machine_id,
               r.seq, sha256('\\x00'::bytea || r.body)
        FROM (SELECT * FROM hj.records WHERE arrival > v_mark ORDER BY arrival LIMIT p_limit) r;
    RETURN (SELECT coalesce(max(idx) + 1, 0) FROM hj.leaves);
END $$;

CREATE FUNCTION hj.add_checkpoint(p_size bigint, p_root bytea, p_note text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hj, pg_catalog AS $$
BEGIN
    IF p_size > (SELECT coalesce(max(idx) + 1, 0) FROM hj.leaves) THEN
        RAISE EXCEPTION 'checkpoint beyond the tree';
    END IF;
    IF p_size <= (SELECT coalesce(max(size), -1) FROM hj.checkpoints) THEN
        RETURN;
    END IF;
    INSERT INTO hj.checkpoints (size, root, note) VALUES (p_size, p_root, p_note);
END $$;

CREATE FUNCTION hj.add_cosignature(p_size bigint, p_witness bigint, p_note text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hj, pg_catalog AS $$
BEGIN
    IF (SELECT role FROM hj.machines WHERE id = p_witness) IS DISTINCT FROM 'dpo' THEN
        RAISE EXCEPTION 'only the DPO cosigns' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO hj.cosignatures (size, witness_id, note) VALUES (p_size, p_witness, p_note)
        ON CONFLICT DO NOTHING;
END $$;

CREATE FUNCTION hj.set_log(p_origin text, p_vkey text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = hj, pg_catalog AS $$
    INSERT INTO hj.log (origin, vkey) VALUES (p_origin, p_vkey);
$$;
"""

_SERVICE_FUNCTIONS = (
    "hj.claim(bytea, bytea, text)",
    "hj.append(bigint, bytea[], bytea)",
    "hj.integrate(integer)",
    "hj.add_checkpoint(bigint, bytea, text)",
    "hj.add_cosignature(bigint, bigint, text)",
)
_ADMIN_FUNCTIONS = ("hj.new_machine(text, text, bytea)", "hj.set_log(text, text)")

GRANTS = (
    "".join(
        f"REVOKE ALL ON FUNCTION {f} FROM PUBLIC;\n" for f in _SERVICE_FUNCTIONS + _ADMIN_FUNCTIONS
    )
    + f"GRANT USAGE ON SCHEMA hj TO {SERVICE};\n"
    + f"GRANT SELECT ON ALL TABLES IN SCHEMA hj TO {SERVICE};\n"
    + "".join(f"GRANT EXECUTE ON FUNCTION {f} TO {SERVICE};\n" for f in _SERVICE_FUNCTIONS)
    + "RESET ROLE;\n"
)


def script() -> str:
    """Everything ``init`` runs after the roles, in one transaction."""
    return TABLES + TRIGGERS + FUNCTIONS + GRANTS
