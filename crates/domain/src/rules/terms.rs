//! Key terms: what a goal and an indicator must share to speak of the same
//! thing. Chinese has no spaces, so a text's words are approximated by its
//! two-character runs (bigrams of Chinese characters, not across
//! punctuation, digits or the joining characters 的、和、与 …), less the
//! generic ones every table uses (完成, 开展, 提高, 工作, 项目 …). A number
//! with a count, money or other measured unit (`500人次`, `45万元`) is a
//! term too. Terms are `u64`s, so comparing a table's texts allocates
//! nothing per character.

use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::value::{half_width, unit_at_start, UnitClass};

/// One key term: a bigram (two characters packed) or a number with its
/// unit (hashed, top bit set).
pub(super) type Term = u64;

const NUMBER_TAG: u64 = 1 << 63;

/// Characters that join words rather than belong to them: a bigram never
/// spans one.
fn is_joiner(c: char) -> bool {
    matches!(c, '的' | '和' | '与' | '及' | '或' | '并' | '了' | '之')
}

/// Generic words: in nearly every table, whatever it is about, so sharing
/// one says nothing (see [`is_generic`]).
const GENERIC: &[&str] = &[
    // what every goal does
    "完成", "开展", "提高", "提升", "工作", "项目", "情况", "保障", "加强", "进一", "一步", "相关",
    "有效", "推进", "实现", "确保", "促进", "推动", "发展", "建设", "落实", "加快", "持续", "不断",
    "积极", "充分", "全面", "主要", "重点", "顺利", "正常", "做好", "进行", "按照", "根据", "依据",
    "要求", "通过", "围绕", "达到", "组织", "协助", "配合", "提供", "管理", "服务", "质量", "水平",
    "能力", "任务", "目标", "绩效", "指标", "成效", "效果",
    // the words of the indicator tree and of generic rows
    "数量", "次数", "个数", "人数", "时间", "按期", "及时", "年度", "全年", "本年", "当年", "满意",
    "意度", "对象", "成本", "经费", "资金", "预算", "总额", "金额", "合计", "覆盖",
    // places every table of a city names
    "全市", "我市", "本市", "全区", "全省",
];

/// Whether a term is one of the generic words.
pub(super) fn is_generic(term: Term) -> bool {
    static STOPS: OnceLock<TermMap> = OnceLock::new();
    let stops = STOPS.get_or_init(|| {
        let mut stops = TermMap::with_room_for(GENERIC.len());
        for w in GENERIC {
            let mut cs = w.chars();
            if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
                stops.insert(pack(a, b), 1);
            }
        }
        stops
    });
    stops.get(term) != 0
}

/// Terms, each with bits saying where it was found (which goals): open
/// addressing on a multiplicative hash, so a lookup is a multiply and a
/// probe or two. Sized once for the most terms it will hold.
pub(super) struct TermMap {
    /// `(term, bits)`; a term is never 0, so 0 marks an empty slot.
    slots: Vec<(Term, u64)>,
    shift: u32,
}

