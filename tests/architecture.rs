//! The shape of the codebase, as ARCHITECTURE.md states it, checked on
//! every `cargo test`:
//! - nothing under `crates/` depends on a browser crate, directly or not;
//! - the page and the CLI use those crates;
//! - no Rust source file is over 800 lines, none under `src/ui` over 600;
//! - the modules of `src/ui` import each other without cycles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value as Json;

const BROWSER_CRATES: &[&str] = &["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn metadata() -> Json {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

fn is_browser_crate(name: &str) -> bool {
    BROWSER_CRATES
        .iter()
        .any(|b| name == *b || name.starts_with(&format!("{b}-")))
}

/// Package id → (name, ids of its dependencies), on every platform.
fn graph(meta: &Json) -> BTreeMap<String, (String, Vec<String>)> {
    let names: BTreeMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let id = n["id"].as_str().unwrap().to_string();
            let deps = n["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_string())
                .collect();
            (id.clone(), (names[id.as_str()].to_string(), deps))
        })
        .collect()
}

fn crates_dir_packages(meta: &Json) -> Vec<(String, String)> {
    let crates = root().join("crates");
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| Path::new(p["manifest_path"].as_str().unwrap()).starts_with(&crates))
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn nothing_under_crates_depends_on_a_browser_crate() {
    let meta = metadata();
    let layers = crates_dir_packages(&meta);
    assert!(
        layers.len() >= 3,
        "at least three browser-free crates: {layers:?}"
    );
    for (_, name) in &layers {
        // What the crate builds with on any target, its tests included.
        let out = Command::new(env!("CARGO"))
            .args([
                "tree",
                "-p",
                name,
                "--target",
                "all",
                "-e",
                "normal,build,dev",
            ])
            .args(["--prefix", "none", "--format", "{p}"])
            .current_dir(root())
            .output()
            .expect("cargo tree runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let tree = String::from_utf8(out.stdout).unwrap();
        let browser: BTreeSet<&str> = tree
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|n| is_browser_crate(n))
            .collect();
        assert!(browser.is_empty(), "{name} depends on {browser:?}");
        // The check itself can fail: the root package does reach them.
        assert!(
            tree.lines().count() > 1,
            "cargo tree listed {name}'s dependencies"
        );
    }
    let page = Command::new(env!("CARGO"))
        .args(["tree", "-p", "jixiao", "--target", "wasm32-unknown-unknown"])
        .args(["-e", "normal", "--prefix", "none", "--format", "{p}"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&page.stdout).contains("leptos"));
}

#[test]
fn the_page_and_the_cli_use_the_layer_crates() {
    let meta = metadata();
    let g = graph(&meta);
    let root_pkg = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "jixiao")
        .unwrap();
    let deps: BTreeSet<&str> = g[root_pkg["id"].as_str().unwrap()]
        .1
        .iter()
        .map(|d| g[d].0.as_str())
        .collect();
    for layer in crates_dir_packages(&meta) {
        assert!(deps.contains(layer.1.as_str()), "jixiao uses {}", layer.1);
    }
    let cli = std::fs::read_to_string(root().join("src/bin/jixiao.rs")).unwrap();
    assert!(cli.contains("jixiao_formats") && cli.contains("jixiao_domain"));
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            if name != "target" && name != "node_modules" && !name.starts_with('.') {
                rust_files(&p, out);
            }
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_source_file_is_too_long() {
    let mut files = Vec::new();
    for d in ["src", "crates", "tests", "benches", "fuzz"] {
        rust_files(&root().join(d), &mut files);
    }
    let ui = root().join("src/ui");
    let mut over = Vec::new();
    for f in &files {
        let lines = std::fs::read_to_string(f).unwrap().lines().count();
        let limit = if f.starts_with(&ui) { 600 } else { 800 };
        if lines > limit {
            over.push(format!(
                "{} has {lines} lines (at most {limit})",
                f.strip_prefix(root()).unwrap().display()
            ));
        }
    }
    assert!(over.is_empty(), "split these files:\n{}", over.join("\n"));
}

/// The module path of a file under src/ui (`[]` for src/ui/mod.rs).
fn module_of(ui: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(ui).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().to_string())
        .collect();
    let last = parts.pop().unwrap();
    if last != "mod.rs" {
        parts.push(last.trim_end_matches(".rs").to_string());
    }
    parts
}

