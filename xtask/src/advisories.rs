//! `cargo xtask test advisories`: `Cargo.lock` checked against the RustSec advisory database
//! snapshot in `../shared/advisory-db` (these machines cannot fetch it). A vulnerability fails; so
//! does an informational advisory (unmaintained, unsound) not accepted, with its reason, in
//! `advisories.toml`. An accepted advisory that no longer applies fails too, so the list stays true.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rustsec::advisory::Informational;
use rustsec::database::Query;
use rustsec::{Collection, Database, Lockfile};

use crate::report::Report;
use crate::workspace;

/// An advisory accepted on purpose.
#[derive(Debug, serde::Deserialize)]
struct Accepted {
    /// RUSTSEC-YYYY-NNNN.
    id: String,
    /// Why it is accepted.
    reason: String,
}

/// The file listing accepted advisories.
#[derive(Debug, serde::Deserialize)]
struct AcceptedFile {
    #[serde(default)]
    accepted: Vec<Accepted>,
}

/// Where the advisory snapshot is: `HUIBAN_ADVISORY_DB`, else `../shared/advisory-db`.
fn database_dir() -> PathBuf {
    std::env::var_os("HUIBAN_ADVISORY_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace::root().join("../shared/advisory-db"))
}

fn accepted(root: &Path) -> Result<Vec<Accepted>, String> {
    let path = root.join("advisories.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: AcceptedFile =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(bare) = file.accepted.iter().find(|a| a.reason.trim().len() < 20) {
        return Err(format!("advisories.toml: {} needs a real reason", bare.id));
    }
    Ok(file.accepted)
}

/// Runs the check and reports what it found.
pub fn check() -> Result<Report, String> {
    let root = workspace::root();
    let dir = database_dir();
    let (problems, packages, accepted) = problems(&dir, &root.join("Cargo.lock"), &root)?;
    for problem in &problems {
        println!("{problem}");
    }
    Ok(Report {
        ok: problems.is_empty(),
        counts: None,
        detail: if problems.is_empty() {
            format!(
                "{packages} crates, no vulnerability, {accepted} accepted advisories (snapshot {})",
                dir.display()
            )
        } else {
            format!("{} problems", problems.len())
        },
    })
}

/// What is wrong with `lock` by the database in `dir` and the accepted list in `root`, with the
/// number of crates checked and of accepted advisories that apply.
fn problems(dir: &Path, lock: &Path, root: &Path) -> Result<(Vec<String>, usize, usize), String> {
    let database = Database::open(dir).map_err(|e| {
        format!(
            "cannot read the advisory snapshot at {}: {e}",
            dir.display()
        )
    })?;
    let lockfile = Lockfile::load(lock).map_err(|e| e.to_string())?;
    let accepted = accepted(root)?;
    let accepted_ids: BTreeSet<&str> = accepted.iter().map(|a| a.id.as_str()).collect();

    let mut problems = Vec::new();
    let mut seen_accepted = BTreeSet::new();
    for vulnerability in database.vulnerabilities(&lockfile) {
        problems.push(format!(
            "VULNERABLE {} {}: {} {}",
            vulnerability.package.name,
            vulnerability.package.version,
            vulnerability.advisory.id,
            vulnerability.advisory.title
        ));
    }
    let informational = Query::new()
        .collection(Collection::Crates)
        .withdrawn(false)
        .informational(true);
    for warning in database.query_vulnerabilities(&lockfile, &informational) {
        let id = warning.advisory.id.as_str().to_owned();
        let kind = match &warning.advisory.informational {
            Some(Informational::Unmaintained) => "unmaintained",
            Some(Informational::Unsound) => "unsound",
            Some(Informational::Notice) => "notice",
            _ => "informational",
        };
        if accepted_ids.contains(id.as_str()) {
            seen_accepted.insert(id);
            continue;
        }
        problems.push(format!(
            "{kind} {} {}: {id} {} (fix it, or accept it with a reason in advisories.toml)",
            warning.package.name, warning.package.version, warning.advisory.title
        ));
    }
    for stale in accepted_ids
        .iter()
        .filter(|id| !seen_accepted.contains(**id))
    {
        problems.push(format!(
            "advisories.toml accepts {stale}, which no longer applies: remove it"
        ));
    }
    Ok((problems, lockfile.packages.len(), seen_accepted.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database of one advisory about `demo-crate` below 1.2, and a lockfile holding 1.1.
    fn world(informational: Option<&str>, accepted: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let advisories = dir.path().join("db/crates/demo-crate");
        std::fs::create_dir_all(&advisories).unwrap();
        let informational = informational
            .map(|kind| format!("informational = \"{kind}\"\n"))
            .unwrap_or_default();
        std::fs::write(
            advisories.join("RUSTSEC-2099-0001.md"),
            format!(
                "```toml\n[advisory]\nid = \"RUSTSEC-2099-0001\"\npackage = \"demo-crate\"\n\
                 date = \"2099-01-01\"\n{informational}\n[versions]\npatched = [\">= 1.2.0\"]\n```\n\n# Demo flaw\n\nA flaw.\n"
            ),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("Cargo.lock"),
            "version = 4\n\n[[package]]\nname = \"demo-crate\"\nversion = \"1.1.0\"\n\
             source = \"registry+https://github.com/rust-lang/crates.io-index\"\n\
             checksum = \"0000000000000000000000000000000000000000000000000000000000000000\"\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("advisories.toml"), accepted).unwrap();
        dir
    }

    fn found(dir: &tempfile::TempDir) -> Vec<String> {
        problems(
            &dir.path().join("db"),
            &dir.path().join("Cargo.lock"),
            dir.path(),
        )
        .unwrap()
        .0
    }

    const ACCEPTED: &str =
        "[[accepted]]\nid = \"RUSTSEC-2099-0001\"\nreason = \"a reason long enough to be one\"\n";

    #[test]
    fn a_vulnerability_fails_even_when_listed_as_accepted() {
        let problems = found(&world(None, ACCEPTED));
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("VULNERABLE demo-crate 1.1.0")),
            "{problems:?}"
        );
    }

    #[test]
    fn an_unmaintained_crate_fails_until_accepted_with_a_reason() {
        let problems = found(&world(Some("unmaintained"), ""));
        assert!(
            problems[0].starts_with("unmaintained demo-crate"),
            "{problems:?}"
        );
        assert!(found(&world(Some("unmaintained"), ACCEPTED)).is_empty());
        let bare = world(
            Some("unmaintained"),
            "[[accepted]]\nid = \"RUSTSEC-2099-0001\"\nreason = \"ok\"\n",
        );
        assert!(problems_or_error(&bare).contains("needs a real reason"));
    }

    #[test]
    fn an_acceptance_that_no_longer_applies_fails() {
        let stale = world(
            Some("unmaintained"),
            &format!(
                "{ACCEPTED}[[accepted]]\nid = \"RUSTSEC-2099-0002\"\nreason = \"once needed, long since gone\"\n"
            ),
        );
        let problems = found(&stale);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("RUSTSEC-2099-0002, which no longer applies")),
            "{problems:?}"
        );
    }

    fn problems_or_error(dir: &tempfile::TempDir) -> String {
        match problems(
            &dir.path().join("db"),
            &dir.path().join("Cargo.lock"),
            dir.path(),
        ) {
            Ok((problems, ..)) => problems.join("\n"),
            Err(error) => error,
        }
    }
}
