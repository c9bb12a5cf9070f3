//! `huiban-platform`: the reference platform server and its operator commands.

//!
//! One file per command: `serve`, `officer`, `accounts`, `audit`, `sms`.

mod accounts;
mod audit;
mod kiosks;
mod officer;
mod serve;
mod sms;

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use accounts::AccountsAction;
use audit::AuditCommand;
use officer::OfficerAction;
use sms::SmsCommand;

/// Reference government-services platform for Huiban.
#[derive(Debug, Parser)]
#[command(name = "huiban-platform", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the platform API over HTTP. Every flag can also be set in the environment (the
    /// variable named beside it), as a systemd unit or a container does.
    Serve {
        /// Directory holding the platform's SQLite file and keys.
        #[arg(long, env = "HUIBAN_PLATFORM_DATA_DIR")]
        data_dir: PathBuf,
        /// Address to listen on; port 0 picks a free port.
        #[arg(long, env = "HUIBAN_PLATFORM_BIND", default_value = "127.0.0.1:8470")]
        bind: SocketAddr,
        /// Load the demo catalog when the catalog is empty.
        #[arg(long, env = "HUIBAN_PLATFORM_DEMO_DATA")]
        demo_data: bool,
        /// Move every open case and request one step forward every 15 seconds (for demos).
        #[arg(long, env = "HUIBAN_PLATFORM_DEMO_OFFICER")]
        demo_officer: bool,
        /// Inject faults for tests, e.g. latency=200ms,error_rate=0.2,reset_rate=0.05,malformed_rate=0.02,seed=7.
        #[arg(long, env = "HUIBAN_PLATFORM_FAULTS")]
        faults: Option<huiban_platform::http::faults::FaultSpec>,
        /// Keep login and consent codes readable in the SMS sink (`sms list`), for tests and the demo;
        /// never on a real platform, where they are masked before they are stored.
        #[arg(long, env = "HUIBAN_PLATFORM_KEEP_SMS_CODES")]
        keep_sms_codes: bool,
        /// The address people reach the platform at, e.g. https://zwfw.example.gov.cn: a kiosk's QR
        /// code opens the approval page under it. Default: http:// and the address listened on.
        #[arg(long, env = "HUIBAN_PUBLIC_URL")]
        public_url: Option<String>,
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
    /// The service halls' kiosks.
    Kiosks {
        #[command(subcommand)]
        command: KiosksCommand,
    },
}

/// What to do with the kiosks.
#[derive(Debug, Subcommand)]
enum KiosksCommand {
    /// Every kiosk with what it said last (what it is doing, its printer, what waits on it); one
    /// not heard from for three minutes is marked 已失联.
    List {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Set what a kiosk is told: when to ask 还在吗？, how long to count down, which services to
    /// offer (none named: the whole catalog). Audited.
    Configure {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
        /// The kiosk's device account, e.g. k-demo-hall-1 (see `kiosks list`).
        #[arg(long)]
        device: String,
        /// Seconds without input before it asks 还在吗？ (30 to 600).
        #[arg(long, default_value_t = huiban_api::kiosk::DEFAULT_IDLE_SECONDS)]
        idle_seconds: u32,
        /// Seconds it counts down after asking (10 to 120).
        #[arg(long, default_value_t = huiban_api::kiosk::DEFAULT_COUNTDOWN_SECONDS)]
        countdown_seconds: u32,
        /// A service to offer, by 实施编码; repeat for more, in order.
        #[arg(long = "service", value_name = "IMPL_CODE")]
        services: Vec<String>,
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
            public_url,
        } => {
            let flags = (seed, demo_officer, keep_sms_codes);
            serve::serve(data_dir, bind, flags, faults, public_url).await
        }
        Command::Officer {
            data_dir,
            officer,
            action,
        } => officer::officer_work(&data_dir, &officer, action),
        Command::Accounts { data_dir, action } => accounts::accounts_work(&data_dir, action),
        Command::Audit {
            command: AuditCommand::Verify { data_dir },
        } => audit::verify(&data_dir),
        Command::Sms {
            command: SmsCommand::List { data_dir, json },
        } => sms::list_sms(&data_dir, json),
        Command::Kiosks {
            command: KiosksCommand::List { data_dir, json },
        } => kiosks::list_kiosks(&data_dir, json),
        Command::Kiosks {
            command:
                KiosksCommand::Configure {
                    data_dir,
                    device,
                    idle_seconds,
                    countdown_seconds,
                    services,
                },
        } => kiosks::configure(
            &data_dir,
            &device,
            &huiban_api::KioskConfig {
                idle_seconds,
                countdown_seconds,
                services,
            },
        ),
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