/// Paths a file names: `crate::ui::a::b`, `super::a`, `self::a`, and the
/// items of `use x::{a, b::c}` groups, as segment lists relative to their
/// start (`crate`, `super`, `self` or a plain first segment).
fn named_paths(src: &str) -> Vec<Vec<String>> {
    let code: String = src
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    // `use` statements, with their groups expanded (one level of nesting
    // is what this codebase writes; deeper groups are expanded too).
    for stmt in code.split(';') {
        let t = stmt.trim();
        let Some(body) = t
            .strip_prefix("pub use ")
            .or_else(|| t.strip_prefix("pub(crate) use "))
            .or_else(|| t.strip_prefix("pub(super) use "))
            .or_else(|| t.strip_prefix("use "))
        else {
            continue;
        };
        expand(body.trim(), Vec::new(), &mut out);
    }
    // Inline paths: `super::x::f(...)`, `crate::ui::x::Y`.
    for start in ["crate::ui::", "super::", "self::"] {
        let mut rest = code.as_str();
        while let Some(i) = rest.find(start) {
            let before = rest[..i].chars().last();
            let after = &rest[i..];
            rest = &rest[i + start.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let seg: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(seg.split("::").map(str::to_string).collect());
        }
    }
    out
}

fn expand(body: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let body = body.trim();
    if let Some(open) = body.find('{') {
        let head = body[..open].trim_end_matches("::");
        let mut p = prefix.clone();
        p.extend(
            head.split("::")
                .filter(|s| !s.is_empty())
                .map(|s| s.trim().to_string()),
        );
        let inner = &body[open + 1..body.rfind('}').unwrap_or(body.len())];
        // Split on top-level commas.
        let (mut depth, mut last) = (0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[last..i], p.clone(), out);
                    last = i + 1;
                }
                _ => {}
            }
        }
        expand(&inner[last..], p, out);
    } else if !body.is_empty() {
        let mut p = prefix;
        let body = body.split(" as ").next().unwrap();
        p.extend(body.split("::").map(|s| s.trim().to_string()));
        out.push(p);
    }
}

#[test]
fn ui_modules_import_each_other_without_cycles() {
    let ui = root().join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&ui, f)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for f in &files {
        let me = module_of(&ui, f);
        let src = std::fs::read_to_string(f).unwrap();
        for path in named_paths(&src) {
            // Resolve to an absolute module path under ui.
            let mut at: Vec<String> = match path.first().map(String::as_str) {
                Some("crate") => {
                    if path.get(1).map(String::as_str) != Some("ui") {
                        continue;
                    }
                    let mut v = path[2..].to_vec();
                    v.insert(0, "#".into());
                    v
                }
                _ => path.clone(),
            };
            // Paths start at the module itself: `self::x` and a plain
            // `x::…` name its children, each `super::` goes up one level,
            // `crate::ui::` starts at ui.
            let mut base = me.clone();
            if at.first().map(String::as_str) == Some("self") {
                at.remove(0);
            }
            if at.first().map(String::as_str) == Some("#") {
                base = Vec::new();
                at.remove(0);
            }
            while at.first().map(String::as_str) == Some("super") {
                at.remove(0);
                base.pop();
            }
            // The deepest module the path reaches.
            let mut target = base.clone();
            let mut cur = base.clone();
            for seg in &at {
                cur.push(seg.clone());
                if modules.contains(&cur) {
                    target = cur.clone();
                } else {
                    break;
                }
            }
            let t = target;
            // Downward (a module composing its own children) is not an
            // import back; everything else is an edge.
            if t == me || t.starts_with(&me) {
                continue;
            }
            edges.entry(me.clone()).or_default().insert(t);
        }
    }
    // Any cycle? Depth-first search with colours.
    fn visit(
        n: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        state.insert(n.clone(), 1);
        stack.push(n.clone());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m).copied().unwrap_or(0) {
                0 => visit(m, edges, state, stack, cycles),
                1 => {
                    let from = stack.iter().position(|s| s == m).unwrap();
                    let names: Vec<String> = stack[from..]
                        .iter()
                        .chain(std::iter::once(m))
                        .map(|p| format!("ui::{}", p.join("::")))
                        .collect();
                    cycles.push(names.join(" → "));
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.clone(), 2);
    }
    let mut state = BTreeMap::new();
    let mut cycles = Vec::new();
    for m in &modules {
        if state.get(m).copied().unwrap_or(0) == 0 {
            visit(m, &edges, &mut state, &mut Vec::new(), &mut cycles);
        }
    }
    assert!(
        cycles.is_empty(),
        "import cycles in src/ui:\n{}",
        cycles.join("\n")
    );
}
