-- A database prepared, backfilled and written to by partsync at commit c38c777 (state version 1, before
-- versioning): public.messages, 600 rows, 14 change-log entries pending. pg_dump --inserts --no-owner
-- --no-privileges --no-comments, psql meta-commands removed. Read by StateSchemaTests (the v1 upgrade).
--
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: partsync; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA partsync;


--
-- Name: block_truncate(); Type: FUNCTION; Schema: partsync; Owner: -
--

CREATE FUNCTION partsync.block_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'partsync: TRUNCATE of % is blocked while it is being partitioned', TG_TABLE_NAME
        USING HINT = 'delete rows with DELETE (captured), or abandon the migration first',
              ERRCODE = 'object_in_use';
END
$$;


--
-- Name: capture_messages_a195bee2(); Type: FUNCTION; Schema: partsync; Owner: -
--

CREATE FUNCTION partsync.capture_messages_a195bee2() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    AS $$
DECLARE
    signal bigint;
BEGIN
    IF pg_catalog.current_setting('partsync.applier', true) OPERATOR(pg_catalog.=) 'on' THEN
        RETURN NULL;
    END IF;
    signal := COALESCE(pg_catalog.pg_sequence_last_value('"partsync"."signal_messages_a195bee2"'::pg_catalog.regclass), 0);
    IF TG_OP OPERATOR(pg_catalog.=) 'INSERT' THEN
        INSERT INTO "partsync"."changes_messages_a195bee2" (partsync_generation, "id", "created_at") SELECT signal OPERATOR(pg_catalog./) 2, n."id", n."created_at" FROM partsync_new n;
    ELSIF TG_OP OPERATOR(pg_catalog.=) 'DELETE' THEN
        INSERT INTO "partsync"."changes_messages_a195bee2" (partsync_generation, "id", "created_at") SELECT signal OPERATOR(pg_catalog./) 2, o."id", o."created_at" FROM partsync_old o;
    ELSE
        -- The new keys, and the old keys that no longer exist (a partition-key or key change). EXCEPT
        -- hashes; an anti-join over two transition tables can only nest loops (a 500k-row UPDATE ran
        -- for minutes). NULLs compare equal in EXCEPT, as they should here.
        INSERT INTO "partsync"."changes_messages_a195bee2" (partsync_generation, "id", "created_at")
        SELECT signal OPERATOR(pg_catalog./) 2, changed.* FROM (
            SELECT n."id", n."created_at" FROM partsync_new n
            UNION ALL
            (SELECT o."id", o."created_at" FROM partsync_old o
             EXCEPT
             SELECT n."id", n."created_at" FROM partsync_new n)) changed;
    END IF;
    IF signal OPERATOR(pg_catalog.%) 2 OPERATOR(pg_catalog.=) 1 THEN
        PERFORM pg_catalog.pg_notify('partsync_messages_a195bee2', '');
    END IF;
    RETURN NULL;
END
$$;


--
-- Name: partition_sizes(regclass); Type: FUNCTION; Schema: partsync; Owner: -
--

CREATE FUNCTION partsync.partition_sizes(parent regclass) RETURNS TABLE(partition regclass, bounds text, estimated_rows bigint, table_bytes bigint, index_bytes bigint, toast_bytes bigint, total_bytes bigint)
    LANGUAGE sql STABLE
    AS $$
    SELECT c.oid::regclass, pg_catalog.pg_get_expr(c.relpartbound, c.oid),
           greatest(c.reltuples, 0)::bigint, pg_catalog.pg_relation_size(c.oid),
           pg_catalog.pg_indexes_size(c.oid),
           coalesce(pg_catalog.pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0),
           pg_catalog.pg_total_relation_size(c.oid)
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent
    ORDER BY c.relname
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: appliers; Type: TABLE; Schema: partsync; Owner: -
--

CREATE TABLE partsync.appliers (
    migration text NOT NULL,
    waiting boolean DEFAULT false NOT NULL,
    backend_pid integer,
    heartbeat timestamp with time zone,
    started_at timestamp with time zone,
    applied_total bigint DEFAULT 0 NOT NULL,
    apply_rate double precision,
    last_batch_at timestamp with time zone,
    log_generation smallint DEFAULT 0 NOT NULL,
    log_switched_at timestamp with time zone,
    log_truncated_at timestamp with time zone,
    CONSTRAINT appliers_log_generation_check CHECK ((log_generation = ANY (ARRAY[0, 1])))
);


--
-- Name: backfill_chunks; Type: TABLE; Schema: partsync; Owner: -
--

CREATE TABLE partsync.backfill_chunks (
    migration text NOT NULL,
    chunk integer NOT NULL,
    lower_key text[],
    upper_key text[],
    last_key text[],
    done boolean DEFAULT false NOT NULL,
    rows_copied bigint DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    unit text DEFAULT 'keys'::text NOT NULL
);


--
-- Name: backfill_progress; Type: TABLE; Schema: partsync; Owner: -
--

CREATE TABLE partsync.backfill_progress (
    migration text NOT NULL,
    worker text NOT NULL,
    progress jsonb NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: changes_messages_a195bee2; Type: TABLE; Schema: partsync; Owner: -
--

CREATE TABLE partsync.changes_messages_a195bee2 (
    partsync_seq bigint NOT NULL,
    partsync_generation smallint NOT NULL,
    id bigint,
    created_at timestamp with time zone,
    partsync_logged_at timestamp with time zone DEFAULT statement_timestamp() NOT NULL
)
PARTITION BY LIST (partsync_generation);


--
-- Name: changes_messages_a195bee2_0; Type: TABLE; Schema: partsync; Owner: -
--

CREATE TABLE partsync.changes_messages_a195bee2_0 (
    partsync_seq bigint NOT NULL,
    partsync_generation smallint NOT NULL,
    id bigint,
    created_at timestamp with time zone,
    partsync_logged_at timestamp with time zone DEFAULT statement_timestamp() NOT NULL
)
WITH (autovacuum_enabled='false', vacuum_truncate='false');


--
-- Name: changes_messages_a195bee2_1; Type: TABLE; Schema: partsync; Owner: -
--

CREATE TABLE partsync.changes_messages_a195bee2_1 (
    partsync_seq bigint NOT NULL,
    partsync_generation smallint NOT NULL,
    id bigint,
    created_at timestamp with time zone,
    partsync_logged_at timestamp with time zone DEFAULT statement_timestamp() NOT NULL
)
WITH (autovacuum_enabled='false', vacuum_truncate='false');


--
-- Name: changes_messages_a195bee2_partsync_seq_seq; Type: SEQUENCE; Schema: partsync; Owner: -
--

ALTER TABLE partsync.changes_messages_a195bee2 ALTER COLUMN partsync_seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME partsync.changes_messages_a195bee2_partsync_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 32
);


--
-- Name: events; Type: TABLE; Schema: partsync; Owner: -
--

CREATE TABLE partsync.events (
    id bigint NOT NULL,
    migration text NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    phase text NOT NULL,
    message text NOT NULL
);


--
-- Name: events_id_seq; Type: SEQUENCE; Schema: partsync; Owner: -
--

ALTER TABLE partsync.events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME partsync.events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: migrations; Type: TABLE; Schema: partsync; Owner: -
--

CREATE TABLE partsync.migrations (
    key text NOT NULL,
    source_schema text NOT NULL,
    source_table text NOT NULL,
    target_schema text NOT NULL,
    target_table text NOT NULL,
    partition_key text NOT NULL,
    partition_interval text NOT NULL,
    premake integer NOT NULL,
    default_partition boolean NOT NULL,
    change_log text NOT NULL,
    channel text NOT NULL,
    phase text NOT NULL,
    schema_version integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    paused boolean DEFAULT false NOT NULL
);


--
-- Name: partition_activity; Type: VIEW; Schema: partsync; Owner: -
--

CREATE VIEW partsync.partition_activity AS
 SELECT (i.inhparent)::regclass AS parent,
    (s.relid)::regclass AS partition,
    s.seq_scan,
    s.idx_scan,
    s.n_live_tup,
    s.n_dead_tup,
    s.last_vacuum,
    s.last_autovacuum,
    s.last_analyze,
    s.last_autoanalyze
   FROM (pg_inherits i
     JOIN pg_stat_user_tables s ON ((s.relid = i.inhrelid)));


--
-- Name: signal_messages_a195bee2; Type: SEQUENCE; Schema: partsync; Owner: -
--

CREATE SEQUENCE partsync.signal_messages_a195bee2
    START WITH 0
    INCREMENT BY 1
    MINVALUE 0
    MAXVALUE 3
    CACHE 1;


--
-- Name: messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: messages_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.messages ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.messages_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: messages_partitioned; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages_partitioned (
    id bigint DEFAULT nextval('public.messages_id_seq'::regclass) NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
)
PARTITION BY RANGE (created_at);


