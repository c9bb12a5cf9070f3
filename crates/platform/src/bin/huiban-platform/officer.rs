//! `huiban-platform officer`: officer work on cases and 诉求, without a UI.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use clap::Subcommand;
use huiban_api::{CaseStatus, Role};
use huiban_platform::cases::{self, OfficerMove};
use huiban_platform::keys::KeyRing;
use huiban_platform::requests::OfficerRequestMove;
use huiban_platform::store::AuditEntry;
use huiban_platform::{AppState, Store};

use crate::audit::{audited, cli_audit};

/// What an officer does.
#[derive(Debug, Subcommand)]
pub enum OfficerAction {
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

/// A case and what to tell its applicant.
#[derive(Debug, clap::Args)]
pub struct Move {
    /// 办件编号.
    application_no: String,
    /// What to tell the applicant, in plain words.
    #[arg(long)]
    remark: Option<String>,
}

/// Officer work on cases and 诉求 from the command line: the password is checked as on the web, and
/// every reading and change is audited.
pub fn officer_work(data_dir: &Path, username: &str, action: OfficerAction) -> anyhow::Result<()> {
    let desk = Desk::log_in(data_dir, username)?;
    match action {
        OfficerAction::List { all, json } => desk.list(all, json),
        OfficerAction::IssueLicence {
            application_no,
            licence_type,
            valid_years,
        } => desk.issue_licence(data_dir, &application_no, &licence_type, valid_years),
        OfficerAction::ReplyRectification {
            application_no,
            reply,
        } => desk.reply_rectification(&application_no, &reply),
        OfficerAction::RequestSupplement { target, questions } => {
            desk.request_supplement(&target, &questions)
        }
        OfficerAction::Accept(target) => desk.move_case(OfficerMove::Accept, &target),
        OfficerAction::NotAccept(target) => desk.move_case(OfficerMove::NotAccept, &target),
        OfficerAction::Review(target) => desk.move_case(OfficerMove::Review, &target),
        OfficerAction::Approve(target) => desk.move_case(OfficerMove::Approve, &target),
        OfficerAction::Reject(target) => desk.move_case(OfficerMove::Refuse, &target),
        OfficerAction::Dispatch { request_no, to } => {
            desk.move_request(&request_no, OfficerRequestMove::Dispatch(to))
        }
        OfficerAction::Handle { request_no } => {
            desk.move_request(&request_no, OfficerRequestMove::Handle)
        }
        OfficerAction::Reply { request_no, text } => {
            desk.move_request(&request_no, OfficerRequestMove::Reply(text))
        }
        OfficerAction::Escalate { request_no } => {
            desk.move_request(&request_no, OfficerRequestMove::Escalate)
        }
        OfficerAction::Close { request_no } => {
            desk.move_request(&request_no, OfficerRequestMove::Close)
        }
        OfficerAction::Revisit { request_no } => {
            desk.move_request(&request_no, OfficerRequestMove::Revisit)
        }
    }
}

/// A logged-in officer at the command line: who she is and which department she works for.
struct Desk {
    store: Store,
    state: AppState,
    account: huiban_api::Account,
    officer: String,
    department: String,
}

impl Desk {
    /// Opens the platform data and checks the officer's password (5 wrong ones lock the login).
    fn log_in(data_dir: &Path, username: &str) -> anyhow::Result<Self> {
        let store = Store::open(data_dir)
            .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
        let password = read_password(username)?;
        let account = huiban_platform::auth::check_password(
            &AppState::new(store.clone()),
            username,
            &password,
        )
        .map_err(refused_login)?;
        anyhow::ensure!(
            account.role == Role::Officer,
            "{username} 不是审批人员的账号"
        );
        Ok(Self {
            officer: account.name.clone().unwrap_or_else(|| username.to_owned()),
            department: account.department.clone().unwrap_or_default(),
            state: AppState::new(store.clone()),
            store,
            account,
        })
    }

    /// An audit row for this officer's `action` on `subject`.
    fn audit(&self, action: &str, subject: &str) -> AuditEntry {
        cli_audit(&self.account.account_id, action, subject)
    }

