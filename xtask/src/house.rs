//! The house rules a review would otherwise have to remember, checked as tests: no module of a
//! crate imports one that imports it back (directly or round a circle), and no source file grows
//! past what a newcomer can hold in their head.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lines a source file may have (migrations and generated data aside).
pub const MAX_LINES: usize = 800;

/// The crates whose modules must not import each other in a circle.
pub const CRATES: [&str; 4] = ["domain/src", "backend/src", "app/src", "server/src"];

/// Every `.rs` file under `dir`, recursively.
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The module a file is, as a path from the crate root (`planning::plans`; `mod.rs` and
/// `lib.rs` are their folder). Binaries are roots of their own and not modules of the library.
fn module_of(src: &Path, file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix(src).ok()?.with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.first().is_some_and(|p| p == "bin") {
        return None;
    }
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    Some(parts)
}

/// The code of a file without its tests and comments: tests may reach anywhere.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paths the code names: `crate::a::b`, `super::a`, and the members of `use crate::{a, b::c}`.
fn referenced_paths(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for (start, _) in text.match_indices("crate::") {
        out.extend(expand(&text[start + "crate::".len()..], Vec::new()));
    }
    for (start, _) in text.match_indices("super::") {
        // Only the first `super::` of a run: count the run.
        if text[..start].ends_with("super::") {
            continue;
        }
        let mut rest = &text[start..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        // `super` is the parent module, whether this one is a file or a folder's `mod.rs`.
        let mut base: Vec<String> = here.to_vec();
        if ups > base.len() {
            continue;
        }
        base.truncate(base.len() - ups);
        out.extend(expand(rest, base));
    }
    out
}

/// `a::b::{c, d::e}` (or `{a, b::c}`) after a prefix, as full paths.
fn expand(rest: &str, prefix: Vec<String>) -> Vec<Vec<String>> {
    if rest.starts_with('{') {
        let Some(len) = matching_brace(rest) else {
            return vec![prefix];
        };
        let mut out = vec![prefix.clone()];
        for item in split_top_level(&rest[1..len]) {
            out.extend(expand(item.trim(), prefix.clone()));
        }
        return out;
    }
    let mut path = prefix;
    let mut chars = rest.char_indices().peekable();
    let mut word = String::new();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if c == ':' && chars.peek().is_some_and(|(_, n)| *n == ':') {
            chars.next();
            if !word.is_empty() {
                path.push(std::mem::take(&mut word));
            }
            if chars.peek().is_some_and(|(_, n)| *n == '{') {
                let open = i + 2;
                let Some(len) = matching_brace(&rest[open..]) else {
                    return vec![path];
                };
                let inner = &rest[open + 1..open + len];
                let mut out = vec![path.clone()];
                for item in split_top_level(inner) {
                    out.extend(expand(item.trim(), path.clone()));
                }
                return out;
            }
            continue;
        }
        break;
    }
    if !word.is_empty() {
        path.push(word);
    }
    vec![path]
}

fn matching_brace(text: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn split_top_level(text: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// The module graph of a crate: each module and the modules it names (not its own ancestors or
/// descendants, which are one module split into files).
pub fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut modules: BTreeMap<Vec<String>, PathBuf> = BTreeMap::new();
    for file in rust_files(src) {
        if let Some(m) = module_of(src, &file) {
            modules.insert(m, file);
        }
    }
    let resolve = |path: &[String]| {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| modules.contains_key(p))
    };
    let mut graph = BTreeMap::new();
    for (m, file) in &modules {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let mut edges = BTreeSet::new();
        for path in referenced_paths(&code_of(&text), m) {
            let Some(target) = resolve(&path) else {
                continue;
            };
            let related = target.starts_with(m) || m.starts_with(&target);
            if !related && !target.is_empty() {
                edges.insert(target.join("::"));
            }
        }
        graph.insert(m.join("::"), edges);
    }
    graph
}

/// The circles in a graph: strongly connected components of more than one module (Tarjan).
pub fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut circle = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                circle.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if circle.len() > 1 {
                circle.sort();
                s.out.push(circle);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.out
}

/// Files past `MAX_LINES`, with their length; migrations and generated data are exempt.
pub fn long_files(root: &Path) -> Vec<(PathBuf, usize)> {
    let mut out = Vec::new();
    for dir in [
        "domain",
        "backend",
        "app",
        "server",
        "xtask",
        "bench",
        "qr-worker",
    ] {
        for file in rust_files(&root.join(dir)) {
            let exempt = file.components().any(|c| c.as_os_str() == "migration");
            let lines = std::fs::read_to_string(&file)
                .map(|t| t.lines().count())
                .unwrap_or(0);
            if !exempt && lines > MAX_LINES {
                out.push((file, lines));
            }
        }
    }
    out
}

/// Declarations in a stylesheet that spell a colour themselves instead of naming a design token:
/// a colour is written once, as a custom property (`--name: #…`), and used by name everywhere.
pub fn colours_outside_tokens(css: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, line) in css.lines().enumerate() {
        let mut code = String::new();
        let mut rest = line;
        loop {
            if in_comment {
                match rest.find("*/") {
                    Some(end) => {
                        in_comment = false;
                        rest = &rest[end + 2..];
                    }
                    None => break,
                }
            } else {
                match rest.find("/*") {
                    Some(start) => {
                        code.push_str(&rest[..start]);
                        in_comment = true;
                        rest = &rest[start + 2..];
                    }
                    None => {
                        code.push_str(rest);
                        break;
                    }
                }
            }
        }
        let code = code.trim();
        if code.starts_with("--") {
            continue;
        }
        let hex = code.match_indices('#').any(|(at, _)| {
            let digits = code[at + 1..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .count();
            // A hex colour inside a declaration, not an id selector (`#indhold {`).
            code.contains(':') && !code.ends_with('{') && matches!(digits, 3 | 4 | 6 | 8)
        });
        let function = ["rgb(", "rgba(", "hsl(", "hsla(", "oklch("]
            .iter()
            .any(|f| code.contains(f));
        if hex || function {
            out.push((i + 1, code.to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    #[test]
    fn no_module_of_a_crate_imports_one_that_imports_it_back() {
        let mut found = Vec::new();
        for src in CRATES {
            for circle in circles(&module_graph(&root().join(src))) {
                found.push(format!("{src}: {}", circle.join(" ↔ ")));
            }
        }
        assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
    }

    #[test]
    fn the_circle_finder_sees_a_circle_through_super_and_grouped_uses() {
        let code = "use crate::{a::b, c};\nuse super::d::{e, f::g};";
        let paths = referenced_paths(code, &["x".to_owned(), "y".to_owned()]);
        let text: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
        for expected in ["a::b", "c", "x::d::e", "x::d::f::g"] {
            assert!(
                text.contains(&expected.to_owned()),
                "{expected} in {text:?}"
            );
        }
        let graph: BTreeMap<String, BTreeSet<String>> = [
            ("a", vec!["b"]),
            ("b", vec!["c"]),
            ("c", vec!["a"]),
            ("d", vec!["a"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
        .collect();
        assert_eq!(circles(&graph), vec![vec!["a", "b", "c"]]);
    }

    #[test]
    fn every_colour_of_the_stylesheet_is_a_design_token() {
        let css = std::fs::read_to_string(root().join("style/main.css")).expect("the stylesheet");
        let found: Vec<String> = colours_outside_tokens(&css)
            .into_iter()
            .map(|(n, line)| format!("style/main.css:{n}: {line}"))
            .collect();
        assert!(
            found.is_empty(),
            "colours written outside the tokens (name a --token instead):\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_token_check_sees_a_colour_written_in_place() {
        let css = ":root {\n  --ink: #1a1a1a; /* #fff */\n}\n#indhold {\n  color: var(--ink);\n}\n.x {\n  color: #fff;\n  box-shadow: 0 0 4px rgb(0 0 0 / 10%);\n}\n";
        let found: Vec<usize> = colours_outside_tokens(css)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(found, vec![8, 9]);
    }

    #[test]
    fn no_source_file_is_longer_than_a_newcomer_can_hold_in_their_head() {
        let long: Vec<String> = long_files(&root())
            .into_iter()
            .map(|(f, n)| format!("{}: {n} lines", f.display()))
            .collect();
        assert!(
            long.is_empty(),
            "over {MAX_LINES} lines:\n{}",
            long.join("\n")
        );
    }
}
