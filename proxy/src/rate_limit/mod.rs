//! Rate limits: token buckets in this process (the default), or shared by every instance
//! through Redis (`[rate_limit] redis_url`).

mod memory;
mod redis;

use std::sync::Arc;

pub use memory::MemoryLimiter;
pub use redis::RedisStore;

/// Why a request may not pass now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The bucket is empty; a token is back after this many seconds.
    Wait(u64),
    /// Redis did not answer and the operator chose `fail_closed`.
    Unavailable,
}

/// One limit (per customer, or per client address), in memory or in Redis.
pub enum Limiter {
    Memory(MemoryLimiter),
    Shared {
        store: Arc<RedisStore>,
        /// Part of the Redis key: which limit this is.
        name: &'static str,
        interval_us: f64,
        burst: u32,
    },
}

impl Limiter {
    pub fn in_memory(per_minute: u32, burst: u32) -> Self {
        Limiter::Memory(MemoryLimiter::new(per_minute, burst))
    }

    pub fn shared(store: Arc<RedisStore>, name: &'static str, per_minute: u32, burst: u32) -> Self {
        Limiter::Shared {
            store,
            name,
            interval_us: 60_000_000.0 / f64::from(per_minute.max(1)),
            burst: burst.max(1),
        }
    }

    /// Takes one token for `key`.
    pub async fn take(&self, key: &str) -> Result<(), Refusal> {
        match self {
            Limiter::Memory(memory) => memory.take(key).map_err(Refusal::Wait),
            Limiter::Shared {
                store,
                name,
                interval_us,
                burst,
            } => store.take(name, key, *interval_us, *burst).await,
        }
    }
}
