-- The same as db-b25f5cf.sqlite.sql, made by tracker at b25f5cf on PostgreSQL 15; pg_dump --no-owner
-- --no-privileges (psql's \restrict lines removed). Load with psql -v ON_ERROR_STOP=1 -f.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

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

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert (
    id integer NOT NULL,
    official_id integer NOT NULL,
    kind character varying(20) NOT NULL,
    episode character varying(100) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    as_of timestamp with time zone NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    message_id character varying(300) NOT NULL,
    state character varying(20) NOT NULL,
    attempts integer NOT NULL,
    last_error character varying(1000),
    delivered_at timestamp with time zone,
    delivered_to character varying(2000),
    html text NOT NULL,
    recipients text NOT NULL,
    next_attempt_at timestamp with time zone,
    claim character varying(64),
    claimed_at timestamp with time zone,
    superseded_by integer,
    superseded_at timestamp with time zone,
    superseded_reason text,
    missed text NOT NULL,
    sent_message_id character varying(300),
    owed text NOT NULL,
    channel character varying(100) NOT NULL,
    refused text NOT NULL
);


--
-- Name: alert_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.alert_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: alert_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.alert_id_seq OWNED BY public.alert.id;


--
-- Name: await; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.await (
    id integer NOT NULL,
    official_id integer NOT NULL,
    key character varying(300) NOT NULL,
    since timestamp with time zone NOT NULL,
    within_seconds integer NOT NULL,
    about character varying(1000) NOT NULL,
    source character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: await_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.await_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: await_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.await_id_seq OWNED BY public.await.id;


--
-- Name: entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.entry (
    id integer NOT NULL,
    key character varying(64) NOT NULL,
    feed_id integer,
    guid character varying(2000) NOT NULL,
    url character varying(2000) NOT NULL,
    title text NOT NULL,
    text text NOT NULL,
    published timestamp with time zone NOT NULL,
    dated boolean NOT NULL,
    fetched_at timestamp with time zone NOT NULL,
    canonical_url character varying(2000) NOT NULL,
    fingerprint character varying(64) NOT NULL,
    updated_at timestamp with time zone,
    recognized boolean NOT NULL
);


--
-- Name: entry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.entry_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: entry_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.entry_id_seq OWNED BY public.entry.id;


--
-- Name: feed; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feed (
    id integer NOT NULL,
    url character varying(2000) NOT NULL,
    name character varying(500) NOT NULL,
    title character varying(500) NOT NULL,
    last_polled_at timestamp with time zone,
    last_success_at timestamp with time zone,
    last_error character varying(1000),
    consecutive_failures integer NOT NULL,
    entries_seen integer NOT NULL,
    source character varying(20) NOT NULL,
    category character varying(300) NOT NULL,
    site_url character varying(2000) NOT NULL,
    interval_seconds integer,
    fulltext boolean NOT NULL,
    fetch_url character varying(2000),
    etag character varying(500),
    last_modified character varying(100),
    last_status integer,
    next_poll_at timestamp with time zone,
    retry_until timestamp with time zone,
    disabled_at timestamp with time zone,
    disabled_reason character varying(1000)
);


--
-- Name: feed_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.feed_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: feed_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.feed_id_seq OWNED BY public.feed.id;


--
-- Name: finding; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.finding (
    id integer NOT NULL,
    entry_id integer NOT NULL,
    official_id integer NOT NULL,
    kind character varying(20) NOT NULL,
    day date NOT NULL,
    seen_at timestamp with time zone NOT NULL,
    published timestamp with time zone NOT NULL,
    sentence text NOT NULL,
    cue character varying(500) NOT NULL,
    confidence double precision NOT NULL,
    since date,
    source character varying(300) NOT NULL
);


--
-- Name: finding_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.finding_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: finding_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.finding_id_seq OWNED BY public.finding.id;


--
-- Name: mute; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mute (
    id integer NOT NULL,
    official_id integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    until timestamp with time zone NOT NULL,
    reason character varying(1000) NOT NULL,
    lifted_at timestamp with time zone
);


--
-- Name: mute_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.mute_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mute_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.mute_id_seq OWNED BY public.mute.id;


--
-- Name: official; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.official (
    id integer NOT NULL,
    name character varying(300) NOT NULL,
    added_at timestamp with time zone NOT NULL
);


--
-- Name: official_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.official_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: official_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.official_id_seq OWNED BY public.official.id;


--
-- Name: alert id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert ALTER COLUMN id SET DEFAULT nextval('public.alert_id_seq'::regclass);


--
-- Name: await id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.await ALTER COLUMN id SET DEFAULT nextval('public.await_id_seq'::regclass);


--
-- Name: entry id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entry ALTER COLUMN id SET DEFAULT nextval('public.entry_id_seq'::regclass);


--
-- Name: feed id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed ALTER COLUMN id SET DEFAULT nextval('public.feed_id_seq'::regclass);


--
-- Name: finding id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.finding ALTER COLUMN id SET DEFAULT nextval('public.finding_id_seq'::regclass);


--
-- Name: mute id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mute ALTER COLUMN id SET DEFAULT nextval('public.mute_id_seq'::regclass);


--
-- Name: official id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.official ALTER COLUMN id SET DEFAULT nextval('public.official_id_seq'::regclass);


--
-- Data for Name: alert; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alert (id, official_id, kind, episode, created_at, as_of, subject, body, message_id, state, attempts, last_error, delivered_at, delivered_to, html, recipients, next_attempt_at, claim, claimed_at, superseded_by, superseded_at, superseded_reason, missed, sent_message_id, owed, channel, refused) FROM stdin;
1	2	silent	2025-11-27	2026-12-01 16:58:01.838245+00	2026-12-01 16:58:01.838245+00	[tracker] Vladimir Putin silent for 369 days (threshold 7d)	Vladimir Putin has not been seen in public for 369 days, past the threshold of 7d.\n\nLast seen:  2025-11-27\nThreshold:  7d (fixed 7d)\nAs of:      2026-12-01 16:58 UTC\n\nEvidence:\n  Vladimir Putin said at a news conference in Bishkek on Thursday that Russia was ready to discuss the US proposals on Ukraine but that several points needed more work.\n  — Putin holds news conference after regional security summit in Bishkek (northwire.example)\n    https://northwire.example/world/2025/11/27/putin-bishkek-news-conference\n\nRecent appearances:\n  2025-11-27  Vladimir Putin said at a news conference in Bishkek on Thursday that Russia was ready to discuss the US proposals on Ukraine but that several points needed more work.\n    — Putin holds news conference after regional security summit in Bishkek (northwire.example)\n      https://northwire.example/world/2025/11/27/putin-bishkek-news-conference\n  2025-11-21  Vladimir Putin said on Friday that a new US plan for ending the war in Ukraine could serve as the basis for a final settlement.\n    — Putin says US plan could be the basis of a Ukraine settlement (northwire.example)\n      https://northwire.example/world/2025/11/21/putin-us-plan-basis-for-settlement\n  2025-11-18  Vladimir Putin chaired a meeting on transport infrastructure by video link on Tuesday, focusing on rail routes to Asian markets.\n    — Putin chairs meeting on rail links to Asia (northwire.example)\n      https://northwire.example/world/2025/11/18/putin-transport-meeting\n  2025-11-14  Vladimir Putin met a regional governor at the Kremlin on Friday to discuss housing construction and support for the families of servicemen.\n    — Putin holds Kremlin talks with regional governor on housing (northwire.example)\n      https://northwire.example/world/2025/11/14/putin-meets-regional-governor\n  2025-11-05  Vladimir Putin chaired a meeting of Russia's Security Council on Wednesday and told ministries and intelligence agencies to prepare proposals on a possible resumption of nuclear weapons testing.\n    — Putin tells officials to draft proposals on a possible nuclear test (northwire.example)\n      https://northwire.example/world/2025/11/05/putin-nuclear-test-proposals-security-council\n  2025-11-04  Earlier in the day Putin laid flowers at the monument to Minin and Pozharsky on Red Square to mark National Unity Day.\n    — Putin names Kremlin deputy chief Oreshkin to head G20 delegation (northwire.example)\n      https://northwire.example/world/2025/11/04/putin-names-oreshkin-g20-delegation\n\n-- \nTo pause alerts about Vladimir Putin: tracker mute "Vladimir Putin" --for 3d --reason "..."\n	<tracker-silent-9503af6baf5a31fdcaae8c91@tracker.invalid>	delivered	1	\N	2026-12-01 16:58:02.018779+00	/tmp/main-b25f5cf/demo-output/outbox/20261201T165801-tracker-group-silent-9503af6baf5a31fdcaae8c91_tracker_invalid.eml to desk@localhost	<div style="border-left:4px solid #b00;padding:4px 12px;margin:12px 0">\n<h2 style="font-size:16px;margin:4px 0">Vladimir Putin silent for 369 days (threshold 7d)</h2>\n<p>Vladimir Putin has not been seen in public for 369 days, past the threshold of 7d.</p>\n<table style="border-collapse:collapse;font-size:14px">\n<tr><td style="padding-right:8px">Last seen</td><td>2025-11-27</td></tr>\n<tr><td style="padding-right:8px">Threshold</td><td>7d <small>(fixed 7d)</small></td></tr>\n</table>\n<blockquote style="margin:8px 0;color:#333">Vladimir Putin said at a news conference in Bishkek on Thursday that Russia was ready to discuss the US proposals on Ukraine but that several points needed more work.<br>— <a href="https://northwire.example/world/2025/11/27/putin-bishkek-news-conference">Putin holds news conference after regional security summit in Bishkek</a> (northwire.example)</blockquote>\n<p>Recent appearances:</p><table style="font-size:13px"><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-27</td><td>Vladimir Putin said at a news conference in Bishkek on Thursday that Russia was ready to discuss the US proposals on Ukraine but that several points needed more work. (<a href="https://northwire.example/world/2025/11/27/putin-bishkek-news-conference">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-21</td><td>Vladimir Putin said on Friday that a new US plan for ending the war in Ukraine could serve as the basis for a final settlement. (<a href="https://northwire.example/world/2025/11/21/putin-us-plan-basis-for-settlement">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-18</td><td>Vladimir Putin chaired a meeting on transport infrastructure by video link on Tuesday, focusing on rail routes to Asian markets. (<a href="https://northwire.example/world/2025/11/18/putin-transport-meeting">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-14</td><td>Vladimir Putin met a regional governor at the Kremlin on Friday to discuss housing construction and support for the families of servicemen. (<a href="https://northwire.example/world/2025/11/14/putin-meets-regional-governor">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-05</td><td>Vladimir Putin chaired a meeting of Russia&#x27;s Security Council on Wednesday and told ministries and intelligence agencies to prepare proposals on a possible resumption of nuclear weapons testing. (<a href="https://northwire.example/world/2025/11/05/putin-nuclear-test-proposals-security-council">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-04</td><td>Earlier in the day Putin laid flowers at the monument to Minin and Pozharsky on Red Square to mark National Unity Day. (<a href="https://northwire.example/world/2025/11/04/putin-names-oreshkin-g20-delegation">northwire.example</a>)</td></tr></table>\n<p style="color:#666;font-size:12px">To pause: <code>tracker mute &quot;Vladimir Putin&quot; --for 3d --reason &quot;...&quot;</code></p>\n</div>		\N	\N	2026-12-01 16:58:02.018779+00	\N	\N	\N		<tracker-group-silent-9503af6baf5a31fdcaae8c91@tracker.invalid>			
2	7	silent	2025-11-07	2026-12-01 16:58:01.838245+00	2026-12-01 16:58:01.838245+00	[tracker] Dmitry Peskov silent for 389 days (threshold 10d)	Dmitry Peskov has not been seen in public for 389 days, past the threshold of 10d.\n\nLast seen:  2025-11-07\nThreshold:  10d (fixed 10d)\nAs of:      2026-12-01 16:58 UTC\n\nEvidence:\n  Kremlin spokesman Dmitry Peskov told reporters on Friday that Sergey Lavrov was working as usual.\n  — Kremlin rejects talk of a rift with Lavrov (northwire.example)\n    https://northwire.example/world/2025/11/07/kremlin-rejects-talk-of-lavrov-rift\n\nRecent appearances:\n  2025-11-07  Kremlin spokesman Dmitry Peskov said on Nov. 7 that the minister was at work as normal.\n    — Questions mount over Lavrov's whereabouts (northwire.example)\n      https://northwire.example/world/2025/11/10/questions-mount-over-lavrov-whereabouts\n  2025-11-07  Kremlin spokesman Dmitry Peskov told reporters on Friday that Sergey Lavrov was working as usual.\n    — Kremlin rejects talk of a rift with Lavrov (northwire.example)\n      https://northwire.example/world/2025/11/07/kremlin-rejects-talk-of-lavrov-rift\n  2025-10-22  Kremlin spokesman Dmitry Peskov told reporters the exercise had been planned well in advance.\n    — Putin oversees strategic nuclear forces exercise (northwire.example)\n      https://northwire.example/world/2025/10/22/putin-oversees-nuclear-forces-exercise\n  2025-10-07  Kremlin spokesman Dmitry Peskov told reporters that no special celebration was planned.\n    — Putin marks 73rd birthday with a routine working day, Kremlin says (northwire.example)\n      https://northwire.example/world/2025/10/07/putin-birthday-working-day\n\n-- \nTo pause alerts about Dmitry Peskov: tracker mute "Dmitry Peskov" --for 3d --reason "..."\n	<tracker-silent-a57cf184a7c5af373742bc1a@tracker.invalid>	delivered	1	\N	2026-12-01 16:58:02.018779+00	/tmp/main-b25f5cf/demo-output/outbox/20261201T165801-tracker-group-silent-9503af6baf5a31fdcaae8c91_tracker_invalid.eml to desk@localhost	<div style="border-left:4px solid #b00;padding:4px 12px;margin:12px 0">\n<h2 style="font-size:16px;margin:4px 0">Dmitry Peskov silent for 389 days (threshold 10d)</h2>\n<p>Dmitry Peskov has not been seen in public for 389 days, past the threshold of 10d.</p>\n<table style="border-collapse:collapse;font-size:14px">\n<tr><td style="padding-right:8px">Last seen</td><td>2025-11-07</td></tr>\n<tr><td style="padding-right:8px">Threshold</td><td>10d <small>(fixed 10d)</small></td></tr>\n</table>\n<blockquote style="margin:8px 0;color:#333">Kremlin spokesman Dmitry Peskov told reporters on Friday that Sergey Lavrov was working as usual.<br>— <a href="https://northwire.example/world/2025/11/07/kremlin-rejects-talk-of-lavrov-rift">Kremlin rejects talk of a rift with Lavrov</a> (northwire.example)</blockquote>\n<p>Recent appearances:</p><table style="font-size:13px"><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-07</td><td>Kremlin spokesman Dmitry Peskov said on Nov. 7 that the minister was at work as normal. (<a href="https://northwire.example/world/2025/11/10/questions-mount-over-lavrov-whereabouts">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-07</td><td>Kremlin spokesman Dmitry Peskov told reporters on Friday that Sergey Lavrov was working as usual. (<a href="https://northwire.example/world/2025/11/07/kremlin-rejects-talk-of-lavrov-rift">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-22</td><td>Kremlin spokesman Dmitry Peskov told reporters the exercise had been planned well in advance. (<a href="https://northwire.example/world/2025/10/22/putin-oversees-nuclear-forces-exercise">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-07</td><td>Kremlin spokesman Dmitry Peskov told reporters that no special celebration was planned. (<a href="https://northwire.example/world/2025/10/07/putin-birthday-working-day">northwire.example</a>)</td></tr></table>\n<p style="color:#666;font-size:12px">To pause: <code>tracker mute &quot;Dmitry Peskov&quot; --for 3d --reason &quot;...&quot;</code></p>\n</div>		\N	\N	2026-12-01 16:58:02.018779+00	\N	\N	\N		<tracker-group-silent-9503af6baf5a31fdcaae8c91@tracker.invalid>			
3	3	silent	2025-11-23	2026-12-01 16:58:01.838245+00	2026-12-01 16:58:01.838245+00	[tracker] Marco Rubio silent for 373 days (threshold 10d)	Marco Rubio has not been seen in public for 373 days, past the threshold of 10d.\n\nLast seen:  2025-11-23\nThreshold:  10d (fixed 10d)\nAs of:      2026-12-01 16:58 UTC\n\nEvidence:\n  Secretary of State Marco Rubio held talks with a Ukrainian delegation in Geneva on Sunday about the US plan to end the war with Russia.\n  — Rubio leads US team in Geneva talks with Ukrainian officials (capital-ledger.example)\n    https://capital-ledger.example/world/2025/11/23/rubio-geneva-talks-ukraine\n\nSince then (1 report):\n  2025-11-26 [mention] A spokesperson said no call between Secretary of State Marco Rubio and Lavrov was scheduled.\n    — State Department has no comment on Sergei Lavrov's return (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/26/state-department-lavrov-return\n\nRecent appearances:\n  2025-11-23  Secretary of State Marco Rubio held talks with a Ukrainian delegation in Geneva on Sunday about the US plan to end the war with Russia.\n    — Rubio leads US team in Geneva talks with Ukrainian officials (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/23/rubio-geneva-talks-ukraine\n  2025-11-18  Secretary of State Marco Rubio met a visiting foreign minister from the Middle East at the State Department on Tuesday to discuss the next phase of the Gaza ceasefire.\n    — Rubio meets visiting foreign minister on next phase of Gaza plan (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/18/rubio-meets-visiting-foreign-minister\n  2025-11-12  Secretary of State Marco Rubio told reporters on Wednesday, at the close of the G7 foreign ministers' meeting in Canada, that the allies had discussed ways to support a ceasefire in Ukraine.\n    — Rubio briefs reporters as G7 ministers' meeting ends (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/12/rubio-briefs-reporters-g7-close\n  2025-11-11  Secretary of State Marco Rubio arrived in the Niagara region of Ontario on Tuesday for two days of talks with foreign ministers from the Group of Seven.\n    — Rubio arrives in Canada for G7 foreign ministers' meeting (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/11/rubio-arrives-canada-g7-ministers\n  2025-11-04  Secretary of State Marco Rubio told reporters at the State Department on Tuesday that the United States remained in contact with both Russia and Ukraine about ending the war.\n    — Rubio says US is still pressing both sides on Ukraine (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/04/rubio-us-pressing-both-sides-ukraine\n  2025-10-28  Secretary of State Marco Rubio attended the talks.\n    — Trump meets Japan's new prime minister in Tokyo (capital-ledger.example)\n      https://capital-ledger.example/world/2025/10/28/trump-takaichi-tokyo\n\n-- \nTo pause alerts about Marco Rubio: tracker mute "Marco Rubio" --for 3d --reason "..."\n	<tracker-silent-1348bb73e1469fb558e54dfd@tracker.invalid>	delivered	1	\N	2026-12-01 16:58:02.018779+00	/tmp/main-b25f5cf/demo-output/outbox/20261201T165801-tracker-group-silent-9503af6baf5a31fdcaae8c91_tracker_invalid.eml to desk@localhost	<div style="border-left:4px solid #b00;padding:4px 12px;margin:12px 0">\n<h2 style="font-size:16px;margin:4px 0">Marco Rubio silent for 373 days (threshold 10d)</h2>\n<p>Marco Rubio has not been seen in public for 373 days, past the threshold of 10d.</p>\n<table style="border-collapse:collapse;font-size:14px">\n<tr><td style="padding-right:8px">Last seen</td><td>2025-11-23</td></tr>\n<tr><td style="padding-right:8px">Threshold</td><td>10d <small>(fixed 10d)</small></td></tr>\n</table>\n<blockquote style="margin:8px 0;color:#333">Secretary of State Marco Rubio held talks with a Ukrainian delegation in Geneva on Sunday about the US plan to end the war with Russia.<br>— <a href="https://capital-ledger.example/world/2025/11/23/rubio-geneva-talks-ukraine">Rubio leads US team in Geneva talks with Ukrainian officials</a> (capital-ledger.example)</blockquote>\n<p>Since then (1 report):</p><ul><li><b>2025-11-26</b> <i>mention</i> A spokesperson said no call between Secretary of State Marco Rubio and Lavrov was scheduled. (<a href="https://capital-ledger.example/world/2025/11/26/state-department-lavrov-return">capital-ledger.example</a>)</li></ul>\n<p>Recent appearances:</p><table style="font-size:13px"><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-23</td><td>Secretary of State Marco Rubio held talks with a Ukrainian delegation in Geneva on Sunday about the US plan to end the war with Russia. (<a href="https://capital-ledger.example/world/2025/11/23/rubio-geneva-talks-ukraine">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-18</td><td>Secretary of State Marco Rubio met a visiting foreign minister from the Middle East at the State Department on Tuesday to discuss the next phase of the Gaza ceasefire. (<a href="https://capital-ledger.example/world/2025/11/18/rubio-meets-visiting-foreign-minister">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-12</td><td>Secretary of State Marco Rubio told reporters on Wednesday, at the close of the G7 foreign ministers&#x27; meeting in Canada, that the allies had discussed ways to support a ceasefire in Ukraine. (<a href="https://capital-ledger.example/world/2025/11/12/rubio-briefs-reporters-g7-close">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-11</td><td>Secretary of State Marco Rubio arrived in the Niagara region of Ontario on Tuesday for two days of talks with foreign ministers from the Group of Seven. (<a href="https://capital-ledger.example/world/2025/11/11/rubio-arrives-canada-g7-ministers">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-04</td><td>Secretary of State Marco Rubio told reporters at the State Department on Tuesday that the United States remained in contact with both Russia and Ukraine about ending the war. (<a href="https://capital-ledger.example/world/2025/11/04/rubio-us-pressing-both-sides-ukraine">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-28</td><td>Secretary of State Marco Rubio attended the talks. (<a href="https://capital-ledger.example/world/2025/10/28/trump-takaichi-tokyo">capital-ledger.example</a>)</td></tr></table>\n<p style="color:#666;font-size:12px">To pause: <code>tracker mute &quot;Marco Rubio&quot; --for 3d --reason &quot;...&quot;</code></p>\n</div>		\N	\N	2026-12-01 16:58:02.018779+00	\N	\N	\N		<tracker-group-silent-9503af6baf5a31fdcaae8c91@tracker.invalid>			
4	1	silent	2025-11-25	2026-12-01 16:58:01.838245+00	2026-12-01 16:58:01.838245+00	[tracker] Sergey Lavrov silent for 371 days (threshold 10d)	Sergey Lavrov has not been seen in public for 371 days, past the threshold of 10d.\n\nLast seen:  2025-11-25\nThreshold:  10d (fixed 10d)\nAs of:      2026-12-01 16:58 UTC\n\nEvidence:\n  Sergey Lavrov spoke on Tuesday at a joint meeting of the boards of the Russian and Belarusian foreign ministries, his first public appearance since Oct. 28.\n  — Lavrov reappears at joint Russian-Belarusian foreign ministry meeting (northwire.example)\n    https://northwire.example/world/2025/11/25/lavrov-reappears-joint-board-meeting\n\nSince then (1 report):\n  2025-11-26 [mention] A spokesperson said no call between Secretary of State Marco Rubio and Lavrov was scheduled.\n    — State Department has no comment on Sergei Lavrov's return (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/26/state-department-lavrov-return\n\nRecent appearances:\n  2025-11-25  The State Department declined on Wednesday to comment on the return of Russian Foreign Minister Sergei Lavrov, who spoke at a meeting with Belarusian diplomats on Nov. 25 after nearly four weeks out …\n    — State Department has no comment on Sergei Lavrov's return (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/26/state-department-lavrov-return\n  2025-11-25  Sergey Lavrov spoke on Tuesday at a joint meeting of the boards of the Russian and Belarusian foreign ministries, his first public appearance since Oct. 28.\n    — Lavrov reappears at joint Russian-Belarusian foreign ministry meeting (northwire.example)\n      https://northwire.example/world/2025/11/25/lavrov-reappears-joint-board-meeting\n  2025-10-28  Sergey Lavrov was last seen in public on October 28 in Minsk, at a conference on Eurasian security.\n    — Questions mount over Lavrov's whereabouts (northwire.example)\n      https://northwire.example/world/2025/11/10/questions-mount-over-lavrov-whereabouts\n  2025-10-28  Russian Foreign Minister Sergey Lavrov addressed an international conference on Eurasian security in Minsk on Tuesday.\n    — Lavrov calls for new Eurasian security order at Minsk conference (northwire.example)\n      https://northwire.example/world/2025/10/28/lavrov-minsk-eurasian-security-conference\n  2025-10-20  The decision followed a call on Oct. 20 between Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov, after which US officials said a face-to-face meeting of the two ministers wa…\n    — White House says no Trump–Putin summit is planned for now (capital-ledger.example)\n      https://capital-ledger.example/world/2025/10/21/white-house-no-trump-putin-summit-planned\n  2025-10-20  Secretary of State Marco Rubio told reporters on Wednesday that he had spoken with Sergey Lavrov by phone on Oct. 20.\n    — Rubio says talks with Russia remain possible (capital-ledger.example)\n      https://capital-ledger.example/world/2025/10/22/rubio-talks-with-russia-remain-possible\n\n-- \nTo pause alerts about Sergey Lavrov: tracker mute "Sergey Lavrov" --for 3d --reason "..."\n	<tracker-silent-dfc704733780cdc7a7365b00@tracker.invalid>	delivered	1	\N	2026-12-01 16:58:02.018779+00	/tmp/main-b25f5cf/demo-output/outbox/20261201T165801-tracker-group-silent-9503af6baf5a31fdcaae8c91_tracker_invalid.eml to desk@localhost	<div style="border-left:4px solid #b00;padding:4px 12px;margin:12px 0">\n<h2 style="font-size:16px;margin:4px 0">Sergey Lavrov silent for 371 days (threshold 10d)</h2>\n<p>Sergey Lavrov has not been seen in public for 371 days, past the threshold of 10d.</p>\n<table style="border-collapse:collapse;font-size:14px">\n<tr><td style="padding-right:8px">Last seen</td><td>2025-11-25</td></tr>\n<tr><td style="padding-right:8px">Threshold</td><td>10d <small>(fixed 10d)</small></td></tr>\n</table>\n<blockquote style="margin:8px 0;color:#333">Sergey Lavrov spoke on Tuesday at a joint meeting of the boards of the Russian and Belarusian foreign ministries, his first public appearance since Oct. 28.<br>— <a href="https://northwire.example/world/2025/11/25/lavrov-reappears-joint-board-meeting">Lavrov reappears at joint Russian-Belarusian foreign ministry meeting</a> (northwire.example)</blockquote>\n<p>Since then (1 report):</p><ul><li><b>2025-11-26</b> <i>mention</i> A spokesperson said no call between Secretary of State Marco Rubio and Lavrov was scheduled. (<a href="https://capital-ledger.example/world/2025/11/26/state-department-lavrov-return">capital-ledger.example</a>)</li></ul>\n<p>Recent appearances:</p><table style="font-size:13px"><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-25</td><td>The State Department declined on Wednesday to comment on the return of Russian Foreign Minister Sergei Lavrov, who spoke at a meeting with Belarusian diplomats on Nov. 25 after nearly four weeks out of public view. (<a href="https://capital-ledger.example/world/2025/11/26/state-department-lavrov-return">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-25</td><td>Sergey Lavrov spoke on Tuesday at a joint meeting of the boards of the Russian and Belarusian foreign ministries, his first public appearance since Oct. 28. (<a href="https://northwire.example/world/2025/11/25/lavrov-reappears-joint-board-meeting">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-28</td><td>Sergey Lavrov was last seen in public on October 28 in Minsk, at a conference on Eurasian security. (<a href="https://northwire.example/world/2025/11/10/questions-mount-over-lavrov-whereabouts">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-28</td><td>Russian Foreign Minister Sergey Lavrov addressed an international conference on Eurasian security in Minsk on Tuesday. (<a href="https://northwire.example/world/2025/10/28/lavrov-minsk-eurasian-security-conference">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-20</td><td>The decision followed a call on Oct. 20 between Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov, after which US officials said a face-to-face meeting of the two ministers was not needed. (<a href="https://capital-ledger.example/world/2025/10/21/white-house-no-trump-putin-summit-planned">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-20</td><td>Secretary of State Marco Rubio told reporters on Wednesday that he had spoken with Sergey Lavrov by phone on Oct. 20. (<a href="https://capital-ledger.example/world/2025/10/22/rubio-talks-with-russia-remain-possible">capital-ledger.example</a>)</td></tr></table>\n<p style="color:#666;font-size:12px">To pause: <code>tracker mute &quot;Sergey Lavrov&quot; --for 3d --reason &quot;...&quot;</code></p>\n</div>		\N	\N	2026-12-01 16:58:02.018779+00	\N	\N	\N		<tracker-group-silent-9503af6baf5a31fdcaae8c91@tracker.invalid>			
5	4	silent	2025-11-21	2026-12-01 16:58:01.838245+00	2026-12-01 16:58:01.838245+00	[tracker] Donald Trump silent for 375 days (threshold 30d)	Donald Trump has not been seen in public for 375 days, past the threshold of 30d.\n\nLast seen:  2025-11-21\nThreshold:  30d (fixed 30d)\nAs of:      2026-12-01 16:58 UTC\n\nEvidence:\n  President Donald Trump said in a radio interview on Friday that he wanted Ukraine to respond to a US peace plan by Thanksgiving.\n  — Trump wants Ukraine's answer on peace plan by Thanksgiving (capital-ledger.example)\n    https://capital-ledger.example/world/2025/11/21/trump-ukraine-answer-by-thanksgiving\n\nSince then (1 report):\n  2025-11-23 [mention] President Donald Trump has said the plan is not his final offer.\n    — Rubio leads US team in Geneva talks with Ukrainian officials (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/23/rubio-geneva-talks-ukraine\n\nRecent appearances:\n  2025-11-21  President Donald Trump said in a radio interview on Friday that he wanted Ukraine to respond to a US peace plan by Thanksgiving.\n    — Trump wants Ukraine's answer on peace plan by Thanksgiving (capital-ledger.example)\n      https://capital-ledger.example/world/2025/11/21/trump-ukraine-answer-by-thanksgiving\n  2025-10-28  President Donald Trump met Japanese Prime Minister Sanae Takaichi in Tokyo on Tuesday, and the two governments signed agreements on trade and critical minerals.\n    — Trump meets Japan's new prime minister in Tokyo (capital-ledger.example)\n      https://capital-ledger.example/world/2025/10/28/trump-takaichi-tokyo\n  2025-10-22  Speaking to reporters at the White House, President Donald Trump said he had called off his planned meeting with Vladimir Putin because it did not feel right.\n    — US sanctions Russia's two largest oil companies as Trump shelves Putin meeting (northwire.example)\n      https://northwire.example/world/2025/10/22/us-sanctions-rosneft-lukoil\n  2025-10-20  Trump told reporters he did not want a meeting that would waste time.\n    — White House says no Trump–Putin summit is planned for now (capital-ledger.example)\n      https://capital-ledger.example/world/2025/10/21/white-house-no-trump-putin-summit-planned\n  2025-10-17  President Donald Trump met Ukrainian President Volodymyr Zelensky at the White House on Friday and said he would rather not send Tomahawk missiles to Ukraine for now.\n    — Trump hosts Zelensky as Tomahawk request goes unanswered (capital-ledger.example)\n      https://capital-ledger.example/world/2025/10/17/trump-hosts-zelensky-tomahawk\n  2025-10-16  President Donald Trump held a phone call with Vladimir Putin on Thursday that lasted more than two hours, and said afterwards that the two leaders had agreed to meet in Budapest.\n    — Trump and Putin agree to meet in Budapest after long phone call (capital-ledger.example)\n      https://capital-ledger.example/world/2025/10/16/trump-putin-call-budapest\n\n-- \nTo pause alerts about Donald Trump: tracker mute "Donald Trump" --for 3d --reason "..."\n	<tracker-silent-1be0f1947e965306bc27428a@tracker.invalid>	delivered	1	\N	2026-12-01 16:58:02.018779+00	/tmp/main-b25f5cf/demo-output/outbox/20261201T165801-tracker-group-silent-9503af6baf5a31fdcaae8c91_tracker_invalid.eml to desk@localhost	<div style="border-left:4px solid #b00;padding:4px 12px;margin:12px 0">\n<h2 style="font-size:16px;margin:4px 0">Donald Trump silent for 375 days (threshold 30d)</h2>\n<p>Donald Trump has not been seen in public for 375 days, past the threshold of 30d.</p>\n<table style="border-collapse:collapse;font-size:14px">\n<tr><td style="padding-right:8px">Last seen</td><td>2025-11-21</td></tr>\n<tr><td style="padding-right:8px">Threshold</td><td>30d <small>(fixed 30d)</small></td></tr>\n</table>\n<blockquote style="margin:8px 0;color:#333">President Donald Trump said in a radio interview on Friday that he wanted Ukraine to respond to a US peace plan by Thanksgiving.<br>— <a href="https://capital-ledger.example/world/2025/11/21/trump-ukraine-answer-by-thanksgiving">Trump wants Ukraine&#x27;s answer on peace plan by Thanksgiving</a> (capital-ledger.example)</blockquote>\n<p>Since then (1 report):</p><ul><li><b>2025-11-23</b> <i>mention</i> President Donald Trump has said the plan is not his final offer. (<a href="https://capital-ledger.example/world/2025/11/23/rubio-geneva-talks-ukraine">capital-ledger.example</a>)</li></ul>\n<p>Recent appearances:</p><table style="font-size:13px"><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-21</td><td>President Donald Trump said in a radio interview on Friday that he wanted Ukraine to respond to a US peace plan by Thanksgiving. (<a href="https://capital-ledger.example/world/2025/11/21/trump-ukraine-answer-by-thanksgiving">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-28</td><td>President Donald Trump met Japanese Prime Minister Sanae Takaichi in Tokyo on Tuesday, and the two governments signed agreements on trade and critical minerals. (<a href="https://capital-ledger.example/world/2025/10/28/trump-takaichi-tokyo">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-22</td><td>Speaking to reporters at the White House, President Donald Trump said he had called off his planned meeting with Vladimir Putin because it did not feel right. (<a href="https://northwire.example/world/2025/10/22/us-sanctions-rosneft-lukoil">northwire.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-20</td><td>Trump told reporters he did not want a meeting that would waste time. (<a href="https://capital-ledger.example/world/2025/10/21/white-house-no-trump-putin-summit-planned">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-17</td><td>President Donald Trump met Ukrainian President Volodymyr Zelensky at the White House on Friday and said he would rather not send Tomahawk missiles to Ukraine for now. (<a href="https://capital-ledger.example/world/2025/10/17/trump-hosts-zelensky-tomahawk">capital-ledger.example</a>)</td></tr><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-10-16</td><td>President Donald Trump held a phone call with Vladimir Putin on Thursday that lasted more than two hours, and said afterwards that the two leaders had agreed to meet in Budapest. (<a href="https://capital-ledger.example/world/2025/10/16/trump-putin-call-budapest">capital-ledger.example</a>)</td></tr></table>\n<p style="color:#666;font-size:12px">To pause: <code>tracker mute &quot;Donald Trump&quot; --for 3d --reason &quot;...&quot;</code></p>\n</div>		\N	\N	2026-12-01 16:58:02.018779+00	\N	\N	\N		<tracker-group-silent-9503af6baf5a31fdcaae8c91@tracker.invalid>			
6	9	silent	2025-11-22	2026-12-01 16:58:01.838245+00	2026-12-01 16:58:01.838245+00	[tracker] Maxim Oreshkin silent for 374 days (threshold 30d)	Maxim Oreshkin has not been seen in public for 374 days, past the threshold of 30d.\n\nLast seen:  2025-11-22\nThreshold:  30d (fixed 30d)\nAs of:      2026-12-01 16:58 UTC\n\nEvidence:\n  Maxim Oreshkin, deputy head of the Kremlin administration, attended the opening session of the Group of 20 summit in Johannesburg on Saturday at the head of Russia's delegation.\n  — Oreshkin leads Russian team as G20 summit opens in Johannesburg (northwire.example)\n    https://northwire.example/world/2025/11/22/oreshkin-leads-russia-g20-johannesburg\n\nRecent appearances:\n  2025-11-22  Maxim Oreshkin, deputy head of the Kremlin administration, attended the opening session of the Group of 20 summit in Johannesburg on Saturday at the head of Russia's delegation.\n    — Oreshkin leads Russian team as G20 summit opens in Johannesburg (northwire.example)\n      https://northwire.example/world/2025/11/22/oreshkin-leads-russia-g20-johannesburg\n\n-- \nTo pause alerts about Maxim Oreshkin: tracker mute "Maxim Oreshkin" --for 3d --reason "..."\n	<tracker-silent-cd950d24deeec2128be5f59e@tracker.invalid>	delivered	1	\N	2026-12-01 16:58:02.018779+00	/tmp/main-b25f5cf/demo-output/outbox/20261201T165801-tracker-group-silent-9503af6baf5a31fdcaae8c91_tracker_invalid.eml to desk@localhost	<div style="border-left:4px solid #b00;padding:4px 12px;margin:12px 0">\n<h2 style="font-size:16px;margin:4px 0">Maxim Oreshkin silent for 374 days (threshold 30d)</h2>\n<p>Maxim Oreshkin has not been seen in public for 374 days, past the threshold of 30d.</p>\n<table style="border-collapse:collapse;font-size:14px">\n<tr><td style="padding-right:8px">Last seen</td><td>2025-11-22</td></tr>\n<tr><td style="padding-right:8px">Threshold</td><td>30d <small>(fixed 30d)</small></td></tr>\n</table>\n<blockquote style="margin:8px 0;color:#333">Maxim Oreshkin, deputy head of the Kremlin administration, attended the opening session of the Group of 20 summit in Johannesburg on Saturday at the head of Russia&#x27;s delegation.<br>— <a href="https://northwire.example/world/2025/11/22/oreshkin-leads-russia-g20-johannesburg">Oreshkin leads Russian team as G20 summit opens in Johannesburg</a> (northwire.example)</blockquote>\n<p>Recent appearances:</p><table style="font-size:13px"><tr><td style="padding:2px 8px 2px 0;white-space:nowrap">2025-11-22</td><td>Maxim Oreshkin, deputy head of the Kremlin administration, attended the opening session of the Group of 20 summit in Johannesburg on Saturday at the head of Russia&#x27;s delegation. (<a href="https://northwire.example/world/2025/11/22/oreshkin-leads-russia-g20-johannesburg">northwire.example</a>)</td></tr></table>\n<p style="color:#666;font-size:12px">To pause: <code>tracker mute &quot;Maxim Oreshkin&quot; --for 3d --reason &quot;...&quot;</code></p>\n</div>		\N	\N	2026-12-01 16:58:02.018779+00	\N	\N	\N		<tracker-group-silent-9503af6baf5a31fdcaae8c91@tracker.invalid>			
\.


--
-- Data for Name: await; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.await (id, official_id, key, since, within_seconds, about, source, created_at) FROM stdin;
1	1	2013-02-12T12:00:00+00:00|259200|kerry	2013-02-12 12:00:00+00	259200	Kerry	config	2026-12-01 16:58:00.188857+00
2	1	2025-11-01T12:00:00+00:00|259200|kerry	2025-11-01 12:00:00+00	259200	Kerry	cli	2026-12-01 16:58:06.788118+00
\.


--
-- Data for Name: entry; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.entry (id, key, feed_id, guid, url, title, text, published, dated, fetched_at, canonical_url, fingerprint, updated_at, recognized) FROM stdin;
1	9a60bc07b76979a29b80d709b2c20dec	1	https://northwire.example/world/2025/11/27/putin-bishkek-news-conference	https://northwire.example/world/2025/11/27/putin-bishkek-news-conference	Putin holds news conference after regional security summit in Bishkek	Vladimir Putin said at a news conference in Bishkek on Thursday that Russia was ready to discuss the US proposals on Ukraine but that several points needed more work. He spoke at the end of a summit of the Collective Security Treaty Organization. Putin said he expected US envoys in Moscow next week.	2025-11-27 16:05:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/27/putin-bishkek-news-conference	83d0602f7a1a3dd17a047cb6b0df838c	\N	t
2	55a23e04105189db75bcbaae1383d898	1	https://northwire.example/world/2025/11/25/lavrov-reappears-joint-board-meeting	https://northwire.example/world/2025/11/25/lavrov-reappears-joint-board-meeting	Lavrov reappears at joint Russian-Belarusian foreign ministry meeting	Sergey Lavrov spoke on Tuesday at a joint meeting of the boards of the Russian and Belarusian foreign ministries, his first public appearance since Oct. 28. In his remarks, the foreign minister praised coordination between Moscow and Minsk and criticised Western sanctions. He did not address the speculation about his absence.	2025-11-25 13:20:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/25/lavrov-reappears-joint-board-meeting	7412aaafcc9b26340e3f85b50e90c653	\N	t
3	b9e133facc810e117b92c1486a56e61d	1	https://northwire.example/world/2025/11/22/oreshkin-leads-russia-g20-johannesburg	https://northwire.example/world/2025/11/22/oreshkin-leads-russia-g20-johannesburg	Oreshkin leads Russian team as G20 summit opens in Johannesburg	Maxim Oreshkin, deputy head of the Kremlin administration, attended the opening session of the Group of 20 summit in Johannesburg on Saturday at the head of Russia's delegation. Sergey Lavrov, who led the delegation at the previous three summits, was not in Johannesburg. The United States did not send a delegation.	2025-11-22 15:30:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/22/oreshkin-leads-russia-g20-johannesburg	66b765d6ca0d5e67f6054742adb5c9c5	\N	t
4	77cfb9c3a7df46aaf72fd9034c395ec2	1	https://northwire.example/world/2025/11/21/putin-us-plan-basis-for-settlement	https://northwire.example/world/2025/11/21/putin-us-plan-basis-for-settlement	Putin says US plan could be the basis of a Ukraine settlement	Vladimir Putin said on Friday that a new US plan for ending the war in Ukraine could serve as the basis for a final settlement. He made the remarks in televised comments at the Kremlin. Putin said Moscow had received the text but had not yet discussed it in detail with Washington.	2025-11-21 17:40:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/21/putin-us-plan-basis-for-settlement	65ed964e49415da4a9af4098b346f76a	\N	t
5	577a93382763e9b6e3df3dc4e8b5a5d6	1	https://northwire.example/world/2025/11/18/putin-transport-meeting	https://northwire.example/world/2025/11/18/putin-transport-meeting	Putin chairs meeting on rail links to Asia	Vladimir Putin chaired a meeting on transport infrastructure by video link on Tuesday, focusing on rail routes to Asian markets. He asked the government to report back on funding by the end of the year.	2025-11-18 12:10:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/18/putin-transport-meeting	8891f376e8ea238e1fa8eef549b1740c	\N	t
6	ae750564c88621e72eddf487f6caf283	1	https://northwire.example/world/2025/11/14/putin-meets-regional-governor	https://northwire.example/world/2025/11/14/putin-meets-regional-governor	Putin holds Kremlin talks with regional governor on housing	Vladimir Putin met a regional governor at the Kremlin on Friday to discuss housing construction and support for the families of servicemen. The governor reported on the region's economy, according to the Kremlin's account of the meeting.	2025-11-14 14:15:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/14/putin-meets-regional-governor	6156b1ee9d3609ba6cf8553fd290d55a	\N	t
7	3e3facbe3f00e88481e52f96a18df32f	1	https://northwire.example/world/2025/11/10/questions-mount-over-lavrov-whereabouts	https://northwire.example/world/2025/11/10/questions-mount-over-lavrov-whereabouts	Questions mount over Lavrov's whereabouts	Sergey Lavrov was last seen in public on October 28 in Minsk, at a conference on Eurasian security. Russia's foreign minister has not appeared at any public event since then, and last week's decree handed the G20 delegation to a Kremlin official. Kremlin spokesman Dmitry Peskov said on Nov. 7 that the minister was at work as normal.	2025-11-10 09:30:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/10/questions-mount-over-lavrov-whereabouts	cd4a6b9bb4bdcc3a116a7f2d83f41e5a	\N	t
8	76f9b3c381550b95419dda2e6f01cd25	1	https://northwire.example/world/2025/11/07/kremlin-rejects-talk-of-lavrov-rift	https://northwire.example/world/2025/11/07/kremlin-rejects-talk-of-lavrov-rift	Kremlin rejects talk of a rift with Lavrov	Kremlin spokesman Dmitry Peskov told reporters on Friday that Sergey Lavrov was working as usual. Peskov said reports of a falling-out between the foreign minister and Vladimir Putin were untrue. He declined to give details of the minister's schedule.	2025-11-07 10:25:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/07/kremlin-rejects-talk-of-lavrov-rift	8cf7cb1927c4957a795227c54d4403cb	\N	t
9	f442d0f1e3764c04a9aec7d0bf905382	1	https://northwire.example/world/2025/11/05/putin-nuclear-test-proposals-security-council	https://northwire.example/world/2025/11/05/putin-nuclear-test-proposals-security-council	Putin tells officials to draft proposals on a possible nuclear test	Vladimir Putin chaired a meeting of Russia's Security Council on Wednesday and told ministries and intelligence agencies to prepare proposals on a possible resumption of nuclear weapons testing. He said Russia would act only if other nuclear powers tested first. Part of the session was shown on state television. Foreign Minister Sergey Lavrov, a permanent member of the council, did not attend.	2025-11-05 15:45:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/05/putin-nuclear-test-proposals-security-council	372b66b46940358ddd97bd44a37a3b07	\N	t
10	b33b747b24cbf6645f930c06a6a3f358	1	https://northwire.example/world/2025/11/04/putin-names-oreshkin-g20-delegation	https://northwire.example/world/2025/11/04/putin-names-oreshkin-g20-delegation	Putin names Kremlin deputy chief Oreshkin to head G20 delegation	Vladimir Putin on Tuesday signed a decree that puts Maxim Oreshkin, deputy head of the presidential administration, in charge of Russia's delegation at the Group of 20 summit in Johannesburg later this month. At recent G20 summits that Putin skipped, the job went to Foreign Minister Sergey Lavrov. Earlier in the day Putin laid flowers at the monument to Minin and Pozharsky on Red Square to mark National Unity Day.	2025-11-04 12:40:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/11/04/putin-names-oreshkin-g20-delegation	29332136abd84f86bb1abe442b86cd7c	\N	t
11	aa1de55513ccf1636ce3e40afab5d35a	1	https://northwire.example/world/2025/10/31/putin-budget-meeting-ministers	https://northwire.example/world/2025/10/31/putin-budget-meeting-ministers	Putin discusses budget with government ministers	Vladimir Putin held a meeting with members of the government by video link on Friday to discuss next year's budget. Ministers reported on preparations for the winter heating season. Part of the meeting was broadcast on state television.	2025-10-31 13:00:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/31/putin-budget-meeting-ministers	628a57eef710b561a6cc0321ef960de3	\N	t
12	bebd57d95d68eb783621ecf54dea393e	1	https://northwire.example/world/2025/10/29/putin-hospital-visit-poseidon	https://northwire.example/world/2025/10/29/putin-hospital-visit-poseidon	Putin announces Poseidon test during hospital visit	Vladimir Putin visited a military hospital in Moscow on Wednesday and talked with soldiers wounded in Ukraine. During the visit he said Russia had successfully tested its nuclear-powered Poseidon underwater vehicle the day before.	2025-10-29 16:35:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/29/putin-hospital-visit-poseidon	ce2d2ab945aead7a29702e377a19b13b	\N	t
13	63a8f60288f464ab952ef99cae033575	1	https://northwire.example/world/2025/10/28/lavrov-minsk-eurasian-security-conference	https://northwire.example/world/2025/10/28/lavrov-minsk-eurasian-security-conference	Lavrov calls for new Eurasian security order at Minsk conference	Russian Foreign Minister Sergey Lavrov addressed an international conference on Eurasian security in Minsk on Tuesday.\n\n\n\nHe told delegates that security on the continent should be arranged by the countries of the region themselves, without outside powers setting the rules. Lavrov also held meetings with several delegations on the sidelines, the Russian Foreign Ministry said.	2025-10-28 11:50:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/28/lavrov-minsk-eurasian-security-conference	24eb66f76b3d8665dd443d873f695860	\N	t
14	27f36800b504f3e01ced60470d78b029	1	https://northwire.example/world/2025/10/26/putin-burevestnik-test-video	https://northwire.example/world/2025/10/26/putin-burevestnik-test-video	Kremlin video shows Putin hearing report on Burevestnik missile test	Vladimir Putin was shown on video on Sunday meeting military commanders, who told him that a nuclear-powered Burevestnik cruise missile had completed a long test flight. Putin, dressed in military fatigues, said work should now begin on preparing the missile for deployment. The footage was released by the Kremlin.	2025-10-26 15:10:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/26/putin-burevestnik-test-video	fa3cab9dd004deb0de1a4b9780f0aa03	\N	t
15	d6368cfef07d503bb1c546db523df4a7	1	https://northwire.example/world/2025/10/24/tense-rubio-lavrov-call-preceded-summit-collapse	https://northwire.example/world/2025/10/24/tense-rubio-lavrov-call-preceded-summit-collapse	Tense Rubio-Lavrov call preceded collapse of Budapest plan, sources say	The phone call on Oct. 20 between Secretary of State Marco Rubio and Sergey Lavrov was tense, according to people familiar with it, and came shortly after Moscow sent Washington a memo restating its demands on Ukraine. US officials concluded that a summit between Donald Trump and Vladimir Putin would not produce a deal. The Russian Foreign Ministry rejected that account and said Moscow remained committed to dialogue.	2025-10-24 18:20:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/24/tense-rubio-lavrov-call-preceded-summit-collapse	1bc8d0b7468c751d7930bdad7c0a848a	\N	t
16	cb20227129569a77018208752355576d	1	https://northwire.example/world/2025/10/23/putin-says-sanctions-unfriendly	https://northwire.example/world/2025/10/23/putin-says-sanctions-unfriendly	Putin calls new US oil sanctions an unfriendly step	Vladimir Putin told reporters on Thursday that the latest US sanctions on Russian oil companies were an unfriendly act but would not seriously damage the economy. He said dialogue was always better than confrontation. Putin added that any meeting with Donald Trump had to be properly prepared if it was to produce results.	2025-10-23 14:50:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/23/putin-says-sanctions-unfriendly	757cacc8c8a43a5d5e5ffb028a40ab00	\N	t
17	939025554c43d1812ead1ad5c5db375f	1	https://northwire.example/world/2025/10/22/us-sanctions-rosneft-lukoil	https://northwire.example/world/2025/10/22/us-sanctions-rosneft-lukoil	US sanctions Russia's two largest oil companies as Trump shelves Putin meeting	The US Treasury imposed sanctions on Wednesday on Rosneft and Lukoil, Russia's two biggest oil producers. Speaking to reporters at the White House, President Donald Trump said he had called off his planned meeting with Vladimir Putin because it did not feel right. Trump said he still expected to meet the Russian leader at some point.	2025-10-22 21:05:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/22/us-sanctions-rosneft-lukoil	c1284efca2edb2e05f2550d679c147ad	\N	t
18	27bf7573fae2f854c99e8316a87db90d	1	https://northwire.example/world/2025/10/22/putin-oversees-nuclear-forces-exercise	https://northwire.example/world/2025/10/22/putin-oversees-nuclear-forces-exercise	Putin oversees strategic nuclear forces exercise	Vladimir Putin oversaw a training exercise of Russia's strategic nuclear forces on Wednesday, the Kremlin said. Footage released by the Kremlin showed him following the launches of ballistic and cruise missiles from a command room. Kremlin spokesman Dmitry Peskov told reporters the exercise had been planned well in advance.	2025-10-22 16:45:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/22/putin-oversees-nuclear-forces-exercise	b9b2039947ad9361c71d13b78c23bb24	\N	t
19	6226dea0a60590c96efb9bd57e08d5b8	1	https://northwire.example/world/2025/10/20/rubio-lavrov-phone-call	https://northwire.example/world/2025/10/20/rubio-lavrov-phone-call	Rubio and Lavrov speak by phone ahead of planned summit	Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov held a phone call on Monday to discuss preparations for a proposed meeting between Donald Trump and Vladimir Putin. The Russian Foreign Ministry said the two men discussed how to carry out what the leaders had agreed in their phone call on Oct. 16. The State Department gave few details. No date has been announced for an in-person meeting of the two diplomats.	2025-10-20 17:25:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/20/rubio-lavrov-phone-call	12003565aac163b64240b01ccaaccacf	\N	t
20	4c0114f6a0e2720602e1c8915fc010ac	1	https://northwire.example/world/2025/10/15/putin-receives-syrian-interim-president	https://northwire.example/world/2025/10/15/putin-receives-syrian-interim-president	Putin receives Syria's interim president at the Kremlin	Vladimir Putin met Syria's interim president, Ahmed al-Sharaa, at the Kremlin on Wednesday. It was the Syrian leader's first visit to Moscow since he came to power last December. The two men discussed the future of Russia's military bases in Syria and economic cooperation, according to the Kremlin.	2025-10-15 16:20:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/15/putin-receives-syrian-interim-president	76336397249c8d72ddda3a24d49ee70f	\N	t
21	db2e9d2e88822fc671369b5f19d4614f	1	https://northwire.example/world/2025/10/14/lavrov-meets-latin-american-ambassadors	https://northwire.example/world/2025/10/14/lavrov-meets-latin-american-ambassadors	Lavrov meets Latin American ambassadors in Moscow	Sergey Lavrov met ambassadors from Latin American and Caribbean countries at the Foreign Ministry in Moscow on Tuesday. The Russian foreign minister told them that Moscow wanted closer trade and educational ties with the region. The ministry released a short video of the meeting.	2025-10-14 14:05:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/14/lavrov-meets-latin-american-ambassadors	41dbb5645405e5b1ea677bfedb3c9bfe	\N	t
22	3319cae0061301ec86ef1d9f9e96708f	1	https://northwire.example/world/2025/10/10/putin-dushanbe-news-conference	https://northwire.example/world/2025/10/10/putin-dushanbe-news-conference	Putin takes reporters' questions as Tajikistan visit ends	Vladimir Putin answered questions from reporters in Dushanbe on Friday at the end of a two-day visit to Tajikistan, where he attended a summit of the Commonwealth of Independent States. He spoke about energy cooperation with Central Asian states and about the state of relations with Washington.	2025-10-10 12:30:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/10/putin-dushanbe-news-conference	81d33cbb3ae1c57591318563821024a9	\N	t
23	302e4c678ce53baae77e1a37831371ed	1	https://northwire.example/world/2025/10/07/putin-birthday-working-day	https://northwire.example/world/2025/10/07/putin-birthday-working-day	Putin marks 73rd birthday with a routine working day, Kremlin says	Vladimir Putin turned 73 on Tuesday and spent the day at work, holding a meeting in the Kremlin with a regional governor. Kremlin spokesman Dmitry Peskov told reporters that no special celebration was planned. Peskov said the president had received greetings from several foreign leaders.	2025-10-07 11:15:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/07/putin-birthday-working-day	bb4655445d57ebbd25886a47ee2b05be	\N	t
24	51e3a30c4b3de6c35e4d716471878dc8	1	https://northwire.example/world/2025/10/02/putin-valdai-forum-europe	https://northwire.example/world/2025/10/02/putin-valdai-forum-europe	Putin tells Valdai forum Moscow will answer Europe's military build-up	Vladimir Putin spoke for several hours on Thursday at the annual meeting of the Valdai discussion club in Sochi. The Russian president said Moscow was watching the growth of European defence spending closely and would respond to any threat. He also took questions from Russian and foreign participants on relations with the United States.	2025-10-02 17:55:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/02/putin-valdai-forum-europe	22001b43266a864fd1b9faaf2681c9c4	\N	t
25	9132cfb37d0a0e8bbd5f32c81fecc42e	1	https://northwire.example/world/2025/10/02/lavrov-holds-talks-with-visiting-minister	https://northwire.example/world/2025/10/02/lavrov-holds-talks-with-visiting-minister	Lavrov holds talks with visiting minister, restates terms on Ukraine	Russian Foreign Minister Sergey Lavrov held talks in Moscow on Thursday with a visiting counterpart from Southeast Asia. At a joint news conference afterwards, Lavrov said Moscow was still prepared to discuss a settlement in Ukraine if it addressed what he called the root causes of the conflict. He also said trade between the two countries had grown this year.	2025-10-02 13:40:00+00	t	2026-12-01 16:58:00.652495+00	https://northwire.example/world/2025/10/02/lavrov-holds-talks-with-visiting-minister	eb5d70e8facae900e59155eda8ffa5b8	\N	t
26	1f253c5087b9ef4d9a19076aa07e8c60	2	urn:uuid:2da0c11c-f837-56bc-b9a1-b42264b41876	https://capital-ledger.example/world/2025/11/26/state-department-lavrov-return	State Department has no comment on Sergei Lavrov's return	The State Department declined on Wednesday to comment on the return of Russian Foreign Minister Sergei Lavrov, who spoke at a meeting with Belarusian diplomats on Nov. 25 after nearly four weeks out of public view. A spokesperson said no call between Secretary of State Marco Rubio and Lavrov was scheduled. In recent weeks US officials have dealt mainly with Kremlin envoys.	2025-11-26 16:45:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/11/26/state-department-lavrov-return	8c25cccfb0195ece79291ec0ef8a2e7f	\N	t
27	6778e2a86e80136096a1cb6a39272ddb	2	urn:uuid:a0c3fed0-abbe-5461-9995-f3285b81f5a5	https://capital-ledger.example/world/2025/11/23/rubio-geneva-talks-ukraine	Rubio leads US team in Geneva talks with Ukrainian officials	Secretary of State Marco Rubio held talks with a Ukrainian delegation in Geneva on Sunday about the US plan to end the war with Russia. Rubio told reporters afterwards that the meeting had been the most productive so far and that the remaining differences could be overcome. National security advisers from several European countries were also in the city. President Donald Trump has said the plan is not his final offer.	2025-11-23 19:30:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/11/23/rubio-geneva-talks-ukraine	3988bad84302a2c988bbf4686f3e8830	\N	t
28	922138b7e3daabec2629da2a0091952c	2	urn:uuid:9d166b58-6262-5f97-9225-4118e3dcedd2	https://capital-ledger.example/world/2025/11/21/trump-ukraine-answer-by-thanksgiving	Trump wants Ukraine's answer on peace plan by Thanksgiving	President Donald Trump said in a radio interview on Friday that he wanted Ukraine to respond to a US peace plan by Thanksgiving. He said the deadline could be extended if talks were going well. The plan has drawn criticism in Kyiv and in European capitals.	2025-11-21 20:55:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/11/21/trump-ukraine-answer-by-thanksgiving	52e25da4f718d29c2b8128e6abefa9fb	\N	t
29	0bbbc0e9838371df97773dfaf9c5fbe8	2	urn:uuid:15611ec2-eec3-573e-a7e1-f5b43b45b999	https://capital-ledger.example/world/2025/11/18/rubio-meets-visiting-foreign-minister	Rubio meets visiting foreign minister on next phase of Gaza plan	Secretary of State Marco Rubio met a visiting foreign minister from the Middle East at the State Department on Tuesday to discuss the next phase of the Gaza ceasefire. The meeting came a day after the UN Security Council endorsed the US plan for Gaza.	2025-11-18 22:15:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/11/18/rubio-meets-visiting-foreign-minister	e1e49707a533adec36da3c32b82f8284	\N	t
30	360a94a9a21f4354c88826bdd5e50077	2	urn:uuid:84135ade-8c5e-5247-b4f3-9e79aa3b49ff	https://capital-ledger.example/world/2025/11/12/rubio-briefs-reporters-g7-close	Rubio briefs reporters as G7 ministers' meeting ends	Secretary of State Marco Rubio told reporters on Wednesday, at the close of the G7 foreign ministers' meeting in Canada, that the allies had discussed ways to support a ceasefire in Ukraine. He said Washington would keep working with both sides. The ministers also discussed the war in Sudan.	2025-11-12 21:40:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/11/12/rubio-briefs-reporters-g7-close	f2e63d40925fc73dd37ffde5095e51ac	\N	t
31	3f2d571eb66402adc97b038f5b8ce2bd	2	urn:uuid:29b8c167-85e5-5cbc-9495-286f2f25c871	https://capital-ledger.example/world/2025/11/11/rubio-arrives-canada-g7-ministers	Rubio arrives in Canada for G7 foreign ministers' meeting	Secretary of State Marco Rubio arrived in the Niagara region of Ontario on Tuesday for two days of talks with foreign ministers from the Group of Seven. Ukraine and the Gaza ceasefire were expected to dominate the agenda.	2025-11-11 23:10:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/11/11/rubio-arrives-canada-g7-ministers	c60901cb2d45458f05f2b11b9b9ffa36	\N	t
32	992c3e6f1776c9a0ec88e9ab1aa866dc	2	urn:uuid:d3781df0-ef3d-554e-bd0d-3884ac68109e	https://capital-ledger.example/world/2025/11/04/rubio-us-pressing-both-sides-ukraine	Rubio says US is still pressing both sides on Ukraine	Secretary of State Marco Rubio told reporters at the State Department on Tuesday that the United States remained in contact with both Russia and Ukraine about ending the war. He said President Donald Trump was still willing to meet Vladimir Putin once a meeting could produce a deal. Rubio declined to comment on Moscow's choice of delegation for the G20 summit in South Africa.	2025-11-04 20:25:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/11/04/rubio-us-pressing-both-sides-ukraine	96bc2e018d89e157081b8820b232f602	\N	t
33	3d74adeff085119a40aad17dc94ead84	2	urn:uuid:d4903fea-9a55-5bf9-82e6-e5ab36e5598f	https://capital-ledger.example/world/2025/10/28/trump-takaichi-tokyo	Trump meets Japan's new prime minister in Tokyo	President Donald Trump met Japanese Prime Minister Sanae Takaichi in Tokyo on Tuesday, and the two governments signed agreements on trade and critical minerals. Secretary of State Marco Rubio attended the talks. Trump later spoke to US sailors at a naval base south of the capital.	2025-10-28 13:50:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/28/trump-takaichi-tokyo	6d0cae4a4faa72e34aacdd3ce02ab5ae	\N	t
34	cd4fa4f544861907488e5cb0f6d216f4	2	urn:uuid:59543a3f-8009-5eb0-8f04-d6f4b099c9ee	https://capital-ledger.example/world/2025/10/27/rubio-spoke-with-lavrov-last-week	Rubio says he spoke with Lavrov last week, door still open	Secretary of State Marco Rubio told reporters on Monday that he had spoken with Russian Foreign Minister Sergey Lavrov last week and that Washington was still willing to talk with Moscow. Rubio, who is on a trip to Asia, said the next step was up to Russia. He did not say when he expected to speak with Lavrov again.	2025-10-27 12:15:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/27/rubio-spoke-with-lavrov-last-week	5222a25f6d32d60563ff862287db5d7a	\N	t
35	f6446c96b5c51905893ff108a8f48613	2	urn:uuid:ccc6110a-8177-5112-abbc-8ed5ed0b7e61	https://capital-ledger.example/world/2025/10/24/rubio-visits-gaza-coordination-centre	Rubio visits Gaza coordination centre in southern Israel	Secretary of State Marco Rubio visited the US-led civil-military coordination centre in southern Israel on Friday, where American and partner troops monitor the Gaza ceasefire. He told reporters the truce was holding despite violations. Rubio was due to meet Israeli leaders later in the day.	2025-10-24 16:30:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/24/rubio-visits-gaza-coordination-centre	a9ef0e6d96c4317624d56e988c386218	\N	t
36	8c187b9161a5d67bd8d87fd1370e57f0	2	urn:uuid:a32b1304-4b66-51be-92df-c5a24295e272	https://capital-ledger.example/world/2025/10/22/rubio-talks-with-russia-remain-possible	Rubio says talks with Russia remain possible	Secretary of State Marco Rubio told reporters on Wednesday that he had spoken with Sergey Lavrov by phone on Oct. 20. Rubio said the United States was still open to meeting Russian officials if there was a real chance of progress. He said Washington would not take part in a summit that produced nothing.	2025-10-22 17:40:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/22/rubio-talks-with-russia-remain-possible	4d0598ac89dac4d758ea77efff04a94d	\N	t
37	dacba9f2376872502a195509493510d8	2	urn:uuid:3362e7f9-3b1a-54b5-acbd-80ed376c6c93	https://capital-ledger.example/world/2025/10/21/white-house-no-trump-putin-summit-planned	White House says no Trump–Putin summit is planned for now	A White House official said on Tuesday that there were no plans for President Donald Trump to meet Vladimir Putin in the immediate future, putting the proposed Budapest summit on hold. Trump told reporters he did not want a meeting that would waste time. The decision followed a call on Oct. 20 between Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov, after which US officials said a face-to-face meeting of the two ministers was not needed.	2025-10-21 20:55:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/21/white-house-no-trump-putin-summit-planned	774fedcbb92e840dcb9dcea98374e581	\N	t
38	eb3b400afd60760945ae945adcec7270	2	urn:uuid:1a4cd10a-6ca1-57be-951e-376edeb39ebe	https://capital-ledger.example/world/2025/10/17/trump-hosts-zelensky-tomahawk	Trump hosts Zelensky as Tomahawk request goes unanswered	President Donald Trump met Ukrainian President Volodymyr Zelensky at the White House on Friday and said he would rather not send Tomahawk missiles to Ukraine for now. Secretary of State Marco Rubio attended the meeting. Trump said he believed Vladimir Putin wanted to end the war.	2025-10-17 21:35:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/17/trump-hosts-zelensky-tomahawk	632a9db645d272efe03e91357e59c5d8	\N	t
39	0dde43ce8c8651965f69562a451b0c49	2	urn:uuid:128b322c-de56-5c53-86e2-8b4d4b6c77a5	https://capital-ledger.example/world/2025/10/16/trump-putin-call-budapest	Trump and Putin agree to meet in Budapest after long phone call	President Donald Trump held a phone call with Vladimir Putin on Thursday that lasted more than two hours, and said afterwards that the two leaders had agreed to meet in Budapest.\n\n\n\nTrump said senior advisers from both countries would meet first, with Secretary of State Marco Rubio leading the US side. He did not give a date for the summit.\n\n\n\nThe call came a day before Ukraine's president was due at the White House.	2025-10-16 19:10:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/16/trump-putin-call-budapest	b466376535d6c635522802ebb667b3d9	\N	t
40	d9ca3244460f20d5fe63e8a9c93393b4	2	urn:uuid:dc0cddcb-7575-51b9-bb63-b0575811c520	https://capital-ledger.example/world/2025/10/13/trump-gaza-summit-egypt	Trump attends Gaza summit in Egypt after speech to Israeli parliament	President Donald Trump attended a summit on Gaza in the Egyptian resort of Sharm el-Sheikh on Monday, hours after addressing Israel's parliament in Jerusalem. Secretary of State Marco Rubio accompanied him at both events. Leaders at the summit signed a document supporting the ceasefire.	2025-10-13 20:20:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/13/trump-gaza-summit-egypt	2dc82dd9c85ea4b670a03bef842c306b	\N	t
41	8c9016373512c21d84d9c33ea2e0164a	2	urn:uuid:34e877cc-99b7-5787-89a7-ac7b6d91eee3	https://capital-ledger.example/world/2025/10/08/rubio-note-trump-gaza-roundtable	Rubio hands Trump a note on Gaza talks during White House event	Secretary of State Marco Rubio passed a handwritten note to President Donald Trump during a roundtable at the White House on Wednesday, telling him that a deal in the Gaza negotiations was close.\n\n\n\nTrump read the note and told the room he might have to leave to deal with the Middle East. White House officials said an announcement could come within hours.	2025-10-08 22:45:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/08/rubio-note-trump-gaza-roundtable	4d161217e35bd882de4d06a1ca548186	\N	t
42	a7d7611d163129158691dc4eaff7fd1a	2	urn:uuid:e3fa8ab0-5ff2-51a7-b8aa-8e9100692beb	https://capital-ledger.example/world/2025/10/01/rubio-diplomacy-continues-shutdown	Rubio says diplomacy will go on despite government shutdown	Secretary of State Marco Rubio told reporters at the State Department on Wednesday that US embassies would keep working during the federal government shutdown that began at midnight. He said essential diplomatic work, including efforts to end the war in Ukraine, would not stop. Rubio declined to predict how long the shutdown would last.	2025-10-01 18:20:00+00	t	2026-12-01 16:58:00.652495+00	https://capital-ledger.example/world/2025/10/01/rubio-diplomacy-continues-shutdown	54d9dbda61f8d4d90b060dbacd45d100	\N	t
\.


--
-- Data for Name: feed; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feed (id, url, name, title, last_polled_at, last_success_at, last_error, consecutive_failures, entries_seen, source, category, site_url, interval_seconds, fulltext, fetch_url, etag, last_modified, last_status, next_poll_at, retry_until, disabled_at, disabled_reason) FROM stdin;
3	/tmp/main-b25f5cf/seeds/eastern-desk.atom	Eastern Desk		\N	\N	\N	0	0	config			\N	f	\N	\N	\N	\N	\N	\N	\N	\N
4	/tmp/main-b25f5cf/seeds/meridian-review.rss	The Meridian Review		\N	\N	\N	0	0	config			\N	f	\N	\N	\N	\N	\N	\N	\N	\N
5	/tmp/main-b25f5cf/seeds/potomac-cable.rss	The Potomac Cable		\N	\N	\N	0	0	config			\N	f	\N	\N	\N	\N	\N	\N	\N	\N
1	/tmp/main-b25f5cf/seeds/northwire.rss	Northwire	Northwire: World	2026-12-01 16:58:00.652495+00	2026-12-01 16:58:00.652495+00	\N	0	25	config		https://northwire.example/	\N	f	\N	\N	\N	200	2026-12-01 17:13:00.652495+00	\N	\N	\N
2	/tmp/main-b25f5cf/seeds/capital-ledger.atom	The Capital Ledger	The Capital Ledger: World	2026-12-01 16:58:00.652495+00	2026-12-01 16:58:00.652495+00	\N	0	17	config		https://capital-ledger.example/world/	\N	f	\N	\N	\N	200	2026-12-01 17:13:00.652495+00	\N	\N	\N
\.


--
-- Data for Name: finding; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.finding (id, entry_id, official_id, kind, day, seen_at, published, sentence, cue, confidence, since, source) FROM stdin;
1	1	2	mention	2025-11-27	2025-11-27 12:00:00+00	2025-11-27 16:05:00+00	Putin said he expected US envoys in Moscow next week.	said: date after publication (next week)	0.7	\N	northwire.example
2	1	2	appearance	2025-11-27	2025-11-27 12:00:00+00	2025-11-27 16:05:00+00	Vladimir Putin said at a news conference in Bishkek on Thursday that Russia was ready to discuss the US proposals on Ukraine but that several points needed more work.	'said', dated 'thursday'	0.8	\N	northwire.example
3	2	1	appearance	2025-11-25	2025-11-25 12:00:00+00	2025-11-25 13:20:00+00	Sergey Lavrov spoke on Tuesday at a joint meeting of the boards of the Russian and Belarusian foreign ministries, his first public appearance since Oct. 28.	new appearance 'his first public appearance', dated 'tuesday'	0.85	\N	northwire.example
4	2	1	absence	2025-11-25	2025-11-25 12:00:00+00	2025-11-25 13:20:00+00	He did not address the speculation about his absence.	'absence'	0.85	\N	northwire.example
5	3	9	appearance	2025-11-22	2025-11-22 12:00:00+00	2025-11-22 15:30:00+00	Maxim Oreshkin, deputy head of the Kremlin administration, attended the opening session of the Group of 20 summit in Johannesburg on Saturday at the head of Russia's delegation.	'attended', dated 'saturday'	0.9	\N	northwire.example
6	3	1	absence	2025-11-22	2025-11-22 12:00:00+00	2025-11-22 15:30:00+00	Sergey Lavrov, who led the delegation at the previous three summits, was not in Johannesburg.	'was not in'	0.85	\N	northwire.example
7	4	2	mention	2025-11-21	2025-11-21 12:00:00+00	2025-11-21 17:40:00+00	Putin said Moscow had received the text but had not yet discussed it in detail with Washington.	said: a statement with no public setting	0.7	\N	northwire.example
8	4	2	appearance	2025-11-21	2025-11-21 12:00:00+00	2025-11-21 17:40:00+00	Vladimir Putin said on Friday that a new US plan for ending the war in Ukraine could serve as the basis for a final settlement.	'said', dated 'friday'	0.8	\N	northwire.example
9	5	2	appearance	2025-11-18	2025-11-18 12:00:00+00	2025-11-18 12:10:00+00	Vladimir Putin chaired a meeting on transport infrastructure by video link on Tuesday, focusing on rail routes to Asian markets.	'chaired', dated 'tuesday'	0.9	\N	northwire.example
10	6	2	mention	2025-11-14	2025-11-14 12:00:00+00	2025-11-14 14:15:00+00	Putin holds Kremlin talks with regional governor on housing	named, no public act reported	0.6	\N	northwire.example
11	6	2	appearance	2025-11-14	2025-11-14 12:00:00+00	2025-11-14 14:15:00+00	Vladimir Putin met a regional governor at the Kremlin on Friday to discuss housing construction and support for the families of servicemen.	'met', dated 'friday'	0.9	\N	northwire.example
12	7	1	absence	2025-11-10	2025-11-10 09:30:00+00	2025-11-10 09:30:00+00	Sergey Lavrov was last seen in public on October 28 in Minsk, at a conference on Eurasian security.	not seen since the last appearance it gives (last appearance dated 'october 28')	0.9	2025-10-28	northwire.example
13	7	1	appearance	2025-10-28	2025-10-28 12:00:00+00	2025-11-10 09:30:00+00	Sergey Lavrov was last seen in public on October 28 in Minsk, at a conference on Eurasian security.	last appearance dated 'october 28'	0.85	\N	northwire.example
14	7	7	appearance	2025-11-07	2025-11-07 12:00:00+00	2025-11-10 09:30:00+00	Kremlin spokesman Dmitry Peskov said on Nov. 7 that the minister was at work as normal.	'said', dated 'nov. 7'	0.8	\N	northwire.example
15	8	1	mention	2025-11-07	2025-11-07 10:25:00+00	2025-11-07 10:25:00+00	Kremlin spokesman Dmitry Peskov told reporters on Friday that Sergey Lavrov was working as usual.	named, no public act reported	0.6	\N	northwire.example
16	8	7	appearance	2025-11-07	2025-11-07 10:25:00+00	2025-11-07 10:25:00+00	Kremlin spokesman Dmitry Peskov told reporters on Friday that Sergey Lavrov was working as usual.	'told', dated 'friday'	0.8	\N	northwire.example
17	8	2	mention	2025-11-07	2025-11-07 10:25:00+00	2025-11-07 10:25:00+00	Peskov said reports of a falling-out between the foreign minister and Vladimir Putin were untrue.	named, no public act reported	0.6	\N	northwire.example
18	8	7	mention	2025-11-07	2025-11-07 10:25:00+00	2025-11-07 10:25:00+00	Peskov said reports of a falling-out between the foreign minister and Vladimir Putin were untrue.	said: a statement with no public setting	0.7	\N	northwire.example
19	9	2	mention	2025-11-05	2025-11-05 12:00:00+00	2025-11-05 15:45:00+00	He said Russia would act only if other nuclear powers tested first.	said: a statement with no public setting	0.7	\N	northwire.example
20	9	2	appearance	2025-11-05	2025-11-05 12:00:00+00	2025-11-05 15:45:00+00	Vladimir Putin chaired a meeting of Russia's Security Council on Wednesday and told ministries and intelligence agencies to prepare proposals on a possible resumption of nuclear weapons testing.	'chaired', dated 'wednesday'	0.9	\N	northwire.example
21	9	1	absence	2025-11-05	2025-11-05 12:00:00+00	2025-11-05 15:45:00+00	Foreign Minister Sergey Lavrov, a permanent member of the council, did not attend.	'did not attend'	0.85	\N	northwire.example
22	10	2	mention	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 12:40:00+00	Vladimir Putin on Tuesday signed a decree that puts Maxim Oreshkin, deputy head of the presidential administration, in charge of Russia's delegation at the Group of 20 summit in Johannesburg later this month.	signed: signed a text, not at a ceremony	0.7	\N	northwire.example
23	10	9	mention	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 12:40:00+00	Vladimir Putin on Tuesday signed a decree that puts Maxim Oreshkin, deputy head of the presidential administration, in charge of Russia's delegation at the Group of 20 summit in Johannesburg later this month.	named, no public act reported	0.6	\N	northwire.example
24	10	1	mention	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 12:40:00+00	At recent G20 summits that Putin skipped, the job went to Foreign Minister Sergey Lavrov.	named, no public act reported	0.6	\N	northwire.example
25	10	2	absence	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 12:40:00+00	At recent G20 summits that Putin skipped, the job went to Foreign Minister Sergey Lavrov.	'skipped'	0.85	\N	northwire.example
26	10	2	appearance	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 12:40:00+00	Earlier in the day Putin laid flowers at the monument to Minin and Pozharsky on Red Square to mark National Unity Day.	'laid', dated 'earlier in the day'	0.9	\N	northwire.example
27	11	2	appearance	2025-10-31	2025-10-31 12:00:00+00	2025-10-31 13:00:00+00	Vladimir Putin held a meeting with members of the government by video link on Friday to discuss next year's budget.	'held', dated 'friday'	0.9	\N	northwire.example
28	12	2	appearance	2025-10-29	2025-10-29 12:00:00+00	2025-10-29 16:35:00+00	Vladimir Putin visited a military hospital in Moscow on Wednesday and talked with soldiers wounded in Ukraine.	'visited', dated 'wednesday'	0.9	\N	northwire.example
29	13	1	appearance	2025-10-28	2025-10-28 11:50:00+00	2025-10-28 11:50:00+00	Russian Foreign Minister Sergey Lavrov addressed an international conference on Eurasian security in Minsk on Tuesday.	'addressed', dated 'tuesday'	0.9	\N	northwire.example
30	14	2	appearance	2025-10-26	2025-10-26 12:00:00+00	2025-10-26 15:10:00+00	Vladimir Putin was shown on video on Sunday meeting military commanders, who told him that a nuclear-powered Burevestnik cruise missile had completed a long test flight.	'was shown', dated 'sunday'	0.9	\N	northwire.example
61	26	1	mention	2025-11-26	2025-11-26 12:00:00+00	2025-11-26 16:45:00+00	A spokesperson said no call between Secretary of State Marco Rubio and Lavrov was scheduled.	call: negated	0.7	\N	capital-ledger.example
31	14	2	mention	2025-10-26	2025-10-26 12:00:00+00	2025-10-26 15:10:00+00	Putin, dressed in military fatigues, said work should now begin on preparing the missile for deployment.	said: a statement with no public setting	0.7	\N	northwire.example
32	15	1	mention	2025-10-24	2025-10-24 12:00:00+00	2025-10-24 18:20:00+00	Tense Rubio-Lavrov call preceded collapse of Budapest plan, sources say	named, no public act reported	0.6	\N	northwire.example
33	15	1	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-24 18:20:00+00	The phone call on Oct. 20 between Secretary of State Marco Rubio and Sergey Lavrov was tense, according to people familiar with it, and came shortly after Moscow sent Washington a memo restating its demands on Ukraine.	'phone call', dated 'oct. 20'	0.75	\N	northwire.example
34	15	3	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-24 18:20:00+00	The phone call on Oct. 20 between Secretary of State Marco Rubio and Sergey Lavrov was tense, according to people familiar with it, and came shortly after Moscow sent Washington a memo restating its demands on Ukraine.	'phone call', dated 'oct. 20'	0.75	\N	northwire.example
35	15	2	mention	2025-10-24	2025-10-24 12:00:00+00	2025-10-24 18:20:00+00	US officials concluded that a summit between Donald Trump and Vladimir Putin would not produce a deal.	a summit without a date	0.7	\N	northwire.example
36	15	4	mention	2025-10-24	2025-10-24 12:00:00+00	2025-10-24 18:20:00+00	US officials concluded that a summit between Donald Trump and Vladimir Putin would not produce a deal.	a summit without a date	0.7	\N	northwire.example
37	16	2	appearance	2025-10-23	2025-10-23 12:00:00+00	2025-10-23 14:50:00+00	Vladimir Putin told reporters on Thursday that the latest US sanctions on Russian oil companies were an unfriendly act but would not seriously damage the economy.	'told', dated 'thursday'	0.8	\N	northwire.example
38	16	2	mention	2025-10-23	2025-10-23 12:00:00+00	2025-10-23 14:50:00+00	He said dialogue was always better than confrontation.	said: a statement with no public setting	0.7	\N	northwire.example
39	16	4	mention	2025-10-23	2025-10-23 12:00:00+00	2025-10-23 14:50:00+00	Putin added that any meeting with Donald Trump had to be properly prepared if it was to produce results.	meeting: negated	0.7	\N	northwire.example
40	17	2	mention	2025-10-22	2025-10-22 12:00:00+00	2025-10-22 21:05:00+00	Speaking to reporters at the White House, President Donald Trump said he had called off his planned meeting with Vladimir Putin because it did not feel right.	meeting: plan or cancelled	0.7	\N	northwire.example
41	17	4	mention	2025-10-22	2025-10-22 12:00:00+00	2025-10-22 21:05:00+00	Trump said he still expected to meet the Russian leader at some point.	said: a statement with no public setting	0.7	\N	northwire.example
42	17	4	appearance	2025-10-22	2025-10-22 12:00:00+00	2025-10-22 21:05:00+00	Speaking to reporters at the White House, President Donald Trump said he had called off his planned meeting with Vladimir Putin because it did not feel right.	'said', publication date	0.8	\N	northwire.example
43	18	2	appearance	2025-10-22	2025-10-22 12:00:00+00	2025-10-22 16:45:00+00	Vladimir Putin oversaw a training exercise of Russia's strategic nuclear forces on Wednesday, the Kremlin said.	'oversaw', dated 'wednesday'	0.9	\N	northwire.example
44	18	7	appearance	2025-10-22	2025-10-22 12:00:00+00	2025-10-22 16:45:00+00	Kremlin spokesman Dmitry Peskov told reporters the exercise had been planned well in advance.	'told', publication date	0.8	\N	northwire.example
45	19	1	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-20 17:25:00+00	Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov held a phone call on Monday to discuss preparations for a proposed meeting between Donald Trump and Vladimir Putin.	'held', dated 'monday'	0.9	\N	northwire.example
46	19	2	mention	2025-10-20	2025-10-20 12:00:00+00	2025-10-20 17:25:00+00	Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov held a phone call on Monday to discuss preparations for a proposed meeting between Donald Trump and Vladimir Putin.	phone call: plan or cancelled	0.7	\N	northwire.example
47	19	3	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-20 17:25:00+00	Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov held a phone call on Monday to discuss preparations for a proposed meeting between Donald Trump and Vladimir Putin.	'held', dated 'monday'	0.9	\N	northwire.example
48	19	4	mention	2025-10-20	2025-10-20 12:00:00+00	2025-10-20 17:25:00+00	Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov held a phone call on Monday to discuss preparations for a proposed meeting between Donald Trump and Vladimir Putin.	phone call: plan or cancelled	0.7	\N	northwire.example
49	20	2	appearance	2025-10-15	2025-10-15 12:00:00+00	2025-10-15 16:20:00+00	Vladimir Putin met Syria's interim president, Ahmed al-Sharaa, at the Kremlin on Wednesday.	'met', dated 'wednesday'	0.9	\N	northwire.example
50	21	1	appearance	2025-10-14	2025-10-14 12:00:00+00	2025-10-14 14:05:00+00	Sergey Lavrov met ambassadors from Latin American and Caribbean countries at the Foreign Ministry in Moscow on Tuesday.	'met', dated 'tuesday'	0.9	\N	northwire.example
51	21	1	mention	2025-10-14	2025-10-14 12:00:00+00	2025-10-14 14:05:00+00	The Russian foreign minister told them that Moscow wanted closer trade and educational ties with the region.	told: a statement with no public setting	0.7	\N	northwire.example
52	22	2	mention	2025-10-10	2025-10-10 12:00:00+00	2025-10-10 12:30:00+00	Putin takes reporters' questions as Tajikistan visit ends	named, no public act reported	0.6	\N	northwire.example
53	22	2	appearance	2025-10-10	2025-10-10 12:00:00+00	2025-10-10 12:30:00+00	Vladimir Putin answered questions from reporters in Dushanbe on Friday at the end of a two-day visit to Tajikistan, where he attended a summit of the Commonwealth of Independent States.	'answered questions', dated 'friday'	0.9	\N	northwire.example
54	23	2	mention	2025-10-07	2025-10-07 11:15:00+00	2025-10-07 11:15:00+00	Putin marks 73rd birthday with a routine working day, Kremlin says	named, no public act reported	0.6	\N	northwire.example
55	23	2	appearance	2025-10-07	2025-10-07 11:15:00+00	2025-10-07 11:15:00+00	Vladimir Putin turned 73 on Tuesday and spent the day at work, holding a meeting in the Kremlin with a regional governor.	'holding', dated 'tuesday'	0.7	\N	northwire.example
56	23	7	appearance	2025-10-07	2025-10-07 11:15:00+00	2025-10-07 11:15:00+00	Kremlin spokesman Dmitry Peskov told reporters that no special celebration was planned.	'told', publication date	0.8	\N	northwire.example
57	23	7	mention	2025-10-07	2025-10-07 11:15:00+00	2025-10-07 11:15:00+00	Peskov said the president had received greetings from several foreign leaders.	said: a statement with no public setting	0.7	\N	northwire.example
58	24	2	appearance	2025-10-02	2025-10-02 12:00:00+00	2025-10-02 17:55:00+00	Vladimir Putin spoke for several hours on Thursday at the annual meeting of the Valdai discussion club in Sochi.	'spoke', dated 'thursday'	0.9	\N	northwire.example
59	25	1	appearance	2025-10-02	2025-10-02 12:00:00+00	2025-10-02 13:40:00+00	Russian Foreign Minister Sergey Lavrov held talks in Moscow on Thursday with a visiting counterpart from Southeast Asia.	'held talks', dated 'thursday'	0.9	\N	northwire.example
60	25	1	mention	2025-10-02	2025-10-02 12:00:00+00	2025-10-02 13:40:00+00	He also said trade between the two countries had grown this year.	said: a statement with no public setting	0.7	\N	northwire.example
62	26	1	appearance	2025-11-25	2025-11-25 12:00:00+00	2025-11-26 16:45:00+00	The State Department declined on Wednesday to comment on the return of Russian Foreign Minister Sergei Lavrov, who spoke at a meeting with Belarusian diplomats on Nov. 25 after nearly four weeks out of public view.	'who spoke', dated 'nov. 25'	0.85	\N	capital-ledger.example
63	26	3	mention	2025-11-26	2025-11-26 12:00:00+00	2025-11-26 16:45:00+00	A spokesperson said no call between Secretary of State Marco Rubio and Lavrov was scheduled.	call: negated	0.7	\N	capital-ledger.example
64	27	3	appearance	2025-11-23	2025-11-23 12:00:00+00	2025-11-23 19:30:00+00	Secretary of State Marco Rubio held talks with a Ukrainian delegation in Geneva on Sunday about the US plan to end the war with Russia.	'held talks', dated 'sunday'	0.9	\N	capital-ledger.example
65	27	4	mention	2025-11-23	2025-11-23 12:00:00+00	2025-11-23 19:30:00+00	President Donald Trump has said the plan is not his final offer.	present perfect: a general statement	0.7	\N	capital-ledger.example
66	28	4	mention	2025-11-21	2025-11-21 12:00:00+00	2025-11-21 20:55:00+00	He said the deadline could be extended if talks were going well.	said: a statement with no public setting	0.7	\N	capital-ledger.example
67	28	4	appearance	2025-11-21	2025-11-21 12:00:00+00	2025-11-21 20:55:00+00	President Donald Trump said in a radio interview on Friday that he wanted Ukraine to respond to a US peace plan by Thanksgiving.	'said', dated 'friday'	0.8	\N	capital-ledger.example
68	29	3	appearance	2025-11-18	2025-11-18 12:00:00+00	2025-11-18 22:15:00+00	Secretary of State Marco Rubio met a visiting foreign minister from the Middle East at the State Department on Tuesday to discuss the next phase of the Gaza ceasefire.	'met', dated 'tuesday'	0.9	\N	capital-ledger.example
69	30	3	appearance	2025-11-12	2025-11-12 12:00:00+00	2025-11-12 21:40:00+00	Secretary of State Marco Rubio told reporters on Wednesday, at the close of the G7 foreign ministers' meeting in Canada, that the allies had discussed ways to support a ceasefire in Ukraine.	'told', dated 'wednesday'	0.8	\N	capital-ledger.example
70	30	3	mention	2025-11-12	2025-11-12 12:00:00+00	2025-11-12 21:40:00+00	He said Washington would keep working with both sides.	said: a statement with no public setting	0.7	\N	capital-ledger.example
71	31	3	appearance	2025-11-11	2025-11-11 12:00:00+00	2025-11-11 23:10:00+00	Secretary of State Marco Rubio arrived in the Niagara region of Ontario on Tuesday for two days of talks with foreign ministers from the Group of Seven.	'arrived', dated 'tuesday'	0.9	\N	capital-ledger.example
72	32	3	mention	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 20:25:00+00	He said President Donald Trump was still willing to meet Vladimir Putin once a meeting could produce a deal.	said: a statement with no public setting	0.7	\N	capital-ledger.example
73	32	3	appearance	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 20:25:00+00	Secretary of State Marco Rubio told reporters at the State Department on Tuesday that the United States remained in contact with both Russia and Ukraine about ending the war.	'told', dated 'tuesday'	0.8	\N	capital-ledger.example
74	32	2	mention	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 20:25:00+00	He said President Donald Trump was still willing to meet Vladimir Putin once a meeting could produce a deal.	named, no public act reported	0.6	\N	capital-ledger.example
75	32	4	mention	2025-11-04	2025-11-04 12:00:00+00	2025-11-04 20:25:00+00	He said President Donald Trump was still willing to meet Vladimir Putin once a meeting could produce a deal.	named, no public act reported	0.6	\N	capital-ledger.example
76	33	4	appearance	2025-10-28	2025-10-28 12:00:00+00	2025-10-28 13:50:00+00	President Donald Trump met Japanese Prime Minister Sanae Takaichi in Tokyo on Tuesday, and the two governments signed agreements on trade and critical minerals.	'met', dated 'tuesday'	0.9	\N	capital-ledger.example
77	33	3	appearance	2025-10-28	2025-10-28 12:00:00+00	2025-10-28 13:50:00+00	Secretary of State Marco Rubio attended the talks.	'attended', publication date	0.9	\N	capital-ledger.example
78	34	1	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-27 12:15:00+00	Secretary of State Marco Rubio told reporters on Monday that he had spoken with Russian Foreign Minister Sergey Lavrov last week and that Washington was still willing to talk with Moscow.	'spoken', dated 'last week'	0.6	\N	capital-ledger.example
79	34	3	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-27 12:15:00+00	Rubio says he spoke with Lavrov last week, door still open	'says', dated 'last week'	0.65	\N	capital-ledger.example
80	34	3	appearance	2025-10-27	2025-10-27 12:00:00+00	2025-10-27 12:15:00+00	Secretary of State Marco Rubio told reporters on Monday that he had spoken with Russian Foreign Minister Sergey Lavrov last week and that Washington was still willing to talk with Moscow.	'told', dated 'monday'	0.8	\N	capital-ledger.example
81	34	1	mention	2025-10-27	2025-10-27 12:00:00+00	2025-10-27 12:15:00+00	He did not say when he expected to speak with Lavrov again.	named, no public act reported	0.6	\N	capital-ledger.example
82	34	3	mention	2025-10-27	2025-10-27 12:00:00+00	2025-10-27 12:15:00+00	He did not say when he expected to speak with Lavrov again.	named, no public act reported	0.6	\N	capital-ledger.example
83	35	3	appearance	2025-10-24	2025-10-24 12:00:00+00	2025-10-24 16:30:00+00	Secretary of State Marco Rubio visited the US-led civil-military coordination centre in southern Israel on Friday, where American and partner troops monitor the Gaza ceasefire.	'visited', dated 'friday'	0.9	\N	capital-ledger.example
84	35	3	mention	2025-10-24	2025-10-24 12:00:00+00	2025-10-24 16:30:00+00	Rubio was due to meet Israeli leaders later in the day.	named, no public act reported	0.6	\N	capital-ledger.example
85	36	3	mention	2025-10-22	2025-10-22 12:00:00+00	2025-10-22 17:40:00+00	Rubio said the United States was still open to meeting Russian officials if there was a real chance of progress.	said: a statement with no public setting	0.7	\N	capital-ledger.example
86	36	1	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-22 17:40:00+00	Secretary of State Marco Rubio told reporters on Wednesday that he had spoken with Sergey Lavrov by phone on Oct. 20.	'spoken', dated 'oct. 20'	0.75	\N	capital-ledger.example
87	36	3	appearance	2025-10-22	2025-10-22 12:00:00+00	2025-10-22 17:40:00+00	Secretary of State Marco Rubio told reporters on Wednesday that he had spoken with Sergey Lavrov by phone on Oct. 20.	'told', dated 'wednesday'	0.8	\N	capital-ledger.example
88	37	2	mention	2025-10-21	2025-10-21 12:00:00+00	2025-10-21 20:55:00+00	A White House official said on Tuesday that there were no plans for President Donald Trump to meet Vladimir Putin in the immediate future, putting the proposed Budapest summit on hold.	named, no public act reported	0.6	\N	capital-ledger.example
89	37	4	mention	2025-10-21	2025-10-21 12:00:00+00	2025-10-21 20:55:00+00	A White House official said on Tuesday that there were no plans for President Donald Trump to meet Vladimir Putin in the immediate future, putting the proposed Budapest summit on hold.	named, no public act reported	0.6	\N	capital-ledger.example
90	37	4	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-21 20:55:00+00	Trump told reporters he did not want a meeting that would waste time.	'told', publication date, the day the story is about	0.8	\N	capital-ledger.example
91	37	1	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-21 20:55:00+00	The decision followed a call on Oct. 20 between Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov, after which US officials said a face-to-face meeting of the two ministers was not needed.	'call', dated 'oct. 20'	0.75	\N	capital-ledger.example
92	37	3	appearance	2025-10-20	2025-10-20 12:00:00+00	2025-10-21 20:55:00+00	The decision followed a call on Oct. 20 between Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov, after which US officials said a face-to-face meeting of the two ministers was not needed.	'call', dated 'oct. 20'	0.75	\N	capital-ledger.example
93	38	4	appearance	2025-10-17	2025-10-17 12:00:00+00	2025-10-17 21:35:00+00	President Donald Trump met Ukrainian President Volodymyr Zelensky at the White House on Friday and said he would rather not send Tomahawk missiles to Ukraine for now.	'met', dated 'friday'	0.9	\N	capital-ledger.example
94	38	3	appearance	2025-10-17	2025-10-17 12:00:00+00	2025-10-17 21:35:00+00	Secretary of State Marco Rubio attended the meeting.	'attended', publication date	0.9	\N	capital-ledger.example
95	38	2	mention	2025-10-17	2025-10-17 12:00:00+00	2025-10-17 21:35:00+00	Trump said he believed Vladimir Putin wanted to end the war.	named, no public act reported	0.6	\N	capital-ledger.example
96	38	4	mention	2025-10-17	2025-10-17 12:00:00+00	2025-10-17 21:35:00+00	Trump said he believed Vladimir Putin wanted to end the war.	said: a statement with no public setting	0.7	\N	capital-ledger.example
97	39	2	mention	2025-10-16	2025-10-16 12:00:00+00	2025-10-16 19:10:00+00	Trump and Putin agree to meet in Budapest after long phone call	'agree to': an intention, not an act	0.7	\N	capital-ledger.example
98	39	4	mention	2025-10-16	2025-10-16 12:00:00+00	2025-10-16 19:10:00+00	Trump said senior advisers from both countries would meet first, with Secretary of State Marco Rubio leading the US side.	said: a statement with no public setting	0.7	\N	capital-ledger.example
99	39	2	appearance	2025-10-16	2025-10-16 12:00:00+00	2025-10-16 19:10:00+00	President Donald Trump held a phone call with Vladimir Putin on Thursday that lasted more than two hours, and said afterwards that the two leaders had agreed to meet in Budapest.	'phone call', dated 'thursday'	0.75	\N	capital-ledger.example
100	39	4	appearance	2025-10-16	2025-10-16 12:00:00+00	2025-10-16 19:10:00+00	President Donald Trump held a phone call with Vladimir Putin on Thursday that lasted more than two hours, and said afterwards that the two leaders had agreed to meet in Budapest.	'held', dated 'thursday'	0.9	\N	capital-ledger.example
101	39	3	mention	2025-10-16	2025-10-16 12:00:00+00	2025-10-16 19:10:00+00	Trump said senior advisers from both countries would meet first, with Secretary of State Marco Rubio leading the US side.	named, no public act reported	0.6	\N	capital-ledger.example
102	40	4	appearance	2025-10-13	2025-10-13 12:00:00+00	2025-10-13 20:20:00+00	President Donald Trump attended a summit on Gaza in the Egyptian resort of Sharm el-Sheikh on Monday, hours after addressing Israel's parliament in Jerusalem.	'attended', dated 'monday'	0.9	\N	capital-ledger.example
103	40	3	appearance	2025-10-13	2025-10-13 12:00:00+00	2025-10-13 20:20:00+00	Secretary of State Marco Rubio accompanied him at both events.	'accompanied', publication date	0.9	\N	capital-ledger.example
104	41	4	mention	2025-10-08	2025-10-08 12:00:00+00	2025-10-08 22:45:00+00	Secretary of State Marco Rubio passed a handwritten note to President Donald Trump during a roundtable at the White House on Wednesday, telling him that a deal in the Gaza negotiations was close.	named, no public act reported	0.6	\N	capital-ledger.example
105	41	3	appearance	2025-10-08	2025-10-08 12:00:00+00	2025-10-08 22:45:00+00	Secretary of State Marco Rubio passed a handwritten note to President Donald Trump during a roundtable at the White House on Wednesday, telling him that a deal in the Gaza negotiations was close.	'passed', dated 'wednesday'	0.9	\N	capital-ledger.example
106	42	3	mention	2025-10-01	2025-10-01 12:00:00+00	2025-10-01 18:20:00+00	He said essential diplomatic work, including efforts to end the war in Ukraine, would not stop.	said: a statement with no public setting	0.7	\N	capital-ledger.example
107	42	3	appearance	2025-10-01	2025-10-01 12:00:00+00	2025-10-01 18:20:00+00	Secretary of State Marco Rubio told reporters at the State Department on Wednesday that US embassies would keep working during the federal government shutdown that began at midnight.	'told', dated 'wednesday'	0.8	\N	capital-ledger.example
\.


--
-- Data for Name: mute; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.mute (id, official_id, created_at, until, reason, lifted_at) FROM stdin;
1	1	2026-12-01 16:58:04.495784+00	2026-12-31 16:58:04.495784+00	invented: on leave	\N
\.


--
-- Data for Name: official; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.official (id, name, added_at) FROM stdin;
1	Sergey Lavrov	2026-12-01 16:58:00.188857+00
2	Vladimir Putin	2026-12-01 16:58:00.188857+00
3	Marco Rubio	2026-12-01 16:58:00.188857+00
4	Donald Trump	2026-12-01 16:58:00.188857+00
5	John Kerry	2026-12-01 16:58:00.188857+00
6	Choe Son Hui	2026-12-01 16:58:00.188857+00
7	Dmitry Peskov	2026-12-01 16:58:00.188857+00
8	Maria Zakharova	2026-12-01 16:58:00.188857+00
9	Maxim Oreshkin	2026-12-01 16:58:00.188857+00
10	Victoria Nuland	2026-12-01 16:58:00.188857+00
\.


--
-- Name: alert_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.alert_id_seq', 6, true);


--
-- Name: await_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.await_id_seq', 2, true);


--
-- Name: entry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.entry_id_seq', 42, true);


--
-- Name: feed_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.feed_id_seq', 5, true);


--
-- Name: finding_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.finding_id_seq', 107, true);


--
-- Name: mute_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.mute_id_seq', 1, true);


--
-- Name: official_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.official_id_seq', 10, true);


--
-- Name: alert alert_message_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT alert_message_id_key UNIQUE (message_id);


--
-- Name: alert alert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT alert_pkey PRIMARY KEY (id);


--
-- Name: await await_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.await
    ADD CONSTRAINT await_pkey PRIMARY KEY (id);


--
-- Name: entry entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entry
    ADD CONSTRAINT entry_pkey PRIMARY KEY (id);


--
-- Name: feed feed_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed
    ADD CONSTRAINT feed_pkey PRIMARY KEY (id);


--
-- Name: finding finding_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.finding
    ADD CONSTRAINT finding_pkey PRIMARY KEY (id);


--
-- Name: mute mute_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mute
    ADD CONSTRAINT mute_pkey PRIMARY KEY (id);


--
-- Name: official official_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.official
    ADD CONSTRAINT official_pkey PRIMARY KEY (id);


--
-- Name: alert uq_alert; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT uq_alert UNIQUE (official_id, kind, episode);


--
-- Name: await uq_await; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.await
    ADD CONSTRAINT uq_await UNIQUE (official_id, key);


--
-- Name: finding uq_finding; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.finding
    ADD CONSTRAINT uq_finding UNIQUE (entry_id, official_id, kind, day);


--
-- Name: ix_alert_official_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_official_id ON public.alert USING btree (official_id);


--
-- Name: ix_alert_state; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_state ON public.alert USING btree (state);


--
-- Name: ix_await_official_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_await_official_id ON public.await USING btree (official_id);


--
-- Name: ix_entry_canonical_url; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_entry_canonical_url ON public.entry USING btree (canonical_url);


--
-- Name: ix_entry_feed_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_entry_feed_id ON public.entry USING btree (feed_id);


--
-- Name: ix_entry_fingerprint; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_entry_fingerprint ON public.entry USING btree (fingerprint);


--
-- Name: ix_entry_guid; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_entry_guid ON public.entry USING btree (guid);


--
-- Name: ix_entry_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_entry_key ON public.entry USING btree (key);


--
-- Name: ix_entry_published; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_entry_published ON public.entry USING btree (published);


--
-- Name: ix_entry_url; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_entry_url ON public.entry USING btree (url);


--
-- Name: ix_feed_url; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_feed_url ON public.feed USING btree (url);


--
-- Name: ix_finding_last_seen; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_finding_last_seen ON public.finding USING btree (official_id, kind, day, published, seen_at);


--
-- Name: ix_finding_official_kind_published; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_finding_official_kind_published ON public.finding USING btree (official_id, kind, published);


--
-- Name: ix_mute_official_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_mute_official_id ON public.mute USING btree (official_id);


--
-- Name: ix_official_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_official_name ON public.official USING btree (name);


--
-- Name: alert alert_official_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT alert_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.official(id);


--
-- Name: await await_official_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.await
    ADD CONSTRAINT await_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.official(id);


--
-- Name: entry entry_feed_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entry
    ADD CONSTRAINT entry_feed_id_fkey FOREIGN KEY (feed_id) REFERENCES public.feed(id);


--
-- Name: finding finding_entry_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.finding
    ADD CONSTRAINT finding_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES public.entry(id);


--
-- Name: finding finding_official_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.finding
    ADD CONSTRAINT finding_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.official(id);


--
-- Name: mute mute_official_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mute
    ADD CONSTRAINT mute_official_id_fkey FOREIGN KEY (official_id) REFERENCES public.official(id);


--
-- PostgreSQL database dump complete
--


