//! One stable sort for the whole program. Every `sort_by_key` call site is
//! its own copy of the standard library's sort in the wasm (2–4 KB each,
//! see BENCHMARKS.md); these helpers sort `(key, index)` pairs with one routine and
//! then move the elements.

/// Sorts `v` stably by `key` (smaller first).
pub fn by_key<T>(v: &mut [T], key: impl Fn(&T) -> u128) {
    let mut pairs: Vec<(u128, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    sort_pairs(&mut pairs);
    // Position k gets the element that was at pairs[k].1: follow cycles.
    let mut at: Vec<usize> = (0..v.len()).collect(); // at[j]: original index now at j
    let mut pos: Vec<usize> = (0..v.len()).collect(); // pos[i]: where original i is now
    for k in 0..v.len() {
        let want = pairs[k].1;
        let from = pos[want];
        if from != k {
            v.swap(k, from);
            let displaced = at[k];
            at.swap(k, from);
            pos[displaced] = from;
            pos[want] = k;
        }
    }
}

#[inline(never)]
fn sort_pairs(pairs: &mut [(u128, usize)]) {
    // The index makes every key distinct, so an unstable sort is stable here.
    pairs.sort_unstable();
}

/// `key` for "larger first".
pub fn desc(x: u128) -> u128 {
    u128::MAX - x
}

/// Two numbers as one key, `hi` first.
pub fn pair(hi: u64, lo: u64) -> u128 {
    (u128::from(hi) << 64) | u128::from(lo)
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_and_sorted() {
        let mut v: Vec<(u32, u32)> = (0..200).map(|i| ((i * 7919) % 13, i)).collect();
        let mut w = v.clone();
        super::by_key(&mut v, |x| u128::from(x.0));
        w.sort_by_key(|x| x.0);
        assert_eq!(v, w);
    }
}
