-- The open human tasks as the service lists them: one row per open task of the process,
-- written by the task listeners in the engine's own transaction (created, assigned, completed,
-- deleted). Lists read only this table, in inbox order (priority, then due time), so every
-- filter is a WHERE clause and a page is never short while more tasks exist.
create table task_inbox (
    task_id              varchar(64)   not null primary key,
    case_id              uuid          not null,
    process_instance_id  varchar(64)   not null,
    step                 varchar(32)   not null,
    assignee             varchar(255),
    -- approvals: the lowest level whose managers may take it (every level above may too); null for agents' steps
    approver_level       varchar(32),
    -- approvals: who proposed; they never see the approval of their own proposal
    proposed_by          varchar(255),
    priority             integer       not null,
    due_at               timestamp with time zone not null,
    created_at           timestamp with time zone not null,
    customer_name        varchar(255)  not null,
    severity             varchar(16)   not null
);
create index ix_task_inbox_order on task_inbox (priority desc, due_at, task_id);
create index ix_task_inbox_assignee on task_inbox (assignee, priority desc, due_at, task_id);
create index ix_task_inbox_case on task_inbox (case_id);
