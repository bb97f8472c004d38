-- The name and signature a customer sees under an email from a member of staff
-- (the login id is not a name). Set in the console's profile page, or from the
-- identity provider's name claim when people sign in through OpenID Connect.
create table staff_profile (
    user_id      varchar(100)  not null primary key,
    display_name varchar(200)  not null,
    signature    varchar(200),
    updated_at   timestamp with time zone not null
);

-- The console's "my recent work": an agent's cases, most recently changed first.
create index ix_case_accountable_agent on recovery_case (accountable_agent, updated_at);
