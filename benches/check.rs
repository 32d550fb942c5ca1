//! Checking versus parsing: checking a document must cost no more than
//! serde_json needs to read the same document's JSON.
//!
//! Run: `cargo bench --bench check`. The document is 1,000 tables (the eight
//! published fixture tables, repeated and renamed, each with ten indicators:
//! about 10,000 indicator rows).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use jixiao_domain::{edit, rules, suggest, Document, Indicator, Table};
use jixiao_formats::{exchange, layout};

const FIXTURE: &str = include_str!("../tests/fixtures/tianjin-2025-tables-1-8.txt");

fn thousand_tables() -> Document {
    let base = layout::import(FIXTURE).expect("fixture imports").tables;
    let mut tables = Vec::with_capacity(1000);
    for i in 0..1000 {
        let mut t = base[i % base.len()].clone();
        t.project = format!("{}（{}）", t.project, i + 1);
        let mut k = 0;
        while t.indicators.len() < 10 {
            let mut extra: Indicator = t.indicators[k % t.indicators.len()].clone();
            extra.name = format!("{}-{}", extra.name, k + 1);
            t.indicators.push(extra);
            k += 1;
        }
        t.indicators.truncate(10);
        tables.push(t);
    }
    Document { tables }
}

fn bench(c: &mut Criterion) {
    let doc = thousand_tables();
    let rows: usize = doc.tables.iter().map(|t| t.indicators.len()).sum();
    let json = exchange::to_json(&doc);
    println!(
        "document: {} tables, {rows} indicator rows, {} KB of JSON",
        doc.tables.len(),
        json.len() / 1024
    );

    let mut group = c.benchmark_group("1000 tables");
    group.sample_size(20);
    group.bench_function("check (rules::check every table)", |b| {
        b.iter(|| {
            let n: usize = black_box(&doc)
                .tables
                .iter()
                .map(|t| rules::check(t).len())
                .sum();
            black_box(n)
        })
    });
    group.bench_function("parse JSON (exchange::from_json)", |b| {
        b.iter(|| black_box(exchange::from_json(black_box(&json)).unwrap()))
    });
    group.finish();

    // The published text layout of 100 tables, imported then checked.
    let text: String = (0..13).map(|_| FIXTURE).collect::<Vec<_>>().join("\n");
    let mut group = c.benchmark_group("104 tables of text layout");
    group.sample_size(20);
    group.bench_function("import + check", |b| {
        b.iter(|| {
            let doc = layout::import(black_box(&text)).unwrap();
            let n: usize = doc.tables.iter().map(|t| rules::check(t).len()).sum();
            black_box(n)
        })
    });
    group.finish();

    // What the editor recomputes per keystroke on one table of 1,000
    // indicators (src/ui/state.rs): the check, the indicator tree and the
    // common-indicator suggestions.
    let big = thousand_rows(&doc.tables[0]);
    let mut group = c.benchmark_group("one keystroke, 1,000-indicator table");
    group.sample_size(30);
    group.bench_function("rules::check", |b| {
        b.iter(|| black_box(rules::check(black_box(&big))))
    });
    group.bench_function("edit::blocks (indicator tree)", |b| {
        b.iter(|| black_box(edit::blocks(black_box(&big))))
    });
    group.bench_function("suggest::for_all", |b| {
        b.iter(|| black_box(suggest::for_all(black_box(&big))))
    });
    group.finish();
}

/// One table grown to 1,000 indicators (the rows of the first, renamed).
fn thousand_rows(base: &Table) -> Table {
    let mut t = base.clone();
    let rows = t.indicators.clone();
    t.indicators = (0..1000)
        .map(|k| {
            let mut r = rows[k % rows.len()].clone();
            r.name = format!("{}-{}", r.name, k + 1);
            r
        })
        .collect();
    t
}

criterion_group!(benches, bench);
criterion_main!(benches);
