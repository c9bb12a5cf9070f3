//! The demo people and items the journeys use, and the states they are put in before a test.

use crate::env_path;
use crate::page::by_role;
use crate::platform::{Platform, Restartable};
use crate::prelude::*;

/// A name that exists only in the platform's demo data, not in any UI fixture.
pub const SERVER_ONLY_ITEM: &str = "困难老年人家庭适老化改造申请";

/// 张秀英 logged in on this computer and queued an application; then the line dropped and the app
/// was closed. What remains is the keychain and the encrypted store; the platform is stopped.
pub struct QueuedOffline {
    /// The platform, stopped, with its data and address kept.
    pub platform: Restartable,
    /// Its URL.
    pub url: String,
    /// The app's data directory.
    pub app_data: tempfile::TempDir,
    /// The keychain holding her login.
    pub keychain: huiban_core::secrets::Keychain,
}

impl QueuedOffline {
    /// Logs her in, queues the application in her store, and stops the platform.
    pub async fn set_up() -> Result<Self, Box<dyn std::error::Error>> {
        use huiban_core::outbox;
        use huiban_core::store::LocalStore;

        let home = Restartable::new(&env_path("HUIBAN_E2E_PLATFORM"))?;
        let platform = home.start()?;
        let url = platform.url.clone();
        let app_data = tempfile::tempdir()?;
        let keychain = save_login(&platform, "13800000001").await?;
        {
            let (local, _) = LocalStore::open(&app_data.path().join("huiban.db"), &keychain)?;
            let application = huiban_demo::sample_application("高龄津贴", "11010119440315102")
                .ok_or("no demo application")?;
            outbox::enqueue_application(
                &local.of_account("c-demo-zhang"),
                &application,
                chrono::Utc::now().timestamp_millis(),
            )?;
        }
        drop(platform);
        Ok(Self {
            platform: home,
            url,
            app_data,
            keychain,
        })
    }

    /// The platform started again on the same data and address.
    pub fn platform_back(&self) -> Result<Platform, Box<dyn std::error::Error>> {
        Ok(self.platform.start()?)
    }
}

/// The item the journey applies for: a 养老 item whose form asks for an e-licence, a photo and a
/// bank card as well as the usual questions.
pub const PENSION_ITEM: &str = "企业职工基本养老保险待遇申领";

/// 王淑芬 (13800000003), her login saved on this computer, after sending the demo 高龄津贴
/// application under the Idempotency-Key `key`: her keychain, a platform client, her access token
/// and the case.
pub async fn wang_has_applied(
    platform: &Platform,
    key: &str,
) -> Result<
    (
        huiban_core::secrets::Keychain,
        huiban_core::PlatformClient,
        String,
        huiban_api::Application,
    ),
    Box<dyn std::error::Error>,
> {
    let keychain = save_login(platform, "13800000003").await?;
    let api = huiban_core::PlatformClient::new(platform.url.parse()?)?;
    let token = huiban_core::session::Session::in_keychain(keychain.clone())
        .token(&api)
        .await?
        .access_token;
    let application = huiban_demo::sample_application("高龄津贴", "11010119381120024")
        .ok_or("no demo application")?;
    let case = api.submit_application(&token, key, &application).await?;
    Ok((keychain, api, token, case))
}

/// 张秀英's ID number (a demo citizen).
pub fn zhang_id_number() -> Result<String, Box<dyn std::error::Error>> {
    let first17 = "11010119440315102";
    let check = huiban_api::id_number::check_character(first17).ok_or("no check character")?;
    Ok(format!("{first17}{check}"))
}

/// Answers the pension form from its ID-number question on, as 张秀英: phone, address, her
/// e-licence for the ID card, a photo of her bank card, its number, and 否 to 别人帮您办理; ends on 核对.
pub async fn answer_pension_form_from_the_id_number(
    client: &fantoccini::Client,
    id_number: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    answer_typed(client, "您的身份证号码", id_number).await?;
    answer_typed(client, "您的手机号码", "13800000001").await?;
    answer_address(
        client,
        "您现在住在哪里",
        &["北京市", "东城区"],
        "和平里街道示例社区1号楼2单元301",
    )
    .await?;
    // The e-licence pulled at login stands in for the paper ID card.
    answer_choice(client, "请选择您的电子居民身份证", "居民身份证").await?;
    by_role(client, "heading", "请拍照上传：本人社会保障卡或银行卡").await?;
    attach_photo(client).await?;
    by_role(client, "button", "下一步").await?.click().await?;
    answer_typed(client, "钱发到哪张银行卡", "6222020200112233446").await?;
    answer_choice(client, "是不是别人帮您办理", "不是，我自己办").await?;
    by_role(client, "heading", "请核对您填写的内容").await?;
    Ok(())
}

/// The household item: its form asks who lives with the applicant, any number of them.
pub const HOUSEHOLD_ITEM: &str = "最低生活保障申请";
