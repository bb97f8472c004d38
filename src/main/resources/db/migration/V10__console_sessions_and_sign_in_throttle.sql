-- The console's sessions live on the server (issue 30), so that signing out, or the provider's back-channel
-- logout, ends them on every replica: a cookie replayed afterwards finds its row ended and is refused.
-- The cookie carries a random secret; only its SHA-256 is stored, so a copy of this table opens no session.
-- Written in the SQL that H2 and PostgreSQL share.
create table console_session (
    id_hash     varchar(64)  not null primary key,
    person      varchar(255) not null,
    mechanism   varchar(10)  not null,
    -- OpenID Connect sessions only: the token's subject and the provider's session id (sid), which the
    -- provider's back-channel logout names
    subject          varchar(255),
    provider_session varchar(255),
    started_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    ended_at    timestamp with time zone
);
create index console_session_person on console_session (person);
create index console_session_expires on console_session (expires_at);
create index console_session_subject on console_session (subject);

-- Failed sign-ins, counted per user name and per client address ("user:<name>", "address:<ip>"), shared by
-- every replica. A key with too many failures is refused until locked_until, a back-off that grows with each
-- further failure and ends on its own (a stranger cannot lock an agent out for the day).
create table sign_in_throttle (
    throttle_key     varchar(300) not null primary key,
    failures         integer      not null,
    last_failure_at  timestamp with time zone not null,
    locked_until     timestamp with time zone
);
create index sign_in_throttle_last_failure on sign_in_throttle (last_failure_at);
