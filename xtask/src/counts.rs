//! Reading how many tests ran from each runner's closing lines.

/// Tests run by one layer.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed.
    pub failed: u64,
    /// Tests skipped or ignored.
    pub skipped: u64,
}

impl Counts {
    /// Adds another layer's counts.
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }
}

/// Removes ANSI colour sequences.
pub fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(ch);
        }
    }
    out
}

/// The number just before `word` in `text` (e.g. `number_before("14 passed", "passed")` is 14).
fn number_before(text: &str, word: &str) -> Option<u64> {
    let mut previous: Option<&str> = None;
    for token in text.split(|c: char| c.is_whitespace() || c == ';' || c == ',' || c == '|') {
        if token.is_empty() {
            continue;
        }
        if token.trim_end_matches(['.', ':']) == word {
            return previous.and_then(|p| p.parse().ok());
        }
        previous = Some(token);
    }
    None
}

/// Sums `test result:` lines of `cargo test`.
pub fn cargo_test(lines: &[String]) -> Counts {
    let mut counts = Counts::default();
    for line in lines.iter().map(|l| strip_ansi(l)) {
        if let Some(rest) = line.trim().strip_prefix("test result:") {
            counts.add(Counts {
                passed: number_before(rest, "passed").unwrap_or(0),
                failed: number_before(rest, "failed").unwrap_or(0),
                skipped: number_before(rest, "ignored").unwrap_or(0),
            });
        }
    }
    counts
}

/// Reads vitest's `Tests  1 failed | 13 passed (14)` line.
pub fn vitest(lines: &[String]) -> Counts {
    let mut counts = Counts::default();
    for line in lines.iter().map(|l| strip_ansi(l)) {
        if let Some(rest) = line.trim().strip_prefix("Tests ") {
            counts = Counts {
                passed: number_before(rest, "passed").unwrap_or(0),
                failed: number_before(rest, "failed").unwrap_or(0),
                skipped: number_before(rest, "skipped").unwrap_or(0),
            };
        }
    }
    counts
}

/// Reads node's test runner summary: `# pass 7`, `# fail 0`, `# skipped 0`.
pub fn node_test(lines: &[String]) -> Counts {
    let mut counts = Counts::default();
    for line in lines.iter().map(|l| strip_ansi(l)) {
        let line = line.trim();
        let value = |prefix: &str| {
            line.strip_prefix(prefix)
                .and_then(|v| v.trim().parse().ok())
        };
        if let Some(n) = value("# pass") {
            counts.passed = n;
        } else if let Some(n) = value("# fail") {
            counts.failed = n;
        } else if let Some(n) = value("# skipped") {
            counts.skipped = n;
        }
    }
    counts
}

/// Reads `svelte-check found E errors and W warnings`: (errors, warnings).
pub fn svelte_check(lines: &[String]) -> Option<(u64, u64)> {
    lines.iter().map(|l| strip_ansi(l)).find_map(|line| {
        let rest = line.trim().strip_prefix("svelte-check found ")?.to_owned();
        let errors = number_before(&rest, "errors").or_else(|| number_before(&rest, "error"))?;
        let warnings =
            number_before(&rest, "warnings").or_else(|| number_before(&rest, "warning"))?;
        Some((errors, warnings))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn cargo_results_are_summed_over_binaries() {
        let out = lines(
            "test result: ok. 14 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.03s\n\
             running 4 tests\n\
             test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out",
        );
        assert_eq!(
            cargo_test(&out),
            Counts {
                passed: 17,
                failed: 1,
                skipped: 2
            }
        );
    }

    #[test]
    fn vitest_summary_with_colours_is_read() {
        let out = lines(
            "\u{1b}[2m      Tests \u{1b}[22m \u{1b}[1m\u{1b}[31m1 failed\u{1b}[39m\u{1b}[22m\u{1b}[2m | \u{1b}[22m\u{1b}[1m\u{1b}[32m13 passed\u{1b}[39m\u{1b}[22m\u{1b}[90m (14)\u{1b}[39m",
        );
        assert_eq!(
            vitest(&out),
            Counts {
                passed: 13,
                failed: 1,
                skipped: 0
            }
        );
        let out = lines(" Test Files  5 passed (5)\n      Tests  14 passed (14)");
        assert_eq!(
            vitest(&out),
            Counts {
                passed: 14,
                failed: 0,
                skipped: 0
            }
        );
    }

    #[test]
    fn node_summary_is_read() {
        let out = lines("# tests 7\n# suites 3\n# pass 6\n# fail 1\n# cancelled 0\n# skipped 2");
        assert_eq!(
            node_test(&out),
            Counts {
                passed: 6,
                failed: 1,
                skipped: 2
            }
        );
    }

    #[test]
    fn svelte_check_totals_are_read() {
        let out = lines(
            "Getting Svelte diagnostics...\nsvelte-check found 2 errors and 1 warning in 1 file",
        );
        assert_eq!(svelte_check(&out), Some((2, 1)));
        let out = lines("svelte-check found 0 errors and 0 warnings");
        assert_eq!(svelte_check(&out), Some((0, 0)));
    }

    #[test]
    fn no_summary_means_nothing_counted() {
        assert_eq!(cargo_test(&[]), Counts::default());
        assert_eq!(node_test(&lines("hello")), Counts::default());
    }
}
