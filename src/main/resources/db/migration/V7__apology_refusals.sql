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

-- The report picks the cases opened in a period (optionally of one CRM client) and aggregates what
-- hangs off them; these indexes let it reach the cases of a period and the timeline's few kinds it reads.
create index ix_case_created on recovery_case (created_at);
create index ix_timeline_kind_case on timeline_entry (kind, case_id, occurred_at);
