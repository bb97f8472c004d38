-- The demo users' names, as the customer sees them under an email. Inserted only where
-- missing, so a name changed on the profile page survives a restart.
insert into staff_profile (user_id, display_name, signature, updated_at)
select v.user_id, v.display_name, null, current_timestamp from (
    select 'agent-ana' as user_id, 'Ana Bērziņa' as display_name
    union all select 'agent-ben', 'Ben Carter'
    union all select 'lead-lena', 'Lena Lindqvist'
    union all select 'manager-max', 'Max Müller'
    union all select 'director-dora', 'Dora Nilsen') v
where not exists (select 1 from staff_profile p where p.user_id = v.user_id);
