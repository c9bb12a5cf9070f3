//! `huiban-outbox-drain`: sends everything waiting in a local store's outbox, then exits.
//!
//! `huiban-outbox-drain --db PATH --platform-url URL [--token-stdin] [--keychain-entry NAME]
//! [--enqueue N --application FILE]` sends the queue of one account: the one whose login it holds,
//! an access token read from standard input with `--token-stdin` (never from the command line,
//! where other users of the computer can read it), else the login kept in the keychain. Rows of
//! other accounts are left for their own logins. With `--enqueue`, it first queues N copies of the
//! application in FILE (JSON) for that account, one durable commit each. Used by service centres
//! to flush a queue, and by the crash-recovery test, which kills it at random moments.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use huiban_api::NewApplication;
use huiban_core::PlatformClient;
use huiban_core::outbox::engine::{self, Engine, Pacing, Whose};
use huiban_core::outbox::{self, Backoff};
use huiban_core::secrets::{DATABASE_KEY, Keychain};
use huiban_core::session::{LoggedIn, Session};
use huiban_core::store::LocalStore;

struct Args {
    db: PathBuf,
    platform_url: String,
    token_stdin: bool,
    keychain_entry: String,
    enqueue: usize,
    application: Option<PathBuf>,
}

fn parse() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut parsed = Args {
        db: PathBuf::new(),
        platform_url: String::new(),
        token_stdin: false,
        keychain_entry: DATABASE_KEY.to_owned(),
        enqueue: 0,
        application: None,
    };
    while let Some(flag) = args.next() {
        if flag == "--token-stdin" {
            parsed.token_stdin = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--db" => parsed.db = value.into(),
            "--platform-url" => parsed.platform_url = value,
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
    if parsed.db.as_os_str().is_empty() || parsed.platform_url.is_empty() {
        return Err("--db and --platform-url are required".to_owned());
    }
    Ok(parsed)
}

/// The login to send under: a token from standard input (its account asked of the platform, which
/// is waited for), or the login kept in the keychain.
async fn login(
    args: &Args,
    keychain: &Keychain,
    client: &PlatformClient,
) -> Result<(Session, String), String> {
    if !args.token_stdin {
        let session = Session::in_keychain(keychain.clone());
        let account =
            session.account().await.map_err(|e| e.to_string())?.ok_or(
                "nobody is logged in: pass an access token on standard input (--token-stdin)",
            )?;
        return Ok((session, account));
    }
    let mut token = String::new();
    std::io::stdin()
        .read_line(&mut token)
        .map_err(|e| e.to_string())?;
    let token = token.trim().to_owned();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let account = loop {
        match client.me(&token).await {
            Ok(account) => break account,
            Err(error) if std::time::Instant::now() > deadline => return Err(error.to_string()),
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    };
    let who = LoggedIn {
        account_id: account.account_id.clone(),
        role: account.role,
    };
    Ok((Session::with_access_token(&token, who), account.account_id))
}

async fn drain(args: Args) -> Result<(), String> {
    let keychain = Keychain::system().map_err(|e| e.to_string())?;
    let keychain = Keychain::in_store(keychain.credential_store(), &args.keychain_entry);
    let (store, _) = LocalStore::open(&args.db, &keychain).map_err(|e| e.to_string())?;
    let url = reqwest::Url::parse(&args.platform_url).map_err(|e| e.to_string())?;
    let client = PlatformClient::new(url).map_err(|e| e.to_string())?;
    let (session, account) = login(&args, &keychain, &client).await?;
    if args.enqueue > 0 {
        let file = args
            .application
            .as_ref()
            .ok_or("--enqueue needs --application")?;
        let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
        let application: NewApplication = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        for _ in 0..args.enqueue {
            outbox::enqueue_application(
                &store.of_account(&account),
                &application,
                chrono::Utc::now().timestamp_millis(),
            )
            .map_err(|e| e.to_string())?;
        }
    }
    let lock = args.db.with_extension("lock");
    let pacing = Pacing {
        idle: Duration::from_millis(50),
        backoff: Backoff {
            base: Duration::from_millis(10),
            cap: Duration::from_millis(200),
        },
    };
    let engine = Engine {
        whose: Whose::LoggedIn,
        store: &store,
        client: &client,
        session: &session,
        lock_path: &lock,
        pacing,
        wake: None,
        device: None,
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