--
-- Name: messages_2026_09; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages_2026_09 (
    id bigint DEFAULT nextval('public.messages_id_seq'::regclass) NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: messages_2026_10; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages_2026_10 (
    id bigint DEFAULT nextval('public.messages_id_seq'::regclass) NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: messages_2026_11; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages_2026_11 (
    id bigint DEFAULT nextval('public.messages_id_seq'::regclass) NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: messages_2026_12; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages_2026_12 (
    id bigint DEFAULT nextval('public.messages_id_seq'::regclass) NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: messages_2027_01; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages_2027_01 (
    id bigint DEFAULT nextval('public.messages_id_seq'::regclass) NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: messages_2027_02; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages_2027_02 (
    id bigint DEFAULT nextval('public.messages_id_seq'::regclass) NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: messages_2027_03; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages_2027_03 (
    id bigint DEFAULT nextval('public.messages_id_seq'::regclass) NOT NULL,
    user_id uuid NOT NULL,
    role text DEFAULT 'user'::text NOT NULL,
    content text,
    tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: changes_messages_a195bee2_0; Type: TABLE ATTACH; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.changes_messages_a195bee2 ATTACH PARTITION partsync.changes_messages_a195bee2_0 FOR VALUES IN ('0');


--
-- Name: changes_messages_a195bee2_1; Type: TABLE ATTACH; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.changes_messages_a195bee2 ATTACH PARTITION partsync.changes_messages_a195bee2_1 FOR VALUES IN ('1');


--
-- Name: messages_2026_09; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_partitioned ATTACH PARTITION public.messages_2026_09 FOR VALUES FROM ('2026-09-01 00:00:00+00') TO ('2026-10-01 00:00:00+00');


--
-- Name: messages_2026_10; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_partitioned ATTACH PARTITION public.messages_2026_10 FOR VALUES FROM ('2026-10-01 00:00:00+00') TO ('2026-11-01 00:00:00+00');


--
-- Name: messages_2026_11; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_partitioned ATTACH PARTITION public.messages_2026_11 FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');


--
-- Name: messages_2026_12; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_partitioned ATTACH PARTITION public.messages_2026_12 FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');


--
-- Name: messages_2027_01; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_partitioned ATTACH PARTITION public.messages_2027_01 FOR VALUES FROM ('2027-01-01 00:00:00+00') TO ('2027-02-01 00:00:00+00');


--
-- Name: messages_2027_02; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_partitioned ATTACH PARTITION public.messages_2027_02 FOR VALUES FROM ('2027-02-01 00:00:00+00') TO ('2027-03-01 00:00:00+00');


--
-- Name: messages_2027_03; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_partitioned ATTACH PARTITION public.messages_2027_03 FOR VALUES FROM ('2027-03-01 00:00:00+00') TO ('2027-04-01 00:00:00+00');


--
-- Data for Name: appliers; Type: TABLE DATA; Schema: partsync; Owner: -
--

INSERT INTO partsync.appliers VALUES ('messages_a195bee2', false, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL, NULL);


--
-- Data for Name: backfill_chunks; Type: TABLE DATA; Schema: partsync; Owner: -
--

INSERT INTO partsync.backfill_chunks VALUES ('messages_a195bee2', 0, '{0}', '{7}', '{7}', true, 600, '2026-12-01 22:25:34.033506+00', 'blocks');


--
-- Data for Name: backfill_progress; Type: TABLE DATA; Schema: partsync; Owner: -
--



--
-- Data for Name: changes_messages_a195bee2_0; Type: TABLE DATA; Schema: partsync; Owner: -
--

INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (1, 0, 50, '2026-09-07 06:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (2, 0, 100, '2026-09-13 12:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (3, 0, 150, '2026-09-19 18:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (4, 0, 200, '2026-09-26 00:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (5, 0, 250, '2026-10-02 06:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (6, 0, 300, '2026-10-08 12:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (7, 0, 350, '2026-10-14 18:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (8, 0, 400, '2026-10-21 00:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (9, 0, 450, '2026-10-27 06:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (10, 0, 500, '2026-11-02 12:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (11, 0, 550, '2026-11-08 18:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (12, 0, 600, '2026-11-15 00:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (13, 0, 7, '2026-09-01 21:00:00+00', '2026-12-01 22:25:44.864753+00');
INSERT INTO partsync.changes_messages_a195bee2_0 VALUES (14, 0, 601, '2026-10-15 12:00:00+00', '2026-12-01 22:25:44.864753+00');


--
-- Data for Name: changes_messages_a195bee2_1; Type: TABLE DATA; Schema: partsync; Owner: -
--



--
-- Data for Name: events; Type: TABLE DATA; Schema: partsync; Owner: -
--

INSERT INTO partsync.events OVERRIDING SYSTEM VALUE VALUES (1, 'messages_a195bee2', '2026-12-01 22:25:29.190637+00', 'prepared', 'prepared public.messages_partitioned with 7 partitions by partsync 0.1.0');
INSERT INTO partsync.events OVERRIDING SYSTEM VALUE VALUES (2, 'messages_a195bee2', '2026-12-01 22:25:33.316398+00', 'backfilling', 'planned 1 chunks by blocks of about 100000 rows');
INSERT INTO partsync.events OVERRIDING SYSTEM VALUE VALUES (3, 'messages_a195bee2', '2026-12-01 22:25:33.531752+00', 'backfilling', 'backfill started');
INSERT INTO partsync.events OVERRIDING SYSTEM VALUE VALUES (4, 'messages_a195bee2', '2026-12-01 22:25:39.430276+00', 'syncing', 'backfill complete');


--
-- Data for Name: migrations; Type: TABLE DATA; Schema: partsync; Owner: -
--

INSERT INTO partsync.migrations VALUES ('messages_a195bee2', 'public', 'messages', 'public', 'messages_partitioned', 'created_at', 'month', 3, false, '"partsync"."changes_messages_a195bee2"', 'partsync_messages_a195bee2', 'syncing', 1, '2026-12-01 22:25:27.304235+00', '2026-12-01 22:25:39.27076+00', false);


--
-- Data for Name: messages; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.messages VALUES (1, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 1', 1, '2026-09-01 03:00:00+00');
INSERT INTO public.messages VALUES (2, '00000000-0000-0000-0000-000000000002', 'user', 'message 2', 2, '2026-09-01 06:00:00+00');
INSERT INTO public.messages VALUES (3, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 3', 3, '2026-09-01 09:00:00+00');
INSERT INTO public.messages VALUES (4, '00000000-0000-0000-0000-000000000004', 'user', 'message 4', 4, '2026-09-01 12:00:00+00');
INSERT INTO public.messages VALUES (5, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 5', 5, '2026-09-01 15:00:00+00');
INSERT INTO public.messages VALUES (6, '00000000-0000-0000-0000-000000000001', 'user', 'message 6', 6, '2026-09-01 18:00:00+00');
INSERT INTO public.messages VALUES (8, '00000000-0000-0000-0000-000000000003', 'user', 'message 8', 8, '2026-09-02 00:00:00+00');
INSERT INTO public.messages VALUES (9, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 9', 9, '2026-09-02 03:00:00+00');
INSERT INTO public.messages VALUES (10, '00000000-0000-0000-0000-000000000000', 'user', 'message 10', 10, '2026-09-02 06:00:00+00');
INSERT INTO public.messages VALUES (11, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 11', 11, '2026-09-02 09:00:00+00');
INSERT INTO public.messages VALUES (12, '00000000-0000-0000-0000-000000000002', 'user', 'message 12', 12, '2026-09-02 12:00:00+00');
INSERT INTO public.messages VALUES (13, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 13', 13, '2026-09-02 15:00:00+00');
INSERT INTO public.messages VALUES (14, '00000000-0000-0000-0000-000000000004', 'user', 'message 14', 14, '2026-09-02 18:00:00+00');
INSERT INTO public.messages VALUES (15, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 15', 15, '2026-09-02 21:00:00+00');
INSERT INTO public.messages VALUES (16, '00000000-0000-0000-0000-000000000001', 'user', 'message 16', 16, '2026-09-03 00:00:00+00');
INSERT INTO public.messages VALUES (17, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 17', 17, '2026-09-03 03:00:00+00');
INSERT INTO public.messages VALUES (18, '00000000-0000-0000-0000-000000000003', 'user', 'message 18', 18, '2026-09-03 06:00:00+00');
INSERT INTO public.messages VALUES (19, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 19', 19, '2026-09-03 09:00:00+00');
INSERT INTO public.messages VALUES (20, '00000000-0000-0000-0000-000000000000', 'user', 'message 20', 20, '2026-09-03 12:00:00+00');
INSERT INTO public.messages VALUES (21, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 21', 21, '2026-09-03 15:00:00+00');
INSERT INTO public.messages VALUES (22, '00000000-0000-0000-0000-000000000002', 'user', 'message 22', 22, '2026-09-03 18:00:00+00');
INSERT INTO public.messages VALUES (23, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 23', 23, '2026-09-03 21:00:00+00');
INSERT INTO public.messages VALUES (24, '00000000-0000-0000-0000-000000000004', 'user', 'message 24', 24, '2026-09-04 00:00:00+00');
INSERT INTO public.messages VALUES (25, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 25', 25, '2026-09-04 03:00:00+00');
INSERT INTO public.messages VALUES (26, '00000000-0000-0000-0000-000000000001', 'user', 'message 26', 26, '2026-09-04 06:00:00+00');
INSERT INTO public.messages VALUES (27, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 27', 27, '2026-09-04 09:00:00+00');
INSERT INTO public.messages VALUES (28, '00000000-0000-0000-0000-000000000003', 'user', 'message 28', 28, '2026-09-04 12:00:00+00');
INSERT INTO public.messages VALUES (29, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 29', 29, '2026-09-04 15:00:00+00');
INSERT INTO public.messages VALUES (30, '00000000-0000-0000-0000-000000000000', 'user', 'message 30', 30, '2026-09-04 18:00:00+00');
INSERT INTO public.messages VALUES (31, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 31', 31, '2026-09-04 21:00:00+00');
INSERT INTO public.messages VALUES (32, '00000000-0000-0000-0000-000000000002', 'user', 'message 32', 32, '2026-09-05 00:00:00+00');
INSERT INTO public.messages VALUES (33, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 33', 33, '2026-09-05 03:00:00+00');
INSERT INTO public.messages VALUES (34, '00000000-0000-0000-0000-000000000004', 'user', 'message 34', 34, '2026-09-05 06:00:00+00');
INSERT INTO public.messages VALUES (35, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 35', 35, '2026-09-05 09:00:00+00');
INSERT INTO public.messages VALUES (36, '00000000-0000-0000-0000-000000000001', 'user', 'message 36', 36, '2026-09-05 12:00:00+00');
INSERT INTO public.messages VALUES (37, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 37', 37, '2026-09-05 15:00:00+00');
INSERT INTO public.messages VALUES (38, '00000000-0000-0000-0000-000000000003', 'user', 'message 38', 38, '2026-09-05 18:00:00+00');
INSERT INTO public.messages VALUES (39, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 39', 39, '2026-09-05 21:00:00+00');
INSERT INTO public.messages VALUES (40, '00000000-0000-0000-0000-000000000000', 'user', 'message 40', 40, '2026-09-06 00:00:00+00');
INSERT INTO public.messages VALUES (41, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 41', 41, '2026-09-06 03:00:00+00');
INSERT INTO public.messages VALUES (42, '00000000-0000-0000-0000-000000000002', 'user', 'message 42', 42, '2026-09-06 06:00:00+00');
INSERT INTO public.messages VALUES (43, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 43', 43, '2026-09-06 09:00:00+00');
INSERT INTO public.messages VALUES (44, '00000000-0000-0000-0000-000000000004', 'user', 'message 44', 44, '2026-09-06 12:00:00+00');
INSERT INTO public.messages VALUES (45, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 45', 45, '2026-09-06 15:00:00+00');
INSERT INTO public.messages VALUES (46, '00000000-0000-0000-0000-000000000001', 'user', 'message 46', 46, '2026-09-06 18:00:00+00');
INSERT INTO public.messages VALUES (47, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 47', 47, '2026-09-06 21:00:00+00');
INSERT INTO public.messages VALUES (48, '00000000-0000-0000-0000-000000000003', 'user', 'message 48', 48, '2026-09-07 00:00:00+00');
INSERT INTO public.messages VALUES (49, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 49', 49, '2026-09-07 03:00:00+00');
INSERT INTO public.messages VALUES (51, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 51', 51, '2026-09-07 09:00:00+00');
INSERT INTO public.messages VALUES (52, '00000000-0000-0000-0000-000000000002', 'user', 'message 52', 52, '2026-09-07 12:00:00+00');
INSERT INTO public.messages VALUES (53, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 53', 53, '2026-09-07 15:00:00+00');
INSERT INTO public.messages VALUES (54, '00000000-0000-0000-0000-000000000004', 'user', 'message 54', 54, '2026-09-07 18:00:00+00');
INSERT INTO public.messages VALUES (55, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 55', 55, '2026-09-07 21:00:00+00');
INSERT INTO public.messages VALUES (56, '00000000-0000-0000-0000-000000000001', 'user', 'message 56', 56, '2026-09-08 00:00:00+00');
INSERT INTO public.messages VALUES (57, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 57', 57, '2026-09-08 03:00:00+00');
INSERT INTO public.messages VALUES (58, '00000000-0000-0000-0000-000000000003', 'user', 'message 58', 58, '2026-09-08 06:00:00+00');
INSERT INTO public.messages VALUES (59, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 59', 59, '2026-09-08 09:00:00+00');
INSERT INTO public.messages VALUES (60, '00000000-0000-0000-0000-000000000000', 'user', 'message 60', 60, '2026-09-08 12:00:00+00');
INSERT INTO public.messages VALUES (61, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 61', 61, '2026-09-08 15:00:00+00');
INSERT INTO public.messages VALUES (62, '00000000-0000-0000-0000-000000000002', 'user', 'message 62', 62, '2026-09-08 18:00:00+00');
INSERT INTO public.messages VALUES (63, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 63', 63, '2026-09-08 21:00:00+00');
INSERT INTO public.messages VALUES (64, '00000000-0000-0000-0000-000000000004', 'user', 'message 64', 64, '2026-09-09 00:00:00+00');
INSERT INTO public.messages VALUES (65, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 65', 65, '2026-09-09 03:00:00+00');
INSERT INTO public.messages VALUES (66, '00000000-0000-0000-0000-000000000001', 'user', 'message 66', 66, '2026-09-09 06:00:00+00');
INSERT INTO public.messages VALUES (67, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 67', 67, '2026-09-09 09:00:00+00');
INSERT INTO public.messages VALUES (68, '00000000-0000-0000-0000-000000000003', 'user', 'message 68', 68, '2026-09-09 12:00:00+00');
INSERT INTO public.messages VALUES (69, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 69', 69, '2026-09-09 15:00:00+00');
INSERT INTO public.messages VALUES (70, '00000000-0000-0000-0000-000000000000', 'user', 'message 70', 70, '2026-09-09 18:00:00+00');
INSERT INTO public.messages VALUES (71, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 71', 71, '2026-09-09 21:00:00+00');
INSERT INTO public.messages VALUES (72, '00000000-0000-0000-0000-000000000002', 'user', 'message 72', 72, '2026-09-10 00:00:00+00');
INSERT INTO public.messages VALUES (73, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 73', 73, '2026-09-10 03:00:00+00');
INSERT INTO public.messages VALUES (74, '00000000-0000-0000-0000-000000000004', 'user', 'message 74', 74, '2026-09-10 06:00:00+00');
INSERT INTO public.messages VALUES (75, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 75', 75, '2026-09-10 09:00:00+00');
INSERT INTO public.messages VALUES (76, '00000000-0000-0000-0000-000000000001', 'user', 'message 76', 76, '2026-09-10 12:00:00+00');
INSERT INTO public.messages VALUES (77, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 77', 77, '2026-09-10 15:00:00+00');
INSERT INTO public.messages VALUES (78, '00000000-0000-0000-0000-000000000003', 'user', 'message 78', 78, '2026-09-10 18:00:00+00');
INSERT INTO public.messages VALUES (79, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 79', 79, '2026-09-10 21:00:00+00');
INSERT INTO public.messages VALUES (80, '00000000-0000-0000-0000-000000000000', 'user', 'message 80', 80, '2026-09-11 00:00:00+00');
INSERT INTO public.messages VALUES (81, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 81', 81, '2026-09-11 03:00:00+00');
INSERT INTO public.messages VALUES (82, '00000000-0000-0000-0000-000000000002', 'user', 'message 82', 82, '2026-09-11 06:00:00+00');
INSERT INTO public.messages VALUES (83, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 83', 83, '2026-09-11 09:00:00+00');
INSERT INTO public.messages VALUES (84, '00000000-0000-0000-0000-000000000004', 'user', 'message 84', 84, '2026-09-11 12:00:00+00');
INSERT INTO public.messages VALUES (85, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 85', 85, '2026-09-11 15:00:00+00');
INSERT INTO public.messages VALUES (86, '00000000-0000-0000-0000-000000000001', 'user', 'message 86', 86, '2026-09-11 18:00:00+00');
INSERT INTO public.messages VALUES (87, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 87', 87, '2026-09-11 21:00:00+00');
INSERT INTO public.messages VALUES (88, '00000000-0000-0000-0000-000000000003', 'user', 'message 88', 88, '2026-09-12 00:00:00+00');
INSERT INTO public.messages VALUES (89, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 89', 89, '2026-09-12 03:00:00+00');
INSERT INTO public.messages VALUES (90, '00000000-0000-0000-0000-000000000000', 'user', 'message 90', 90, '2026-09-12 06:00:00+00');
INSERT INTO public.messages VALUES (91, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 91', 91, '2026-09-12 09:00:00+00');
INSERT INTO public.messages VALUES (92, '00000000-0000-0000-0000-000000000002', 'user', 'message 92', 92, '2026-09-12 12:00:00+00');
INSERT INTO public.messages VALUES (93, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 93', 93, '2026-09-12 15:00:00+00');
INSERT INTO public.messages VALUES (94, '00000000-0000-0000-0000-000000000004', 'user', 'message 94', 94, '2026-09-12 18:00:00+00');
INSERT INTO public.messages VALUES (95, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 95', 95, '2026-09-12 21:00:00+00');
INSERT INTO public.messages VALUES (96, '00000000-0000-0000-0000-000000000001', 'user', 'message 96', 96, '2026-09-13 00:00:00+00');
INSERT INTO public.messages VALUES (97, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 97', 97, '2026-09-13 03:00:00+00');
INSERT INTO public.messages VALUES (98, '00000000-0000-0000-0000-000000000003', 'user', 'message 98', 98, '2026-09-13 06:00:00+00');
INSERT INTO public.messages VALUES (99, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 99', 99, '2026-09-13 09:00:00+00');
INSERT INTO public.messages VALUES (101, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 101', 1, '2026-09-13 15:00:00+00');
INSERT INTO public.messages VALUES (102, '00000000-0000-0000-0000-000000000002', 'user', 'message 102', 2, '2026-09-13 18:00:00+00');
INSERT INTO public.messages VALUES (103, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 103', 3, '2026-09-13 21:00:00+00');
INSERT INTO public.messages VALUES (104, '00000000-0000-0000-0000-000000000004', 'user', 'message 104', 4, '2026-09-14 00:00:00+00');
INSERT INTO public.messages VALUES (105, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 105', 5, '2026-09-14 03:00:00+00');
INSERT INTO public.messages VALUES (106, '00000000-0000-0000-0000-000000000001', 'user', 'message 106', 6, '2026-09-14 06:00:00+00');
INSERT INTO public.messages VALUES (107, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 107', 7, '2026-09-14 09:00:00+00');
INSERT INTO public.messages VALUES (108, '00000000-0000-0000-0000-000000000003', 'user', 'message 108', 8, '2026-09-14 12:00:00+00');
INSERT INTO public.messages VALUES (109, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 109', 9, '2026-09-14 15:00:00+00');
INSERT INTO public.messages VALUES (110, '00000000-0000-0000-0000-000000000000', 'user', 'message 110', 10, '2026-09-14 18:00:00+00');
INSERT INTO public.messages VALUES (111, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 111', 11, '2026-09-14 21:00:00+00');
INSERT INTO public.messages VALUES (112, '00000000-0000-0000-0000-000000000002', 'user', 'message 112', 12, '2026-09-15 00:00:00+00');
INSERT INTO public.messages VALUES (113, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 113', 13, '2026-09-15 03:00:00+00');
INSERT INTO public.messages VALUES (114, '00000000-0000-0000-0000-000000000004', 'user', 'message 114', 14, '2026-09-15 06:00:00+00');
INSERT INTO public.messages VALUES (115, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 115', 15, '2026-09-15 09:00:00+00');
INSERT INTO public.messages VALUES (116, '00000000-0000-0000-0000-000000000001', 'user', 'message 116', 16, '2026-09-15 12:00:00+00');
INSERT INTO public.messages VALUES (117, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 117', 17, '2026-09-15 15:00:00+00');
INSERT INTO public.messages VALUES (118, '00000000-0000-0000-0000-000000000003', 'user', 'message 118', 18, '2026-09-15 18:00:00+00');
INSERT INTO public.messages VALUES (119, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 119', 19, '2026-09-15 21:00:00+00');
INSERT INTO public.messages VALUES (120, '00000000-0000-0000-0000-000000000000', 'user', 'message 120', 20, '2026-09-16 00:00:00+00');
INSERT INTO public.messages VALUES (121, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 121', 21, '2026-09-16 03:00:00+00');
INSERT INTO public.messages VALUES (122, '00000000-0000-0000-0000-000000000002', 'user', 'message 122', 22, '2026-09-16 06:00:00+00');
INSERT INTO public.messages VALUES (123, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 123', 23, '2026-09-16 09:00:00+00');
INSERT INTO public.messages VALUES (124, '00000000-0000-0000-0000-000000000004', 'user', 'message 124', 24, '2026-09-16 12:00:00+00');
INSERT INTO public.messages VALUES (125, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 125', 25, '2026-09-16 15:00:00+00');
INSERT INTO public.messages VALUES (126, '00000000-0000-0000-0000-000000000001', 'user', 'message 126', 26, '2026-09-16 18:00:00+00');
INSERT INTO public.messages VALUES (127, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 127', 27, '2026-09-16 21:00:00+00');
INSERT INTO public.messages VALUES (128, '00000000-0000-0000-0000-000000000003', 'user', 'message 128', 28, '2026-09-17 00:00:00+00');
INSERT INTO public.messages VALUES (129, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 129', 29, '2026-09-17 03:00:00+00');
INSERT INTO public.messages VALUES (130, '00000000-0000-0000-0000-000000000000', 'user', 'message 130', 30, '2026-09-17 06:00:00+00');
INSERT INTO public.messages VALUES (131, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 131', 31, '2026-09-17 09:00:00+00');
INSERT INTO public.messages VALUES (132, '00000000-0000-0000-0000-000000000002', 'user', 'message 132', 32, '2026-09-17 12:00:00+00');
INSERT INTO public.messages VALUES (133, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 133', 33, '2026-09-17 15:00:00+00');
INSERT INTO public.messages VALUES (134, '00000000-0000-0000-0000-000000000004', 'user', 'message 134', 34, '2026-09-17 18:00:00+00');
INSERT INTO public.messages VALUES (135, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 135', 35, '2026-09-17 21:00:00+00');
INSERT INTO public.messages VALUES (136, '00000000-0000-0000-0000-000000000001', 'user', 'message 136', 36, '2026-09-18 00:00:00+00');
INSERT INTO public.messages VALUES (137, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 137', 37, '2026-09-18 03:00:00+00');
INSERT INTO public.messages VALUES (138, '00000000-0000-0000-0000-000000000003', 'user', 'message 138', 38, '2026-09-18 06:00:00+00');
INSERT INTO public.messages VALUES (139, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 139', 39, '2026-09-18 09:00:00+00');
INSERT INTO public.messages VALUES (140, '00000000-0000-0000-0000-000000000000', 'user', 'message 140', 40, '2026-09-18 12:00:00+00');
INSERT INTO public.messages VALUES (141, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 141', 41, '2026-09-18 15:00:00+00');
INSERT INTO public.messages VALUES (142, '00000000-0000-0000-0000-000000000002', 'user', 'message 142', 42, '2026-09-18 18:00:00+00');
INSERT INTO public.messages VALUES (143, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 143', 43, '2026-09-18 21:00:00+00');
INSERT INTO public.messages VALUES (144, '00000000-0000-0000-0000-000000000004', 'user', 'message 144', 44, '2026-09-19 00:00:00+00');
INSERT INTO public.messages VALUES (145, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 145', 45, '2026-09-19 03:00:00+00');
INSERT INTO public.messages VALUES (146, '00000000-0000-0000-0000-000000000001', 'user', 'message 146', 46, '2026-09-19 06:00:00+00');
INSERT INTO public.messages VALUES (147, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 147', 47, '2026-09-19 09:00:00+00');
INSERT INTO public.messages VALUES (148, '00000000-0000-0000-0000-000000000003', 'user', 'message 148', 48, '2026-09-19 12:00:00+00');
INSERT INTO public.messages VALUES (149, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 149', 49, '2026-09-19 15:00:00+00');
INSERT INTO public.messages VALUES (151, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 151', 51, '2026-09-19 21:00:00+00');
INSERT INTO public.messages VALUES (152, '00000000-0000-0000-0000-000000000002', 'user', 'message 152', 52, '2026-09-20 00:00:00+00');
INSERT INTO public.messages VALUES (153, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 153', 53, '2026-09-20 03:00:00+00');
INSERT INTO public.messages VALUES (154, '00000000-0000-0000-0000-000000000004', 'user', 'message 154', 54, '2026-09-20 06:00:00+00');
INSERT INTO public.messages VALUES (155, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 155', 55, '2026-09-20 09:00:00+00');
INSERT INTO public.messages VALUES (156, '00000000-0000-0000-0000-000000000001', 'user', 'message 156', 56, '2026-09-20 12:00:00+00');
INSERT INTO public.messages VALUES (157, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 157', 57, '2026-09-20 15:00:00+00');
INSERT INTO public.messages VALUES (158, '00000000-0000-0000-0000-000000000003', 'user', 'message 158', 58, '2026-09-20 18:00:00+00');
INSERT INTO public.messages VALUES (159, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 159', 59, '2026-09-20 21:00:00+00');
INSERT INTO public.messages VALUES (160, '00000000-0000-0000-0000-000000000000', 'user', 'message 160', 60, '2026-09-21 00:00:00+00');
INSERT INTO public.messages VALUES (161, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 161', 61, '2026-09-21 03:00:00+00');
INSERT INTO public.messages VALUES (162, '00000000-0000-0000-0000-000000000002', 'user', 'message 162', 62, '2026-09-21 06:00:00+00');
INSERT INTO public.messages VALUES (163, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 163', 63, '2026-09-21 09:00:00+00');
INSERT INTO public.messages VALUES (164, '00000000-0000-0000-0000-000000000004', 'user', 'message 164', 64, '2026-09-21 12:00:00+00');
INSERT INTO public.messages VALUES (165, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 165', 65, '2026-09-21 15:00:00+00');
INSERT INTO public.messages VALUES (166, '00000000-0000-0000-0000-000000000001', 'user', 'message 166', 66, '2026-09-21 18:00:00+00');
INSERT INTO public.messages VALUES (167, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 167', 67, '2026-09-21 21:00:00+00');
INSERT INTO public.messages VALUES (168, '00000000-0000-0000-0000-000000000003', 'user', 'message 168', 68, '2026-09-22 00:00:00+00');
INSERT INTO public.messages VALUES (169, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 169', 69, '2026-09-22 03:00:00+00');
INSERT INTO public.messages VALUES (170, '00000000-0000-0000-0000-000000000000', 'user', 'message 170', 70, '2026-09-22 06:00:00+00');
INSERT INTO public.messages VALUES (171, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 171', 71, '2026-09-22 09:00:00+00');
INSERT INTO public.messages VALUES (172, '00000000-0000-0000-0000-000000000002', 'user', 'message 172', 72, '2026-09-22 12:00:00+00');
INSERT INTO public.messages VALUES (173, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 173', 73, '2026-09-22 15:00:00+00');
INSERT INTO public.messages VALUES (174, '00000000-0000-0000-0000-000000000004', 'user', 'message 174', 74, '2026-09-22 18:00:00+00');
INSERT INTO public.messages VALUES (175, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 175', 75, '2026-09-22 21:00:00+00');
INSERT INTO public.messages VALUES (176, '00000000-0000-0000-0000-000000000001', 'user', 'message 176', 76, '2026-09-23 00:00:00+00');
INSERT INTO public.messages VALUES (177, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 177', 77, '2026-09-23 03:00:00+00');
INSERT INTO public.messages VALUES (178, '00000000-0000-0000-0000-000000000003', 'user', 'message 178', 78, '2026-09-23 06:00:00+00');
INSERT INTO public.messages VALUES (179, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 179', 79, '2026-09-23 09:00:00+00');
INSERT INTO public.messages VALUES (180, '00000000-0000-0000-0000-000000000000', 'user', 'message 180', 80, '2026-09-23 12:00:00+00');
INSERT INTO public.messages VALUES (181, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 181', 81, '2026-09-23 15:00:00+00');
INSERT INTO public.messages VALUES (182, '00000000-0000-0000-0000-000000000002', 'user', 'message 182', 82, '2026-09-23 18:00:00+00');
INSERT INTO public.messages VALUES (183, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 183', 83, '2026-09-23 21:00:00+00');
INSERT INTO public.messages VALUES (184, '00000000-0000-0000-0000-000000000004', 'user', 'message 184', 84, '2026-09-24 00:00:00+00');
INSERT INTO public.messages VALUES (185, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 185', 85, '2026-09-24 03:00:00+00');
INSERT INTO public.messages VALUES (186, '00000000-0000-0000-0000-000000000001', 'user', 'message 186', 86, '2026-09-24 06:00:00+00');
INSERT INTO public.messages VALUES (187, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 187', 87, '2026-09-24 09:00:00+00');
INSERT INTO public.messages VALUES (188, '00000000-0000-0000-0000-000000000003', 'user', 'message 188', 88, '2026-09-24 12:00:00+00');
INSERT INTO public.messages VALUES (189, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 189', 89, '2026-09-24 15:00:00+00');
INSERT INTO public.messages VALUES (190, '00000000-0000-0000-0000-000000000000', 'user', 'message 190', 90, '2026-09-24 18:00:00+00');
INSERT INTO public.messages VALUES (191, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 191', 91, '2026-09-24 21:00:00+00');
INSERT INTO public.messages VALUES (192, '00000000-0000-0000-0000-000000000002', 'user', 'message 192', 92, '2026-09-25 00:00:00+00');
INSERT INTO public.messages VALUES (193, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 193', 93, '2026-09-25 03:00:00+00');
INSERT INTO public.messages VALUES (194, '00000000-0000-0000-0000-000000000004', 'user', 'message 194', 94, '2026-09-25 06:00:00+00');
INSERT INTO public.messages VALUES (195, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 195', 95, '2026-09-25 09:00:00+00');
INSERT INTO public.messages VALUES (196, '00000000-0000-0000-0000-000000000001', 'user', 'message 196', 96, '2026-09-25 12:00:00+00');
INSERT INTO public.messages VALUES (197, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 197', 97, '2026-09-25 15:00:00+00');
INSERT INTO public.messages VALUES (198, '00000000-0000-0000-0000-000000000003', 'user', 'message 198', 98, '2026-09-25 18:00:00+00');
INSERT INTO public.messages VALUES (199, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 199', 99, '2026-09-25 21:00:00+00');
INSERT INTO public.messages VALUES (201, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 201', 1, '2026-09-26 03:00:00+00');
INSERT INTO public.messages VALUES (202, '00000000-0000-0000-0000-000000000002', 'user', 'message 202', 2, '2026-09-26 06:00:00+00');
INSERT INTO public.messages VALUES (203, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 203', 3, '2026-09-26 09:00:00+00');
INSERT INTO public.messages VALUES (204, '00000000-0000-0000-0000-000000000004', 'user', 'message 204', 4, '2026-09-26 12:00:00+00');
INSERT INTO public.messages VALUES (205, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 205', 5, '2026-09-26 15:00:00+00');
INSERT INTO public.messages VALUES (206, '00000000-0000-0000-0000-000000000001', 'user', 'message 206', 6, '2026-09-26 18:00:00+00');
INSERT INTO public.messages VALUES (207, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 207', 7, '2026-09-26 21:00:00+00');
INSERT INTO public.messages VALUES (208, '00000000-0000-0000-0000-000000000003', 'user', 'message 208', 8, '2026-09-27 00:00:00+00');
INSERT INTO public.messages VALUES (209, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 209', 9, '2026-09-27 03:00:00+00');
INSERT INTO public.messages VALUES (210, '00000000-0000-0000-0000-000000000000', 'user', 'message 210', 10, '2026-09-27 06:00:00+00');
INSERT INTO public.messages VALUES (211, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 211', 11, '2026-09-27 09:00:00+00');
INSERT INTO public.messages VALUES (212, '00000000-0000-0000-0000-000000000002', 'user', 'message 212', 12, '2026-09-27 12:00:00+00');
INSERT INTO public.messages VALUES (213, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 213', 13, '2026-09-27 15:00:00+00');
INSERT INTO public.messages VALUES (214, '00000000-0000-0000-0000-000000000004', 'user', 'message 214', 14, '2026-09-27 18:00:00+00');
INSERT INTO public.messages VALUES (215, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 215', 15, '2026-09-27 21:00:00+00');
INSERT INTO public.messages VALUES (216, '00000000-0000-0000-0000-000000000001', 'user', 'message 216', 16, '2026-09-28 00:00:00+00');
INSERT INTO public.messages VALUES (217, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 217', 17, '2026-09-28 03:00:00+00');
INSERT INTO public.messages VALUES (218, '00000000-0000-0000-0000-000000000003', 'user', 'message 218', 18, '2026-09-28 06:00:00+00');
INSERT INTO public.messages VALUES (219, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 219', 19, '2026-09-28 09:00:00+00');
INSERT INTO public.messages VALUES (220, '00000000-0000-0000-0000-000000000000', 'user', 'message 220', 20, '2026-09-28 12:00:00+00');
INSERT INTO public.messages VALUES (221, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 221', 21, '2026-09-28 15:00:00+00');
INSERT INTO public.messages VALUES (222, '00000000-0000-0000-0000-000000000002', 'user', 'message 222', 22, '2026-09-28 18:00:00+00');
INSERT INTO public.messages VALUES (223, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 223', 23, '2026-09-28 21:00:00+00');
INSERT INTO public.messages VALUES (224, '00000000-0000-0000-0000-000000000004', 'user', 'message 224', 24, '2026-09-29 00:00:00+00');
INSERT INTO public.messages VALUES (225, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 225', 25, '2026-09-29 03:00:00+00');
INSERT INTO public.messages VALUES (226, '00000000-0000-0000-0000-000000000001', 'user', 'message 226', 26, '2026-09-29 06:00:00+00');
INSERT INTO public.messages VALUES (227, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 227', 27, '2026-09-29 09:00:00+00');
INSERT INTO public.messages VALUES (228, '00000000-0000-0000-0000-000000000003', 'user', 'message 228', 28, '2026-09-29 12:00:00+00');
INSERT INTO public.messages VALUES (229, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 229', 29, '2026-09-29 15:00:00+00');
INSERT INTO public.messages VALUES (230, '00000000-0000-0000-0000-000000000000', 'user', 'message 230', 30, '2026-09-29 18:00:00+00');
INSERT INTO public.messages VALUES (231, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 231', 31, '2026-09-29 21:00:00+00');
INSERT INTO public.messages VALUES (232, '00000000-0000-0000-0000-000000000002', 'user', 'message 232', 32, '2026-09-30 00:00:00+00');
INSERT INTO public.messages VALUES (233, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 233', 33, '2026-09-30 03:00:00+00');
INSERT INTO public.messages VALUES (234, '00000000-0000-0000-0000-000000000004', 'user', 'message 234', 34, '2026-09-30 06:00:00+00');
INSERT INTO public.messages VALUES (235, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 235', 35, '2026-09-30 09:00:00+00');
INSERT INTO public.messages VALUES (236, '00000000-0000-0000-0000-000000000001', 'user', 'message 236', 36, '2026-09-30 12:00:00+00');
INSERT INTO public.messages VALUES (237, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 237', 37, '2026-09-30 15:00:00+00');
INSERT INTO public.messages VALUES (238, '00000000-0000-0000-0000-000000000003', 'user', 'message 238', 38, '2026-09-30 18:00:00+00');
INSERT INTO public.messages VALUES (239, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 239', 39, '2026-09-30 21:00:00+00');
INSERT INTO public.messages VALUES (240, '00000000-0000-0000-0000-000000000000', 'user', 'message 240', 40, '2026-10-01 00:00:00+00');
INSERT INTO public.messages VALUES (241, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 241', 41, '2026-10-01 03:00:00+00');
INSERT INTO public.messages VALUES (242, '00000000-0000-0000-0000-000000000002', 'user', 'message 242', 42, '2026-10-01 06:00:00+00');
INSERT INTO public.messages VALUES (243, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 243', 43, '2026-10-01 09:00:00+00');
INSERT INTO public.messages VALUES (244, '00000000-0000-0000-0000-000000000004', 'user', 'message 244', 44, '2026-10-01 12:00:00+00');
INSERT INTO public.messages VALUES (245, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 245', 45, '2026-10-01 15:00:00+00');
INSERT INTO public.messages VALUES (246, '00000000-0000-0000-0000-000000000001', 'user', 'message 246', 46, '2026-10-01 18:00:00+00');
INSERT INTO public.messages VALUES (247, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 247', 47, '2026-10-01 21:00:00+00');
INSERT INTO public.messages VALUES (248, '00000000-0000-0000-0000-000000000003', 'user', 'message 248', 48, '2026-10-02 00:00:00+00');
INSERT INTO public.messages VALUES (249, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 249', 49, '2026-10-02 03:00:00+00');
INSERT INTO public.messages VALUES (251, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 251', 51, '2026-10-02 09:00:00+00');
INSERT INTO public.messages VALUES (252, '00000000-0000-0000-0000-000000000002', 'user', 'message 252', 52, '2026-10-02 12:00:00+00');
INSERT INTO public.messages VALUES (253, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 253', 53, '2026-10-02 15:00:00+00');
INSERT INTO public.messages VALUES (254, '00000000-0000-0000-0000-000000000004', 'user', 'message 254', 54, '2026-10-02 18:00:00+00');
INSERT INTO public.messages VALUES (255, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 255', 55, '2026-10-02 21:00:00+00');
INSERT INTO public.messages VALUES (256, '00000000-0000-0000-0000-000000000001', 'user', 'message 256', 56, '2026-10-03 00:00:00+00');
INSERT INTO public.messages VALUES (257, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 257', 57, '2026-10-03 03:00:00+00');
INSERT INTO public.messages VALUES (258, '00000000-0000-0000-0000-000000000003', 'user', 'message 258', 58, '2026-10-03 06:00:00+00');
INSERT INTO public.messages VALUES (259, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 259', 59, '2026-10-03 09:00:00+00');
INSERT INTO public.messages VALUES (260, '00000000-0000-0000-0000-000000000000', 'user', 'message 260', 60, '2026-10-03 12:00:00+00');
INSERT INTO public.messages VALUES (261, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 261', 61, '2026-10-03 15:00:00+00');
INSERT INTO public.messages VALUES (262, '00000000-0000-0000-0000-000000000002', 'user', 'message 262', 62, '2026-10-03 18:00:00+00');
INSERT INTO public.messages VALUES (263, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 263', 63, '2026-10-03 21:00:00+00');
INSERT INTO public.messages VALUES (264, '00000000-0000-0000-0000-000000000004', 'user', 'message 264', 64, '2026-10-04 00:00:00+00');
INSERT INTO public.messages VALUES (265, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 265', 65, '2026-10-04 03:00:00+00');
INSERT INTO public.messages VALUES (266, '00000000-0000-0000-0000-000000000001', 'user', 'message 266', 66, '2026-10-04 06:00:00+00');
INSERT INTO public.messages VALUES (267, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 267', 67, '2026-10-04 09:00:00+00');
INSERT INTO public.messages VALUES (268, '00000000-0000-0000-0000-000000000003', 'user', 'message 268', 68, '2026-10-04 12:00:00+00');
INSERT INTO public.messages VALUES (269, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 269', 69, '2026-10-04 15:00:00+00');
INSERT INTO public.messages VALUES (270, '00000000-0000-0000-0000-000000000000', 'user', 'message 270', 70, '2026-10-04 18:00:00+00');
INSERT INTO public.messages VALUES (271, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 271', 71, '2026-10-04 21:00:00+00');
INSERT INTO public.messages VALUES (272, '00000000-0000-0000-0000-000000000002', 'user', 'message 272', 72, '2026-10-05 00:00:00+00');
INSERT INTO public.messages VALUES (273, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 273', 73, '2026-10-05 03:00:00+00');
INSERT INTO public.messages VALUES (274, '00000000-0000-0000-0000-000000000004', 'user', 'message 274', 74, '2026-10-05 06:00:00+00');
INSERT INTO public.messages VALUES (275, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 275', 75, '2026-10-05 09:00:00+00');
INSERT INTO public.messages VALUES (276, '00000000-0000-0000-0000-000000000001', 'user', 'message 276', 76, '2026-10-05 12:00:00+00');
INSERT INTO public.messages VALUES (277, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 277', 77, '2026-10-05 15:00:00+00');
INSERT INTO public.messages VALUES (278, '00000000-0000-0000-0000-000000000003', 'user', 'message 278', 78, '2026-10-05 18:00:00+00');
INSERT INTO public.messages VALUES (279, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 279', 79, '2026-10-05 21:00:00+00');
INSERT INTO public.messages VALUES (280, '00000000-0000-0000-0000-000000000000', 'user', 'message 280', 80, '2026-10-06 00:00:00+00');
INSERT INTO public.messages VALUES (281, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 281', 81, '2026-10-06 03:00:00+00');
INSERT INTO public.messages VALUES (282, '00000000-0000-0000-0000-000000000002', 'user', 'message 282', 82, '2026-10-06 06:00:00+00');
INSERT INTO public.messages VALUES (283, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 283', 83, '2026-10-06 09:00:00+00');
INSERT INTO public.messages VALUES (284, '00000000-0000-0000-0000-000000000004', 'user', 'message 284', 84, '2026-10-06 12:00:00+00');
INSERT INTO public.messages VALUES (285, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 285', 85, '2026-10-06 15:00:00+00');
INSERT INTO public.messages VALUES (286, '00000000-0000-0000-0000-000000000001', 'user', 'message 286', 86, '2026-10-06 18:00:00+00');
INSERT INTO public.messages VALUES (287, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 287', 87, '2026-10-06 21:00:00+00');
INSERT INTO public.messages VALUES (288, '00000000-0000-0000-0000-000000000003', 'user', 'message 288', 88, '2026-10-07 00:00:00+00');
INSERT INTO public.messages VALUES (289, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 289', 89, '2026-10-07 03:00:00+00');
INSERT INTO public.messages VALUES (290, '00000000-0000-0000-0000-000000000000', 'user', 'message 290', 90, '2026-10-07 06:00:00+00');
INSERT INTO public.messages VALUES (291, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 291', 91, '2026-10-07 09:00:00+00');
INSERT INTO public.messages VALUES (292, '00000000-0000-0000-0000-000000000002', 'user', 'message 292', 92, '2026-10-07 12:00:00+00');
INSERT INTO public.messages VALUES (293, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 293', 93, '2026-10-07 15:00:00+00');
INSERT INTO public.messages VALUES (294, '00000000-0000-0000-0000-000000000004', 'user', 'message 294', 94, '2026-10-07 18:00:00+00');
INSERT INTO public.messages VALUES (295, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 295', 95, '2026-10-07 21:00:00+00');
INSERT INTO public.messages VALUES (296, '00000000-0000-0000-0000-000000000001', 'user', 'message 296', 96, '2026-10-08 00:00:00+00');
INSERT INTO public.messages VALUES (297, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 297', 97, '2026-10-08 03:00:00+00');
INSERT INTO public.messages VALUES (298, '00000000-0000-0000-0000-000000000003', 'user', 'message 298', 98, '2026-10-08 06:00:00+00');
INSERT INTO public.messages VALUES (299, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 299', 99, '2026-10-08 09:00:00+00');
INSERT INTO public.messages VALUES (301, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 301', 1, '2026-10-08 15:00:00+00');
INSERT INTO public.messages VALUES (302, '00000000-0000-0000-0000-000000000002', 'user', 'message 302', 2, '2026-10-08 18:00:00+00');
INSERT INTO public.messages VALUES (303, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 303', 3, '2026-10-08 21:00:00+00');
INSERT INTO public.messages VALUES (304, '00000000-0000-0000-0000-000000000004', 'user', 'message 304', 4, '2026-10-09 00:00:00+00');
INSERT INTO public.messages VALUES (305, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 305', 5, '2026-10-09 03:00:00+00');
INSERT INTO public.messages VALUES (306, '00000000-0000-0000-0000-000000000001', 'user', 'message 306', 6, '2026-10-09 06:00:00+00');
INSERT INTO public.messages VALUES (307, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 307', 7, '2026-10-09 09:00:00+00');
INSERT INTO public.messages VALUES (308, '00000000-0000-0000-0000-000000000003', 'user', 'message 308', 8, '2026-10-09 12:00:00+00');
INSERT INTO public.messages VALUES (309, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 309', 9, '2026-10-09 15:00:00+00');
INSERT INTO public.messages VALUES (310, '00000000-0000-0000-0000-000000000000', 'user', 'message 310', 10, '2026-10-09 18:00:00+00');
INSERT INTO public.messages VALUES (311, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 311', 11, '2026-10-09 21:00:00+00');
INSERT INTO public.messages VALUES (312, '00000000-0000-0000-0000-000000000002', 'user', 'message 312', 12, '2026-10-10 00:00:00+00');
INSERT INTO public.messages VALUES (313, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 313', 13, '2026-10-10 03:00:00+00');
INSERT INTO public.messages VALUES (314, '00000000-0000-0000-0000-000000000004', 'user', 'message 314', 14, '2026-10-10 06:00:00+00');
INSERT INTO public.messages VALUES (315, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 315', 15, '2026-10-10 09:00:00+00');
INSERT INTO public.messages VALUES (316, '00000000-0000-0000-0000-000000000001', 'user', 'message 316', 16, '2026-10-10 12:00:00+00');
INSERT INTO public.messages VALUES (317, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 317', 17, '2026-10-10 15:00:00+00');
INSERT INTO public.messages VALUES (318, '00000000-0000-0000-0000-000000000003', 'user', 'message 318', 18, '2026-10-10 18:00:00+00');
INSERT INTO public.messages VALUES (319, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 319', 19, '2026-10-10 21:00:00+00');
INSERT INTO public.messages VALUES (320, '00000000-0000-0000-0000-000000000000', 'user', 'message 320', 20, '2026-10-11 00:00:00+00');
INSERT INTO public.messages VALUES (321, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 321', 21, '2026-10-11 03:00:00+00');
INSERT INTO public.messages VALUES (322, '00000000-0000-0000-0000-000000000002', 'user', 'message 322', 22, '2026-10-11 06:00:00+00');
INSERT INTO public.messages VALUES (323, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 323', 23, '2026-10-11 09:00:00+00');
INSERT INTO public.messages VALUES (324, '00000000-0000-0000-0000-000000000004', 'user', 'message 324', 24, '2026-10-11 12:00:00+00');
INSERT INTO public.messages VALUES (325, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 325', 25, '2026-10-11 15:00:00+00');
INSERT INTO public.messages VALUES (326, '00000000-0000-0000-0000-000000000001', 'user', 'message 326', 26, '2026-10-11 18:00:00+00');
INSERT INTO public.messages VALUES (327, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 327', 27, '2026-10-11 21:00:00+00');
INSERT INTO public.messages VALUES (328, '00000000-0000-0000-0000-000000000003', 'user', 'message 328', 28, '2026-10-12 00:00:00+00');
INSERT INTO public.messages VALUES (329, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 329', 29, '2026-10-12 03:00:00+00');
INSERT INTO public.messages VALUES (330, '00000000-0000-0000-0000-000000000000', 'user', 'message 330', 30, '2026-10-12 06:00:00+00');
INSERT INTO public.messages VALUES (331, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 331', 31, '2026-10-12 09:00:00+00');
INSERT INTO public.messages VALUES (332, '00000000-0000-0000-0000-000000000002', 'user', 'message 332', 32, '2026-10-12 12:00:00+00');
INSERT INTO public.messages VALUES (333, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 333', 33, '2026-10-12 15:00:00+00');
INSERT INTO public.messages VALUES (334, '00000000-0000-0000-0000-000000000004', 'user', 'message 334', 34, '2026-10-12 18:00:00+00');
INSERT INTO public.messages VALUES (335, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 335', 35, '2026-10-12 21:00:00+00');
INSERT INTO public.messages VALUES (336, '00000000-0000-0000-0000-000000000001', 'user', 'message 336', 36, '2026-10-13 00:00:00+00');
INSERT INTO public.messages VALUES (337, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 337', 37, '2026-10-13 03:00:00+00');
INSERT INTO public.messages VALUES (338, '00000000-0000-0000-0000-000000000003', 'user', 'message 338', 38, '2026-10-13 06:00:00+00');
INSERT INTO public.messages VALUES (339, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 339', 39, '2026-10-13 09:00:00+00');
INSERT INTO public.messages VALUES (340, '00000000-0000-0000-0000-000000000000', 'user', 'message 340', 40, '2026-10-13 12:00:00+00');
INSERT INTO public.messages VALUES (341, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 341', 41, '2026-10-13 15:00:00+00');
INSERT INTO public.messages VALUES (342, '00000000-0000-0000-0000-000000000002', 'user', 'message 342', 42, '2026-10-13 18:00:00+00');
INSERT INTO public.messages VALUES (343, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 343', 43, '2026-10-13 21:00:00+00');
INSERT INTO public.messages VALUES (344, '00000000-0000-0000-0000-000000000004', 'user', 'message 344', 44, '2026-10-14 00:00:00+00');
INSERT INTO public.messages VALUES (345, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 345', 45, '2026-10-14 03:00:00+00');
INSERT INTO public.messages VALUES (346, '00000000-0000-0000-0000-000000000001', 'user', 'message 346', 46, '2026-10-14 06:00:00+00');
INSERT INTO public.messages VALUES (347, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 347', 47, '2026-10-14 09:00:00+00');
INSERT INTO public.messages VALUES (348, '00000000-0000-0000-0000-000000000003', 'user', 'message 348', 48, '2026-10-14 12:00:00+00');
INSERT INTO public.messages VALUES (349, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 349', 49, '2026-10-14 15:00:00+00');
INSERT INTO public.messages VALUES (351, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 351', 51, '2026-10-14 21:00:00+00');
INSERT INTO public.messages VALUES (352, '00000000-0000-0000-0000-000000000002', 'user', 'message 352', 52, '2026-10-15 00:00:00+00');
INSERT INTO public.messages VALUES (353, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 353', 53, '2026-10-15 03:00:00+00');
INSERT INTO public.messages VALUES (354, '00000000-0000-0000-0000-000000000004', 'user', 'message 354', 54, '2026-10-15 06:00:00+00');
INSERT INTO public.messages VALUES (355, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 355', 55, '2026-10-15 09:00:00+00');
INSERT INTO public.messages VALUES (356, '00000000-0000-0000-0000-000000000001', 'user', 'message 356', 56, '2026-10-15 12:00:00+00');
INSERT INTO public.messages VALUES (357, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 357', 57, '2026-10-15 15:00:00+00');
INSERT INTO public.messages VALUES (358, '00000000-0000-0000-0000-000000000003', 'user', 'message 358', 58, '2026-10-15 18:00:00+00');
INSERT INTO public.messages VALUES (359, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 359', 59, '2026-10-15 21:00:00+00');
INSERT INTO public.messages VALUES (360, '00000000-0000-0000-0000-000000000000', 'user', 'message 360', 60, '2026-10-16 00:00:00+00');
INSERT INTO public.messages VALUES (361, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 361', 61, '2026-10-16 03:00:00+00');
INSERT INTO public.messages VALUES (362, '00000000-0000-0000-0000-000000000002', 'user', 'message 362', 62, '2026-10-16 06:00:00+00');
INSERT INTO public.messages VALUES (363, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 363', 63, '2026-10-16 09:00:00+00');
INSERT INTO public.messages VALUES (364, '00000000-0000-0000-0000-000000000004', 'user', 'message 364', 64, '2026-10-16 12:00:00+00');
INSERT INTO public.messages VALUES (365, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 365', 65, '2026-10-16 15:00:00+00');
INSERT INTO public.messages VALUES (366, '00000000-0000-0000-0000-000000000001', 'user', 'message 366', 66, '2026-10-16 18:00:00+00');
INSERT INTO public.messages VALUES (367, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 367', 67, '2026-10-16 21:00:00+00');
INSERT INTO public.messages VALUES (368, '00000000-0000-0000-0000-000000000003', 'user', 'message 368', 68, '2026-10-17 00:00:00+00');
INSERT INTO public.messages VALUES (369, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 369', 69, '2026-10-17 03:00:00+00');
INSERT INTO public.messages VALUES (370, '00000000-0000-0000-0000-000000000000', 'user', 'message 370', 70, '2026-10-17 06:00:00+00');
INSERT INTO public.messages VALUES (371, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 371', 71, '2026-10-17 09:00:00+00');
INSERT INTO public.messages VALUES (372, '00000000-0000-0000-0000-000000000002', 'user', 'message 372', 72, '2026-10-17 12:00:00+00');
INSERT INTO public.messages VALUES (373, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 373', 73, '2026-10-17 15:00:00+00');
INSERT INTO public.messages VALUES (374, '00000000-0000-0000-0000-000000000004', 'user', 'message 374', 74, '2026-10-17 18:00:00+00');
INSERT INTO public.messages VALUES (375, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 375', 75, '2026-10-17 21:00:00+00');
INSERT INTO public.messages VALUES (376, '00000000-0000-0000-0000-000000000001', 'user', 'message 376', 76, '2026-10-18 00:00:00+00');
INSERT INTO public.messages VALUES (377, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 377', 77, '2026-10-18 03:00:00+00');
INSERT INTO public.messages VALUES (378, '00000000-0000-0000-0000-000000000003', 'user', 'message 378', 78, '2026-10-18 06:00:00+00');
INSERT INTO public.messages VALUES (379, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 379', 79, '2026-10-18 09:00:00+00');
INSERT INTO public.messages VALUES (380, '00000000-0000-0000-0000-000000000000', 'user', 'message 380', 80, '2026-10-18 12:00:00+00');
INSERT INTO public.messages VALUES (381, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 381', 81, '2026-10-18 15:00:00+00');
INSERT INTO public.messages VALUES (382, '00000000-0000-0000-0000-000000000002', 'user', 'message 382', 82, '2026-10-18 18:00:00+00');
INSERT INTO public.messages VALUES (383, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 383', 83, '2026-10-18 21:00:00+00');
INSERT INTO public.messages VALUES (384, '00000000-0000-0000-0000-000000000004', 'user', 'message 384', 84, '2026-10-19 00:00:00+00');
INSERT INTO public.messages VALUES (385, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 385', 85, '2026-10-19 03:00:00+00');
INSERT INTO public.messages VALUES (386, '00000000-0000-0000-0000-000000000001', 'user', 'message 386', 86, '2026-10-19 06:00:00+00');
INSERT INTO public.messages VALUES (387, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 387', 87, '2026-10-19 09:00:00+00');
INSERT INTO public.messages VALUES (388, '00000000-0000-0000-0000-000000000003', 'user', 'message 388', 88, '2026-10-19 12:00:00+00');
INSERT INTO public.messages VALUES (389, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 389', 89, '2026-10-19 15:00:00+00');
INSERT INTO public.messages VALUES (390, '00000000-0000-0000-0000-000000000000', 'user', 'message 390', 90, '2026-10-19 18:00:00+00');
INSERT INTO public.messages VALUES (391, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 391', 91, '2026-10-19 21:00:00+00');
INSERT INTO public.messages VALUES (392, '00000000-0000-0000-0000-000000000002', 'user', 'message 392', 92, '2026-10-20 00:00:00+00');
INSERT INTO public.messages VALUES (393, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 393', 93, '2026-10-20 03:00:00+00');
INSERT INTO public.messages VALUES (394, '00000000-0000-0000-0000-000000000004', 'user', 'message 394', 94, '2026-10-20 06:00:00+00');
INSERT INTO public.messages VALUES (395, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 395', 95, '2026-10-20 09:00:00+00');
INSERT INTO public.messages VALUES (396, '00000000-0000-0000-0000-000000000001', 'user', 'message 396', 96, '2026-10-20 12:00:00+00');
INSERT INTO public.messages VALUES (397, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 397', 97, '2026-10-20 15:00:00+00');
INSERT INTO public.messages VALUES (398, '00000000-0000-0000-0000-000000000003', 'user', 'message 398', 98, '2026-10-20 18:00:00+00');
INSERT INTO public.messages VALUES (399, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 399', 99, '2026-10-20 21:00:00+00');
INSERT INTO public.messages VALUES (401, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 401', 1, '2026-10-21 03:00:00+00');
INSERT INTO public.messages VALUES (402, '00000000-0000-0000-0000-000000000002', 'user', 'message 402', 2, '2026-10-21 06:00:00+00');
INSERT INTO public.messages VALUES (403, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 403', 3, '2026-10-21 09:00:00+00');
INSERT INTO public.messages VALUES (404, '00000000-0000-0000-0000-000000000004', 'user', 'message 404', 4, '2026-10-21 12:00:00+00');
INSERT INTO public.messages VALUES (405, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 405', 5, '2026-10-21 15:00:00+00');
INSERT INTO public.messages VALUES (406, '00000000-0000-0000-0000-000000000001', 'user', 'message 406', 6, '2026-10-21 18:00:00+00');
INSERT INTO public.messages VALUES (407, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 407', 7, '2026-10-21 21:00:00+00');
INSERT INTO public.messages VALUES (408, '00000000-0000-0000-0000-000000000003', 'user', 'message 408', 8, '2026-10-22 00:00:00+00');
INSERT INTO public.messages VALUES (409, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 409', 9, '2026-10-22 03:00:00+00');
INSERT INTO public.messages VALUES (410, '00000000-0000-0000-0000-000000000000', 'user', 'message 410', 10, '2026-10-22 06:00:00+00');
INSERT INTO public.messages VALUES (411, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 411', 11, '2026-10-22 09:00:00+00');
INSERT INTO public.messages VALUES (412, '00000000-0000-0000-0000-000000000002', 'user', 'message 412', 12, '2026-10-22 12:00:00+00');
INSERT INTO public.messages VALUES (413, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 413', 13, '2026-10-22 15:00:00+00');
INSERT INTO public.messages VALUES (414, '00000000-0000-0000-0000-000000000004', 'user', 'message 414', 14, '2026-10-22 18:00:00+00');
INSERT INTO public.messages VALUES (415, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 415', 15, '2026-10-22 21:00:00+00');
INSERT INTO public.messages VALUES (416, '00000000-0000-0000-0000-000000000001', 'user', 'message 416', 16, '2026-10-23 00:00:00+00');
INSERT INTO public.messages VALUES (417, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 417', 17, '2026-10-23 03:00:00+00');
INSERT INTO public.messages VALUES (418, '00000000-0000-0000-0000-000000000003', 'user', 'message 418', 18, '2026-10-23 06:00:00+00');
INSERT INTO public.messages VALUES (419, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 419', 19, '2026-10-23 09:00:00+00');
INSERT INTO public.messages VALUES (420, '00000000-0000-0000-0000-000000000000', 'user', 'message 420', 20, '2026-10-23 12:00:00+00');
INSERT INTO public.messages VALUES (421, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 421', 21, '2026-10-23 15:00:00+00');
INSERT INTO public.messages VALUES (422, '00000000-0000-0000-0000-000000000002', 'user', 'message 422', 22, '2026-10-23 18:00:00+00');
INSERT INTO public.messages VALUES (423, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 423', 23, '2026-10-23 21:00:00+00');
INSERT INTO public.messages VALUES (424, '00000000-0000-0000-0000-000000000004', 'user', 'message 424', 24, '2026-10-24 00:00:00+00');
INSERT INTO public.messages VALUES (425, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 425', 25, '2026-10-24 03:00:00+00');
INSERT INTO public.messages VALUES (426, '00000000-0000-0000-0000-000000000001', 'user', 'message 426', 26, '2026-10-24 06:00:00+00');
INSERT INTO public.messages VALUES (427, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 427', 27, '2026-10-24 09:00:00+00');
INSERT INTO public.messages VALUES (428, '00000000-0000-0000-0000-000000000003', 'user', 'message 428', 28, '2026-10-24 12:00:00+00');
INSERT INTO public.messages VALUES (429, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 429', 29, '2026-10-24 15:00:00+00');
INSERT INTO public.messages VALUES (430, '00000000-0000-0000-0000-000000000000', 'user', 'message 430', 30, '2026-10-24 18:00:00+00');
INSERT INTO public.messages VALUES (431, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 431', 31, '2026-10-24 21:00:00+00');
INSERT INTO public.messages VALUES (432, '00000000-0000-0000-0000-000000000002', 'user', 'message 432', 32, '2026-10-25 00:00:00+00');
INSERT INTO public.messages VALUES (433, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 433', 33, '2026-10-25 03:00:00+00');
INSERT INTO public.messages VALUES (434, '00000000-0000-0000-0000-000000000004', 'user', 'message 434', 34, '2026-10-25 06:00:00+00');
INSERT INTO public.messages VALUES (435, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 435', 35, '2026-10-25 09:00:00+00');
INSERT INTO public.messages VALUES (436, '00000000-0000-0000-0000-000000000001', 'user', 'message 436', 36, '2026-10-25 12:00:00+00');
INSERT INTO public.messages VALUES (437, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 437', 37, '2026-10-25 15:00:00+00');
INSERT INTO public.messages VALUES (438, '00000000-0000-0000-0000-000000000003', 'user', 'message 438', 38, '2026-10-25 18:00:00+00');
INSERT INTO public.messages VALUES (439, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 439', 39, '2026-10-25 21:00:00+00');
INSERT INTO public.messages VALUES (440, '00000000-0000-0000-0000-000000000000', 'user', 'message 440', 40, '2026-10-26 00:00:00+00');
INSERT INTO public.messages VALUES (441, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 441', 41, '2026-10-26 03:00:00+00');
INSERT INTO public.messages VALUES (442, '00000000-0000-0000-0000-000000000002', 'user', 'message 442', 42, '2026-10-26 06:00:00+00');
INSERT INTO public.messages VALUES (443, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 443', 43, '2026-10-26 09:00:00+00');
INSERT INTO public.messages VALUES (444, '00000000-0000-0000-0000-000000000004', 'user', 'message 444', 44, '2026-10-26 12:00:00+00');
INSERT INTO public.messages VALUES (445, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 445', 45, '2026-10-26 15:00:00+00');
INSERT INTO public.messages VALUES (446, '00000000-0000-0000-0000-000000000001', 'user', 'message 446', 46, '2026-10-26 18:00:00+00');
INSERT INTO public.messages VALUES (447, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 447', 47, '2026-10-26 21:00:00+00');
INSERT INTO public.messages VALUES (448, '00000000-0000-0000-0000-000000000003', 'user', 'message 448', 48, '2026-10-27 00:00:00+00');
INSERT INTO public.messages VALUES (449, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 449', 49, '2026-10-27 03:00:00+00');
INSERT INTO public.messages VALUES (451, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 451', 51, '2026-10-27 09:00:00+00');
INSERT INTO public.messages VALUES (452, '00000000-0000-0000-0000-000000000002', 'user', 'message 452', 52, '2026-10-27 12:00:00+00');
INSERT INTO public.messages VALUES (453, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 453', 53, '2026-10-27 15:00:00+00');
INSERT INTO public.messages VALUES (454, '00000000-0000-0000-0000-000000000004', 'user', 'message 454', 54, '2026-10-27 18:00:00+00');
INSERT INTO public.messages VALUES (455, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 455', 55, '2026-10-27 21:00:00+00');
INSERT INTO public.messages VALUES (456, '00000000-0000-0000-0000-000000000001', 'user', 'message 456', 56, '2026-10-28 00:00:00+00');
INSERT INTO public.messages VALUES (457, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 457', 57, '2026-10-28 03:00:00+00');
INSERT INTO public.messages VALUES (458, '00000000-0000-0000-0000-000000000003', 'user', 'message 458', 58, '2026-10-28 06:00:00+00');
INSERT INTO public.messages VALUES (459, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 459', 59, '2026-10-28 09:00:00+00');
INSERT INTO public.messages VALUES (460, '00000000-0000-0000-0000-000000000000', 'user', 'message 460', 60, '2026-10-28 12:00:00+00');
INSERT INTO public.messages VALUES (461, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 461', 61, '2026-10-28 15:00:00+00');
INSERT INTO public.messages VALUES (462, '00000000-0000-0000-0000-000000000002', 'user', 'message 462', 62, '2026-10-28 18:00:00+00');
INSERT INTO public.messages VALUES (463, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 463', 63, '2026-10-28 21:00:00+00');
INSERT INTO public.messages VALUES (464, '00000000-0000-0000-0000-000000000004', 'user', 'message 464', 64, '2026-10-29 00:00:00+00');
INSERT INTO public.messages VALUES (465, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 465', 65, '2026-10-29 03:00:00+00');
INSERT INTO public.messages VALUES (466, '00000000-0000-0000-0000-000000000001', 'user', 'message 466', 66, '2026-10-29 06:00:00+00');
INSERT INTO public.messages VALUES (467, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 467', 67, '2026-10-29 09:00:00+00');
INSERT INTO public.messages VALUES (468, '00000000-0000-0000-0000-000000000003', 'user', 'message 468', 68, '2026-10-29 12:00:00+00');
INSERT INTO public.messages VALUES (469, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 469', 69, '2026-10-29 15:00:00+00');
INSERT INTO public.messages VALUES (470, '00000000-0000-0000-0000-000000000000', 'user', 'message 470', 70, '2026-10-29 18:00:00+00');
INSERT INTO public.messages VALUES (471, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 471', 71, '2026-10-29 21:00:00+00');
INSERT INTO public.messages VALUES (472, '00000000-0000-0000-0000-000000000002', 'user', 'message 472', 72, '2026-10-30 00:00:00+00');
INSERT INTO public.messages VALUES (473, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 473', 73, '2026-10-30 03:00:00+00');
INSERT INTO public.messages VALUES (474, '00000000-0000-0000-0000-000000000004', 'user', 'message 474', 74, '2026-10-30 06:00:00+00');
INSERT INTO public.messages VALUES (475, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 475', 75, '2026-10-30 09:00:00+00');
INSERT INTO public.messages VALUES (476, '00000000-0000-0000-0000-000000000001', 'user', 'message 476', 76, '2026-10-30 12:00:00+00');
INSERT INTO public.messages VALUES (477, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 477', 77, '2026-10-30 15:00:00+00');
INSERT INTO public.messages VALUES (478, '00000000-0000-0000-0000-000000000003', 'user', 'message 478', 78, '2026-10-30 18:00:00+00');
INSERT INTO public.messages VALUES (479, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 479', 79, '2026-10-30 21:00:00+00');
INSERT INTO public.messages VALUES (480, '00000000-0000-0000-0000-000000000000', 'user', 'message 480', 80, '2026-10-31 00:00:00+00');
INSERT INTO public.messages VALUES (481, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 481', 81, '2026-10-31 03:00:00+00');
INSERT INTO public.messages VALUES (482, '00000000-0000-0000-0000-000000000002', 'user', 'message 482', 82, '2026-10-31 06:00:00+00');
INSERT INTO public.messages VALUES (483, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 483', 83, '2026-10-31 09:00:00+00');
INSERT INTO public.messages VALUES (484, '00000000-0000-0000-0000-000000000004', 'user', 'message 484', 84, '2026-10-31 12:00:00+00');
INSERT INTO public.messages VALUES (485, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 485', 85, '2026-10-31 15:00:00+00');
INSERT INTO public.messages VALUES (486, '00000000-0000-0000-0000-000000000001', 'user', 'message 486', 86, '2026-10-31 18:00:00+00');
INSERT INTO public.messages VALUES (487, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 487', 87, '2026-10-31 21:00:00+00');
INSERT INTO public.messages VALUES (488, '00000000-0000-0000-0000-000000000003', 'user', 'message 488', 88, '2026-11-01 00:00:00+00');
INSERT INTO public.messages VALUES (489, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 489', 89, '2026-11-01 03:00:00+00');
INSERT INTO public.messages VALUES (490, '00000000-0000-0000-0000-000000000000', 'user', 'message 490', 90, '2026-11-01 06:00:00+00');
INSERT INTO public.messages VALUES (491, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 491', 91, '2026-11-01 09:00:00+00');
INSERT INTO public.messages VALUES (492, '00000000-0000-0000-0000-000000000002', 'user', 'message 492', 92, '2026-11-01 12:00:00+00');
INSERT INTO public.messages VALUES (493, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 493', 93, '2026-11-01 15:00:00+00');
INSERT INTO public.messages VALUES (494, '00000000-0000-0000-0000-000000000004', 'user', 'message 494', 94, '2026-11-01 18:00:00+00');
INSERT INTO public.messages VALUES (495, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 495', 95, '2026-11-01 21:00:00+00');
INSERT INTO public.messages VALUES (496, '00000000-0000-0000-0000-000000000001', 'user', 'message 496', 96, '2026-11-02 00:00:00+00');
INSERT INTO public.messages VALUES (497, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 497', 97, '2026-11-02 03:00:00+00');
INSERT INTO public.messages VALUES (498, '00000000-0000-0000-0000-000000000003', 'user', 'message 498', 98, '2026-11-02 06:00:00+00');
INSERT INTO public.messages VALUES (499, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 499', 99, '2026-11-02 09:00:00+00');
INSERT INTO public.messages VALUES (501, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 501', 1, '2026-11-02 15:00:00+00');
INSERT INTO public.messages VALUES (502, '00000000-0000-0000-0000-000000000002', 'user', 'message 502', 2, '2026-11-02 18:00:00+00');
INSERT INTO public.messages VALUES (503, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 503', 3, '2026-11-02 21:00:00+00');
INSERT INTO public.messages VALUES (504, '00000000-0000-0000-0000-000000000004', 'user', 'message 504', 4, '2026-11-03 00:00:00+00');
INSERT INTO public.messages VALUES (505, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 505', 5, '2026-11-03 03:00:00+00');
INSERT INTO public.messages VALUES (506, '00000000-0000-0000-0000-000000000001', 'user', 'message 506', 6, '2026-11-03 06:00:00+00');
INSERT INTO public.messages VALUES (507, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 507', 7, '2026-11-03 09:00:00+00');
INSERT INTO public.messages VALUES (508, '00000000-0000-0000-0000-000000000003', 'user', 'message 508', 8, '2026-11-03 12:00:00+00');
INSERT INTO public.messages VALUES (509, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 509', 9, '2026-11-03 15:00:00+00');
INSERT INTO public.messages VALUES (510, '00000000-0000-0000-0000-000000000000', 'user', 'message 510', 10, '2026-11-03 18:00:00+00');
INSERT INTO public.messages VALUES (511, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 511', 11, '2026-11-03 21:00:00+00');
INSERT INTO public.messages VALUES (512, '00000000-0000-0000-0000-000000000002', 'user', 'message 512', 12, '2026-11-04 00:00:00+00');
INSERT INTO public.messages VALUES (513, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 513', 13, '2026-11-04 03:00:00+00');
INSERT INTO public.messages VALUES (514, '00000000-0000-0000-0000-000000000004', 'user', 'message 514', 14, '2026-11-04 06:00:00+00');
INSERT INTO public.messages VALUES (515, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 515', 15, '2026-11-04 09:00:00+00');
INSERT INTO public.messages VALUES (516, '00000000-0000-0000-0000-000000000001', 'user', 'message 516', 16, '2026-11-04 12:00:00+00');
INSERT INTO public.messages VALUES (517, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 517', 17, '2026-11-04 15:00:00+00');
INSERT INTO public.messages VALUES (518, '00000000-0000-0000-0000-000000000003', 'user', 'message 518', 18, '2026-11-04 18:00:00+00');
INSERT INTO public.messages VALUES (519, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 519', 19, '2026-11-04 21:00:00+00');
INSERT INTO public.messages VALUES (520, '00000000-0000-0000-0000-000000000000', 'user', 'message 520', 20, '2026-11-05 00:00:00+00');
INSERT INTO public.messages VALUES (521, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 521', 21, '2026-11-05 03:00:00+00');
INSERT INTO public.messages VALUES (522, '00000000-0000-0000-0000-000000000002', 'user', 'message 522', 22, '2026-11-05 06:00:00+00');
INSERT INTO public.messages VALUES (523, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 523', 23, '2026-11-05 09:00:00+00');
INSERT INTO public.messages VALUES (524, '00000000-0000-0000-0000-000000000004', 'user', 'message 524', 24, '2026-11-05 12:00:00+00');
INSERT INTO public.messages VALUES (525, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 525', 25, '2026-11-05 15:00:00+00');
INSERT INTO public.messages VALUES (526, '00000000-0000-0000-0000-000000000001', 'user', 'message 526', 26, '2026-11-05 18:00:00+00');
INSERT INTO public.messages VALUES (527, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 527', 27, '2026-11-05 21:00:00+00');
INSERT INTO public.messages VALUES (528, '00000000-0000-0000-0000-000000000003', 'user', 'message 528', 28, '2026-11-06 00:00:00+00');
INSERT INTO public.messages VALUES (529, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 529', 29, '2026-11-06 03:00:00+00');
INSERT INTO public.messages VALUES (530, '00000000-0000-0000-0000-000000000000', 'user', 'message 530', 30, '2026-11-06 06:00:00+00');
INSERT INTO public.messages VALUES (531, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 531', 31, '2026-11-06 09:00:00+00');
INSERT INTO public.messages VALUES (532, '00000000-0000-0000-0000-000000000002', 'user', 'message 532', 32, '2026-11-06 12:00:00+00');
INSERT INTO public.messages VALUES (533, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 533', 33, '2026-11-06 15:00:00+00');
INSERT INTO public.messages VALUES (534, '00000000-0000-0000-0000-000000000004', 'user', 'message 534', 34, '2026-11-06 18:00:00+00');
INSERT INTO public.messages VALUES (535, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 535', 35, '2026-11-06 21:00:00+00');
INSERT INTO public.messages VALUES (536, '00000000-0000-0000-0000-000000000001', 'user', 'message 536', 36, '2026-11-07 00:00:00+00');
INSERT INTO public.messages VALUES (537, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 537', 37, '2026-11-07 03:00:00+00');
INSERT INTO public.messages VALUES (538, '00000000-0000-0000-0000-000000000003', 'user', 'message 538', 38, '2026-11-07 06:00:00+00');
INSERT INTO public.messages VALUES (539, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 539', 39, '2026-11-07 09:00:00+00');
INSERT INTO public.messages VALUES (540, '00000000-0000-0000-0000-000000000000', 'user', 'message 540', 40, '2026-11-07 12:00:00+00');
INSERT INTO public.messages VALUES (541, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 541', 41, '2026-11-07 15:00:00+00');
INSERT INTO public.messages VALUES (542, '00000000-0000-0000-0000-000000000002', 'user', 'message 542', 42, '2026-11-07 18:00:00+00');
INSERT INTO public.messages VALUES (543, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 543', 43, '2026-11-07 21:00:00+00');
INSERT INTO public.messages VALUES (544, '00000000-0000-0000-0000-000000000004', 'user', 'message 544', 44, '2026-11-08 00:00:00+00');
INSERT INTO public.messages VALUES (545, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 545', 45, '2026-11-08 03:00:00+00');
INSERT INTO public.messages VALUES (546, '00000000-0000-0000-0000-000000000001', 'user', 'message 546', 46, '2026-11-08 06:00:00+00');
INSERT INTO public.messages VALUES (547, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 547', 47, '2026-11-08 09:00:00+00');
INSERT INTO public.messages VALUES (548, '00000000-0000-0000-0000-000000000003', 'user', 'message 548', 48, '2026-11-08 12:00:00+00');
INSERT INTO public.messages VALUES (549, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 549', 49, '2026-11-08 15:00:00+00');
INSERT INTO public.messages VALUES (551, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 551', 51, '2026-11-08 21:00:00+00');
INSERT INTO public.messages VALUES (552, '00000000-0000-0000-0000-000000000002', 'user', 'message 552', 52, '2026-11-09 00:00:00+00');
INSERT INTO public.messages VALUES (553, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 553', 53, '2026-11-09 03:00:00+00');
INSERT INTO public.messages VALUES (554, '00000000-0000-0000-0000-000000000004', 'user', 'message 554', 54, '2026-11-09 06:00:00+00');
INSERT INTO public.messages VALUES (555, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 555', 55, '2026-11-09 09:00:00+00');
INSERT INTO public.messages VALUES (556, '00000000-0000-0000-0000-000000000001', 'user', 'message 556', 56, '2026-11-09 12:00:00+00');
INSERT INTO public.messages VALUES (557, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 557', 57, '2026-11-09 15:00:00+00');
INSERT INTO public.messages VALUES (558, '00000000-0000-0000-0000-000000000003', 'user', 'message 558', 58, '2026-11-09 18:00:00+00');
INSERT INTO public.messages VALUES (559, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 559', 59, '2026-11-09 21:00:00+00');
INSERT INTO public.messages VALUES (560, '00000000-0000-0000-0000-000000000000', 'user', 'message 560', 60, '2026-11-10 00:00:00+00');
INSERT INTO public.messages VALUES (561, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 561', 61, '2026-11-10 03:00:00+00');
INSERT INTO public.messages VALUES (562, '00000000-0000-0000-0000-000000000002', 'user', 'message 562', 62, '2026-11-10 06:00:00+00');
INSERT INTO public.messages VALUES (563, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 563', 63, '2026-11-10 09:00:00+00');
INSERT INTO public.messages VALUES (564, '00000000-0000-0000-0000-000000000004', 'user', 'message 564', 64, '2026-11-10 12:00:00+00');
INSERT INTO public.messages VALUES (565, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 565', 65, '2026-11-10 15:00:00+00');
INSERT INTO public.messages VALUES (566, '00000000-0000-0000-0000-000000000001', 'user', 'message 566', 66, '2026-11-10 18:00:00+00');
INSERT INTO public.messages VALUES (567, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 567', 67, '2026-11-10 21:00:00+00');
INSERT INTO public.messages VALUES (568, '00000000-0000-0000-0000-000000000003', 'user', 'message 568', 68, '2026-11-11 00:00:00+00');
INSERT INTO public.messages VALUES (569, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 569', 69, '2026-11-11 03:00:00+00');
INSERT INTO public.messages VALUES (570, '00000000-0000-0000-0000-000000000000', 'user', 'message 570', 70, '2026-11-11 06:00:00+00');
INSERT INTO public.messages VALUES (571, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 571', 71, '2026-11-11 09:00:00+00');
INSERT INTO public.messages VALUES (572, '00000000-0000-0000-0000-000000000002', 'user', 'message 572', 72, '2026-11-11 12:00:00+00');
INSERT INTO public.messages VALUES (573, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 573', 73, '2026-11-11 15:00:00+00');
INSERT INTO public.messages VALUES (574, '00000000-0000-0000-0000-000000000004', 'user', 'message 574', 74, '2026-11-11 18:00:00+00');
INSERT INTO public.messages VALUES (575, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 575', 75, '2026-11-11 21:00:00+00');
INSERT INTO public.messages VALUES (576, '00000000-0000-0000-0000-000000000001', 'user', 'message 576', 76, '2026-11-12 00:00:00+00');
INSERT INTO public.messages VALUES (577, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 577', 77, '2026-11-12 03:00:00+00');
INSERT INTO public.messages VALUES (578, '00000000-0000-0000-0000-000000000003', 'user', 'message 578', 78, '2026-11-12 06:00:00+00');
INSERT INTO public.messages VALUES (579, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 579', 79, '2026-11-12 09:00:00+00');
INSERT INTO public.messages VALUES (580, '00000000-0000-0000-0000-000000000000', 'user', 'message 580', 80, '2026-11-12 12:00:00+00');
INSERT INTO public.messages VALUES (581, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 581', 81, '2026-11-12 15:00:00+00');
INSERT INTO public.messages VALUES (582, '00000000-0000-0000-0000-000000000002', 'user', 'message 582', 82, '2026-11-12 18:00:00+00');
INSERT INTO public.messages VALUES (583, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 583', 83, '2026-11-12 21:00:00+00');
INSERT INTO public.messages VALUES (584, '00000000-0000-0000-0000-000000000004', 'user', 'message 584', 84, '2026-11-13 00:00:00+00');
INSERT INTO public.messages VALUES (585, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 585', 85, '2026-11-13 03:00:00+00');
INSERT INTO public.messages VALUES (586, '00000000-0000-0000-0000-000000000001', 'user', 'message 586', 86, '2026-11-13 06:00:00+00');
INSERT INTO public.messages VALUES (587, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 587', 87, '2026-11-13 09:00:00+00');
INSERT INTO public.messages VALUES (588, '00000000-0000-0000-0000-000000000003', 'user', 'message 588', 88, '2026-11-13 12:00:00+00');
INSERT INTO public.messages VALUES (589, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 589', 89, '2026-11-13 15:00:00+00');
INSERT INTO public.messages VALUES (590, '00000000-0000-0000-0000-000000000000', 'user', 'message 590', 90, '2026-11-13 18:00:00+00');
INSERT INTO public.messages VALUES (591, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 591', 91, '2026-11-13 21:00:00+00');
INSERT INTO public.messages VALUES (592, '00000000-0000-0000-0000-000000000002', 'user', 'message 592', 92, '2026-11-14 00:00:00+00');
INSERT INTO public.messages VALUES (593, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 593', 93, '2026-11-14 03:00:00+00');
INSERT INTO public.messages VALUES (594, '00000000-0000-0000-0000-000000000004', 'user', 'message 594', 94, '2026-11-14 06:00:00+00');
INSERT INTO public.messages VALUES (595, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 595', 95, '2026-11-14 09:00:00+00');
INSERT INTO public.messages VALUES (596, '00000000-0000-0000-0000-000000000001', 'user', 'message 596', 96, '2026-11-14 12:00:00+00');
INSERT INTO public.messages VALUES (597, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 597', 97, '2026-11-14 15:00:00+00');
INSERT INTO public.messages VALUES (598, '00000000-0000-0000-0000-000000000003', 'user', 'message 598', 98, '2026-11-14 18:00:00+00');
INSERT INTO public.messages VALUES (599, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 599', 99, '2026-11-14 21:00:00+00');
INSERT INTO public.messages VALUES (50, '00000000-0000-0000-0000-000000000000', 'user', 'message 50', 51, '2026-09-07 06:00:00+00');
INSERT INTO public.messages VALUES (100, '00000000-0000-0000-0000-000000000000', 'user', 'message 100', 1, '2026-09-13 12:00:00+00');
INSERT INTO public.messages VALUES (150, '00000000-0000-0000-0000-000000000000', 'user', 'message 150', 51, '2026-09-19 18:00:00+00');
INSERT INTO public.messages VALUES (200, '00000000-0000-0000-0000-000000000000', 'user', 'message 200', 1, '2026-09-26 00:00:00+00');
INSERT INTO public.messages VALUES (250, '00000000-0000-0000-0000-000000000000', 'user', 'message 250', 51, '2026-10-02 06:00:00+00');
INSERT INTO public.messages VALUES (300, '00000000-0000-0000-0000-000000000000', 'user', 'message 300', 1, '2026-10-08 12:00:00+00');
INSERT INTO public.messages VALUES (350, '00000000-0000-0000-0000-000000000000', 'user', 'message 350', 51, '2026-10-14 18:00:00+00');
INSERT INTO public.messages VALUES (400, '00000000-0000-0000-0000-000000000000', 'user', 'message 400', 1, '2026-10-21 00:00:00+00');
INSERT INTO public.messages VALUES (450, '00000000-0000-0000-0000-000000000000', 'user', 'message 450', 51, '2026-10-27 06:00:00+00');
INSERT INTO public.messages VALUES (500, '00000000-0000-0000-0000-000000000000', 'user', 'message 500', 1, '2026-11-02 12:00:00+00');
INSERT INTO public.messages VALUES (550, '00000000-0000-0000-0000-000000000000', 'user', 'message 550', 51, '2026-11-08 18:00:00+00');
INSERT INTO public.messages VALUES (600, '00000000-0000-0000-0000-000000000000', 'user', 'message 600', 1, '2026-11-15 00:00:00+00');
INSERT INTO public.messages VALUES (601, '00000000-0000-0000-0000-000000000001', 'user', 'late', 1, '2026-10-15 12:00:00+00');


--
-- Data for Name: messages_2026_09; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.messages_2026_09 VALUES (1, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 1', 1, '2026-09-01 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (2, '00000000-0000-0000-0000-000000000002', 'user', 'message 2', 2, '2026-09-01 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (3, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 3', 3, '2026-09-01 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (4, '00000000-0000-0000-0000-000000000004', 'user', 'message 4', 4, '2026-09-01 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (5, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 5', 5, '2026-09-01 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (6, '00000000-0000-0000-0000-000000000001', 'user', 'message 6', 6, '2026-09-01 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (7, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 7', 7, '2026-09-01 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (8, '00000000-0000-0000-0000-000000000003', 'user', 'message 8', 8, '2026-09-02 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (9, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 9', 9, '2026-09-02 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (10, '00000000-0000-0000-0000-000000000000', 'user', 'message 10', 10, '2026-09-02 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (11, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 11', 11, '2026-09-02 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (12, '00000000-0000-0000-0000-000000000002', 'user', 'message 12', 12, '2026-09-02 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (13, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 13', 13, '2026-09-02 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (14, '00000000-0000-0000-0000-000000000004', 'user', 'message 14', 14, '2026-09-02 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (15, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 15', 15, '2026-09-02 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (16, '00000000-0000-0000-0000-000000000001', 'user', 'message 16', 16, '2026-09-03 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (17, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 17', 17, '2026-09-03 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (18, '00000000-0000-0000-0000-000000000003', 'user', 'message 18', 18, '2026-09-03 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (19, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 19', 19, '2026-09-03 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (20, '00000000-0000-0000-0000-000000000000', 'user', 'message 20', 20, '2026-09-03 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (21, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 21', 21, '2026-09-03 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (22, '00000000-0000-0000-0000-000000000002', 'user', 'message 22', 22, '2026-09-03 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (23, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 23', 23, '2026-09-03 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (24, '00000000-0000-0000-0000-000000000004', 'user', 'message 24', 24, '2026-09-04 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (25, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 25', 25, '2026-09-04 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (26, '00000000-0000-0000-0000-000000000001', 'user', 'message 26', 26, '2026-09-04 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (27, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 27', 27, '2026-09-04 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (28, '00000000-0000-0000-0000-000000000003', 'user', 'message 28', 28, '2026-09-04 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (29, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 29', 29, '2026-09-04 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (30, '00000000-0000-0000-0000-000000000000', 'user', 'message 30', 30, '2026-09-04 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (31, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 31', 31, '2026-09-04 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (32, '00000000-0000-0000-0000-000000000002', 'user', 'message 32', 32, '2026-09-05 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (33, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 33', 33, '2026-09-05 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (34, '00000000-0000-0000-0000-000000000004', 'user', 'message 34', 34, '2026-09-05 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (35, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 35', 35, '2026-09-05 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (36, '00000000-0000-0000-0000-000000000001', 'user', 'message 36', 36, '2026-09-05 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (37, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 37', 37, '2026-09-05 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (38, '00000000-0000-0000-0000-000000000003', 'user', 'message 38', 38, '2026-09-05 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (39, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 39', 39, '2026-09-05 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (40, '00000000-0000-0000-0000-000000000000', 'user', 'message 40', 40, '2026-09-06 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (41, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 41', 41, '2026-09-06 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (42, '00000000-0000-0000-0000-000000000002', 'user', 'message 42', 42, '2026-09-06 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (43, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 43', 43, '2026-09-06 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (44, '00000000-0000-0000-0000-000000000004', 'user', 'message 44', 44, '2026-09-06 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (45, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 45', 45, '2026-09-06 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (46, '00000000-0000-0000-0000-000000000001', 'user', 'message 46', 46, '2026-09-06 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (47, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 47', 47, '2026-09-06 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (48, '00000000-0000-0000-0000-000000000003', 'user', 'message 48', 48, '2026-09-07 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (49, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 49', 49, '2026-09-07 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (50, '00000000-0000-0000-0000-000000000000', 'user', 'message 50', 50, '2026-09-07 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (51, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 51', 51, '2026-09-07 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (52, '00000000-0000-0000-0000-000000000002', 'user', 'message 52', 52, '2026-09-07 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (53, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 53', 53, '2026-09-07 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (54, '00000000-0000-0000-0000-000000000004', 'user', 'message 54', 54, '2026-09-07 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (55, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 55', 55, '2026-09-07 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (56, '00000000-0000-0000-0000-000000000001', 'user', 'message 56', 56, '2026-09-08 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (57, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 57', 57, '2026-09-08 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (58, '00000000-0000-0000-0000-000000000003', 'user', 'message 58', 58, '2026-09-08 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (59, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 59', 59, '2026-09-08 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (60, '00000000-0000-0000-0000-000000000000', 'user', 'message 60', 60, '2026-09-08 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (61, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 61', 61, '2026-09-08 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (62, '00000000-0000-0000-0000-000000000002', 'user', 'message 62', 62, '2026-09-08 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (63, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 63', 63, '2026-09-08 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (64, '00000000-0000-0000-0000-000000000004', 'user', 'message 64', 64, '2026-09-09 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (65, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 65', 65, '2026-09-09 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (66, '00000000-0000-0000-0000-000000000001', 'user', 'message 66', 66, '2026-09-09 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (67, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 67', 67, '2026-09-09 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (68, '00000000-0000-0000-0000-000000000003', 'user', 'message 68', 68, '2026-09-09 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (69, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 69', 69, '2026-09-09 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (70, '00000000-0000-0000-0000-000000000000', 'user', 'message 70', 70, '2026-09-09 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (71, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 71', 71, '2026-09-09 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (72, '00000000-0000-0000-0000-000000000002', 'user', 'message 72', 72, '2026-09-10 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (73, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 73', 73, '2026-09-10 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (74, '00000000-0000-0000-0000-000000000004', 'user', 'message 74', 74, '2026-09-10 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (75, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 75', 75, '2026-09-10 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (76, '00000000-0000-0000-0000-000000000001', 'user', 'message 76', 76, '2026-09-10 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (77, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 77', 77, '2026-09-10 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (78, '00000000-0000-0000-0000-000000000003', 'user', 'message 78', 78, '2026-09-10 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (79, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 79', 79, '2026-09-10 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (80, '00000000-0000-0000-0000-000000000000', 'user', 'message 80', 80, '2026-09-11 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (81, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 81', 81, '2026-09-11 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (82, '00000000-0000-0000-0000-000000000002', 'user', 'message 82', 82, '2026-09-11 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (83, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 83', 83, '2026-09-11 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (84, '00000000-0000-0000-0000-000000000004', 'user', 'message 84', 84, '2026-09-11 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (85, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 85', 85, '2026-09-11 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (86, '00000000-0000-0000-0000-000000000001', 'user', 'message 86', 86, '2026-09-11 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (87, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 87', 87, '2026-09-11 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (88, '00000000-0000-0000-0000-000000000003', 'user', 'message 88', 88, '2026-09-12 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (89, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 89', 89, '2026-09-12 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (90, '00000000-0000-0000-0000-000000000000', 'user', 'message 90', 90, '2026-09-12 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (91, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 91', 91, '2026-09-12 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (92, '00000000-0000-0000-0000-000000000002', 'user', 'message 92', 92, '2026-09-12 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (93, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 93', 93, '2026-09-12 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (94, '00000000-0000-0000-0000-000000000004', 'user', 'message 94', 94, '2026-09-12 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (95, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 95', 95, '2026-09-12 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (96, '00000000-0000-0000-0000-000000000001', 'user', 'message 96', 96, '2026-09-13 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (97, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 97', 97, '2026-09-13 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (98, '00000000-0000-0000-0000-000000000003', 'user', 'message 98', 98, '2026-09-13 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (99, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 99', 99, '2026-09-13 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (100, '00000000-0000-0000-0000-000000000000', 'user', 'message 100', 0, '2026-09-13 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (101, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 101', 1, '2026-09-13 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (102, '00000000-0000-0000-0000-000000000002', 'user', 'message 102', 2, '2026-09-13 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (103, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 103', 3, '2026-09-13 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (104, '00000000-0000-0000-0000-000000000004', 'user', 'message 104', 4, '2026-09-14 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (105, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 105', 5, '2026-09-14 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (106, '00000000-0000-0000-0000-000000000001', 'user', 'message 106', 6, '2026-09-14 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (107, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 107', 7, '2026-09-14 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (108, '00000000-0000-0000-0000-000000000003', 'user', 'message 108', 8, '2026-09-14 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (109, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 109', 9, '2026-09-14 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (110, '00000000-0000-0000-0000-000000000000', 'user', 'message 110', 10, '2026-09-14 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (111, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 111', 11, '2026-09-14 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (112, '00000000-0000-0000-0000-000000000002', 'user', 'message 112', 12, '2026-09-15 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (113, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 113', 13, '2026-09-15 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (114, '00000000-0000-0000-0000-000000000004', 'user', 'message 114', 14, '2026-09-15 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (115, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 115', 15, '2026-09-15 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (116, '00000000-0000-0000-0000-000000000001', 'user', 'message 116', 16, '2026-09-15 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (117, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 117', 17, '2026-09-15 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (118, '00000000-0000-0000-0000-000000000003', 'user', 'message 118', 18, '2026-09-15 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (119, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 119', 19, '2026-09-15 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (120, '00000000-0000-0000-0000-000000000000', 'user', 'message 120', 20, '2026-09-16 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (121, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 121', 21, '2026-09-16 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (122, '00000000-0000-0000-0000-000000000002', 'user', 'message 122', 22, '2026-09-16 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (123, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 123', 23, '2026-09-16 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (124, '00000000-0000-0000-0000-000000000004', 'user', 'message 124', 24, '2026-09-16 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (125, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 125', 25, '2026-09-16 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (126, '00000000-0000-0000-0000-000000000001', 'user', 'message 126', 26, '2026-09-16 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (127, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 127', 27, '2026-09-16 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (128, '00000000-0000-0000-0000-000000000003', 'user', 'message 128', 28, '2026-09-17 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (129, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 129', 29, '2026-09-17 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (130, '00000000-0000-0000-0000-000000000000', 'user', 'message 130', 30, '2026-09-17 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (131, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 131', 31, '2026-09-17 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (132, '00000000-0000-0000-0000-000000000002', 'user', 'message 132', 32, '2026-09-17 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (133, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 133', 33, '2026-09-17 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (134, '00000000-0000-0000-0000-000000000004', 'user', 'message 134', 34, '2026-09-17 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (135, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 135', 35, '2026-09-17 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (136, '00000000-0000-0000-0000-000000000001', 'user', 'message 136', 36, '2026-09-18 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (137, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 137', 37, '2026-09-18 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (138, '00000000-0000-0000-0000-000000000003', 'user', 'message 138', 38, '2026-09-18 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (139, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 139', 39, '2026-09-18 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (140, '00000000-0000-0000-0000-000000000000', 'user', 'message 140', 40, '2026-09-18 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (141, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 141', 41, '2026-09-18 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (142, '00000000-0000-0000-0000-000000000002', 'user', 'message 142', 42, '2026-09-18 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (143, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 143', 43, '2026-09-18 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (144, '00000000-0000-0000-0000-000000000004', 'user', 'message 144', 44, '2026-09-19 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (145, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 145', 45, '2026-09-19 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (146, '00000000-0000-0000-0000-000000000001', 'user', 'message 146', 46, '2026-09-19 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (147, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 147', 47, '2026-09-19 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (148, '00000000-0000-0000-0000-000000000003', 'user', 'message 148', 48, '2026-09-19 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (149, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 149', 49, '2026-09-19 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (150, '00000000-0000-0000-0000-000000000000', 'user', 'message 150', 50, '2026-09-19 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (151, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 151', 51, '2026-09-19 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (152, '00000000-0000-0000-0000-000000000002', 'user', 'message 152', 52, '2026-09-20 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (153, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 153', 53, '2026-09-20 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (154, '00000000-0000-0000-0000-000000000004', 'user', 'message 154', 54, '2026-09-20 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (155, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 155', 55, '2026-09-20 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (156, '00000000-0000-0000-0000-000000000001', 'user', 'message 156', 56, '2026-09-20 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (157, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 157', 57, '2026-09-20 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (158, '00000000-0000-0000-0000-000000000003', 'user', 'message 158', 58, '2026-09-20 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (159, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 159', 59, '2026-09-20 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (160, '00000000-0000-0000-0000-000000000000', 'user', 'message 160', 60, '2026-09-21 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (161, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 161', 61, '2026-09-21 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (162, '00000000-0000-0000-0000-000000000002', 'user', 'message 162', 62, '2026-09-21 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (163, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 163', 63, '2026-09-21 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (164, '00000000-0000-0000-0000-000000000004', 'user', 'message 164', 64, '2026-09-21 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (165, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 165', 65, '2026-09-21 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (166, '00000000-0000-0000-0000-000000000001', 'user', 'message 166', 66, '2026-09-21 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (167, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 167', 67, '2026-09-21 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (168, '00000000-0000-0000-0000-000000000003', 'user', 'message 168', 68, '2026-09-22 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (169, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 169', 69, '2026-09-22 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (170, '00000000-0000-0000-0000-000000000000', 'user', 'message 170', 70, '2026-09-22 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (171, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 171', 71, '2026-09-22 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (172, '00000000-0000-0000-0000-000000000002', 'user', 'message 172', 72, '2026-09-22 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (173, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 173', 73, '2026-09-22 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (174, '00000000-0000-0000-0000-000000000004', 'user', 'message 174', 74, '2026-09-22 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (175, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 175', 75, '2026-09-22 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (176, '00000000-0000-0000-0000-000000000001', 'user', 'message 176', 76, '2026-09-23 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (177, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 177', 77, '2026-09-23 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (178, '00000000-0000-0000-0000-000000000003', 'user', 'message 178', 78, '2026-09-23 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (179, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 179', 79, '2026-09-23 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (180, '00000000-0000-0000-0000-000000000000', 'user', 'message 180', 80, '2026-09-23 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (181, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 181', 81, '2026-09-23 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (182, '00000000-0000-0000-0000-000000000002', 'user', 'message 182', 82, '2026-09-23 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (183, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 183', 83, '2026-09-23 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (184, '00000000-0000-0000-0000-000000000004', 'user', 'message 184', 84, '2026-09-24 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (185, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 185', 85, '2026-09-24 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (186, '00000000-0000-0000-0000-000000000001', 'user', 'message 186', 86, '2026-09-24 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (187, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 187', 87, '2026-09-24 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (188, '00000000-0000-0000-0000-000000000003', 'user', 'message 188', 88, '2026-09-24 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (189, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 189', 89, '2026-09-24 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (190, '00000000-0000-0000-0000-000000000000', 'user', 'message 190', 90, '2026-09-24 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (191, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 191', 91, '2026-09-24 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (192, '00000000-0000-0000-0000-000000000002', 'user', 'message 192', 92, '2026-09-25 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (193, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 193', 93, '2026-09-25 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (194, '00000000-0000-0000-0000-000000000004', 'user', 'message 194', 94, '2026-09-25 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (195, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 195', 95, '2026-09-25 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (196, '00000000-0000-0000-0000-000000000001', 'user', 'message 196', 96, '2026-09-25 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (197, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 197', 97, '2026-09-25 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (198, '00000000-0000-0000-0000-000000000003', 'user', 'message 198', 98, '2026-09-25 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (199, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 199', 99, '2026-09-25 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (200, '00000000-0000-0000-0000-000000000000', 'user', 'message 200', 0, '2026-09-26 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (201, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 201', 1, '2026-09-26 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (202, '00000000-0000-0000-0000-000000000002', 'user', 'message 202', 2, '2026-09-26 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (203, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 203', 3, '2026-09-26 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (204, '00000000-0000-0000-0000-000000000004', 'user', 'message 204', 4, '2026-09-26 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (205, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 205', 5, '2026-09-26 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (206, '00000000-0000-0000-0000-000000000001', 'user', 'message 206', 6, '2026-09-26 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (207, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 207', 7, '2026-09-26 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (208, '00000000-0000-0000-0000-000000000003', 'user', 'message 208', 8, '2026-09-27 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (209, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 209', 9, '2026-09-27 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (210, '00000000-0000-0000-0000-000000000000', 'user', 'message 210', 10, '2026-09-27 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (211, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 211', 11, '2026-09-27 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (212, '00000000-0000-0000-0000-000000000002', 'user', 'message 212', 12, '2026-09-27 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (213, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 213', 13, '2026-09-27 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (214, '00000000-0000-0000-0000-000000000004', 'user', 'message 214', 14, '2026-09-27 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (215, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 215', 15, '2026-09-27 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (216, '00000000-0000-0000-0000-000000000001', 'user', 'message 216', 16, '2026-09-28 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (217, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 217', 17, '2026-09-28 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (218, '00000000-0000-0000-0000-000000000003', 'user', 'message 218', 18, '2026-09-28 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (219, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 219', 19, '2026-09-28 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (220, '00000000-0000-0000-0000-000000000000', 'user', 'message 220', 20, '2026-09-28 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (221, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 221', 21, '2026-09-28 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (222, '00000000-0000-0000-0000-000000000002', 'user', 'message 222', 22, '2026-09-28 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (223, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 223', 23, '2026-09-28 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (224, '00000000-0000-0000-0000-000000000004', 'user', 'message 224', 24, '2026-09-29 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (225, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 225', 25, '2026-09-29 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (226, '00000000-0000-0000-0000-000000000001', 'user', 'message 226', 26, '2026-09-29 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (227, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 227', 27, '2026-09-29 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (228, '00000000-0000-0000-0000-000000000003', 'user', 'message 228', 28, '2026-09-29 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (229, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 229', 29, '2026-09-29 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (230, '00000000-0000-0000-0000-000000000000', 'user', 'message 230', 30, '2026-09-29 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (231, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 231', 31, '2026-09-29 21:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (232, '00000000-0000-0000-0000-000000000002', 'user', 'message 232', 32, '2026-09-30 00:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (233, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 233', 33, '2026-09-30 03:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (234, '00000000-0000-0000-0000-000000000004', 'user', 'message 234', 34, '2026-09-30 06:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (235, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 235', 35, '2026-09-30 09:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (236, '00000000-0000-0000-0000-000000000001', 'user', 'message 236', 36, '2026-09-30 12:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (237, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 237', 37, '2026-09-30 15:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (238, '00000000-0000-0000-0000-000000000003', 'user', 'message 238', 38, '2026-09-30 18:00:00+00');
INSERT INTO public.messages_2026_09 VALUES (239, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 239', 39, '2026-09-30 21:00:00+00');


--
-- Data for Name: messages_2026_10; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.messages_2026_10 VALUES (240, '00000000-0000-0000-0000-000000000000', 'user', 'message 240', 40, '2026-10-01 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (241, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 241', 41, '2026-10-01 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (242, '00000000-0000-0000-0000-000000000002', 'user', 'message 242', 42, '2026-10-01 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (243, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 243', 43, '2026-10-01 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (244, '00000000-0000-0000-0000-000000000004', 'user', 'message 244', 44, '2026-10-01 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (245, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 245', 45, '2026-10-01 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (246, '00000000-0000-0000-0000-000000000001', 'user', 'message 246', 46, '2026-10-01 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (247, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 247', 47, '2026-10-01 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (248, '00000000-0000-0000-0000-000000000003', 'user', 'message 248', 48, '2026-10-02 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (249, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 249', 49, '2026-10-02 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (250, '00000000-0000-0000-0000-000000000000', 'user', 'message 250', 50, '2026-10-02 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (251, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 251', 51, '2026-10-02 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (252, '00000000-0000-0000-0000-000000000002', 'user', 'message 252', 52, '2026-10-02 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (253, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 253', 53, '2026-10-02 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (254, '00000000-0000-0000-0000-000000000004', 'user', 'message 254', 54, '2026-10-02 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (255, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 255', 55, '2026-10-02 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (256, '00000000-0000-0000-0000-000000000001', 'user', 'message 256', 56, '2026-10-03 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (257, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 257', 57, '2026-10-03 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (258, '00000000-0000-0000-0000-000000000003', 'user', 'message 258', 58, '2026-10-03 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (259, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 259', 59, '2026-10-03 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (260, '00000000-0000-0000-0000-000000000000', 'user', 'message 260', 60, '2026-10-03 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (261, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 261', 61, '2026-10-03 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (262, '00000000-0000-0000-0000-000000000002', 'user', 'message 262', 62, '2026-10-03 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (263, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 263', 63, '2026-10-03 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (264, '00000000-0000-0000-0000-000000000004', 'user', 'message 264', 64, '2026-10-04 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (265, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 265', 65, '2026-10-04 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (266, '00000000-0000-0000-0000-000000000001', 'user', 'message 266', 66, '2026-10-04 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (267, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 267', 67, '2026-10-04 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (268, '00000000-0000-0000-0000-000000000003', 'user', 'message 268', 68, '2026-10-04 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (269, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 269', 69, '2026-10-04 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (270, '00000000-0000-0000-0000-000000000000', 'user', 'message 270', 70, '2026-10-04 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (271, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 271', 71, '2026-10-04 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (272, '00000000-0000-0000-0000-000000000002', 'user', 'message 272', 72, '2026-10-05 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (273, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 273', 73, '2026-10-05 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (274, '00000000-0000-0000-0000-000000000004', 'user', 'message 274', 74, '2026-10-05 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (275, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 275', 75, '2026-10-05 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (276, '00000000-0000-0000-0000-000000000001', 'user', 'message 276', 76, '2026-10-05 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (277, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 277', 77, '2026-10-05 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (278, '00000000-0000-0000-0000-000000000003', 'user', 'message 278', 78, '2026-10-05 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (279, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 279', 79, '2026-10-05 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (280, '00000000-0000-0000-0000-000000000000', 'user', 'message 280', 80, '2026-10-06 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (281, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 281', 81, '2026-10-06 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (282, '00000000-0000-0000-0000-000000000002', 'user', 'message 282', 82, '2026-10-06 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (283, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 283', 83, '2026-10-06 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (284, '00000000-0000-0000-0000-000000000004', 'user', 'message 284', 84, '2026-10-06 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (285, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 285', 85, '2026-10-06 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (286, '00000000-0000-0000-0000-000000000001', 'user', 'message 286', 86, '2026-10-06 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (287, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 287', 87, '2026-10-06 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (288, '00000000-0000-0000-0000-000000000003', 'user', 'message 288', 88, '2026-10-07 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (289, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 289', 89, '2026-10-07 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (290, '00000000-0000-0000-0000-000000000000', 'user', 'message 290', 90, '2026-10-07 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (291, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 291', 91, '2026-10-07 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (292, '00000000-0000-0000-0000-000000000002', 'user', 'message 292', 92, '2026-10-07 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (293, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 293', 93, '2026-10-07 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (294, '00000000-0000-0000-0000-000000000004', 'user', 'message 294', 94, '2026-10-07 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (295, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 295', 95, '2026-10-07 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (296, '00000000-0000-0000-0000-000000000001', 'user', 'message 296', 96, '2026-10-08 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (297, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 297', 97, '2026-10-08 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (298, '00000000-0000-0000-0000-000000000003', 'user', 'message 298', 98, '2026-10-08 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (299, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 299', 99, '2026-10-08 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (300, '00000000-0000-0000-0000-000000000000', 'user', 'message 300', 0, '2026-10-08 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (301, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 301', 1, '2026-10-08 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (302, '00000000-0000-0000-0000-000000000002', 'user', 'message 302', 2, '2026-10-08 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (303, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 303', 3, '2026-10-08 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (304, '00000000-0000-0000-0000-000000000004', 'user', 'message 304', 4, '2026-10-09 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (305, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 305', 5, '2026-10-09 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (306, '00000000-0000-0000-0000-000000000001', 'user', 'message 306', 6, '2026-10-09 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (307, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 307', 7, '2026-10-09 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (308, '00000000-0000-0000-0000-000000000003', 'user', 'message 308', 8, '2026-10-09 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (309, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 309', 9, '2026-10-09 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (310, '00000000-0000-0000-0000-000000000000', 'user', 'message 310', 10, '2026-10-09 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (311, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 311', 11, '2026-10-09 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (312, '00000000-0000-0000-0000-000000000002', 'user', 'message 312', 12, '2026-10-10 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (313, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 313', 13, '2026-10-10 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (314, '00000000-0000-0000-0000-000000000004', 'user', 'message 314', 14, '2026-10-10 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (315, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 315', 15, '2026-10-10 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (316, '00000000-0000-0000-0000-000000000001', 'user', 'message 316', 16, '2026-10-10 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (317, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 317', 17, '2026-10-10 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (318, '00000000-0000-0000-0000-000000000003', 'user', 'message 318', 18, '2026-10-10 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (319, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 319', 19, '2026-10-10 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (320, '00000000-0000-0000-0000-000000000000', 'user', 'message 320', 20, '2026-10-11 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (321, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 321', 21, '2026-10-11 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (322, '00000000-0000-0000-0000-000000000002', 'user', 'message 322', 22, '2026-10-11 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (323, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 323', 23, '2026-10-11 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (324, '00000000-0000-0000-0000-000000000004', 'user', 'message 324', 24, '2026-10-11 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (325, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 325', 25, '2026-10-11 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (326, '00000000-0000-0000-0000-000000000001', 'user', 'message 326', 26, '2026-10-11 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (327, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 327', 27, '2026-10-11 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (328, '00000000-0000-0000-0000-000000000003', 'user', 'message 328', 28, '2026-10-12 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (329, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 329', 29, '2026-10-12 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (330, '00000000-0000-0000-0000-000000000000', 'user', 'message 330', 30, '2026-10-12 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (331, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 331', 31, '2026-10-12 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (332, '00000000-0000-0000-0000-000000000002', 'user', 'message 332', 32, '2026-10-12 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (333, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 333', 33, '2026-10-12 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (334, '00000000-0000-0000-0000-000000000004', 'user', 'message 334', 34, '2026-10-12 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (335, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 335', 35, '2026-10-12 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (336, '00000000-0000-0000-0000-000000000001', 'user', 'message 336', 36, '2026-10-13 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (337, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 337', 37, '2026-10-13 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (338, '00000000-0000-0000-0000-000000000003', 'user', 'message 338', 38, '2026-10-13 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (339, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 339', 39, '2026-10-13 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (340, '00000000-0000-0000-0000-000000000000', 'user', 'message 340', 40, '2026-10-13 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (341, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 341', 41, '2026-10-13 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (342, '00000000-0000-0000-0000-000000000002', 'user', 'message 342', 42, '2026-10-13 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (343, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 343', 43, '2026-10-13 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (344, '00000000-0000-0000-0000-000000000004', 'user', 'message 344', 44, '2026-10-14 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (345, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 345', 45, '2026-10-14 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (346, '00000000-0000-0000-0000-000000000001', 'user', 'message 346', 46, '2026-10-14 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (347, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 347', 47, '2026-10-14 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (348, '00000000-0000-0000-0000-000000000003', 'user', 'message 348', 48, '2026-10-14 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (349, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 349', 49, '2026-10-14 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (350, '00000000-0000-0000-0000-000000000000', 'user', 'message 350', 50, '2026-10-14 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (351, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 351', 51, '2026-10-14 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (352, '00000000-0000-0000-0000-000000000002', 'user', 'message 352', 52, '2026-10-15 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (353, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 353', 53, '2026-10-15 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (354, '00000000-0000-0000-0000-000000000004', 'user', 'message 354', 54, '2026-10-15 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (355, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 355', 55, '2026-10-15 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (356, '00000000-0000-0000-0000-000000000001', 'user', 'message 356', 56, '2026-10-15 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (357, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 357', 57, '2026-10-15 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (358, '00000000-0000-0000-0000-000000000003', 'user', 'message 358', 58, '2026-10-15 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (359, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 359', 59, '2026-10-15 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (360, '00000000-0000-0000-0000-000000000000', 'user', 'message 360', 60, '2026-10-16 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (361, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 361', 61, '2026-10-16 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (362, '00000000-0000-0000-0000-000000000002', 'user', 'message 362', 62, '2026-10-16 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (363, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 363', 63, '2026-10-16 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (364, '00000000-0000-0000-0000-000000000004', 'user', 'message 364', 64, '2026-10-16 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (365, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 365', 65, '2026-10-16 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (366, '00000000-0000-0000-0000-000000000001', 'user', 'message 366', 66, '2026-10-16 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (367, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 367', 67, '2026-10-16 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (368, '00000000-0000-0000-0000-000000000003', 'user', 'message 368', 68, '2026-10-17 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (369, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 369', 69, '2026-10-17 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (370, '00000000-0000-0000-0000-000000000000', 'user', 'message 370', 70, '2026-10-17 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (371, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 371', 71, '2026-10-17 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (372, '00000000-0000-0000-0000-000000000002', 'user', 'message 372', 72, '2026-10-17 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (373, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 373', 73, '2026-10-17 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (374, '00000000-0000-0000-0000-000000000004', 'user', 'message 374', 74, '2026-10-17 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (375, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 375', 75, '2026-10-17 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (376, '00000000-0000-0000-0000-000000000001', 'user', 'message 376', 76, '2026-10-18 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (377, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 377', 77, '2026-10-18 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (378, '00000000-0000-0000-0000-000000000003', 'user', 'message 378', 78, '2026-10-18 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (379, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 379', 79, '2026-10-18 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (380, '00000000-0000-0000-0000-000000000000', 'user', 'message 380', 80, '2026-10-18 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (381, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 381', 81, '2026-10-18 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (382, '00000000-0000-0000-0000-000000000002', 'user', 'message 382', 82, '2026-10-18 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (383, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 383', 83, '2026-10-18 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (384, '00000000-0000-0000-0000-000000000004', 'user', 'message 384', 84, '2026-10-19 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (385, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 385', 85, '2026-10-19 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (386, '00000000-0000-0000-0000-000000000001', 'user', 'message 386', 86, '2026-10-19 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (387, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 387', 87, '2026-10-19 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (388, '00000000-0000-0000-0000-000000000003', 'user', 'message 388', 88, '2026-10-19 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (389, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 389', 89, '2026-10-19 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (390, '00000000-0000-0000-0000-000000000000', 'user', 'message 390', 90, '2026-10-19 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (391, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 391', 91, '2026-10-19 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (392, '00000000-0000-0000-0000-000000000002', 'user', 'message 392', 92, '2026-10-20 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (393, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 393', 93, '2026-10-20 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (394, '00000000-0000-0000-0000-000000000004', 'user', 'message 394', 94, '2026-10-20 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (395, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 395', 95, '2026-10-20 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (396, '00000000-0000-0000-0000-000000000001', 'user', 'message 396', 96, '2026-10-20 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (397, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 397', 97, '2026-10-20 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (398, '00000000-0000-0000-0000-000000000003', 'user', 'message 398', 98, '2026-10-20 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (399, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 399', 99, '2026-10-20 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (400, '00000000-0000-0000-0000-000000000000', 'user', 'message 400', 0, '2026-10-21 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (401, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 401', 1, '2026-10-21 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (402, '00000000-0000-0000-0000-000000000002', 'user', 'message 402', 2, '2026-10-21 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (403, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 403', 3, '2026-10-21 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (404, '00000000-0000-0000-0000-000000000004', 'user', 'message 404', 4, '2026-10-21 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (405, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 405', 5, '2026-10-21 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (406, '00000000-0000-0000-0000-000000000001', 'user', 'message 406', 6, '2026-10-21 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (407, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 407', 7, '2026-10-21 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (408, '00000000-0000-0000-0000-000000000003', 'user', 'message 408', 8, '2026-10-22 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (409, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 409', 9, '2026-10-22 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (410, '00000000-0000-0000-0000-000000000000', 'user', 'message 410', 10, '2026-10-22 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (411, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 411', 11, '2026-10-22 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (412, '00000000-0000-0000-0000-000000000002', 'user', 'message 412', 12, '2026-10-22 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (413, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 413', 13, '2026-10-22 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (414, '00000000-0000-0000-0000-000000000004', 'user', 'message 414', 14, '2026-10-22 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (415, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 415', 15, '2026-10-22 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (416, '00000000-0000-0000-0000-000000000001', 'user', 'message 416', 16, '2026-10-23 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (417, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 417', 17, '2026-10-23 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (418, '00000000-0000-0000-0000-000000000003', 'user', 'message 418', 18, '2026-10-23 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (419, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 419', 19, '2026-10-23 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (420, '00000000-0000-0000-0000-000000000000', 'user', 'message 420', 20, '2026-10-23 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (421, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 421', 21, '2026-10-23 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (422, '00000000-0000-0000-0000-000000000002', 'user', 'message 422', 22, '2026-10-23 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (423, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 423', 23, '2026-10-23 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (424, '00000000-0000-0000-0000-000000000004', 'user', 'message 424', 24, '2026-10-24 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (425, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 425', 25, '2026-10-24 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (426, '00000000-0000-0000-0000-000000000001', 'user', 'message 426', 26, '2026-10-24 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (427, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 427', 27, '2026-10-24 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (428, '00000000-0000-0000-0000-000000000003', 'user', 'message 428', 28, '2026-10-24 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (429, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 429', 29, '2026-10-24 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (430, '00000000-0000-0000-0000-000000000000', 'user', 'message 430', 30, '2026-10-24 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (431, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 431', 31, '2026-10-24 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (432, '00000000-0000-0000-0000-000000000002', 'user', 'message 432', 32, '2026-10-25 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (433, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 433', 33, '2026-10-25 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (434, '00000000-0000-0000-0000-000000000004', 'user', 'message 434', 34, '2026-10-25 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (435, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 435', 35, '2026-10-25 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (436, '00000000-0000-0000-0000-000000000001', 'user', 'message 436', 36, '2026-10-25 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (437, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 437', 37, '2026-10-25 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (438, '00000000-0000-0000-0000-000000000003', 'user', 'message 438', 38, '2026-10-25 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (439, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 439', 39, '2026-10-25 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (440, '00000000-0000-0000-0000-000000000000', 'user', 'message 440', 40, '2026-10-26 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (441, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 441', 41, '2026-10-26 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (442, '00000000-0000-0000-0000-000000000002', 'user', 'message 442', 42, '2026-10-26 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (443, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 443', 43, '2026-10-26 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (444, '00000000-0000-0000-0000-000000000004', 'user', 'message 444', 44, '2026-10-26 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (445, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 445', 45, '2026-10-26 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (446, '00000000-0000-0000-0000-000000000001', 'user', 'message 446', 46, '2026-10-26 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (447, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 447', 47, '2026-10-26 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (448, '00000000-0000-0000-0000-000000000003', 'user', 'message 448', 48, '2026-10-27 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (449, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 449', 49, '2026-10-27 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (450, '00000000-0000-0000-0000-000000000000', 'user', 'message 450', 50, '2026-10-27 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (451, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 451', 51, '2026-10-27 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (452, '00000000-0000-0000-0000-000000000002', 'user', 'message 452', 52, '2026-10-27 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (453, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 453', 53, '2026-10-27 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (454, '00000000-0000-0000-0000-000000000004', 'user', 'message 454', 54, '2026-10-27 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (455, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 455', 55, '2026-10-27 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (456, '00000000-0000-0000-0000-000000000001', 'user', 'message 456', 56, '2026-10-28 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (457, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 457', 57, '2026-10-28 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (458, '00000000-0000-0000-0000-000000000003', 'user', 'message 458', 58, '2026-10-28 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (459, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 459', 59, '2026-10-28 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (460, '00000000-0000-0000-0000-000000000000', 'user', 'message 460', 60, '2026-10-28 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (461, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 461', 61, '2026-10-28 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (462, '00000000-0000-0000-0000-000000000002', 'user', 'message 462', 62, '2026-10-28 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (463, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 463', 63, '2026-10-28 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (464, '00000000-0000-0000-0000-000000000004', 'user', 'message 464', 64, '2026-10-29 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (465, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 465', 65, '2026-10-29 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (466, '00000000-0000-0000-0000-000000000001', 'user', 'message 466', 66, '2026-10-29 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (467, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 467', 67, '2026-10-29 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (468, '00000000-0000-0000-0000-000000000003', 'user', 'message 468', 68, '2026-10-29 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (469, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 469', 69, '2026-10-29 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (470, '00000000-0000-0000-0000-000000000000', 'user', 'message 470', 70, '2026-10-29 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (471, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 471', 71, '2026-10-29 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (472, '00000000-0000-0000-0000-000000000002', 'user', 'message 472', 72, '2026-10-30 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (473, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 473', 73, '2026-10-30 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (474, '00000000-0000-0000-0000-000000000004', 'user', 'message 474', 74, '2026-10-30 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (475, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 475', 75, '2026-10-30 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (476, '00000000-0000-0000-0000-000000000001', 'user', 'message 476', 76, '2026-10-30 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (477, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 477', 77, '2026-10-30 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (478, '00000000-0000-0000-0000-000000000003', 'user', 'message 478', 78, '2026-10-30 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (479, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 479', 79, '2026-10-30 21:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (480, '00000000-0000-0000-0000-000000000000', 'user', 'message 480', 80, '2026-10-31 00:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (481, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 481', 81, '2026-10-31 03:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (482, '00000000-0000-0000-0000-000000000002', 'user', 'message 482', 82, '2026-10-31 06:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (483, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 483', 83, '2026-10-31 09:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (484, '00000000-0000-0000-0000-000000000004', 'user', 'message 484', 84, '2026-10-31 12:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (485, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 485', 85, '2026-10-31 15:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (486, '00000000-0000-0000-0000-000000000001', 'user', 'message 486', 86, '2026-10-31 18:00:00+00');
INSERT INTO public.messages_2026_10 VALUES (487, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 487', 87, '2026-10-31 21:00:00+00');


--
-- Data for Name: messages_2026_11; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.messages_2026_11 VALUES (488, '00000000-0000-0000-0000-000000000003', 'user', 'message 488', 88, '2026-11-01 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (489, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 489', 89, '2026-11-01 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (490, '00000000-0000-0000-0000-000000000000', 'user', 'message 490', 90, '2026-11-01 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (491, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 491', 91, '2026-11-01 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (492, '00000000-0000-0000-0000-000000000002', 'user', 'message 492', 92, '2026-11-01 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (493, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 493', 93, '2026-11-01 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (494, '00000000-0000-0000-0000-000000000004', 'user', 'message 494', 94, '2026-11-01 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (495, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 495', 95, '2026-11-01 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (496, '00000000-0000-0000-0000-000000000001', 'user', 'message 496', 96, '2026-11-02 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (497, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 497', 97, '2026-11-02 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (498, '00000000-0000-0000-0000-000000000003', 'user', 'message 498', 98, '2026-11-02 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (499, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 499', 99, '2026-11-02 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (500, '00000000-0000-0000-0000-000000000000', 'user', 'message 500', 0, '2026-11-02 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (501, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 501', 1, '2026-11-02 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (502, '00000000-0000-0000-0000-000000000002', 'user', 'message 502', 2, '2026-11-02 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (503, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 503', 3, '2026-11-02 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (504, '00000000-0000-0000-0000-000000000004', 'user', 'message 504', 4, '2026-11-03 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (505, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 505', 5, '2026-11-03 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (506, '00000000-0000-0000-0000-000000000001', 'user', 'message 506', 6, '2026-11-03 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (507, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 507', 7, '2026-11-03 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (508, '00000000-0000-0000-0000-000000000003', 'user', 'message 508', 8, '2026-11-03 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (509, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 509', 9, '2026-11-03 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (510, '00000000-0000-0000-0000-000000000000', 'user', 'message 510', 10, '2026-11-03 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (511, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 511', 11, '2026-11-03 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (512, '00000000-0000-0000-0000-000000000002', 'user', 'message 512', 12, '2026-11-04 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (513, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 513', 13, '2026-11-04 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (514, '00000000-0000-0000-0000-000000000004', 'user', 'message 514', 14, '2026-11-04 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (515, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 515', 15, '2026-11-04 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (516, '00000000-0000-0000-0000-000000000001', 'user', 'message 516', 16, '2026-11-04 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (517, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 517', 17, '2026-11-04 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (518, '00000000-0000-0000-0000-000000000003', 'user', 'message 518', 18, '2026-11-04 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (519, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 519', 19, '2026-11-04 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (520, '00000000-0000-0000-0000-000000000000', 'user', 'message 520', 20, '2026-11-05 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (521, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 521', 21, '2026-11-05 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (522, '00000000-0000-0000-0000-000000000002', 'user', 'message 522', 22, '2026-11-05 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (523, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 523', 23, '2026-11-05 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (524, '00000000-0000-0000-0000-000000000004', 'user', 'message 524', 24, '2026-11-05 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (525, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 525', 25, '2026-11-05 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (526, '00000000-0000-0000-0000-000000000001', 'user', 'message 526', 26, '2026-11-05 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (527, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 527', 27, '2026-11-05 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (528, '00000000-0000-0000-0000-000000000003', 'user', 'message 528', 28, '2026-11-06 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (529, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 529', 29, '2026-11-06 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (530, '00000000-0000-0000-0000-000000000000', 'user', 'message 530', 30, '2026-11-06 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (531, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 531', 31, '2026-11-06 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (532, '00000000-0000-0000-0000-000000000002', 'user', 'message 532', 32, '2026-11-06 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (533, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 533', 33, '2026-11-06 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (534, '00000000-0000-0000-0000-000000000004', 'user', 'message 534', 34, '2026-11-06 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (535, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 535', 35, '2026-11-06 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (536, '00000000-0000-0000-0000-000000000001', 'user', 'message 536', 36, '2026-11-07 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (537, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 537', 37, '2026-11-07 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (538, '00000000-0000-0000-0000-000000000003', 'user', 'message 538', 38, '2026-11-07 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (539, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 539', 39, '2026-11-07 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (540, '00000000-0000-0000-0000-000000000000', 'user', 'message 540', 40, '2026-11-07 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (541, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 541', 41, '2026-11-07 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (542, '00000000-0000-0000-0000-000000000002', 'user', 'message 542', 42, '2026-11-07 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (543, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 543', 43, '2026-11-07 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (544, '00000000-0000-0000-0000-000000000004', 'user', 'message 544', 44, '2026-11-08 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (545, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 545', 45, '2026-11-08 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (546, '00000000-0000-0000-0000-000000000001', 'user', 'message 546', 46, '2026-11-08 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (547, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 547', 47, '2026-11-08 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (548, '00000000-0000-0000-0000-000000000003', 'user', 'message 548', 48, '2026-11-08 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (549, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 549', 49, '2026-11-08 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (550, '00000000-0000-0000-0000-000000000000', 'user', 'message 550', 50, '2026-11-08 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (551, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 551', 51, '2026-11-08 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (552, '00000000-0000-0000-0000-000000000002', 'user', 'message 552', 52, '2026-11-09 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (553, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 553', 53, '2026-11-09 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (554, '00000000-0000-0000-0000-000000000004', 'user', 'message 554', 54, '2026-11-09 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (555, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 555', 55, '2026-11-09 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (556, '00000000-0000-0000-0000-000000000001', 'user', 'message 556', 56, '2026-11-09 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (557, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 557', 57, '2026-11-09 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (558, '00000000-0000-0000-0000-000000000003', 'user', 'message 558', 58, '2026-11-09 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (559, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 559', 59, '2026-11-09 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (560, '00000000-0000-0000-0000-000000000000', 'user', 'message 560', 60, '2026-11-10 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (561, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 561', 61, '2026-11-10 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (562, '00000000-0000-0000-0000-000000000002', 'user', 'message 562', 62, '2026-11-10 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (563, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 563', 63, '2026-11-10 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (564, '00000000-0000-0000-0000-000000000004', 'user', 'message 564', 64, '2026-11-10 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (565, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 565', 65, '2026-11-10 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (566, '00000000-0000-0000-0000-000000000001', 'user', 'message 566', 66, '2026-11-10 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (567, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 567', 67, '2026-11-10 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (568, '00000000-0000-0000-0000-000000000003', 'user', 'message 568', 68, '2026-11-11 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (569, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 569', 69, '2026-11-11 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (570, '00000000-0000-0000-0000-000000000000', 'user', 'message 570', 70, '2026-11-11 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (571, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 571', 71, '2026-11-11 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (572, '00000000-0000-0000-0000-000000000002', 'user', 'message 572', 72, '2026-11-11 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (573, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 573', 73, '2026-11-11 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (574, '00000000-0000-0000-0000-000000000004', 'user', 'message 574', 74, '2026-11-11 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (575, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 575', 75, '2026-11-11 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (576, '00000000-0000-0000-0000-000000000001', 'user', 'message 576', 76, '2026-11-12 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (577, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 577', 77, '2026-11-12 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (578, '00000000-0000-0000-0000-000000000003', 'user', 'message 578', 78, '2026-11-12 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (579, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 579', 79, '2026-11-12 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (580, '00000000-0000-0000-0000-000000000000', 'user', 'message 580', 80, '2026-11-12 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (581, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 581', 81, '2026-11-12 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (582, '00000000-0000-0000-0000-000000000002', 'user', 'message 582', 82, '2026-11-12 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (583, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 583', 83, '2026-11-12 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (584, '00000000-0000-0000-0000-000000000004', 'user', 'message 584', 84, '2026-11-13 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (585, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 585', 85, '2026-11-13 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (586, '00000000-0000-0000-0000-000000000001', 'user', 'message 586', 86, '2026-11-13 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (587, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 587', 87, '2026-11-13 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (588, '00000000-0000-0000-0000-000000000003', 'user', 'message 588', 88, '2026-11-13 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (589, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 589', 89, '2026-11-13 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (590, '00000000-0000-0000-0000-000000000000', 'user', 'message 590', 90, '2026-11-13 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (591, '00000000-0000-0000-0000-000000000001', 'assistant', 'message 591', 91, '2026-11-13 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (592, '00000000-0000-0000-0000-000000000002', 'user', 'message 592', 92, '2026-11-14 00:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (593, '00000000-0000-0000-0000-000000000003', 'assistant', 'message 593', 93, '2026-11-14 03:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (594, '00000000-0000-0000-0000-000000000004', 'user', 'message 594', 94, '2026-11-14 06:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (595, '00000000-0000-0000-0000-000000000000', 'assistant', 'message 595', 95, '2026-11-14 09:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (596, '00000000-0000-0000-0000-000000000001', 'user', 'message 596', 96, '2026-11-14 12:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (597, '00000000-0000-0000-0000-000000000002', 'assistant', 'message 597', 97, '2026-11-14 15:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (598, '00000000-0000-0000-0000-000000000003', 'user', 'message 598', 98, '2026-11-14 18:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (599, '00000000-0000-0000-0000-000000000004', 'assistant', 'message 599', 99, '2026-11-14 21:00:00+00');
INSERT INTO public.messages_2026_11 VALUES (600, '00000000-0000-0000-0000-000000000000', 'user', 'message 600', 0, '2026-11-15 00:00:00+00');


--
-- Data for Name: messages_2026_12; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: messages_2027_01; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: messages_2027_02; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: messages_2027_03; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: changes_messages_a195bee2_partsync_seq_seq; Type: SEQUENCE SET; Schema: partsync; Owner: -
--

SELECT pg_catalog.setval('partsync.changes_messages_a195bee2_partsync_seq_seq', 32, true);


--
-- Name: events_id_seq; Type: SEQUENCE SET; Schema: partsync; Owner: -
--

SELECT pg_catalog.setval('partsync.events_id_seq', 4, true);


--
-- Name: signal_messages_a195bee2; Type: SEQUENCE SET; Schema: partsync; Owner: -
--

SELECT pg_catalog.setval('partsync.signal_messages_a195bee2', 0, false);


--
-- Name: messages_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.messages_id_seq', 601, true);


--
-- Name: appliers appliers_pkey; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.appliers
    ADD CONSTRAINT appliers_pkey PRIMARY KEY (migration);


--
-- Name: backfill_chunks backfill_chunks_pkey; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.backfill_chunks
    ADD CONSTRAINT backfill_chunks_pkey PRIMARY KEY (migration, chunk);


--
-- Name: backfill_progress backfill_progress_pkey; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.backfill_progress
    ADD CONSTRAINT backfill_progress_pkey PRIMARY KEY (migration, worker);


--
-- Name: changes_messages_a195bee2 changes_messages_a195bee2_pkey; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.changes_messages_a195bee2
    ADD CONSTRAINT changes_messages_a195bee2_pkey PRIMARY KEY (partsync_seq, partsync_generation);


--
-- Name: changes_messages_a195bee2_0 changes_messages_a195bee2_0_pkey; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.changes_messages_a195bee2_0
    ADD CONSTRAINT changes_messages_a195bee2_0_pkey PRIMARY KEY (partsync_seq, partsync_generation);


--
-- Name: changes_messages_a195bee2_1 changes_messages_a195bee2_1_pkey; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.changes_messages_a195bee2_1
    ADD CONSTRAINT changes_messages_a195bee2_1_pkey PRIMARY KEY (partsync_seq, partsync_generation);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: migrations migrations_pkey; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.migrations
    ADD CONSTRAINT migrations_pkey PRIMARY KEY (key);


--
-- Name: migrations migrations_source_schema_source_table_key; Type: CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.migrations
    ADD CONSTRAINT migrations_source_schema_source_table_key UNIQUE (source_schema, source_table);


--
-- Name: messages_partitioned messages_partitioned_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_partitioned
    ADD CONSTRAINT messages_partitioned_pkey PRIMARY KEY (id, created_at);


--
-- Name: messages_2026_09 messages_2026_09_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_2026_09
    ADD CONSTRAINT messages_2026_09_pkey PRIMARY KEY (id, created_at);


--
-- Name: messages_2026_10 messages_2026_10_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_2026_10
    ADD CONSTRAINT messages_2026_10_pkey PRIMARY KEY (id, created_at);


--
-- Name: messages_2026_11 messages_2026_11_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_2026_11
    ADD CONSTRAINT messages_2026_11_pkey PRIMARY KEY (id, created_at);


--
-- Name: messages_2026_12 messages_2026_12_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_2026_12
    ADD CONSTRAINT messages_2026_12_pkey PRIMARY KEY (id, created_at);


--
-- Name: messages_2027_01 messages_2027_01_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_2027_01
    ADD CONSTRAINT messages_2027_01_pkey PRIMARY KEY (id, created_at);


--
-- Name: messages_2027_02 messages_2027_02_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_2027_02
    ADD CONSTRAINT messages_2027_02_pkey PRIMARY KEY (id, created_at);


--
-- Name: messages_2027_03 messages_2027_03_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages_2027_03
    ADD CONSTRAINT messages_2027_03_pkey PRIMARY KEY (id, created_at);


--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (id);


--
-- Name: events_migration_at; Type: INDEX; Schema: partsync; Owner: -
--

CREATE INDEX events_migration_at ON partsync.events USING btree (migration, at);


--
-- Name: messages_partitioned_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_partitioned_user_id_idx ON ONLY public.messages_partitioned USING btree (user_id);


--
-- Name: messages_2026_09_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_2026_09_user_id_idx ON public.messages_2026_09 USING btree (user_id);


--
-- Name: messages_2026_10_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_2026_10_user_id_idx ON public.messages_2026_10 USING btree (user_id);


--
-- Name: messages_2026_11_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_2026_11_user_id_idx ON public.messages_2026_11 USING btree (user_id);


--
-- Name: messages_2026_12_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_2026_12_user_id_idx ON public.messages_2026_12 USING btree (user_id);


--
-- Name: messages_2027_01_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_2027_01_user_id_idx ON public.messages_2027_01 USING btree (user_id);


--
-- Name: messages_2027_02_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_2027_02_user_id_idx ON public.messages_2027_02 USING btree (user_id);


--
-- Name: messages_2027_03_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_2027_03_user_id_idx ON public.messages_2027_03 USING btree (user_id);


--
-- Name: messages_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_user_id_idx ON public.messages USING btree (user_id);


--
-- Name: changes_messages_a195bee2_0_pkey; Type: INDEX ATTACH; Schema: partsync; Owner: -
--

ALTER INDEX partsync.changes_messages_a195bee2_pkey ATTACH PARTITION partsync.changes_messages_a195bee2_0_pkey;


--
-- Name: changes_messages_a195bee2_1_pkey; Type: INDEX ATTACH; Schema: partsync; Owner: -
--

ALTER INDEX partsync.changes_messages_a195bee2_pkey ATTACH PARTITION partsync.changes_messages_a195bee2_1_pkey;


--
-- Name: messages_2026_09_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_pkey ATTACH PARTITION public.messages_2026_09_pkey;


--
-- Name: messages_2026_09_user_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_user_id_idx ATTACH PARTITION public.messages_2026_09_user_id_idx;


--
-- Name: messages_2026_10_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_pkey ATTACH PARTITION public.messages_2026_10_pkey;


--
-- Name: messages_2026_10_user_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_user_id_idx ATTACH PARTITION public.messages_2026_10_user_id_idx;


--
-- Name: messages_2026_11_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_pkey ATTACH PARTITION public.messages_2026_11_pkey;


--
-- Name: messages_2026_11_user_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_user_id_idx ATTACH PARTITION public.messages_2026_11_user_id_idx;


--
-- Name: messages_2026_12_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_pkey ATTACH PARTITION public.messages_2026_12_pkey;


--
-- Name: messages_2026_12_user_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_user_id_idx ATTACH PARTITION public.messages_2026_12_user_id_idx;


--
-- Name: messages_2027_01_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_pkey ATTACH PARTITION public.messages_2027_01_pkey;


--
-- Name: messages_2027_01_user_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_user_id_idx ATTACH PARTITION public.messages_2027_01_user_id_idx;


--
-- Name: messages_2027_02_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_pkey ATTACH PARTITION public.messages_2027_02_pkey;


--
-- Name: messages_2027_02_user_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_user_id_idx ATTACH PARTITION public.messages_2027_02_user_id_idx;


--
-- Name: messages_2027_03_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_pkey ATTACH PARTITION public.messages_2027_03_pkey;


--
-- Name: messages_2027_03_user_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.messages_partitioned_user_id_idx ATTACH PARTITION public.messages_2027_03_user_id_idx;


--
-- Name: messages partsync_block_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER partsync_block_truncate BEFORE TRUNCATE ON public.messages FOR EACH STATEMENT EXECUTE FUNCTION partsync.block_truncate();


--
-- Name: messages partsync_capture_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER partsync_capture_delete AFTER DELETE ON public.messages REFERENCING OLD TABLE AS partsync_old FOR EACH STATEMENT EXECUTE FUNCTION partsync.capture_messages_a195bee2();


--
-- Name: messages partsync_capture_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER partsync_capture_insert AFTER INSERT ON public.messages REFERENCING NEW TABLE AS partsync_new FOR EACH STATEMENT EXECUTE FUNCTION partsync.capture_messages_a195bee2();


--
-- Name: messages partsync_capture_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER partsync_capture_update AFTER UPDATE ON public.messages REFERENCING OLD TABLE AS partsync_old NEW TABLE AS partsync_new FOR EACH STATEMENT EXECUTE FUNCTION partsync.capture_messages_a195bee2();


--
-- Name: appliers appliers_migration_fkey; Type: FK CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.appliers
    ADD CONSTRAINT appliers_migration_fkey FOREIGN KEY (migration) REFERENCES partsync.migrations(key) ON DELETE CASCADE;


--
-- Name: backfill_chunks backfill_chunks_migration_fkey; Type: FK CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.backfill_chunks
    ADD CONSTRAINT backfill_chunks_migration_fkey FOREIGN KEY (migration) REFERENCES partsync.migrations(key) ON DELETE CASCADE;


--
-- Name: backfill_progress backfill_progress_migration_fkey; Type: FK CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.backfill_progress
    ADD CONSTRAINT backfill_progress_migration_fkey FOREIGN KEY (migration) REFERENCES partsync.migrations(key) ON DELETE CASCADE;


--
-- Name: events events_migration_fkey; Type: FK CONSTRAINT; Schema: partsync; Owner: -
--

ALTER TABLE ONLY partsync.events
    ADD CONSTRAINT events_migration_fkey FOREIGN KEY (migration) REFERENCES partsync.migrations(key) ON DELETE CASCADE;


--
--