    /// Prints the department's open cases and 诉求 (every one with `all`).
    fn list(&self, all: bool, json: bool) -> anyhow::Result<()> {
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
        let cases = self
            .store
            .case_numbers_of_department(&self.department, statuses)?
            .iter()
            .map(|number| cases::view_unchecked(&self.state, number))
            .collect::<Result<Vec<_>, _>>()?;
        let requests = self
            .store
            .request_numbers_for(&self.department)?
            .iter()
            .filter_map(|number| self.store.service_request(number).ok().flatten())
            .filter(|r| all || !matches!(r.status, huiban_api::RequestStatus::Evaluated))
            .collect::<Vec<_>>();
        // Reading cases from the command line is audited like reading them over HTTP.
        self.store
            .append_audit(&self.audit("officer List", &self.department))?;
        let mut stdout = std::io::stdout();
        if json {
            serde_json::to_writer_pretty(&mut stdout, &cases)?;
            writeln!(stdout)?;
            return Ok(());
        }
        for request in &requests {
            let opening: String = request.body.description.chars().take(30).collect();
            writeln!(
                stdout,
                "{}\t{:?}\t{:?}\t{opening}",
                request.request_no, request.status, request.body.kind
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
        Ok(())
    }

    /// Issues an electronic licence to the applicant of an approved case, sealed with the
    /// department's key.
    fn issue_licence(
        &self,
        data_dir: &Path,
        application_no: &str,
        licence_type: &str,
        valid_years: Option<u32>,
    ) -> anyhow::Result<()> {
        let keys = KeyRing::load_or_create(data_dir, &self.store.catalog_departments()?)?;
        let state = self.state.clone().with_keys(keys);
        let licence = audited(
            &self.store,
            self.audit("officer IssueLicence", application_no),
            || {
                huiban_platform::licences::issue_for_case(
                    &state,
                    &self.department,
                    application_no,
                    licence_type,
                    valid_years,
                )
                .map_err(|error| {
                    anyhow::anyhow!("cannot issue a licence for {application_no}: {error}")
                })
            },
        )?;
        writeln!(
            std::io::stdout(),
            "{}\t{}\t{}",
            licence.licence_no,
            licence.licence_type,
            licence.holder_name
        )?;
        Ok(())
    }

    /// Answers the rectification order a bad evaluation opened on one of the department's cases.
    fn reply_rectification(&self, application_no: &str, reply: &str) -> anyhow::Result<()> {
        let case = self
            .store
            .case(application_no)?
            .filter(|case| case.department == self.department);
        anyhow::ensure!(
            case.is_some(),
            "{application_no} is not a case of {}",
            self.department
        );
        let replied = audited(
            &self.store,
            self.audit("officer ReplyRectification", application_no),
            || Ok(self.store.reply_rectification(application_no, reply)?),
        )?;
        anyhow::ensure!(replied, "{application_no} has no open rectification order");
        writeln!(
            std::io::stdout(),
            "{application_no}\trectification answered"
        )?;
        Ok(())
    }

    /// 补正: asks the applicant for more, naming questions to answer again.
    fn request_supplement(&self, target: &Move, questions: &[String]) -> anyhow::Result<()> {
        let case = audited(
            &self.store,
            self.audit("officer RequestSupplement", &target.application_no),
            || {
                cases::request_supplement(
                    &self.state,
                    &self.officer,
                    &self.department,
                    &target.application_no,
                    target.remark.as_deref(),
                    questions,
                )
                .with_context(|| format!("RequestSupplement {}", target.application_no))
            },
        )?;
        writeln!(
            std::io::stdout(),
            "{}\t{:?}",
            case.application_no,
            case.status
        )?;
        Ok(())
    }

    /// Moves a case one step and prints its new status.
    fn move_case(&self, movement: OfficerMove, target: &Move) -> anyhow::Result<()> {
        let case = audited(
            &self.store,
            self.audit(&format!("officer {movement:?}"), &target.application_no),
            || {
                cases::officer_move(
                    &self.state,
                    &self.officer,
                    &self.department,
                    &target.application_no,
                    movement,
                    target.remark.as_deref(),
                )
                .with_context(|| format!("{movement:?} {}", target.application_no))
            },
        )?;
        writeln!(
            std::io::stdout(),
            "{}\t{:?}",
            case.application_no,
            case.status
        )?;
        Ok(())
    }

    /// Moves a 诉求 one step and prints its new status.
    fn move_request(&self, request_no: &str, action: OfficerRequestMove) -> anyhow::Result<()> {
        let label = format!("officer request {action:?}");
        let request = audited(&self.store, self.audit(&label, request_no), || {
            huiban_platform::requests::officer_move(
                &self.state,
                &self.officer,
                &self.department,
                request_no,
                action,
            )
            .with_context(|| format!("{label} {request_no}"))
        })?;
        writeln!(
            std::io::stdout(),
            "{}\t{:?}",
            request.request_no,
            request.status
        )?;
        Ok(())
    }
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

/// Why the officer's login was refused, in plain words: a wrong password only when it was one (the
/// platform's data failing to answer is said as that, with its cause).
fn refused_login(error: huiban_platform::auth::AuthError) -> anyhow::Error {
    use huiban_platform::auth::AuthError;
    match error {
        AuthError::Locked { retry_after } => {
            anyhow::anyhow!("密码错了太多次，请 {} 分钟后再试", retry_after.div_ceil(60))
        }
        AuthError::Store(cause) => anyhow::anyhow!("平台的数据暂时读不了，请稍后再试（{cause}）"),
        _ => anyhow::anyhow!("用户名或密码不对"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_that_fails_is_not_told_as_a_wrong_password() {
        let busy =
            huiban_platform::auth::AuthError::Store(huiban_platform::store::StoreError::Poisoned);
        let words = refused_login(busy).to_string();
        assert!(words.contains("平台的数据暂时读不了"), "{words}");
        let wrong = refused_login(huiban_platform::auth::AuthError::WrongPassword).to_string();
        assert_eq!(wrong, "用户名或密码不对");
    }
}
