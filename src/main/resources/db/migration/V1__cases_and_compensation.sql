-- The service's own tables. The engine keeps its ACT_* tables itself.
-- Written in the SQL that H2 and PostgreSQL share, so both run the same migrations.

create table recovery_case (
    id                   uuid          not null primary key,
    client_id            varchar(100)  not null,
    external_ref         varchar(100)  not null,
    customer_id          varchar(100)  not null,
    customer_name        varchar(200)  not null,
    customer_email       varchar(320)  not null,
    customer_locale      varchar(35)   not null,
    customer_tier        varchar(20)   not null,
    failure_stage        varchar(20)   not null,
    failure_channel      varchar(20)   not null,
    failure_category     varchar(100)  not null,
    failure_description  varchar(4000) not null,
    severity             varchar(20)   not null,
    occurred_at          timestamp with time zone not null,
    order_amount         numeric(14, 2),
    order_currency       varchar(3),
    owner_agent          varchar(100),
    accountable_agent    varchar(100),
    root_cause           varchar(100),
    accountability_statement varchar(4000),
    apology_message      varchar(4000),
    apology_via          varchar(20),
    status               varchar(40)   not null,
    current_step         varchar(40),
    priority             integer       not null,
    repeat_failure       boolean       not null,
    process_instance_id  varchar(64),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    closed_at            timestamp with time zone,
    version              bigint        not null,
    constraint uk_case_client_external_ref unique (client_id, external_ref)
);
create index ix_case_customer on recovery_case (client_id, customer_id, occurred_at);
create index ix_case_client_created on recovery_case (client_id, created_at, id);
create index ix_case_status on recovery_case (status, created_at);
create index ix_case_process_instance on recovery_case (process_instance_id);

create table timeline_entry (
    id          uuid          not null primary key,
    case_id     uuid          not null references recovery_case (id),
    occurred_at timestamp with time zone not null,
    kind        varchar(40)   not null,
    actor       varchar(100)  not null,
    summary     varchar(500)  not null,
    details     varchar(8000)
);
create index ix_timeline_case on timeline_entry (case_id, occurred_at);

-- Idempotency-Key records: the first answer is kept and replayed for the same key and body.
create table idempotency_record (
    client_id       varchar(100) not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    state           varchar(20)  not null,
    response_status integer,
    response_body   varchar(16000),
    case_id         uuid,
    locked_at       timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    primary key (client_id, idempotency_key)
);
create index ix_idempotency_expiry on idempotency_record (expires_at);

create table compensation_proposal (
    id              uuid          not null primary key,
    case_id         uuid          not null references recovery_case (id),
    comp_type       varchar(20)   not null,
    amount          numeric(14, 2),
    currency        varchar(3),
    reason          varchar(2000) not null,
    proposed_by     varchar(100)  not null,
    proposed_at     timestamp with time zone not null,
    outcome         varchar(40)   not null,
    approver_level  varchar(20),
    decided_by      varchar(100),
    decided_at      timestamp with time zone,
    approved_amount numeric(14, 2),
    decision_note   varchar(2000)
);
create index ix_proposal_case on compensation_proposal (case_id, proposed_at);

-- One grant per case: the unique constraint, not a check in code, is what guarantees it.
create table compensation_grant (
    id              uuid         not null primary key,
    case_id         uuid         not null references recovery_case (id),
    proposal_id     uuid         not null references compensation_proposal (id),
    comp_type       varchar(20)  not null,
    amount          numeric(14, 2) not null,
    currency        varchar(3),
    voucher_code    varchar(40),
    approved_by     varchar(100) not null,
    granted_at      timestamp with time zone not null,
    constraint uk_grant_case unique (case_id),
    constraint uk_grant_voucher unique (voucher_code)
);

-- One row per email the process sends: the Message-ID is derived from case and step,
-- so a retried step finds the row and does not send a second email.
create table email_delivery (
    id          uuid          not null primary key,
    case_id     uuid          not null references recovery_case (id),
    step        varchar(40)   not null,
    message_id  varchar(200)  not null,
    recipient   varchar(320)  not null,
    locale      varchar(35)   not null,
    status      varchar(20)   not null,
    attempts    integer       not null,
    last_error  varchar(2000),
    accepted_at timestamp with time zone,
    constraint uk_email_case_step unique (case_id, step),
    constraint uk_email_message_id unique (message_id)
);

-- What the compensation matrix recommended for a case, shown on the COMPENSATION task.
create table compensation_recommendation (
    case_id        uuid        not null primary key references recovery_case (id),
    comp_type      varchar(20) not null,
    amount         numeric(14, 2),
    currency       varchar(3),
    matrix_percent integer     not null,
    recommended_at timestamp with time zone not null
);
