//! When autosave writes: a quiet period after the last change, and never
//! later than a maximum after the first unsaved one, so that steady typing
//! is still saved every second and a pause saves at once.

/// Debounce with a maximum wait. Times are milliseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debounce {
    /// Save this long after the last change …
    pub quiet_ms: u64,
    /// … but no later than this after the first unsaved change.
    pub max_ms: u64,
    first: Option<u64>,
    last: Option<u64>,
}

impl Default for Debounce {
    fn default() -> Self {
        Debounce::new(400, 1000)
    }
}

impl Debounce {
    pub fn new(quiet_ms: u64, max_ms: u64) -> Debounce {
        Debounce {
            quiet_ms,
            max_ms,
            first: None,
            last: None,
        }
    }

    /// A change at `now`; returns when to save.
    pub fn change(&mut self, now: u64) -> u64 {
        self.first.get_or_insert(now);
        self.last = Some(now);
        self.deadline().unwrap_or(now)
    }

    /// When to save, if anything waits.
    pub fn deadline(&self) -> Option<u64> {
        match (self.first, self.last) {
            (Some(first), Some(last)) => Some((last + self.quiet_ms).min(first + self.max_ms)),
            _ => None,
        }
    }

    /// Whether a save is due at `now`.
    pub fn due(&self, now: u64) -> bool {
        self.deadline().is_some_and(|d| now >= d)
    }

    pub fn pending(&self) -> bool {
        self.first.is_some()
    }

    /// A save was attempted: nothing waits any more.
    pub fn done(&mut self) {
        self.first = None;
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pause_saves_after_the_quiet_period() {
        let mut d = Debounce::new(400, 1000);
        assert_eq!(d.deadline(), None);
        assert!(!d.due(10_000));
        assert_eq!(d.change(0), 400);
        assert!(!d.due(399));
        assert!(d.due(400));
        d.done();
        assert!(!d.pending());
        assert_eq!(d.change(5000), 5400);
    }

    #[test]
    fn steady_typing_is_saved_within_the_maximum() {
        let mut d = Debounce::new(400, 1000);
        // A keystroke every 150 ms: the quiet period never comes.
        let mut saves = Vec::new();
        for k in 0..40u64 {
            let now = k * 150;
            if d.due(now) {
                saves.push(now);
                d.done();
            }
            let deadline = d.change(now);
            assert!(deadline <= now + 400);
        }
        // Saved at least once a second, never more often than the quiet
        // period allows.
        assert!(saves.len() >= 5, "{saves:?}");
        for w in saves.windows(2) {
            assert!(w[1] - w[0] <= 1150 && w[1] - w[0] >= 400, "{saves:?}");
        }
        assert_eq!(
            d.deadline(),
            Some((39 * 150 + 400).min(d.deadline().unwrap()))
        );
    }

    #[test]
    fn the_deadline_never_moves_past_first_plus_max() {
        let mut d = Debounce::new(400, 1000);
        d.change(0);
        d.change(700);
        assert_eq!(d.deadline(), Some(1000));
        d.change(900);
        assert_eq!(d.deadline(), Some(1000));
        assert!(d.due(1000));
    }
}
