//! Qualitative targets: the words tables write where a number would go
//! (`达标`, `可控`, `及时`, `提高`, `有所提高`, `效果明显`). The parser reads
//! any words as [`super::Value::Qualitative`]; [`is_target_word`] says
//! whether words are such a target, which an importer needs to tell a
//! value from the end of an indicator's name in text that lost its cells.

/// Words that are a target by themselves: a state reached, or a direction.
const CORE: &[&str] = &[
    "达标", "合格", "合理", "可控", "及时", "有效", "显著", "明显", "良好", "优良", "稳定", "提高",
    "提升", "增加", "增强", "增长", "扩大", "改善", "优化", "降低", "减少", "下降", "缩短", "健全",
    "完善", "规范", "满意", "准确", "安全", "完成", "实现", "达到", "保持", "持续", "按时", "按期",
    "是", "否", "无", "有", "高", "较高", "中", "低", "较低", "好", "较好", "优", "良",
];

/// Words that may come before one of [`CORE`]: `有所提高`, `逐步提升`.
const BEFORE: &[&str] = &[
    "有所",
    "逐步",
    "明显",
    "显著",
    "进一步",
    "持续",
    "稳步",
    "不断",
    "大幅",
    "基本",
    "全面",
    "按时",
    "按期",
    "按要求",
    "按计划",
    "及时",
    "有效",
    "得到",
    "总体",
    "整体",
    "全部",
];

/// Phrases that are targets as a whole.
const PHRASES: &[&str] = &[
    "效果明显",
    "效果显著",
    "成效明显",
    "成效显著",
    "符合要求",
    "符合标准",
    "符合规定",
    "符合规范",
    "达到预期",
    "达到要求",
    "达到标准",
    "满足要求",
    "满足需求",
    "运行良好",
    "运行稳定",
    "正常运行",
    "无重大事故",
    "无安全事故",
    "零事故",
    "长期",
    "长效",
];

/// Whether `text` (spaces ignored) is a qualitative target: one of the
/// words above, maybe after a word of degree or manner.
pub fn is_target_word(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches(['。', '.']);
    if t.is_empty() {
        return false;
    }
    if CORE.contains(&t) || PHRASES.contains(&t) {
        return true;
    }
    BEFORE
        .iter()
        .filter_map(|b| t.strip_prefix(b))
        .any(|rest| CORE.contains(&rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_words_are_targets() {
        for w in [
            "合理",
            "可控",
            "及时",
            "提高",
            "降低",
            "减少",
            "提升",
            "健全",
            "达标",
            "有所提高",
            "逐步提升",
            "效果明显",
            "按时完成",
            "明显改善",
        ] {
            assert!(is_target_word(w), "{w}");
        }
    }

    #[test]
    fn names_and_their_pieces_are_not() {
        for w in [
            "度",
            "标",
            "程",
            "扬尘控制情况",
            "周边居民满意",
            "工程验收合格率",
            "通行效率",
            "指标",
            "",
            "地道改建长度",
        ] {
            assert!(!is_target_word(w), "{w}");
        }
    }
}
