//! Buckets shared by every instance pointed at the same Redis: one GCRA timestamp per key,
//! taken and moved by an atomic Lua script (`gcra.lua`), expiring once the bucket is full
//! again. When Redis does not answer in time the request is let through (fail open) or
//! refused (`fail_closed`), counted in `cuw_redis_errors_total` and logged once a minute.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::Script;

use super::Refusal;

const GCRA: &str = include_str!("gcra.lua");

/// Key prefix, so the proxy's keys are easy to tell apart in a Redis shared with others.
const PREFIX: &str = "cuw:rl:";

/// How often an unreachable Redis is logged (every failure is counted).
const LOG_EVERY: Duration = Duration::from_secs(60);

/// One Redis connection (multiplexed, reconnecting), shared by the proxy's limiters.
pub struct RedisStore {
    connection: ConnectionManager,
    script: Script,
    timeout: Duration,
    fail_closed: bool,
    started: Instant,
    /// Seconds after `started` of the last warning, plus one (0: never warned).
    last_warned: AtomicU64,
}

impl RedisStore {
    /// Connects lazily: a Redis that is down at startup is the same as one that goes down
    /// later, and the proxy starts either way.
    pub fn new(url: &str, timeout: Duration, fail_closed: bool) -> Result<Arc<Self>, String> {
        let client = redis::Client::open(url)
            .map_err(|e| format!("rate_limit.redis_url is not a Redis URL ({:?})", e.kind()))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_max_delay(timeout);
        let connection = ConnectionManager::new_lazy_with_config(client, config)
            .map_err(|e| format!("cannot set up the Redis connection ({:?})", e.kind()))?;
        Ok(Arc::new(Self {
            connection,
            script: Script::new(GCRA),
            timeout,
            fail_closed,
            started: Instant::now(),
            last_warned: AtomicU64::new(0),
        }))
    }

    /// Takes one token from `limiter:key`'s bucket.
    pub async fn take(
        &self,
        limiter: &str,
        key: &str,
        interval_us: f64,
        burst: u32,
    ) -> Result<(), Refusal> {
        let mut connection = self.connection.clone();
        let mut invocation = self.script.key(format!("{PREFIX}{limiter}:{key}"));
        invocation.arg(interval_us).arg(burst);
        let answer = tokio::time::timeout(
            self.timeout,
            invocation.invoke_async::<u64>(&mut connection),
        )
        .await;
        match answer {
            Ok(Ok(0)) => Ok(()),
            Ok(Ok(wait_us)) => Err(Refusal::Wait(wait_us.div_ceil(1_000_000).max(1))),
            Ok(Err(error)) => self.unavailable(&format!("{:?}", error.kind())),
            Err(_) => self.unavailable("timeout"),
        }
    }

    fn unavailable(&self, cause: &str) -> Result<(), Refusal> {
        crate::metrics::redis_error();
        let now = self.started.elapsed().as_secs() + 1;
        let last = self.last_warned.load(Ordering::Relaxed);
        let due = last == 0 || now.saturating_sub(last) >= LOG_EVERY.as_secs();
        if due
            && self
                .last_warned
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            let action = if self.fail_closed {
                "refusing requests (fail_closed)"
            } else {
                "letting requests through unlimited"
            };
            tracing::warn!(
                cause,
                "shared rate limits unavailable: Redis did not answer; {action} until it does (logged once a minute, counted in {})",
                crate::metrics::REDIS_ERRORS
            );
        }
        if self.fail_closed {
            Err(Refusal::Unavailable)
        } else {
            Ok(())
        }
    }
}
