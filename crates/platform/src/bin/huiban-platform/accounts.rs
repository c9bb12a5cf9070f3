//! `huiban-platform accounts`: operator work on citizens' accounts, audited.

use std::io::Write;

use anyhow::Context;
use clap::Subcommand;
use huiban_platform::Store;

use crate::audit::{audited, operator_audit};

/// What an operator does to an account.
#[derive(Debug, Subcommand)]
pub enum AccountsAction {
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

/// Operator work on citizens' accounts, audited.
pub fn accounts_work(data_dir: &std::path::Path, action: AccountsAction) -> anyhow::Result<()> {
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
