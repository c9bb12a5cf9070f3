//! Versioned schema migrations of the local store, tracked in `user_version`.

use rusqlite::Connection;

use super::StoreError;

/// Each entry moves the schema from version `index` to `index + 1`. Only ever append.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: the cached catalog and the facts about it.
    "CREATE TABLE cached_catalog_item (
        impl_code TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE cache_meta (
        name TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );",
    // 2: the outbox: every submission, committed here before it is sent.
    "CREATE TABLE outbox (
        client_id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_ms INTEGER NOT NULL,
        last_error TEXT,
        case_number TEXT,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
    );
    CREATE INDEX outbox_due ON outbox (state, next_attempt_ms);",
    // 3: drafts, tied to the form version they answer.
    "CREATE TABLE draft (
        draft_id TEXT PRIMARY KEY NOT NULL,
        impl_code TEXT NOT NULL,
        form_id TEXT NOT NULL,
        form_version INTEGER NOT NULL,
        answers TEXT NOT NULL,
        set_aside TEXT NOT NULL DEFAULT '{}',
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
    );",
    // 4: what was pulled from the platform: cases, inbox and licences, for reading offline.
    "CREATE TABLE cached_case (
        application_no TEXT PRIMARY KEY NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE cached_message (
        message_id INTEGER PRIMARY KEY NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE cached_licence (
        licence_no TEXT PRIMARY KEY NOT NULL,
        body TEXT NOT NULL
    );",
    // 5: form definitions; a published version never changes, so it is kept for good.
    "CREATE TABLE cached_form (
        form_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (form_id, version)
    );",
    // 6: files attached to answers, kept here (encrypted with the rest) until the platform has them.
    "CREATE TABLE local_attachment (
        sha256 TEXT PRIMARY KEY NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        body BLOB NOT NULL,
        uploaded INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL
    );",
    // 7: the person's choices (text size, colours, reading aloud), one JSON value per name.
    "CREATE TABLE preference (
        name TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );",
    // 8: the departments' public keys, for checking licence seals offline.
    "CREATE TABLE cached_department_key (
        key_id TEXT PRIMARY KEY NOT NULL,
        body TEXT NOT NULL
    );",
    // 9: the person's requests (诉求) as last pulled.
    "CREATE TABLE cached_request (
        request_no TEXT PRIMARY KEY NOT NULL,
        body TEXT NOT NULL
    );",
    // 10: messages read here that the platform has not heard of yet (read offline).
    "CREATE TABLE message_read_untold (
        message_id INTEGER PRIMARY KEY NOT NULL
    );",
    // 11: every personal row belongs to one platform account. Drafts, the outbox and kept files made
    // before are given to the account whose copies were pulled last (the one logged in), when one
    // was; else to nobody (''), never shown nor sent. Pulled copies are pulled again.
    "ALTER TABLE draft ADD COLUMN account_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE outbox ADD COLUMN account_id TEXT NOT NULL DEFAULT '';
    CREATE TABLE local_attachment_of_account (
        account_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        body BLOB NOT NULL,
        uploaded INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL,
        PRIMARY KEY (account_id, sha256)
    );
    INSERT INTO local_attachment_of_account
        SELECT '', sha256, media_type, size, body, uploaded, created_ms FROM local_attachment;
    DROP TABLE local_attachment;
    ALTER TABLE local_attachment_of_account RENAME TO local_attachment;
    CREATE TABLE account_meta (
        account_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (account_id, name)
    );
    UPDATE draft SET account_id = COALESCE(
        (SELECT json_extract(value, '$.account_id') FROM cache_meta WHERE name = 'profile'), '');
    UPDATE outbox SET account_id = COALESCE(
        (SELECT json_extract(value, '$.account_id') FROM cache_meta WHERE name = 'profile'), '');
    UPDATE local_attachment SET account_id = COALESCE(
        (SELECT json_extract(value, '$.account_id') FROM cache_meta WHERE name = 'profile'), '');
    DELETE FROM cache_meta WHERE name IN ('profile', 'message_cursor');
    DROP TABLE cached_case;
    DROP TABLE cached_request;
    DROP TABLE cached_message;
    DROP TABLE cached_licence;
    DROP TABLE message_read_untold;
    CREATE TABLE cached_case (
        account_id TEXT NOT NULL,
        application_no TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (account_id, application_no)
    );
    CREATE TABLE cached_request (
        account_id TEXT NOT NULL,
        request_no TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (account_id, request_no)
    );
    CREATE TABLE cached_message (
        account_id TEXT NOT NULL,
        message_id INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (account_id, message_id)
    );
    CREATE TABLE cached_licence (
        account_id TEXT NOT NULL,
        licence_no TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (account_id, licence_no)
    );
    CREATE TABLE message_read_untold (
        account_id TEXT NOT NULL,
        message_id INTEGER NOT NULL,
        PRIMARY KEY (account_id, message_id)
    );
    CREATE INDEX draft_of_account ON draft (account_id, updated_ms);
    DROP INDEX outbox_due;
    CREATE INDEX outbox_due ON outbox (account_id, state, next_attempt_ms);
    CREATE INDEX outbox_of_kind ON outbox (account_id, kind);",
    // 12: department keys are pinned once seen; a different key offered later under the same id is
    // kept apart, as evidence, and never trusted.
    "ALTER TABLE cached_department_key ADD COLUMN offered_instead TEXT;",
    // 13: a submission a clerk confirmed for a resident names the assisted session it was confirmed
    // in (staff mode); it is sent in that session only.
    "ALTER TABLE outbox ADD COLUMN assisted_session TEXT;",
    // 14: a submission whose assisted session ended (结束办理) is forgotten the moment it is sent:
    // nothing of the resident stays on the counter's computer once it went out.
    "ALTER TABLE outbox ADD COLUMN assisted_ended INTEGER NOT NULL DEFAULT 0;",
    // 15: the delivery key of each assisted session started here, kept while anything of the
    // session waits in the outbox: with it this computer delivers what a clerk confirmed in the
    // session under whichever clerk of her centre is logged in.
    "CREATE TABLE assisted_delivery (
        session_id TEXT PRIMARY KEY NOT NULL,
        delivery_key TEXT NOT NULL
    );",
    // 16: a kiosk visitor's submission key while she is logged in, and, once her visit ends, the
    // grant made of it for each submission of hers still waiting: with it the kiosk files that one
    // submission for her under its own login.
    "CREATE TABLE kiosk_submission_key (
        account_id TEXT PRIMARY KEY NOT NULL,
        login_id TEXT NOT NULL,
        submission_key TEXT NOT NULL
    );
    CREATE TABLE kiosk_grant (
        client_id TEXT PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL,
        grant TEXT NOT NULL
    );",
    // 17: the grant of each file a kiosk visitor kept here and the kiosk has not uploaded yet: with
    // it the kiosk uploads that file for her under its own login when a waiting submission names it.
    "CREATE TABLE kiosk_file_grant (
        account_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        grant TEXT NOT NULL,
        PRIMARY KEY (account_id, sha256)
    );",
    // 18: 亲友代办: what a relative confirmed for the person who agreed to it, sent with his login
    // in that grant (its rows are kept under the pair, `helper/person`).
    "ALTER TABLE outbox ADD COLUMN relative_grant TEXT;",
];

/// Applies every migration newer than the file's schema, each in its own transaction.
pub fn apply(connection: &Connection) -> Result<(), StoreError> {
    let found: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    if found > known {
        return Err(StoreError::TooNew(found));
    }
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(found).unwrap_or(0))
    {
        let version = i64::try_from(index + 1).unwrap_or(i64::MAX);
        connection.execute_batch(&format!(
            "BEGIN IMMEDIATE; {sql}; PRAGMA user_version = {version}; COMMIT;"
        ))?;
    }
    Ok(())
}
