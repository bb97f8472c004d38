-- The recovery report (issue 17). Written in the SQL that H2 and PostgreSQL share.

-- Each time an APOLOGY completion was refused by the quality checks: which codes refused it, in which
-- language, on which case, by whom, when. Never the draft's text: the report counts how often each
-- check stops agents, and a refused draft is not a statement anybody made to a customer.
-- No foreign key to recovery_case on purpose: the row is written in a transaction of its own while
-- the refused completion still holds the case row's lock, and a foreign key check would wait for it.
create table apology_refusal (
    id         uuid          not null primary key,
    case_id    uuid          not null,
    agent_id   varchar(100)  not null,
    language   varchar(8)    not null,
    refused_at timestamp with time zone not null
);
create index ix_apology_refusal_case on apology_refusal (case_id);

create table apology_refusal_code (
    refusal_id uuid         not null references apology_refusal (id),
    code       varchar(40)  not null,
    primary key (refusal_id, code)
);

-- The proposer's level when they proposed ("within empowerment vs escalated, by level"): their level
-- today may differ. Proposals made before this column existed take the proposer's level of today.
alter table compensation_proposal add column proposer_level varchar(20);
update compensation_proposal set proposer_level =
    (select a.level from agent_empowerment a where a.agent_id = compensation_proposal.proposed_by);

-- The report picks the cases opened in a period (a CRM's own: ix_case_client_created of V1).
create index ix_case_created on recovery_case (created_at);

-- When each step of a case happened, as epoch milliseconds, one row per case: the report's times and SLA
-- figures are differences of whole numbers here. Computing them from timeline_entry (a million rows for
-- 100,000 cases) and from timestamps took seconds; this answers in tens of milliseconds. Kept by the
-- reports feature from the timeline's events, in the transaction that records them (CaseTimings); the
-- first time of each kind counts. No foreign key, like the timeline's other readers it must never hold up
-- a case's own writes.
create table case_timing (
    case_id         uuid   not null primary key,
    opened_ms       bigint not null,
    first_touch_ms  bigint,
    accountable_ms  bigint,
    apologized_ms   bigint,
    emailed_ms      bigint,
    recommended_ms  bigint,
    proposed_ms     bigint,
    recovered_ms    bigint
);
-- Cases opened before this table existed: their timelines tell the same.
insert into case_timing (case_id, opened_ms, first_touch_ms, accountable_ms, apologized_ms, emailed_ms,
        recommended_ms, proposed_ms, recovered_ms)
select c.id, cast(extract(epoch from c.created_at) * 1000 as bigint),
    min(case when t.kind in ('TASK_CLAIMED', 'ACCOUNTABILITY_TAKEN') then t.ms end),
    min(case when t.kind = 'ACCOUNTABILITY_TAKEN' then t.ms end),
    min(case when t.kind = 'APOLOGY_GIVEN' then t.ms end),
    min(case when t.kind = 'EMAIL_SENT' then t.ms end),
    min(case when t.kind = 'COMPENSATION_RECOMMENDED' then t.ms end),
    min(case when t.kind = 'COMPENSATION_PROPOSED' then t.ms end),
    min(case when t.kind = 'RECOVERED' then t.ms end)
from recovery_case c left join (select case_id, kind, cast(extract(epoch from occurred_at) * 1000 as bigint) ms
        from timeline_entry) t on t.case_id = c.id
group by c.id, c.created_at;
