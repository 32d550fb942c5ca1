//! Benefits say what the outputs achieve, not the outputs again: a 效益 row
//! whose 三级 name repeats a 产出 row's (spaces and punctuation aside), or
//! whose value repeats one's with the same number and unit (`≥400册`) while
//! the names share a key term, is an output passed off as a benefit
//! (reviewers: 把产出当效益).
//!
//! Values alone are not enough: `≥1个` under 数量 and `≥1个` under 效益 are
//! often two different things, so a repeated value counts only when the
//! names speak of the same thing too (a shared term, see `terms.rs`).
//! Percentages and times are never compared: every table has its 100%.

use super::catalogue::Rule;
use super::finding::Findings;
use super::indicators::{is_cost_row, Kind, Row};
use super::place::{Column, Place};
use super::terms;
use super::Measure;
use crate::framework::Level1;
use crate::table::Table;
use crate::value::{half_width, UnitClass};

pub(super) fn check_benefits(
    t: &Table,
    kinds: &[Kind],
    measures: &[Option<Measure>],
    out: &mut Findings,
) {
    let is_benefit = |(l1, _): &Kind| *l1 == Some(Level1::Benefit);
    // (signature, row) of each benefit row, by its name and by its value,
    // sorted; and the same signatures as a 256-bit filter, so an output row
    // that matches none (nearly all) costs two cheap signatures and two bit
    // tests.
    let mut signed: Vec<(u64, usize)> = Vec::new();
    let mut filter = [0u64; 4];
    for (row, (ind, kind)) in t.indicators.iter().zip(kinds).enumerate() {
        if is_benefit(kind) {
            for sig in [name_signature(&ind.name), value_signature(&measures[row])]
                .into_iter()
                .flatten()
            {
                signed.push((sig, row));
                filter[(sig >> 62) as usize] |= 1 << (sig & 63);
            }
        }
    }
    if signed.is_empty() {
        return;
    }
    signed.sort_unstable();

    // For each benefit row, the first output row it repeats, by name (first
    // choice) or by value.
    let mut repeats: Vec<(usize, Column, usize)> = Vec::new();
    for (o, ((ind, (l1, l2)), value)) in t.indicators.iter().zip(kinds).zip(measures).enumerate() {
        if *l1 != Some(Level1::Output) || is_cost_row(*l1, *l2, ind) {
            continue;
        }
        let sigs = [name_signature(&ind.name), value_signature(value)];
        for sig in sigs.into_iter().flatten() {
            if filter[(sig >> 62) as usize] & 1 << (sig & 63) == 0 {
                continue;
            }
            for b in matching(&signed, sig) {
                let benefit = &t.indicators[b];
                let column = if normalized(&ind.name).eq(normalized(&benefit.name)) {
                    Column::Name
                } else if same_number_and_unit(value, &measures[b])
                    && share_a_term(&ind.name, &benefit.name)
                {
                    Column::Value
                } else {
                    continue;
                };
                match repeats.iter_mut().find(|(row, ..)| *row == b) {
                    None => repeats.push((b, column, o)),
                    Some(found) if found.1 == Column::Value && column == Column::Name => {
                        *found = (b, column, o);
                    }
                    Some(_) => {}
                }
            }
        }
    }
    repeats.sort_unstable_by_key(|(row, ..)| *row);

    for (row, column, output) in repeats {
        let ind = &t.indicators[row];
        let (shown, shown_en) = Row::new(row, ind, kinds[row]).shown();
        let (n, out_name) = (output + 1, t.indicators[output].name.trim());
        let (what, what_en) = match column {
            Column::Name => ("名称".to_string(), "name".to_string()),
            _ => {
                let v = ind.value.trim();
                (format!("指标值 {v}"), format!("value {v}"))
            }
        };
        out.add(
            Rule::BenefitRestatesOutput,
            Place::Indicator { row, column },
            format!("效益指标{shown}的{what}重复了第 {n} 行产出指标「{out_name}」，是把产出当效益：效益指标请写这项产出带来的效果，谁受益、受益多少，如“服务科研单位 ≥200家”“查阅使用 ≥1000人次”。"),
            format!("Benefit indicator {shown_en} repeats the {what_en} of output row {n} \"{out_name}\": reviewers call this 把产出当效益, an output passed off as a benefit. Write the effect instead: who benefits, and by how much (e.g. 服务科研单位 ≥200家)."),
        );
    }
}

/// The rows of `sorted` with `key`.
fn matching(sorted: &[(u64, usize)], key: u64) -> impl Iterator<Item = usize> + '_ {
    let start = sorted.partition_point(|(k, _)| *k < key);
    sorted[start..]
        .iter()
        .take_while(move |(k, _)| *k == key)
        .map(|(_, row)| *row)
}

/// A name as compared: half-width, without spaces or punctuation, ASCII in
/// lower case.
fn normalized(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace() && !is_punctuation(*c))
        .map(|c| c.to_ascii_lowercase())
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{2010}'..='\u{2027}' | '\u{3000}'..='\u{303f}' | '\u{00b7}' | '\u{ff5f}'..='\u{ff65}')
}

/// What two equal names surely share: the first and the last character
/// of the normalized name (and a tag apart from value signatures); none
/// for an empty name. Cheap: it looks at the ends only.
fn name_signature(name: &str) -> Option<u64> {
    let plain = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    // Chinese at both ends (the common case) needs no normalizing.
    let first = match name.chars().next() {
        Some(c) if plain(c) => c,
        _ => normalized(name).next()?,
    };
    let last = match name.chars().next_back() {
        Some(c) if plain(c) => c,
        _ => name
            .chars()
            .rev()
            .map(half_width)
            .find(|c| !c.is_whitespace() && !is_punctuation(*c))?
            .to_ascii_lowercase(),
    };
    Some(mix((first as u64) << 21 | last as u64))
}

/// What two values of the same number and unit surely share, for counted
/// and measured values (`≥400册`, `3万字`); none for percentages, times,
/// money, dates and words.
fn value_signature(measure: &Option<Measure>) -> Option<u64> {
    let m = measure.as_ref().filter(|m| counted(m))?;
    // 400 and 400.0 are one number: the signature must not tell them apart.
    let whole = m.number.trunc().mantissa() as u64;
    Some(mix(whole ^ m.unit.rotate_left(17) ^ 1 << 63))
}

/// Counts and other measures (册, 万字); not percentages, times or money.
fn counted(m: &Measure) -> bool {
    matches!(m.class, UnitClass::Count | UnitClass::Other)
}

/// Spreads a signature's bits (for the filter's top two and low six).
fn mix(x: u64) -> u64 {
    x.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Whether two values are the same count or measure: number and unit
/// (`≥400册`, `400册`). Percentages, times and money never are.
fn same_number_and_unit(a: &Option<Measure>, b: &Option<Measure>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => counted(a) && a.number == b.number && a.unit == b.unit,
        _ => false,
    }
}

/// Whether two names share a key term that is not a generic word.
fn share_a_term(a: &str, b: &str) -> bool {
    terms::find(a, &mut |ta| {
        !terms::is_generic(ta) && terms::find(b, &mut |tb| tb == ta)
    })
}
