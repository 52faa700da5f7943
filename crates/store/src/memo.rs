//! Results kept per process under keys that name their data exactly: a key changes whenever the
//! data it was computed from could have changed, so a kept result is never stale, even when
//! another app server made the change. Keys start with the database's identity.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

/// A bounded map of kept results. When full it starts over: the keys are cheap to recompute
/// and a least-recently-used order would cost every read a write.
pub(crate) struct Memo<K, V> {
    entries: Mutex<Option<HashMap<K, V>>>,
    limit: usize,
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    pub(crate) const fn new(limit: usize) -> Self {
        Memo { entries: Mutex::new(None), limit }
    }

    pub(crate) fn get(&self, key: &K) -> Option<V> {
        self.entries.lock().ok()?.as_ref()?.get(key).cloned()
    }

    pub(crate) fn put(&self, key: K, value: V) {
        if let Ok(mut guard) = self.entries.lock() {
            let entries = guard.get_or_insert_with(HashMap::new);
            if entries.len() >= self.limit {
                entries.clear();
            }
            entries.insert(key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn keeps_values_and_starts_over_when_full() {
        let memo: Memo<u32, &str> = Memo::new(2);
        memo.put(1, "one");
        memo.put(2, "two");
        assert_eq!(memo.get(&1), Some("one"));
        memo.put(3, "three");
        assert_eq!(memo.get(&1), None);
        assert_eq!(memo.get(&3), Some("three"));
        assert_eq!(memo.get(&4), None);
    }
}
