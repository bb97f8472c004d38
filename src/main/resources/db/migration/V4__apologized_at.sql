-- When the apology of a case was given. The canned-apology check compares a new apology with
-- those of the last 30 days; it used updated_at, which moves with every later step of the case
-- (and so kept old apologies in the window). Cases apologized before this column existed take
-- updated_at, the best time known for them. The index serves the check's "newest first" query.
alter table recovery_case add column apologized_at timestamp with time zone;
update recovery_case set apologized_at = updated_at where apology_message is not null;
create index ix_case_apologized on recovery_case (apologized_at);
