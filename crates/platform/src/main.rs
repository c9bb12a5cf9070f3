//! `huiban-platform`: the reference platform server and its operator commands.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use huiban_platform::keys::KeyRing;
use huiban_platform::requests::OfficerRequestMove;
use huiban_platform::{AppState, Store, demo_accounts, demo_data, demo_licences};

/// Reference government-services platform for Huiban.
#[derive(Debug, Parser)]
#[command(name = "huiban-platform", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the platform API over HTTP.
    Serve {
        /// Directory holding the platform's SQLite file and keys.
        #[arg(long)]
        data_dir: PathBuf,
        /// Address to listen on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8470")]
        bind: SocketAddr,
        /// Load the demo catalog when the catalog is empty.
        #[arg(long)]
        demo_data: bool,
        /// Move every open case and request one step forward every 15 seconds (for demos).
        #[arg(long)]
        demo_officer: bool,
        /// Inject faults for tests, e.g. latency=200ms,error_rate=0.2,reset_rate=0.05,malformed_rate=0.02,seed=7.
        #[arg(long)]
        faults: Option<huiban_platform::faults::FaultSpec>,
        /// Keep login and consent codes readable in the SMS sink (`sms list`), for tests and the demo;
        /// never on a real platform, where they are masked before they are stored.
        #[arg(long)]
        keep_sms_codes: bool,
    },
    /// Print the OpenAPI 3.1 document (committed as api/openapi.json).
    Openapi,
    /// Print the JSON Schema of a form definition (committed as docs/forms.schema.json).
    FormSchema,
    /// Officer work on cases, without a UI. The officer's password is asked for (read from standard
    /// input when it is not a terminal); 5 wrong ones lock the login for 15 minutes, as on the web.
    Officer {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
        /// The officer's login name, e.g. officer01.
        #[arg(long = "as", value_name = "USERNAME")]
        officer: String,
        #[command(subcommand)]
        action: OfficerAction,
    },
    /// Citizens' accounts.
    Accounts {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
        #[command(subcommand)]
        action: AccountsAction,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Text messages the built-in SMS sink recorded.
    Sms {
        #[command(subcommand)]
        command: SmsCommand,
    },
}

