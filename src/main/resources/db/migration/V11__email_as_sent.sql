-- The email as sent (issue 32): the follow-up is rendered once, when its delivery is first prepared, and
-- kept with the delivery, so a retry sends exactly these words and the case page shows what the customer got.
-- The language it is written in is the existing column locale. Rows from before this migration have nulls:
-- their next send renders as before and stores the result then. Written in the SQL that H2 and PostgreSQL
-- share (varchar, as the other long texts here): the apology is at most 4000 characters, escaped in HTML at
-- most six times as long, with some 1000 characters of the email's own words around it.
alter table email_delivery add column subject varchar(1000);
alter table email_delivery add column text_body varchar(16000);
alter table email_delivery add column html_body varchar(32000);
