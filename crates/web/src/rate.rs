//! A limit on how fast one network address may send answers through questionnaire links: a
//! token bucket per address, kept in memory (each app server has its own; the addresses are
//! never written down or logged). Generous by default — a room of people behind one address,
//! each answer saved as it is given, stays well under it — so that it only stops a script
//! filling an open link.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// How many entries the table may hold before stale ones are dropped: a bound on memory under
/// a flood from many addresses.
const MAX_ADDRESSES: usize = 50_000;

#[derive(Debug)]
pub struct AnswerLimiter {
    /// Sends allowed per address per minute, and the burst; 0 turns the limit off.
    per_minute: u32,
    buckets: Mutex<HashMap<String, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Parat's default: 1 200 per minute per address (20 a second, and a burst of as many).
pub const DEFAULT_ANSWERS_PER_MINUTE: u32 = 1_200;

impl AnswerLimiter {
    pub fn new(per_minute: u32) -> AnswerLimiter {
        AnswerLimiter { per_minute, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one send for `address` at `now`: false when its bucket is empty.
    pub fn allow(&self, address: &str, now: Instant) -> bool {
        if self.per_minute == 0 {
            return true;
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        let Ok(mut buckets) = self.buckets.lock() else { return true };
        if buckets.len() >= MAX_ADDRESSES && !buckets.contains_key(address) {
            // A full bucket is the same as no entry: dropping those loses nothing.
            buckets.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * per_second < capacity);
        }
        // Looked up before inserting, so that a known address costs no allocation.
        if !buckets.contains_key(address) {
            buckets.insert(address.to_owned(), Bucket { tokens: capacity, at: now });
        }
        let Some(bucket) = buckets.get_mut(address) else { return true };
        let refilled = bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * per_second;
        bucket.tokens = refilled.min(capacity);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_burst_up_to_the_limit_then_one_more_each_refill() {
        let limiter = AnswerLimiter::new(60);
        let start = Instant::now();
        assert!((0..60).all(|_| limiter.allow("10.0.0.1", start)), "a burst of the whole minute's worth");
        assert!(!limiter.allow("10.0.0.1", start), "then none");
        assert!(limiter.allow("10.0.0.2", start), "another address has its own");
        assert!(!limiter.allow("10.0.0.1", start + Duration::from_millis(500)), "half a token is not one");
        assert!(limiter.allow("10.0.0.1", start + Duration::from_millis(1_100)), "one a second refills");
        assert!(!limiter.allow("10.0.0.1", start + Duration::from_millis(1_200)));
    }

    #[test]
    fn zero_turns_it_off() {
        let limiter = AnswerLimiter::new(0);
        let now = Instant::now();
        assert!((0..10_000).all(|_| limiter.allow("10.0.0.1", now)));
    }
}