#[derive(Debug, Subcommand)]
enum OfficerAction {
    /// List the department's open cases (with --all, every case).
    List {
        /// Include finished, withdrawn and refused cases.
        #[arg(long)]
        all: bool,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// 受理: accept a submitted case.
    Accept(Move),
    /// 不予受理: refuse to accept a submitted case.
    NotAccept(Move),
    /// 补正: ask the applicant for more (say what in --remark; --ask names a question to answer again).
    RequestSupplement {
        #[command(flatten)]
        target: Move,
        /// A question of the form to be answered again (repeat for more); never name or ID number.
        #[arg(long = "ask", value_name = "QUESTION_ID")]
        questions: Vec<String>,
    },
    /// 审查: start examining an accepted case.
    Review(Move),
    /// 办结, 准予: approve.
    Approve(Move),
    /// 办结, 不予: refuse.
    Reject(Move),
    /// Issue an electronic licence to the applicant of an approved case, sealed with the department's key.
    IssueLicence {
        /// 办件编号.
        application_no: String,
        /// 证照类型, e.g. 老年人优待证.
        #[arg(long = "type")]
        licence_type: String,
        /// Years of validity; without it, valid for life.
        #[arg(long)]
        valid_years: Option<u32>,
    },
    /// 诉求 派单: take an undispatched request for a department (your own unless --to).
    Dispatch {
        /// 诉求编号.
        request_no: String,
        /// The department to send it to.
        #[arg(long)]
        to: Option<String>,
    },
    /// 诉求 办理: start handling.
    Handle {
        /// 诉求编号.
        request_no: String,
    },
    /// 诉求 答复: reply to the person.
    Reply {
        /// 诉求编号.
        request_no: String,
        /// The reply, in plain words.
        #[arg(long)]
        text: String,
    },
    /// 诉求 督办: press an overdue request.
    Escalate {
        /// 诉求编号.
        request_no: String,
    },
    /// 诉求 办结.
    Close {
        /// 诉求编号.
        request_no: String,
    },
    /// 诉求 回访: ask the person how it went.
    Revisit {
        /// 诉求编号.
        request_no: String,
    },
    /// Answer the rectification order a bad evaluation opened.
    ReplyRectification {
        /// 办件编号.
        application_no: String,
        /// The department's answer.
        #[arg(long)]
        reply: String,
    },
}

#[derive(Debug, clap::Args)]
struct Move {
    /// 办件编号.
    application_no: String,
    /// What to tell the applicant, in plain words.
    #[arg(long)]
    remark: Option<String>,
}

#[derive(Debug, Subcommand)]
enum AccountsAction {
    /// 实名认证: record a citizen's name and ID number as checked against her identity card;
    /// licences are issued only to a checked identity.
    RealName {
        /// The mobile number she logs in with.
        #[arg(long)]
        phone: String,
        /// Her name, as on the identity card.
        #[arg(long)]
        name: String,
        /// Her 居民身份证号码.
        #[arg(long)]
        id_number: String,
        /// Who checked it, e.g. 东城区政务服务中心 3号窗口 赵敏.
        #[arg(long)]
        checked_by: String,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check the hash chain; exits non-zero and names the first bad row when a row was changed or removed.
    Verify {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum SmsCommand {
    /// List every recorded message, oldest first.
    List {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
        /// Print JSON (one array) instead of lines.
        #[arg(long)]
        json: bool,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Serve {
            data_dir,
            bind,
            demo_data: seed,
            demo_officer,
            faults,
            keep_sms_codes,
        } => serve(data_dir, bind, (seed, demo_officer, keep_sms_codes), faults).await,
        Command::Officer {
            data_dir,
            officer,
            action,
        } => officer_work(&data_dir, &officer, action),
        Command::Accounts { data_dir, action } => accounts_work(&data_dir, action),
        Command::Audit {
            command: AuditCommand::Verify { data_dir },
        } => {
            let store = Store::open(&data_dir)
                .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
            match store.verify_audit()? {
                Ok(rows) => {
                    writeln!(std::io::stdout(), "audit log intact: {rows} rows")?;
                    Ok(())
                }
                Err(problem) => {
                    eprintln!("{problem}");
                    std::process::exit(1);
                }
            }
        }
        Command::Sms {
            command: SmsCommand::List { data_dir, json },
        } => list_sms(&data_dir, json),
        Command::Openapi => {
            std::io::stdout().write_all(huiban_platform::http::openapi_json().as_bytes())?;
            Ok(())
        }
        Command::FormSchema => {
            std::io::stdout().write_all(huiban_platform::http::form_schema_json().as_bytes())?;
            Ok(())
        }
    }
}

async fn serve(
    data_dir: PathBuf,
    bind: SocketAddr,
    (seed, demo_officer, keep_sms_codes): (bool, bool, bool),
    faults: Option<huiban_platform::faults::FaultSpec>,
) -> anyhow::Result<()> {
    let store = Store::open(&data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    if seed {
        if demo_data::seed(&store)? {
            tracing::info!("loaded the demo catalog and forms");
        }
        if demo_accounts::seed(&store, chrono::Utc::now().timestamp_millis())? {
            tracing::info!("created the demo accounts");
        }
    }
    let keys = KeyRing::load_or_create(&data_dir, &store.catalog_departments()?)
        .with_context(|| format!("loading the department keys in {}", data_dir.display()))?;
    let mut state = AppState::new(store).with_keys(keys);
    if keep_sms_codes {
        tracing::warn!("the SMS sink keeps codes readable: for tests and the demo only");
        state = state.keeping_sms_codes();
    }
    if let Some(spec) = faults {
        tracing::warn!(?spec, "injecting faults");
        state = state.with_faults(spec);
    }
    if seed && demo_licences::seed(&state)? {
        tracing::info!("issued the demo licences");
    }
    if demo_officer {
        tracing::info!("the demo officer moves open cases every 15 seconds");
        tokio::spawn(huiban_platform::demo_officer::run(
            state.clone(),
            std::time::Duration::from_secs(15),
        ));
    }
    tokio::spawn(huiban_platform::housekeeping::keep_tidy(state.clone()));
    let listener = huiban_platform::bind(bind)
        .await
        .with_context(|| format!("listening on {bind}"))?;
    let address = listener.local_addr()?;
    // Launchers read this exact line to learn the port.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "huiban-platform listening on http://{address}")?;
    stdout.flush()?;
    huiban_platform::serve(listener, state, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

fn officer_work(
    data_dir: &std::path::Path,
    username: &str,
    action: OfficerAction,
) -> anyhow::Result<()> {
    use huiban_api::{CaseStatus, Role};
    use huiban_platform::cases::{self, OfficerMove};

    let store = Store::open(data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    let password = read_password(username)?;
    let account =
        huiban_platform::auth::check_password(&AppState::new(store.clone()), username, &password)
            .map_err(|error| match error {
            huiban_platform::auth::AuthError::Locked { retry_after } => {
                anyhow::anyhow!("密码错了太多次，请 {} 分钟后再试", retry_after.div_ceil(60))
            }
            _ => anyhow::anyhow!("用户名或密码不对"),
        })?;
    anyhow::ensure!(
        account.role == Role::Officer,
        "{username} 不是审批人员的账号"
    );
    let officer = account.name.clone().unwrap_or_else(|| username.to_owned());
    let department = account.department.clone().unwrap_or_default();
    let state = AppState::new(store.clone());
    let on_request = |number: &str, movement| {
        request_move(&state, &account, &officer, &department, number, movement)
    };
    let mut stdout = std::io::stdout();
    let (movement, target) = match action {
        OfficerAction::List { all, json } => {
            let statuses: &[CaseStatus] = if all {
                &[]
            } else {
                &[
                    CaseStatus::Submitted,
                    CaseStatus::Accepted,
                    CaseStatus::SupplementRequested,
                    CaseStatus::Reviewing,
                ]
            };
            let cases = store
                .case_numbers_of_department(&department, statuses)?
                .iter()
                .map(|number| cases::view_unchecked(&state, number))
                .collect::<Result<Vec<_>, _>>()?;
            let requests = store
                .request_numbers_for(&department)?
                .iter()
                .filter_map(|number| store.service_request(number).ok().flatten())
                .filter(|r| all || !matches!(r.status, huiban_api::RequestStatus::Evaluated))
                .collect::<Vec<_>>();
            // Reading cases from the command line is audited like reading them over HTTP.
            store.append_audit(&cli_audit(&account.account_id, "officer List", &department))?;
            if json {
                serde_json::to_writer_pretty(&mut stdout, &cases)?;
                writeln!(stdout)?;
            } else {
                for request in &requests {
                    writeln!(
                        stdout,
                        "{}\t{:?}\t{:?}\t{}",
                        request.request_no,
                        request.status,
                        request.body.kind,
                        request
                            .body
                            .description
                            .chars()
                            .take(30)
                            .collect::<String>()
                    )?;
                }
                for case in cases {
                    writeln!(
                        stdout,
                        "{}\t{:?}\t{}\t{}\t{}",
                        case.application_no,
                        case.status,
                        case.item_name,
                        case.applicant_name.unwrap_or_default(),
                        case.submitted_at
                    )?;
                }
            }
            return Ok(());
        }
        OfficerAction::IssueLicence {
            application_no,
            licence_type,
            valid_years,
        } => {
            let keys = KeyRing::load_or_create(data_dir, &store.catalog_departments()?)?;
            let state = state.with_keys(keys);
            let licence = audited(
                &store,
                cli_audit(&account.account_id, "officer IssueLicence", &application_no),
                || {
                    huiban_platform::licences::issue_for_case(
                        &state,
                        &department,
                        &application_no,
                        &licence_type,
                        valid_years,
                    )
                    .map_err(|error| {
                        anyhow::anyhow!("cannot issue a licence for {application_no}: {error}")
                    })
                },
            )?;
            writeln!(
                stdout,
                "{}\t{}\t{}",
                licence.licence_no, licence.licence_type, licence.holder_name
            )?;
            return Ok(());
        }
        OfficerAction::ReplyRectification {
            application_no,
            reply,
        } => {
            let case = store
                .case(&application_no)?
                .filter(|case| case.department == department);
            anyhow::ensure!(
                case.is_some(),
                "{application_no} is not a case of {department}"
            );
            let replied = audited(
                &store,
                cli_audit(
                    &account.account_id,
                    "officer ReplyRectification",
                    &application_no,
                ),
                || Ok(store.reply_rectification(&application_no, &reply)?),
            )?;
            anyhow::ensure!(replied, "{application_no} has no open rectification order");
            writeln!(stdout, "{application_no}\trectification answered")?;
            return Ok(());
        }
        OfficerAction::Accept(target) => (OfficerMove::Accept, target),
        OfficerAction::NotAccept(target) => (OfficerMove::NotAccept, target),
        OfficerAction::RequestSupplement { target, questions } => {
            let case = audited(
                &store,
                cli_audit(
                    &account.account_id,
                    "officer RequestSupplement",
                    &target.application_no,
                ),
                || {
                    cases::request_supplement(
                        &state,
                        &officer,
                        &department,
                        &target.application_no,
                        target.remark.as_deref(),
                        &questions,
                    )
                    .with_context(|| format!("RequestSupplement {}", target.application_no))
                },
            )?;
            writeln!(stdout, "{}\t{:?}", case.application_no, case.status)?;
            return Ok(());
        }
        OfficerAction::Review(target) => (OfficerMove::Review, target),
        OfficerAction::Approve(target) => (OfficerMove::Approve, target),
        OfficerAction::Reject(target) => (OfficerMove::Refuse, target),
        OfficerAction::Dispatch { request_no, to } => {
            return on_request(&request_no, OfficerRequestMove::Dispatch(to));
        }
        OfficerAction::Handle { request_no } => {
            return on_request(&request_no, OfficerRequestMove::Handle);
        }
        OfficerAction::Reply { request_no, text } => {
            return on_request(&request_no, OfficerRequestMove::Reply(text));
        }
        OfficerAction::Escalate { request_no } => {
            return on_request(&request_no, OfficerRequestMove::Escalate);
        }
        OfficerAction::Close { request_no } => {
            return on_request(&request_no, OfficerRequestMove::Close);
        }
        OfficerAction::Revisit { request_no } => {
            return on_request(&request_no, OfficerRequestMove::Revisit);
        }
    };
    let case = audited(
        &store,
        cli_audit(
            &account.account_id,
            &format!("officer {movement:?}"),
            &target.application_no,
        ),
        || {
            cases::officer_move(
                &state,
                &officer,
                &department,
                &target.application_no,
                movement,
                target.remark.as_deref(),
            )
            .with_context(|| format!("{movement:?} {}", target.application_no))
        },
    )?;
    writeln!(stdout, "{}\t{:?}", case.application_no, case.status)?;
    Ok(())
}

/// The officer's password: asked for without echo on a terminal, else the first line of standard input.
fn read_password(username: &str) -> anyhow::Result<String> {
    use std::io::IsTerminal;

    if std::io::stdin().is_terminal() {
        return Ok(rpassword::prompt_password(format!("{username} 的密码："))?);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Operator work on citizens' accounts, audited.
fn accounts_work(data_dir: &std::path::Path, action: AccountsAction) -> anyhow::Result<()> {
    use huiban_platform::store::{RealName, RealNameRefusal};

    let store = Store::open(data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    match action {
        AccountsAction::RealName {
            phone,
            name,
            id_number,
            checked_by,
        } => {
            let id_number = id_number.trim().to_ascii_uppercase();
            anyhow::ensure!(
                huiban_api::id_number::has_valid_check(&id_number),
                "身份证号码不对，请对照身份证再核对一遍"
            );
            let name = name.trim().to_owned();
            anyhow::ensure!(!name.is_empty(), "请写上姓名");
            let account = store
                .citizen_by_phone(phone.trim())?
                .ok_or_else(|| anyhow::anyhow!("没有用这个手机号码登录过的居民"))?;
            let now_ms = chrono::Utc::now().timestamp_millis();
            let recorded = audited(
                &store,
                operator_audit("accounts RealName", Some(&account.account_id)),
                || {
                    Ok(store.record_real_name(
                        &account.account_id,
                        &RealName { name, id_number },
                        &checked_by,
                        now_ms,
                    )?)
                },
            )?;
            match recorded {
                Ok(()) => {}
                Err(RealNameRefusal::IdNumberTaken) => {
                    anyhow::bail!("这个身份证号码已经登记在另一个账号上")
                }
                Err(RealNameRefusal::NoSuchCitizen) => {
                    anyhow::bail!("没有用这个手机号码登录过的居民")
                }
            }
            writeln!(
                std::io::stdout(),
                "{}\treal name checked",
                account.account_id
            )?;
            Ok(())
        }
    }
}

/// Moves a request from the command line, audits it and prints the new status.
fn request_move(
    state: &AppState,
    account: &huiban_api::Account,
    officer: &str,
    department: &str,
    request_no: &str,
    action: OfficerRequestMove,
) -> anyhow::Result<()> {
    let label = format!("officer request {action:?}");
    let request = audited(
        &state.store,
        cli_audit(&account.account_id, &label, request_no),
        || {
            huiban_platform::requests::officer_move(state, officer, department, request_no, action)
                .with_context(|| format!("{label} {request_no}"))
        },
    )?;
    writeln!(
        std::io::stdout(),
        "{}\t{:?}",
        request.request_no,
        request.status
    )?;
    Ok(())
}

/// Runs a command-line change in the audit scope of `entry`: the row is committed with the
/// change, or written after it when the change changed nothing; a failed change leaves no row.
fn audited<T>(
    store: &Store,
    entry: huiban_platform::store::AuditEntry,
    change: impl FnOnce() -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    use huiban_platform::store::audit_scope::{self, AuditScope};

    let scope = AuditScope::of(entry);
    let done = audit_scope::carry(Some(scope.clone()), change)?;
    if let Some(entry) = scope.entry_after(audit_scope::APPLIED) {
        store.append_audit(&entry)?;
    }
    Ok(done)
}

/// An audit row for an operator's command-line action, about `account_id` when it names one.
fn operator_audit(action: &str, account_id: Option<&str>) -> huiban_platform::store::AuditEntry {
    huiban_platform::store::AuditEntry {
        at_ms: chrono::Utc::now().timestamp_millis(),
        request_id: format!("cli-{}", uuid::Uuid::new_v4()),
        actor: None,
        role: Some("operator".to_owned()),
        on_behalf_of: account_id.map(str::to_owned),
        action: action.to_owned(),
        subject: account_id.map(str::to_owned),
        outcome: 0,
    }
}

/// An audit row for an officer's command-line action.
fn cli_audit(officer: &str, action: &str, subject: &str) -> huiban_platform::store::AuditEntry {
    huiban_platform::store::AuditEntry {
        at_ms: chrono::Utc::now().timestamp_millis(),
        request_id: format!("cli-{}", uuid::Uuid::new_v4()),
        actor: Some(officer.to_owned()),
        role: Some(huiban_api::Role::Officer.as_str().to_owned()),
        on_behalf_of: None,
        action: action.to_owned(),
        subject: Some(subject.to_owned()),
        outcome: 0,
    }
}

fn list_sms(data_dir: &std::path::Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open(data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    let messages = store.sent_sms()?;
    // Phone numbers are personal data: reading them from the command line is audited too.
    store.append_audit(&operator_audit("sms List", None))?;
    let mut stdout = std::io::stdout();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &messages)?;
        writeln!(stdout)?;
    } else {
        for message in messages {
            writeln!(
                stdout,
                "{}\t{}\t{}",
                message.id, message.phone, message.text
            )?;
        }
    }
    Ok(())
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
