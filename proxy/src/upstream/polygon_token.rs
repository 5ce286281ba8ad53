//! Polygon's bearer token: fetched with `POST /auth/token`, cached until shortly before
//! `expiresAt`, refreshed by one task at a time however many requests wait for it.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Deserialize;
use tokio::sync::{Mutex, RwLock};

#[derive(Clone)]
pub struct Token {
    pub value: Arc<str>,
    refresh_at: Instant,
}

impl Token {
    fn is_fresh(&self) -> bool {
        Instant::now() < self.refresh_at
    }
}

#[derive(Default)]
pub struct TokenCache {
    current: RwLock<Option<Token>>,
    refreshing: Mutex<()>,
    /// How many token calls this cache made (observable in logs and tests).
    pub fetches: AtomicU64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TokenResponse {
    access_token: String,
    expires_in: u64,
}

impl TokenCache {
    async fn cached(&self) -> Option<Token> {
        self.current.read().await.clone().filter(Token::is_fresh)
    }

    /// The cached token, or a new one from `fetch` if there is none or it is about to expire.
    pub async fn get<F, Fut, E>(&self, fetch: F) -> Result<Token, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(String, u64), E>>,
    {
        if let Some(token) = self.cached().await {
            return Ok(token);
        }
        let _one_at_a_time = self.refreshing.lock().await;
        // Whoever held the lock before us may have refreshed already.
        if let Some(token) = self.cached().await {
            return Ok(token);
        }
        self.fetches.fetch_add(1, Ordering::Relaxed);
        let (value, expires_in) = fetch().await?;
        let lifetime = token_lifetime(expires_in);
        // Refresh a minute early, or halfway for short-lived tokens.
        let margin = Duration::from_secs(60).min(lifetime / 2);
        let token = Token {
            value: value.into(),
            refresh_at: Instant::now() + lifetime - margin,
        };
        *self.current.write().await = Some(token.clone());
        Ok(token)
    }

    /// Forget `stale` after the provider refused it, unless another task already replaced it.
    pub async fn invalidate(&self, stale: &Token) {
        let mut current = self.current.write().await;
        if current
            .as_ref()
            .is_some_and(|t| Arc::ptr_eq(&t.value, &stale.value))
        {
            *current = None;
        }
    }
}

/// Shortest and longest lifetime believed from `expiresIn`: a token said to live 0 s
/// would be fetched on every request, one said to live for ages never refreshed (and
/// `Instant + u64::MAX s` overflows).
pub const MIN_TOKEN_LIFETIME: Duration = Duration::from_secs(1);
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);

/// `expiresIn` seconds, clamped to the lifetimes above.
pub fn token_lifetime(expires_in: u64) -> Duration {
    Duration::from_secs(expires_in).clamp(MIN_TOKEN_LIFETIME, MAX_TOKEN_LIFETIME)
}

/// Parses `{accessToken, tokenType, expiresIn, expiresAt}` into (token, seconds to live).
pub fn parse_token_response(body: &[u8]) -> Option<(String, u64)> {
    let parsed: TokenResponse = serde_json::from_slice(body).ok()?;
    (!parsed.access_token.is_empty()).then_some((parsed.access_token, parsed.expires_in))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_fresh_token_is_reused_and_a_refused_one_is_replaced_once() {
        let cache = TokenCache::default();
        let first = cache
            .get(|| async { Ok::<_, ()>(("a".to_owned(), 3600)) })
            .await
            .unwrap();
        let again = cache
            .get(|| async { Ok::<_, ()>(("b".to_owned(), 3600)) })
            .await
            .unwrap();
        assert_eq!(&*again.value, "a");
        cache.invalidate(&first).await;
        let second = cache
            .get(|| async { Ok::<_, ()>(("c".to_owned(), 3600)) })
            .await
            .unwrap();
        assert_eq!(&*second.value, "c");
        // A late invalidation of the old token must not throw away the new one.
        cache.invalidate(&first).await;
        let third = cache
            .get(|| async { Ok::<_, ()>(("d".to_owned(), 3600)) })
            .await
            .unwrap();
        assert_eq!(&*third.value, "c");
        assert_eq!(cache.fetches.load(Ordering::Relaxed), 2);
    }
}
