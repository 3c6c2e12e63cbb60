//! The app's modules form layers that depend one way only: a module may use its own layer and
//! the layers before it, never one after it. The order is the one `src/lib.rs` describes; each
//! layer is a folder of `src/`. Test modules (`mod tests`, `tests.rs`) are left out: a test
//! may check a lower layer's output through a higher one.

use std::path::{Path, PathBuf};

const LAYERS: [&str; 7] = ["i18n", "story", "charts", "state", "web", "ui", "live"];

/// A file's layer: the folder or file it sits in, under `src/`.
fn layer_of(path: &Path, src: &Path) -> Option<usize> {
    let first = path.strip_prefix(src).ok()?.components().next()?.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
    LAYERS.iter().position(|l| *l == first)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments and without its `#[cfg(test)]` module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// The top-level modules a file's code names through `crate::`, with the line of each.
fn uses_of(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{a::x, b::{y, z}}`: the names at the group's first level.
                let mut depth = 0;
                let mut name = String::new();
                let mut at_start = true;
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => at_start = true,
                        c if at_start && (c.is_alphanumeric() || c == '_') => name.push(c),
                        ':' if at_start && !name.is_empty() => {
                            out.push((number + 1, std::mem::take(&mut name)));
                            at_start = false;
                        }
                        _ => {}
                    }
                }
            } else {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                out.push((number + 1, name));
            }
        }
    }
    out
}

#[test]
fn every_module_uses_its_own_layer_or_earlier_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let Some(own) = layer_of(file, &src) else { continue };
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        checked += 1;
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        for (line, name) in uses_of(&code) {
            match LAYERS.iter().position(|l| *l == name) {
                Some(used) if used > own => {
                    problems.push(format!("{}:{line}: {} uses crate::{name}", file.display(), LAYERS[own]));
                }
                Some(_) => {}
                None => problems.push(format!("{}:{line}: crate::{name} is in no layer", file.display())),
            }
        }
    }
    assert!(checked > 50, "only {checked} files checked");
    assert!(problems.is_empty(), "layers used against their order:\n{}", problems.join("\n"));
}

#[test]
fn the_crate_root_only_declares_its_layers_and_starts_the_app() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let modules: Vec<&str> = lib.lines().filter_map(|l| l.strip_prefix("pub mod ")).map(|m| m.trim_end_matches(';')).collect();
    let mut layers = LAYERS.to_vec();
    layers.sort_unstable();
    assert_eq!(modules, layers);
    assert!(lib.lines().count() <= 80, "src/lib.rs has {} lines", lib.lines().count());
}

/// No file of `src/` is longer than about 400 lines: a longer one holds more than one concern.
#[test]
fn no_file_is_over_about_four_hundred_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, std::fs::read_to_string(f).unwrap().lines().count()))
        .filter(|(_, lines)| *lines > 420)
        .map(|(f, lines)| format!("{}: {lines} lines", f.display()))
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}

#[test]
fn the_reader_of_uses_sees_groups_and_paths() {
    let uses = uses_of("use crate::{i18n::Lang, story::{model, format}};\nlet x = crate::charts::to_json(&c);");
    assert_eq!(uses, [(1, "i18n".to_string()), (1, "story".to_string()), (2, "charts".to_string())]);
}

/// Within a layer, its modules (the files and folders of the layer's folder; the layer's own
/// `mod.rs` is the layer's face, which its modules may use) depend on one another without a cycle.
#[test]
fn no_two_modules_of_a_layer_use_each_other_in_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: std::collections::BTreeSet<(String, String)> = Default::default();
    for file in &files {
        let parts: Vec<String> = file
            .strip_prefix(&src)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if parts.len() < 2 || parts[1] == "mod" || parts.last().is_some_and(|p| p == "tests") {
            continue;
        }
        let (layer, module) = (&parts[0], &parts[1]);
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let prefix = format!("crate::{layer}::");
        for (at, _) in code.match_indices(&prefix) {
            let used: String = code[at + prefix.len()..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let is_module = src.join(layer).join(format!("{used}.rs")).exists() || src.join(layer).join(&used).is_dir();
            if is_module && used != *module {
                edges.insert((format!("{layer}::{module}"), format!("{layer}::{used}")));
            }
        }
    }
    assert!(edges.len() > 20, "only {} uses between modules found", edges.len());
    // A cycle shows as a module that reaches itself.
    let reach = |from: &str| {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(at) = todo.pop() {
            for (a, b) in &edges {
                if *a == at && seen.insert(b.clone()) {
                    todo.push(b.clone());
                }
            }
        }
        seen
    };
    let circular: Vec<String> = edges
        .iter()
        .map(|(a, _)| a.clone())
        .filter(|a| reach(a).contains(a))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(circular.is_empty(), "modules in a circle: {circular:?}\nuses: {edges:?}");
}
