-- The inbox for a full day: the case's reference, category, order value and repeat-failure mark
-- are copied into the task's row when the row is written (a case's facts do not change while its
-- task is open), so the inbox stays one query over task_inbox and its order indexes, no join.
alter table task_inbox add column external_ref varchar(100);
alter table task_inbox add column customer_id varchar(100);
alter table task_inbox add column failure_category varchar(100);
alter table task_inbox add column order_amount numeric(14, 2);
alter table task_inbox add column order_currency varchar(3);
alter table task_inbox add column repeat_failure boolean default false not null;
-- What the inbox's one search box matches: reference, customer id and name, lower case with the
-- accents taken off ("Åsa" is kept as "asa"). Folding accents needs java.text.Normalizer (SQL has
-- no portable way), so the service writes it with the row and fills the rows below at start
-- (InboxSearchBackfill); null until then.
alter table task_inbox add column search_key varchar(500);

update task_inbox set
    external_ref = (select c.external_ref from recovery_case c where c.id = task_inbox.case_id),
    customer_id = (select c.customer_id from recovery_case c where c.id = task_inbox.case_id),
    failure_category = (select c.failure_category from recovery_case c where c.id = task_inbox.case_id),
    order_amount = (select c.order_amount from recovery_case c where c.id = task_inbox.case_id),
    order_currency = (select c.order_currency from recovery_case c where c.id = task_inbox.case_id),
    repeat_failure = coalesce((select c.repeat_failure from recovery_case c where c.id = task_inbox.case_id), false);

-- Rows still to be given their search key: found without reading the whole table at every start.
create index ix_task_inbox_unsearchable on task_inbox (search_key);

-- The time zone the console shows a person's times in (an IANA id such as Europe/Stockholm); null is UTC.
alter table staff_profile add column time_zone varchar(64);
-- Whether the inbox's one-key shortcuts are on (WCAG 2.1.4: a person can turn them off).
alter table staff_profile add column shortcuts boolean default true not null;
