//! `huiban-outbox-drain`: sends everything waiting in a local store's outbox, then exits.
//!
//! `huiban-outbox-drain --db PATH --platform-url URL --token TOKEN [--keychain-entry NAME]
//! [--enqueue N --application FILE]` — with `--enqueue`, first queues N copies of the application in
//! FILE (JSON), one durable commit each. Used by service centres to flush a queue, and by the
//! crash-recovery test, which kills it at random moments.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use huiban_api::NewApplication;
use huiban_core::PlatformClient;
use huiban_core::outbox::engine::{self, Engine, Pacing};
use huiban_core::outbox::{self, Backoff};
use huiban_core::secrets::{DATABASE_KEY, Keychain};
use huiban_core::session::Session;
use huiban_core::store::LocalStore;

struct Args {
    db: PathBuf,
    platform_url: String,
    token: String,
    keychain_entry: String,
    enqueue: usize,
    application: Option<PathBuf>,
}

fn parse() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut parsed = Args {
        db: PathBuf::new(),
        platform_url: String::new(),
        token: String::new(),
        keychain_entry: DATABASE_KEY.to_owned(),
        enqueue: 0,
        application: None,
    };
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--db" => parsed.db = value.into(),
            "--platform-url" => parsed.platform_url = value,
            "--token" => parsed.token = value,
            "--keychain-entry" => parsed.keychain_entry = value,
            "--enqueue" => {
                parsed.enqueue = value
                    .parse()
                    .map_err(|_| "--enqueue takes a number".to_owned())?
            }
            "--application" => parsed.application = Some(value.into()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if parsed.db.as_os_str().is_empty() || parsed.platform_url.is_empty() || parsed.token.is_empty()
    {
        return Err("--db, --platform-url and --token are required".to_owned());
    }
    Ok(parsed)
}

async fn drain(args: Args) -> Result<(), String> {
    let keychain = Keychain::system().map_err(|e| e.to_string())?;
    let keychain = Keychain::in_store(keychain.credential_store(), &args.keychain_entry);
    let (store, _) = LocalStore::open(&args.db, &keychain).map_err(|e| e.to_string())?;
    if args.enqueue > 0 {
        let file = args.application.ok_or("--enqueue needs --application")?;
        let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        let application: NewApplication = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        for _ in 0..args.enqueue {
            outbox::enqueue_application(
                &store,
                &application,
                chrono::Utc::now().timestamp_millis(),
            )
            .map_err(|e| e.to_string())?;
        }
    }
    let url = reqwest::Url::parse(&args.platform_url).map_err(|e| e.to_string())?;
    let client = PlatformClient::new(url).map_err(|e| e.to_string())?;
    let lock = args.db.with_extension("lock");
    let pacing = Pacing {
        idle: Duration::from_millis(50),
        backoff: Backoff {
            base: Duration::from_millis(10),
            cap: Duration::from_millis(200),
        },
    };
    let session = Session::with_access_token(&args.token);
    let engine = Engine {
        store: &store,
        client: &client,
        session: &session,
        lock_path: &lock,
        pacing,
        wake: None,
    };
    let ran = engine::run(engine, true, std::future::pending(), |_| {})
        .await
        .map_err(|e| e.to_string())?;
    if !ran {
        return Err("another process is sending this outbox".to_owned());
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let result = match parse() {
        Ok(args) => drain(args).await,
        Err(message) => Err(message),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("huiban-outbox-drain: {message}");
            ExitCode::FAILURE
        }
    }
}
