//! Checking versus parsing: checking a document must cost no more than
//! serde_json needs to read the same document's JSON.
//!
//! Run: `cargo bench --bench check`. The document is 1,000 tables (the eight
//! published fixture tables, repeated and renamed, each with ten indicators:
//! about 10,000 indicator rows).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use jixiao::domain::{exchange, layout, rules, Document, Indicator};

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
