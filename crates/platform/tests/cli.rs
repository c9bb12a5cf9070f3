//! The real `huiban-platform` binary: serve with demo data, a citizen over HTTP, the officer CLI.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

const BINARY: &str = env!("CARGO_BIN_EXE_huiban-platform");

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `serve` as `command` says, and returns it with the address it printed it listens on.
fn started(command: &mut Command) -> (Server, String) {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("huiban-platform listening on ")
        .unwrap_or_else(|| panic!("{line:?}"))
        .to_owned();
    (Server(child), base)
}

/// Runs the binary with `input` on standard input; the output, or what it said when it failed.
fn run_with_input(args: &[&str], input: &str) -> std::process::Output {
    let mut child = Command::new(BINARY)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> String {
    let output = run_with_input(args, "huiban-officer-01\n");
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test]
async fn demo_server_and_officer_cli_take_a_case_from_submission_to_finish() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let (_server, base) = started(Command::new(BINARY).args([
        "serve",
        "--bind",
        "127.0.0.1:0",
        "--demo-data",
        "--keep-sms-codes",
        "--data-dir",
        data,
    ]));
    let http = reqwest::Client::new();
    let post = |path: &str, body: Value| http.post(format!("{base}{path}")).json(&body);

    // Log in as 张秀英, reading the code from the SMS sink through the CLI.
    post("/api/v1/auth/sms-code", json!({"phone": "13800000001"}))
        .send()
        .await
        .unwrap();
    // The demo kiosk is listed, never heard from yet, and is told what to offer.
    let kiosks = run(&["kiosks", "list", "--data-dir", data]);
    assert!(
        kiosks.contains("一层大厅1号自助机（东城区政务服务中心）  从没联系过"),
        "{kiosks}"
    );
    let configured = run(&[
        "kiosks",
        "configure",
        "--data-dir",
        data,
        "--device",
        "k-demo-hall-1",
        "--idle-seconds",
        "120",
    ]);
    assert_eq!(
        configured.trim(),
        "k-demo-hall-1：120秒没人操作就问“还在吗”，倒数30秒；提供全部事项。"
    );
    let messages: Vec<Value> =
        serde_json::from_str(&run(&["sms", "list", "--json", "--data-dir", data])).unwrap();
    let text = messages.last().unwrap()["text"]
        .as_str()
        .unwrap()
        .to_owned();
    let code: String = text.chars().filter(char::is_ascii_digit).take(6).collect();
    let tokens: Value = post(
        "/api/v1/auth/token",
        json!({"grant_type": "sms_code", "phone": "13800000001", "code": code}),
    )
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let token = tokens["access_token"].as_str().unwrap().to_owned();

    // 实名认证 at a counter, from the command line: a wrong check digit and an ID number already on
    // another account are refused in plain words; her own is recorded and audited.
    let zhang_id = "11010119440315102".to_owned()
        + &huiban_api::id_number::check_character("11010119440315102")
            .unwrap()
            .to_string();
    let real_name = |phone: &str, id_number: &str| {
        Command::new(BINARY)
            .args([
                "accounts",
                "--data-dir",
                data,
                "real-name",
                "--phone",
                phone,
                "--name",
                "张秀英",
                "--id-number",
                id_number,
                "--checked-by",
                "3号窗口 赵敏",
            ])
            .output()
            .unwrap()
    };
    let bad = real_name("13800000001", "110101194403151020");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("身份证号码不对"));
    let taken = real_name("13800000002", &zhang_id);
    assert!(String::from_utf8_lossy(&taken.stderr).contains("已经登记在另一个账号上"));
    assert!(real_name("13800000001", &zhang_id).status.success());

    // Apply for 高龄津贴 with every question answered.
    let catalog: Value = http
        .get(format!("{base}/api/v1/catalog/items?q=高龄津贴"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let item = &catalog["items"][0];
    let form_url = format!(
        "{base}/api/v1/forms/{}/versions/{}",
        item["form"]["form_id"].as_str().unwrap(),
        item["form"]["version"]
    );
    let form: Value = http
        .get(form_url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // Materials are photos she uploaded; the form names them by their SHA-256.
    let photo: Value = http
        .post(format!("{base}/api/v1/attachments"))
        .body(b"\x89PNG\r\n\x1a\n the household register".to_vec())
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let photo = photo["sha256"].as_str().unwrap().to_owned();
    // Every other question answered as the demo applicant would; her materials are her upload.
    let sample = huiban_demo::sample_application("高龄津贴", "11010119440315102")
        .unwrap()
        .answers;
    let mut answers = serde_json::Map::new();
    for question in form["questions"].as_array().unwrap() {
        let id = question["id"].as_str().unwrap().to_owned();
        let answer = match question["kind"].as_str().unwrap() {
            "attachment" | "licence" => json!(photo),
            _ => sample[&id].clone(),
        };
        answers.insert(id, answer);
    }
    let body = json!({"impl_code": item["impl_code"], "form_id": item["form"]["form_id"], "form_version": item["form"]["version"], "answers": answers, "channel": "3"});
    let created: Value = post("/api/v1/applications", body)
        .bearer_auth(&token)
        .header("Idempotency-Key", "2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let number = created["application_no"].as_str().unwrap().to_owned();

    // The 民政局 officer sees it, accepts and approves it from the command line.
    let officer = |action: &[&str]| {
        let mut args = vec!["officer", "--data-dir", data, "--as", "officer01"];
        args.extend_from_slice(action);
        run(&args)
    };
    assert!(officer(&["list"]).contains(&number));
    assert!(officer(&["accept", &number]).contains("Accepted"));
    assert!(
        officer(&["approve", &number, "--remark", "符合条件，每月发放高龄津贴"])
            .contains("Finished")
    );
    assert!(
        !officer(&["list"]).contains(&number),
        "finished cases leave the open list"
    );
    // The other department's officer may not touch it.
    let refused = run_with_input(
        &[
            "officer",
            "--data-dir",
            data,
            "--as",
            "officer02",
            "reject",
            &number,
        ],
        "huiban-officer-02\n",
    );
    assert!(!refused.status.success());
    // Nobody works as an officer without her password; five wrong ones lock the login.
    for _ in 0..5 {
        let wrong = run_with_input(
            &["officer", "--data-dir", data, "--as", "officer02", "list"],
            "guessed\n",
        );
        assert!(!wrong.status.success());
        assert!(String::from_utf8_lossy(&wrong.stderr).contains("用户名或密码不对"));
    }
    let locked = run_with_input(
        &["officer", "--data-dir", data, "--as", "officer02", "list"],
        "huiban-officer-02\n",
    );
    assert!(String::from_utf8_lossy(&locked.stderr).contains("密码错了太多次"));
    let citizen = run_with_input(
        &["officer", "--data-dir", data, "--as", "staff01", "list"],
        "huiban-staff-01\n",
    );
    assert!(String::from_utf8_lossy(&citizen.stderr).contains("不是审批人员的账号"));

    let finished: Value = http
        .get(format!("{base}/api/v1/applications/{number}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(finished["status"], "finished");
    assert_eq!(finished["result"], "approved");
    assert_eq!(
        finished["steps"].as_array().unwrap().last().unwrap()["remark"],
        "符合条件，每月发放高龄津贴"
    );

    // The officer issues the licence the case grants; it lands in the wallet with a valid seal.
    let issued = officer(&["issue-licence", &number, "--type", "高龄津贴领取证明"]);
    let licence_no = issued.split('\t').next().unwrap().to_owned();
    let wallet: Vec<Value> = http
        .get(format!("{base}/api/v1/licences"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let licence = wallet
        .iter()
        .find(|l| l["licence_no"] == licence_no.as_str())
        .unwrap()
        .clone();
    assert_eq!(licence["holder_name"], "张秀英");
    let verdict: Value = post("/api/v1/licences/verify", licence)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(verdict["valid"], true);

    // A bad evaluation opens a rectification order that the officer answers.
    let rated = post(
        &format!("/api/v1/applications/{number}/evaluation"),
        json!({"level": 4, "reason": "材料要求没说清楚"}),
    )
    .bearer_auth(&token)
    .send()
    .await
    .unwrap();
    assert_eq!(rated.status().as_u16(), 200);
    officer(&[
        "reply-rectification",
        &number,
        "--reply",
        "已在办事指南中写明所需材料",
    ]);
    let answered: Value = http
        .get(format!("{base}/api/v1/applications/{number}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        answered["evaluation"]["rectification"]["reply"],
        "已在办事指南中写明所需材料"
    );
}

#[tokio::test]
async fn serve_is_set_up_from_the_environment_and_finishes_what_it_started_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing on the command line but `serve`: a systemd unit or a container sets the environment.
    let (mut server, base) = started(
        Command::new(BINARY)
            .arg("serve")
            .env("HUIBAN_PLATFORM_DATA_DIR", dir.path())
            .env("HUIBAN_PLATFORM_BIND", "127.0.0.1:0")
            .env("HUIBAN_PLATFORM_DEMO_DATA", "true")
            // Every answer takes a second and a half: long enough to stop it in the middle of one.
            .env("HUIBAN_PLATFORM_FAULTS", "latency=1500ms"),
    );
    let pid = server.0.id().to_string();
    let health = format!("{base}/healthz");
    let in_flight = tokio::spawn(async move { reqwest::get(health).await });
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let terminated = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(terminated.success());
    // The request it was answering is answered in full…
    let answer = in_flight.await.unwrap().unwrap();
    assert_eq!(answer.status(), 200);
    let health: Value = answer.json().await.unwrap();
    assert!(
        health["catalog_items"].as_u64().unwrap() > 0,
        "the demo data came from the environment: {health}"
    );
    // …then it ends by itself, cleanly, and takes no new request.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still running after SIGTERM"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(status.success(), "ended with {status}");
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err());
}

#[test]
fn the_systemd_unit_in_deploy_is_valid_and_starts_serve_with_its_environment() {
    let unit = include_str!("../../../deploy/huiban-platform.service");
    let env = include_str!("../../../deploy/huiban-platform.env");
    assert!(unit.contains("ExecStart=/usr/local/bin/huiban-platform serve"));
    assert!(unit.contains("EnvironmentFile=/etc/huiban-platform.env"));
    for variable in [
        "HUIBAN_PLATFORM_DATA_DIR=",
        "HUIBAN_PLATFORM_BIND=",
        "HUIBAN_PUBLIC_URL=",
    ] {
        assert!(
            env.lines().any(|line| line.starts_with(variable)),
            "{variable}"
        );
    }
    // systemd's own check, with the unit pointed at this build of the binary.
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path().join("huiban-platform.service");
    std::fs::write(
        &here,
        unit.replace("/usr/local/bin/huiban-platform", BINARY)
            .replace("/etc/huiban-platform.env", "-/etc/huiban-platform.env"),
    )
    .unwrap();
    let verified = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&here)
        .output()
        .expect("systemd-analyze (Debian's systemd package)");
    let said = String::from_utf8_lossy(&verified.stderr);
    assert!(
        verified.status.success() && said.trim().is_empty(),
        "{said}"
    );
}
