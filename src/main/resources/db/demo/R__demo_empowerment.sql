-- Demo defaults (profile demo, and the tests that inherit it), in EUR:
-- AGENT 50 per case, 15 %, 500 a day; SENIOR_AGENT 150, 25 %, 1,500; TEAM_LEAD 500, 40 %,
-- 5,000; MANAGER 2,000, 60 %, 20,000; DIRECTOR no limit. Inserted only where missing,
-- so changes made through the API survive a restart.
insert into empowerment_level_limit (level, currency, max_credit_per_case, max_discount_percent, daily_budget)
select v.level, 'EUR', v.credit, v.discount, v.budget from (
    select 'AGENT' as level, cast(50.00 as numeric(14, 2)) as credit, 15 as discount, cast(500.00 as numeric(14, 2)) as budget
    union all select 'SENIOR_AGENT', 150.00, 25, 1500.00
    union all select 'TEAM_LEAD', 500.00, 40, 5000.00
    union all select 'MANAGER', 2000.00, 60, 20000.00
    union all select 'DIRECTOR', null, 100, null) v
where not exists (select 1 from empowerment_level_limit l where l.level = v.level and l.currency = 'EUR');

insert into agent_empowerment (agent_id, level, version, updated_at, updated_by)
select v.agent_id, v.level, 1, current_timestamp, 'demo-seed' from (
    select 'agent-ana' as agent_id, 'AGENT' as level
    union all select 'agent-ben', 'AGENT'
    union all select 'lead-lena', 'TEAM_LEAD'
    union all select 'manager-max', 'MANAGER'
    union all select 'director-dora', 'DIRECTOR') v
where not exists (select 1 from agent_empowerment a where a.agent_id = v.agent_id);
