//! What the `jixiao` command tests share: running the binary, its output,
//! scratch files.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

pub const FIXTURE: &str = "tests/fixtures/tianjin-2025-tables-1-8.txt";

pub fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("jixiao runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A scratch file that is removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str, content: &str) -> Scratch {
        Scratch::bytes(name, content.as_bytes())
    }

    pub fn bytes(name: &str, content: &[u8]) -> Scratch {
        let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        Scratch(path)
    }

    pub fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `jixiao import PATH`, which must succeed: its JSON.
pub fn import_ok(path: &str) -> String {
    let o = jixiao(&["import", path]);
    assert_eq!(o.status.code(), Some(0), "{path}: {}", stderr(&o));
    stdout(&o)
}