impl TermMap {
    /// A map for up to `most` terms.
    pub(super) fn with_room_for(most: usize) -> TermMap {
        // At most three quarters full, so probes stay short.
        let size = (most + most / 3 + 1).next_power_of_two().max(16);
        TermMap {
            slots: vec![(0, 0); size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    fn slot(&self, term: Term) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (term.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize;
        while self.slots[i].0 != term && self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        i
    }

    /// Adds `bits` to `term`'s.
    pub(super) fn insert(&mut self, term: Term, bits: u64) {
        let i = self.slot(term);
        self.slots[i].0 = term;
        self.slots[i].1 |= bits;
    }

    /// The bits of `term`, 0 when it is not there.
    pub(super) fn get(&self, term: Term) -> u64 {
        self.slots[self.slot(term)].1
    }
}

fn pack(a: char, b: char) -> Term {
    (a as u64) << 21 | b as u64
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Calls `f` on each key term of `text` (generic words included: callers
/// that keep terms drop them with [`is_generic`]) until it returns true;
/// whether it did.
pub(super) fn find(text: &str, f: &mut impl FnMut(Term) -> bool) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = text.chars();
    loop {
        let rest = chars.as_str();
        let Some(c) = chars.next() else {
            return false;
        };
        // Chinese first: nearly every character of a name is.
        if is_han(c) {
            if is_joiner(c) {
                prev = None;
            } else {
                if let Some(p) = prev {
                    if f(pack(p, c)) {
                        return true;
                    }
                }
                prev = Some(c);
            }
            continue;
        }
        prev = None;
        if half_width(c).is_ascii_digit() {
            let (term, after) = number_in_text(rest);
            if term.is_some_and(&mut *f) {
                return true;
            }
            chars = after.chars();
        }
    }
}

/// A number written in running text (`500人次`) and the text after it:
/// with a term when a unit a target counts in follows it. Nothing is
/// allocated: the digits and the unit are read into small buffers.
fn number_in_text(s: &str) -> (Option<Term>, &str) {
    let mut digits = [0u8; 32];
    let mut len = 0;
    let mut seen_dot = false;
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let h = half_width(c);
        let next_is_digit = chars
            .peek()
            .is_some_and(|(_, d)| half_width(*d).is_ascii_digit());
        if h.is_ascii_digit() || (h == '.' && !seen_dot && next_is_digit) {
            seen_dot |= h == '.';
            if let Some(slot) = digits.get_mut(len) {
                *slot = h as u8;
            }
            len += 1;
        } else if !(h == ',' && next_is_digit) {
            break;
        }
        end = i + c.len_utf8();
    }
    let after = &s[end..];
    // The unit first: most numbers in a sentence have none (等保2.0, 2025年).
    let mut unit_buf = [0u8; 16];
    let mut unit_len = 0;
    for c in after.chars().take(4).map(half_width) {
        if unit_len + c.len_utf8() > unit_buf.len() {
            break;
        }
        unit_len += c.encode_utf8(&mut unit_buf[unit_len..]).len();
    }
    let unit_text = std::str::from_utf8(&unit_buf[..unit_len]).unwrap_or("");
    let Some((unit, class)) = unit_at_start(unit_text) else {
        return (None, after);
    };
    let number = std::str::from_utf8(digits.get(..len).unwrap_or(&[]))
        .ok()
        .and_then(|d| Decimal::from_str(d).ok());
    // Step past the unit as written (one character of the original per
    // character of the half-width copy).
    let skip: usize = after
        .chars()
        .take(unit.chars().count())
        .map(char::len_utf8)
        .sum();
    let term = number.and_then(|n| number_term(n, unit, class));
    (term, &after[skip..])
}

/// Counts, money and other measured units make terms; percentages and
/// times do not (every table has its 100% and its 12个月).
fn number_term(number: Decimal, unit: &str, class: UnitClass) -> Option<Term> {
    if !matches!(
        class,
        UnitClass::Count | UnitClass::Money(_) | UnitClass::Other
    ) {
        return None;
    }
    // FNV-1a over the number's digits and the unit.
    let n = number.normalize();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in n
        .mantissa()
        .to_le_bytes()
        .into_iter()
        .chain([n.scale() as u8])
        .chain(unit.bytes())
    {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    Some(h | NUMBER_TAG)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Term> {
        let mut v = Vec::new();
        find(text, &mut |t| {
            v.push(t);
            false
        });
        v
    }

    #[test]
    fn bigrams_stop_at_punctuation_digits_and_joiners() {
        assert_eq!(
            all("培训人次"),
            [pack('培', '训'), pack('训', '人'), pack('人', '次')]
        );
        assert_eq!(all("宣传、培训"), [pack('宣', '传'), pack('培', '训')]);
        assert_eq!(all("档案的利用"), [pack('档', '案'), pack('利', '用')]);
        assert_eq!(all("a培"), Vec::<Term>::new());
    }

    #[test]
    fn numbers_with_their_units_are_terms() {
        // A target (`≥500人次`) and a goal's sentence give the same term.
        let target = all("≥500人次");
        assert_eq!(target.len(), 1);
        assert!(target[0] & NUMBER_TAG != 0);
        assert!(all("开展业务培训500人次").contains(&target[0]));
        // Full-width digits, thousands separators and trailing zeros read
        // the same.
        assert!(all("培训５００人次").contains(&target[0]));
        assert!(all("培训500.0人次").contains(&target[0]));
        assert_eq!(all("1,200万元"), all("≤1200万元"));
        // Another number, another unit, or no unit: no shared term.
        assert!(!all("培训400人次").contains(&target[0]));
        assert!(!all("培训500场").contains(&target[0]));
        assert_eq!(all("等保2.0"), [pack('等', '保')]);
        // Percentages and times are in every table: not terms.
        assert_eq!(all("≥95%"), Vec::<Term>::new());
        assert_eq!(all("≤12月"), Vec::<Term>::new());
    }

    #[test]
    fn generic_words_are_known() {
        let specific: Vec<Term> = all("完成、工作、满意度、进一步")
            .into_iter()
            .filter(|t| !is_generic(*t))
            .collect();
        assert_eq!(specific, Vec::<Term>::new());
        assert!(!is_generic(pack('培', '训')));
    }
}
