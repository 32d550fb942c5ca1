//! The checks of the table as a whole that reviewers make by hand (issue
//! 14): cost lines against the budget, goals and indicators that measure
//! each other, benefits that restate outputs, and numbers too long to read.
//! Each fires on the mistake and stays quiet on the table written well.

mod support;

use jixiao_domain::rules::Severity;
use jixiao_domain::Amount;
use support::{codes, finding, fires, good, with_value};

// --- numbers too long to read -----------------------------------------

#[test]
fn numbers_beyond_range_are_not_words() {
    let t = with_value(3, "≥99999999999999999999999999999万元");
    let f = finding(&t, "number-out-of-range");
    assert_eq!(f.severity(), Severity::Error);
    assert_eq!(f.place.path(), "indicators[3].value");
    assert!(
        f.message.contains("29 位") && f.message.contains("无法读作数值或金额"),
        "{}",
        f.message
    );
    assert!(
        f.message_en.contains("too many to read"),
        "{}",
        f.message_en
    );
    // Not called words, nor anything else.
    assert_eq!(codes(&t), ["number-out-of-range"]);
    let t = with_value(0, "99999999999999999999999999999个");
    assert_eq!(codes(&t), ["number-out-of-range"]);
    // A number that reads, but is beyond any amount once in 元.
    let t = with_value(3, "≤9999999999999999999999999999亿元");
    assert!(finding(&t, "number-out-of-range")
        .message
        .contains("换算成元"));
    // A long number in the budget says the same.
    let mut t = good();
    t.budget.fiscal = Amount::parse("99999999999999999999999999999");
    let f = finding(&t, "amount-invalid");
    assert!(f.message.contains("位数过多"), "{}", f.message);
    // Twenty-eight digits still read.
    assert!(!fires(
        &with_value(0, "9999999999999999999999999999个"),
        "number-out-of-range"
    ));
}
