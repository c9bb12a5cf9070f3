//! Lengths: no source file over [`MAX_FILE_LINES`] lines, no Rust function over [`MAX_FN_LINES`] lines
//! outside tests. Functions are found by rustfmt's layout: a `fn` line, and its closing brace alone on a
//! line at the same indentation.

/// The most lines a source file may have.
pub const MAX_FILE_LINES: usize = 600;

/// The most lines a function outside tests may have, from its `fn` line to its closing brace.
pub const MAX_FN_LINES: usize = 80;

/// The most lines a Tauri command may have: a few lines over core.
pub const MAX_COMMAND_LINES: usize = 15;

/// What in one file breaks the length rules, each as a line for the report.
pub fn problems(shown: &str, text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    if lines.len() > MAX_FILE_LINES {
        found.push(format!(
            "{shown}: {} lines (at most {MAX_FILE_LINES})",
            lines.len()
        ));
    }
    if shown
        .replace('\\', "/")
        .starts_with("src-tauri/src/commands/")
    {
        for (name, start, length) in long_commands(&lines) {
            found.push(format!(
                "{shown}:{}: command {name} is {length} lines (at most {MAX_COMMAND_LINES})",
                start + 1
            ));
        }
    }
    if shown.ends_with(".rs") && !is_test_file(shown) {
        for (name, start, length) in long_functions(&lines) {
            found.push(format!(
                "{shown}:{}: fn {name} is {length} lines (at most {MAX_FN_LINES})",
                start + 1
            ));
        }
    }
    found
}

/// Whether the whole file is test code: an integration test, or a module of unit tests kept apart.
fn is_test_file(shown: &str) -> bool {
    let shown = shown.replace('\\', "/");
    shown.contains("/tests/") || shown.ends_with("/tests.rs") || shown.starts_with("tests/")
}

/// `(name, first line index, length)` of each function longer than the limit, outside `#[cfg(test)]` code.
fn long_functions(lines: &[&str]) -> Vec<(String, usize, usize)> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let indent = indent_of(line);
        if line.trim() == "#[cfg(test)]" {
            // Skip the test item that follows: to its closing brace at this indentation.
            index = closing(lines, index + 1, indent).map_or(lines.len(), |end| end + 1);
            continue;
        }
        if let Some(name) = fn_name(line.trim_start())
            && let Some(end) = body_end(lines, index, indent)
            && end - index + 1 > MAX_FN_LINES
        {
            found.push((name, index, end - index + 1));
        }
        index += 1;
    }
    found
}

/// `(name, first line index, length)` of each `#[tauri::command]` longer than [`MAX_COMMAND_LINES`].
fn long_commands(lines: &[&str]) -> Vec<(String, usize, usize)> {
    let mut found = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        if line.trim() != "#[tauri::command]" {
            continue;
        }
        let Some((start, name)) = lines
            .iter()
            .enumerate()
            .skip(at + 1)
            .find_map(|(i, l)| fn_name(l.trim_start()).map(|name| (i, name)))
        else {
            continue;
        };
        if let Some(end) = body_end(lines, start, indent_of(lines[start]))
            && end - start + 1 > MAX_COMMAND_LINES
        {
            found.push((name, start, end - start + 1));
        }
    }
    found
}

/// The last line of the function whose signature starts at `start`, or `None` for a declaration
/// without a body.
fn body_end(lines: &[&str], start: usize, indent: usize) -> Option<usize> {
    for (offset, line) in lines[start..].iter().enumerate() {
        let trimmed = line.trim_end();
        if trimmed.ends_with(';') && indent_of(line) <= indent + 4 && !trimmed.ends_with("};") {
            return None;
        }
        if trimmed.ends_with('}') && offset == 0 {
            return Some(start);
        }
        if trimmed.ends_with('{') {
            return closing(lines, start + offset + 1, indent);
        }
    }
    None
}

/// The first line from `from` that is a closing brace alone at `indent`.
fn closing(lines: &[&str], from: usize, indent: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| {
        let trimmed = lines[i].trim();
        indent_of(lines[i]) == indent && (trimmed == "}" || trimmed == "};" || trimmed == "},")
    })
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The function's name when the line starts a function item.
fn fn_name(trimmed: &str) -> Option<String> {
    let mut rest = trimmed;
    if let Some(after) = rest.strip_prefix("pub") {
        rest = match after.strip_prefix('(') {
            Some(scoped) => scoped.split_once(')')?.1.trim_start(),
            None => after.strip_prefix(' ')?,
        };
    }
    for qualifier in ["const ", "async ", "unsafe ", "extern \"C\" "] {
        if let Some(after) = rest.strip_prefix(qualifier) {
            rest = after;
        }
    }
    let after = rest.strip_prefix("fn ")?;
    let name: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(lines: usize) -> String {
        (0..lines)
            .map(|i| format!("    let x{i} = {i};\n"))
            .collect()
    }

    #[test]
    fn a_long_function_is_found_with_its_line_and_length() {
        let text = format!(
            "//! doc\n\npub(crate) async fn long(\n    a: u8,\n) -> u8 {{\n{}    a\n}}\n",
            body(80)
        );
        let found = problems("crates/x/src/a.rs", &text);
        assert_eq!(
            found,
            vec!["crates/x/src/a.rs:3: fn long is 85 lines (at most 80)".to_owned()]
        );
    }

    #[test]
    fn test_modules_declarations_and_short_functions_are_not_counted() {
        let text = format!(
            "trait T {{\n    fn declared(&self) -> u8;\n}}\nfn short() -> u8 {{ 1 }}\n#[cfg(test)]\nmod tests {{\n    fn long() {{\n{}    }}\n}}\n",
            body(100)
        );
        assert!(problems("crates/x/src/a.rs", &text).is_empty());
        let long = format!("fn long() {{\n{}}}\n", body(100));
        assert!(problems("crates/x/tests/a.rs", &long).is_empty());
    }

    #[test]
    fn a_command_over_fifteen_lines_is_named() {
        let text = format!(
            "#[tauri::command]\n#[tracing::instrument(skip(state), err)]\npub async fn cases(\n    state: State<'_, AppState>,\n) -> Result<(), IpcError> {{\n{}    Ok(())\n}}\n",
            body(10)
        );
        assert!(problems("src-tauri/src/commands/cases.rs", &text).is_empty());
        let longer = text.replace("    Ok(())", "    let y = 1;\n    Ok(())");
        assert_eq!(
            problems("src-tauri/src/commands/cases.rs", &longer),
            vec![
                "src-tauri/src/commands/cases.rs:3: command cases is 16 lines (at most 15)"
                    .to_owned()
            ]
        );
    }

    #[test]
    fn a_file_over_the_limit_is_named() {
        let text = "// line\n".repeat(601);
        assert_eq!(
            problems("ui/src/App.svelte", &text),
            vec!["ui/src/App.svelte: 601 lines (at most 600)".to_owned()]
        );
    }
}
