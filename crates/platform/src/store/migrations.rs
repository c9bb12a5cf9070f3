//! Versioned schema migrations, tracked in SQLite's `user_version`.

use rusqlite::Connection;

use super::StoreError;

/// Each entry moves the schema from version `index` to `index + 1`. Only ever append.
const MIGRATIONS: &[&str] = &[
    // 1: the service catalog and its revision counter.
    "CREATE TABLE catalog_item (
        impl_code TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        body TEXT NOT NULL,
        revision INTEGER NOT NULL
    );
    CREATE INDEX catalog_item_name ON catalog_item (name);
    CREATE TABLE catalog_meta (
        id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
        revision INTEGER NOT NULL
    );
    INSERT INTO catalog_meta (id, revision) VALUES (1, 0);",
    // 2: versioned form definitions.
    "CREATE TABLE form_definition (
        form_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (form_id, version)
    );",
    // 3: accounts, SMS, login codes, rate limits and token families.
    "CREATE TABLE account (
        account_id TEXT PRIMARY KEY NOT NULL,
        role TEXT NOT NULL,
        phone TEXT UNIQUE,
        username TEXT UNIQUE,
        password_hash TEXT,
        name TEXT,
        id_number TEXT UNIQUE,
        department TEXT,
        created_ms INTEGER NOT NULL
    );
    CREATE TABLE sms_outbox (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,
        text TEXT NOT NULL,
        sent_ms INTEGER NOT NULL
    );
    CREATE TABLE sms_code (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        used INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sms_code_phone ON sms_code (phone, created_ms);
    CREATE TABLE login_failure (
        id INTEGER PRIMARY KEY,
        login_key TEXT NOT NULL,
        at_ms INTEGER NOT NULL
    );
    CREATE INDEX login_failure_key ON login_failure (login_key, at_ms);
    CREATE TABLE token_family (
        family_id TEXT PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL REFERENCES account (account_id),
        created_ms INTEGER NOT NULL,
        revoked_ms INTEGER
    );
    CREATE TABLE access_token (
        token_hash TEXT PRIMARY KEY NOT NULL,
        family_id TEXT NOT NULL REFERENCES token_family (family_id),
        expires_ms INTEGER NOT NULL
    );
    CREATE TABLE refresh_token (
        token_hash TEXT PRIMARY KEY NOT NULL,
        family_id TEXT NOT NULL REFERENCES token_family (family_id),
        expires_ms INTEGER NOT NULL,
        used_ms INTEGER
    );",
    // 4: applications (办件), their steps and evaluations.
    "CREATE TABLE counter (
        name TEXT PRIMARY KEY NOT NULL,
        value INTEGER NOT NULL
    );
    CREATE TABLE application (
        application_no TEXT PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL REFERENCES account (account_id),
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        impl_code TEXT NOT NULL,
        item_name TEXT NOT NULL,
        department TEXT NOT NULL,
        promised_days INTEGER NOT NULL,
        channel TEXT NOT NULL,
        applicant_name TEXT,
        agent TEXT,
        answers TEXT NOT NULL,
        status TEXT NOT NULL,
        result TEXT,
        submitted_ms INTEGER NOT NULL,
        finished_ms INTEGER,
        UNIQUE (account_id, idempotency_key)
    );
    CREATE INDEX application_account ON application (account_id, submitted_ms);
    CREATE TABLE application_step (
        application_no TEXT NOT NULL REFERENCES application (application_no),
        seq INTEGER NOT NULL,
        status TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        actor TEXT,
        remark TEXT,
        PRIMARY KEY (application_no, seq)
    );
    CREATE TABLE evaluation (
        application_no TEXT PRIMARY KEY NOT NULL REFERENCES application (application_no),
        level INTEGER NOT NULL,
        reason TEXT,
        at_ms INTEGER NOT NULL,
        rectification_due TEXT,
        rectification_reply TEXT
    );",
    // 5: the append-only audit log, a hash chain, with its head kept apart to catch removed tail rows.
    "CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY NOT NULL,
        at_ms INTEGER NOT NULL,
        request_id TEXT NOT NULL,
        actor TEXT,
        role TEXT,
        on_behalf_of TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        outcome INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
    // 6: the inbox.
    "CREATE TABLE message (
        message_id INTEGER PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL REFERENCES account (account_id),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        application_no TEXT,
        request_no TEXT,
        created_ms INTEGER NOT NULL,
        read_ms INTEGER
    );
    CREATE INDEX message_account ON message (account_id, message_id);",
    // 7: electronic licences, stored as signed.
    "CREATE TABLE licence (
        licence_no TEXT PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL REFERENCES account (account_id),
        licence_type TEXT NOT NULL,
        body TEXT NOT NULL,
        issued_ms INTEGER NOT NULL
    );
    CREATE INDEX licence_account ON licence (account_id, issued_ms);",
    // 8: RFC 8628 device grants for kiosks.
    "CREATE TABLE device_grant (
        device_code_hash TEXT PRIMARY KEY NOT NULL,
        user_code TEXT NOT NULL UNIQUE,
        kiosk_account_id TEXT NOT NULL REFERENCES account (account_id),
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL,
        interval_s INTEGER NOT NULL,
        last_poll_ms INTEGER,
        approved_account_id TEXT REFERENCES account (account_id),
        denied INTEGER NOT NULL DEFAULT 0,
        consumed INTEGER NOT NULL DEFAULT 0
    );",
    // 9: requests (诉求) and their closed loop.
    "CREATE TABLE service_request (
        request_no TEXT PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL REFERENCES account (account_id),
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        department TEXT,
        submitted_ms INTEGER NOT NULL
    );
    CREATE INDEX service_request_account ON service_request (account_id, submitted_ms);
    CREATE TABLE service_request_step (
        request_no TEXT NOT NULL REFERENCES service_request (request_no),
        seq INTEGER NOT NULL,
        status TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        actor TEXT,
        remark TEXT,
        PRIMARY KEY (request_no, seq)
    );",
    // 10: assisted sessions (staff acting for a resident).
    "CREATE TABLE assisted_session (
        session_id TEXT PRIMARY KEY NOT NULL,
        staff_account_id TEXT NOT NULL REFERENCES account (account_id),
        resident_account_id TEXT NOT NULL REFERENCES account (account_id),
        code_hash TEXT,
        code_attempts INTEGER NOT NULL DEFAULT 0,
        consent_method TEXT,
        consent_evidence TEXT,
        created_ms INTEGER NOT NULL,
        opened_ms INTEGER,
        closed_ms INTEGER
    );
    CREATE INDEX assisted_session_resident ON assisted_session (resident_account_id, created_ms);",
    // 11: attachments, content-addressed, with who uploaded them.
    "CREATE TABLE attachment (
        sha256 TEXT PRIMARY KEY NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        body BLOB NOT NULL,
        created_ms INTEGER NOT NULL
    );
    CREATE TABLE attachment_owner (
        sha256 TEXT NOT NULL REFERENCES attachment (sha256),
        account_id TEXT NOT NULL REFERENCES account (account_id),
        PRIMARY KEY (sha256, account_id)
    );",
    // 12: resumable uploads, one per account and file; the bytes grow chunk by chunk until complete.
    "CREATE TABLE upload (
        upload_id TEXT PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL REFERENCES account (account_id),
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        received INTEGER NOT NULL DEFAULT 0,
        body BLOB NOT NULL DEFAULT x'',
        media_type TEXT,
        created_ms INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX upload_per_file ON upload (account_id, sha256);",
    // 13: a request filed twice under the same Idempotency-Key (a retry after a lost answer) is
    // the same request.
    "ALTER TABLE service_request ADD COLUMN idempotency_key TEXT;
    CREATE UNIQUE INDEX service_request_idempotency
        ON service_request (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;",
    // 14: an assisted session begun for a name and ID number that match nobody looks like any
    // other until consent (no identity oracle): its resident is NULL and the name typed is kept;
    // a file's owners are kept with when they uploaded it (a consent signature must be new); every
    // start is counted, per staff member and per ID number, for rate limits.
    "CREATE TABLE assisted_session_v14 (
        session_id TEXT PRIMARY KEY NOT NULL,
        staff_account_id TEXT NOT NULL REFERENCES account (account_id),
        resident_account_id TEXT REFERENCES account (account_id),
        named_as TEXT NOT NULL DEFAULT '',
        code_hash TEXT,
        code_attempts INTEGER NOT NULL DEFAULT 0,
        consent_method TEXT,
        consent_evidence TEXT,
        created_ms INTEGER NOT NULL,
        opened_ms INTEGER,
        closed_ms INTEGER
    );
    INSERT INTO assisted_session_v14 (session_id, staff_account_id, resident_account_id, code_hash,
            code_attempts, consent_method, consent_evidence, created_ms, opened_ms, closed_ms)
        SELECT session_id, staff_account_id, resident_account_id, code_hash, code_attempts,
            consent_method, consent_evidence, created_ms, opened_ms, closed_ms
        FROM assisted_session;
    DROP TABLE assisted_session;
    ALTER TABLE assisted_session_v14 RENAME TO assisted_session;
    CREATE INDEX assisted_session_resident ON assisted_session (resident_account_id, created_ms);
    ALTER TABLE attachment_owner ADD COLUMN owned_ms INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE assisted_start (
        staff_account_id TEXT NOT NULL,
        id_number_hash TEXT NOT NULL,
        at_ms INTEGER NOT NULL
    );
    CREATE INDEX assisted_start_staff ON assisted_start (staff_account_id, at_ms);
    CREATE INDEX assisted_start_resident ON assisted_start (id_number_hash, at_ms);",
    // 15: the first answer to an action sent under an Idempotency-Key (补正, 好差评, 回访, 评价), so
    // that a retry after a lost answer gets it again instead of a conflict.
    "CREATE TABLE idempotent_answer (
        account_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        action TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        answer TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        PRIMARY KEY (account_id, idempotency_key)
    );",
    // 16: a citizen's real name and ID number count as her identity only once checked (实名认证:
    // when, and by whom or what); the questions a 补正 request asks, which alone it may answer.
    "ALTER TABLE account ADD COLUMN real_name_ms INTEGER;
    ALTER TABLE account ADD COLUMN real_name_by TEXT;
    UPDATE account SET real_name_ms = created_ms, real_name_by = 'migrated'
        WHERE role = 'citizen' AND name IS NOT NULL AND id_number IS NOT NULL;
    ALTER TABLE application ADD COLUMN supplement_questions TEXT;",
    // 17: audit rows keyed with an HMAC whose key lives outside the database; the head records from
    // which row on every row is keyed, under its own HMAC.
    "ALTER TABLE audit_log ADD COLUMN mac TEXT;
    ALTER TABLE audit_head ADD COLUMN keyed_from INTEGER;
    ALTER TABLE audit_head ADD COLUMN mac TEXT;",
    // 18: who acted, and for whom, are looked up by index (`GET /me/acted-for-me`).
    "CREATE INDEX audit_log_actor ON audit_log (actor, seq);
    CREATE INDEX audit_log_on_behalf_of ON audit_log (on_behalf_of, seq);",
    // 19: what kind of login a token family is (the app, or a kiosk a citizen approved) and, for a
    // kiosk, which one; a citizen lists her logins and ends any of them.
    "ALTER TABLE token_family ADD COLUMN kind TEXT NOT NULL DEFAULT 'app';
    ALTER TABLE token_family ADD COLUMN device TEXT;
    CREATE INDEX token_family_account ON token_family (account_id, created_ms);",
    // 20: what a clerk confirmed for a resident in an assisted session and had not sent when she
    // closed it: those submissions (by Idempotency-Key), and no others, are filed in the closed
    // session when they arrive.
    "CREATE TABLE assisted_pending (
        session_id TEXT NOT NULL REFERENCES assisted_session (session_id),
        idempotency_key TEXT NOT NULL,
        PRIMARY KEY (session_id, idempotency_key)
    );",
    // 21: a consent by signature names the centre's manager who saw the resident sign.
    "ALTER TABLE assisted_session ADD COLUMN approved_by TEXT REFERENCES account (account_id);",
    // 22: a session's delivery key (its SHA-256; the key itself is given once, to the computer that
    // starts the session), with which that computer delivers what was confirmed in it under any
    // login of the clerk's centre; and the session each audit row's request was made in, so that
    // what a colleague delivered shows in the session it belongs to.
    "ALTER TABLE assisted_session ADD COLUMN delivery_key_hash TEXT;
    ALTER TABLE audit_log ADD COLUMN assisted_session TEXT;",
    // 23: each kiosk's last heartbeat (what it is doing, its printer, what waits on it), and the
    // config the platform gives it (idle and countdown seconds, the services it offers).
    "CREATE TABLE kiosk_heartbeat (
        account_id TEXT PRIMARY KEY NOT NULL REFERENCES account (account_id),
        at_ms INTEGER NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE kiosk_config (
        account_id TEXT PRIMARY KEY NOT NULL REFERENCES account (account_id),
        body TEXT NOT NULL
    );",
    // 24: a kiosk login's submission key and its kiosk: the kiosk files with its own login what the
    // person confirmed there and could not be sent before her login ended, one grant a submission.
    "ALTER TABLE token_family ADD COLUMN kiosk_account_id TEXT REFERENCES account (account_id);
    ALTER TABLE token_family ADD COLUMN submission_key TEXT;",
    // 25: kiosks' calls for staff (请工作人员过来): the centre whose staff see it, who is going,
    // and when it ended; open calls are looked up by centre.
    "CREATE TABLE kiosk_call (
        call_id TEXT PRIMARY KEY NOT NULL,
        kiosk_account_id TEXT NOT NULL REFERENCES account (account_id),
        centre TEXT NOT NULL,
        raised_ms INTEGER NOT NULL,
        answered_by TEXT REFERENCES account (account_id),
        answered_ms INTEGER,
        ended_ms INTEGER
    );
    CREATE INDEX kiosk_call_open ON kiosk_call (centre, ended_ms);",
    // 26: each district's service centre residents call (求助), and the district an account lives
    // in, so that her centre's number is the one she is shown.
    "CREATE TABLE service_centre (
        district_code TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL UNIQUE,
        district_name TEXT NOT NULL,
        phone TEXT NOT NULL,
        hours TEXT NOT NULL,
        address TEXT NOT NULL
    );
    ALTER TABLE account ADD COLUMN district_code TEXT;",
    // 27: 亲友代办: a relative asks to act for a person by her phone; she agrees (in her app, or by
    // the code texted to her, which she reads out to him), refuses, or ends it; it runs out after a
    // year. A phone that matches nobody gets a grant too, answered the same way, that never opens.
    "CREATE TABLE relative_grant (
        grant_id TEXT PRIMARY KEY NOT NULL,
        helper_account_id TEXT NOT NULL REFERENCES account (account_id),
        person_account_id TEXT REFERENCES account (account_id),
        phone_masked TEXT NOT NULL,
        kinship TEXT NOT NULL,
        state TEXT NOT NULL,
        code_hash TEXT,
        code_attempts INTEGER NOT NULL DEFAULT 0,
        asked_ms INTEGER NOT NULL,
        answered_ms INTEGER,
        expires_ms INTEGER,
        ended_ms INTEGER
    );
    CREATE INDEX relative_grant_helper ON relative_grant (helper_account_id, asked_ms);
    CREATE INDEX relative_grant_person ON relative_grant (person_account_id, asked_ms);",
    // 28: 请家人帮忙: each text she had sent to a relative who helps her, counted per grant and day.
    "CREATE TABLE relative_help_text (
        grant_id TEXT NOT NULL REFERENCES relative_grant (grant_id),
        sent_ms INTEGER NOT NULL
    );
    CREATE INDEX relative_help_text_grant ON relative_help_text (grant_id, sent_ms);",
];

/// Applies every migration newer than the file's schema version, each in its own transaction.
pub fn apply(connection: &Connection) -> Result<(), StoreError> {
    let found: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    if found > known {
        return Err(StoreError::SchemaTooNew { found, known });
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
