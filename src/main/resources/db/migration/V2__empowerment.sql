-- Empowerment managed in the database: limits per level and currency, each agent's
-- level and personal overrides, every change audited, budgets reserved per approval.

-- One row per level: its version is the level's ETag.
create table empowerment_level (
    level      varchar(20)  not null primary key,
    version    bigint       not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(100) not null
);
insert into empowerment_level (level, version, updated_at, updated_by) values
    ('AGENT', 1, current_timestamp, 'migration'),
    ('SENIOR_AGENT', 1, current_timestamp, 'migration'),
    ('TEAM_LEAD', 1, current_timestamp, 'migration'),
    ('MANAGER', 1, current_timestamp, 'migration'),
    ('DIRECTOR', 1, current_timestamp, 'migration');

-- A null cap means "no cap" (a director); a currency without a row means the level
-- may not grant in that currency on its own.
create table empowerment_level_limit (
    level                varchar(20)   not null references empowerment_level (level),
    currency             varchar(3)    not null,
    max_credit_per_case  numeric(14, 2),
    max_discount_percent integer       not null,
    daily_budget         numeric(14, 2),
    primary key (level, currency)
);

-- Every person who decides: their level, and the row their budget reservations lock.
create table agent_empowerment (
    agent_id   varchar(100) not null primary key,
    level      varchar(20)  not null references empowerment_level (level),
    version    bigint       not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(100) not null
);

-- Personal overrides; a null field inherits the level's value.
create table agent_limit_override (
    agent_id             varchar(100)  not null references agent_empowerment (agent_id),
    currency             varchar(3)    not null,
    max_credit_per_case  numeric(14, 2),
    max_discount_percent integer,
    daily_budget         numeric(14, 2),
    primary key (agent_id, currency)
);

create table empowerment_audit (
    id          uuid          not null primary key,
    changed_at  timestamp with time zone not null,
    changed_by  varchar(100)  not null,
    target_type varchar(20)   not null,
    target_id   varchar(100)  not null,
    old_value   varchar(8000),
    new_value   varchar(8000) not null,
    reason      varchar(2000) not null
);
create index ix_audit_target on empowerment_audit (target_type, target_id, changed_at);
create index ix_audit_time on empowerment_audit (changed_at, id);

-- Credits a person approved, counted against their rolling 24-hour budget.
create table budget_reservation (
    id          uuid          not null primary key,
    agent_id    varchar(100)  not null,
    currency    varchar(3)    not null,
    amount      numeric(14, 2) not null,
    case_id     uuid          not null references recovery_case (id),
    proposal_id uuid          not null references compensation_proposal (id),
    reserved_at timestamp with time zone not null
);
create index ix_budget_window on budget_reservation (agent_id, currency, reserved_at);

-- Who may decide a pending proposal now (changes when the approval escalates).
alter table compensation_proposal add column escalations integer default 0 not null;
alter table compensation_proposal add column decision_currency varchar(3);
