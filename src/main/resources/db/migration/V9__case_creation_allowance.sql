-- The case-creation rate limit, shared by every replica (issue 18): one token bucket per CRM client.
-- A request takes a token under the row's lock, so replicas count against one allowance.
-- Written in the SQL that H2 and PostgreSQL share.
create table case_creation_allowance (
    client_id  varchar(100)     not null primary key,
    tokens     double precision not null,
    updated_at timestamp with time zone not null
);
