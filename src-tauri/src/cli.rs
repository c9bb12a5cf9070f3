//! `huiban`'s command line, read with clap: `--help` and `--version` answer and exit, an unknown
//! flag is refused with a plain message (exit code 2), and the rest is handed to core as
//! [`Flags`].

use std::path::PathBuf;

use clap::Parser;
use huiban_core::config::Flags;

/// 惠办：适合老年人使用的政务服务客户端。不带参数启动就是居民用的惠办。
#[derive(Debug, Parser)]
#[command(name = "huiban", version)]
pub struct Cli {
    /// 办事平台的地址（也可以用环境变量 HUIBAN_PLATFORM_URL，或配置文件里的 platform_url）
    #[arg(long, value_name = "URL")]
    pub platform_url: Option<String>,
    /// 运行方式：citizen（居民，默认）、staff（服务中心工作人员）、kiosk（自助机）
    #[arg(long, value_name = "MODE")]
    pub mode: Option<String>,
    /// 本机数据放在哪个文件夹（也可以用环境变量 HUIBAN_DATA_DIR）
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// 用惠办的声音读出这段话，读完就退出（装电脑时试试能不能朗读）
    #[arg(long, value_name = "TEXT")]
    pub say: Option<String>,
    /// 从标准输入读一个PIN（4到6位数字），打印它的哈希，写进自助机配置文件的 exit_pin
    #[arg(long)]
    pub hash_pin: bool,
}

impl Cli {
    /// The flags core reads.
    pub fn flags(&self) -> Flags {
        Flags {
            platform_url: self.platform_url.clone(),
            mode: self.mode.clone(),
            data_dir: self.data_dir.clone(),
        }
    }
}

/// What to do after reading the command line.
#[derive(Debug)]
pub enum Reading {
    /// Run with these flags.
    Run(Box<Cli>),
    /// Print this (help or the version) and exit successfully.
    Answered(String),
    /// Print this and exit with code 2: the command line was wrong.
    Refused(String),
}

/// Reads `args` (the program's name first).
pub fn read<I, T>(args: I) -> Reading
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    match Cli::try_parse_from(args) {
        Ok(cli) => Reading::Run(Box::new(cli)),
        Err(error) => match error.kind() {
            clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                Reading::Answered(error.to_string())
            }
            _ => Reading::Refused(format!(
                "惠办不认识这样的启动参数。用 huiban --help 可以看能用哪些。\n\n{error}"
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_and_help_answer() {
        match read(["huiban", "--version"]) {
            Reading::Answered(text) => {
                assert_eq!(text.trim(), format!("huiban {}", env!("CARGO_PKG_VERSION")))
            }
            other => panic!("{other:?}"),
        }
        match read(["huiban", "--help"]) {
            Reading::Answered(text) => {
                for flag in [
                    "--platform-url",
                    "--mode",
                    "--data-dir",
                    "--say",
                    "--hash-pin",
                ] {
                    assert!(text.contains(flag), "{flag} missing from {text}");
                }
                assert!(text.contains("惠办"), "{text}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_unknown_flag_is_refused_in_plain_words() {
        match read(["huiban", "--platfrom-url", "http://x"]) {
            Reading::Refused(text) => {
                assert!(text.starts_with("惠办不认识这样的启动参数"), "{text}");
                assert!(text.contains("--platfrom-url"), "{text}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(read(["huiban", "--mode"]), Reading::Refused(_)));
    }

    #[test]
    fn flags_reach_core_in_both_spellings() {
        let Reading::Run(cli) = read([
            "huiban",
            "--platform-url=http://127.0.0.1:1",
            "--mode",
            "staff",
            "--data-dir",
            "/tmp/h",
        ]) else {
            panic!("refused")
        };
        assert_eq!(
            cli.flags(),
            Flags {
                platform_url: Some("http://127.0.0.1:1".into()),
                mode: Some("staff".into()),
                data_dir: Some("/tmp/h".into()),
            }
        );
    }
}
