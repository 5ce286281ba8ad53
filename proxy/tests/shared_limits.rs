//! `[rate_limit] redis_url`: instances sharing one real `redis-server` enforce one limit
//! together; Redis going away keeps the proxy serving (or refusing, with `fail_closed`);
//! Redis coming back brings the shared limits back.

mod common;

use std::time::{Duration, Instant};

use common::redis::{free_port, RedisServer};
use common::{Env, Reply};
use customer_update_proxy::app::Settings;
use customer_update_proxy::config::RateLimit;
use customer_update_proxy::sandbox::demo;

const SESSION_BURST: u32 = 4;
const ADDRESS_BURST: u32 = 3;

fn shared_limits(url: String, fail_closed: bool) -> impl FnOnce(&mut Settings) {
    move |settings| {
        settings.rate_limit = RateLimit {
            // One token a minute: nothing refills during the test.
            per_session_per_minute: 1,
            per_session_burst: SESSION_BURST,
            per_ip_per_minute: 1,
            per_ip_burst: ADDRESS_BURST,
            redis_url: Some(url),
            fail_closed,
            ..RateLimit::default()
        }
    }
}

fn retry_after(reply: &Reply) -> u64 {
    reply
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn two_instances_sharing_redis_enforce_one_limit_and_keep_serving_when_it_is_gone() {
    let mut redis = RedisServer::start();
    let a = Env::start_with(Default::default(), shared_limits(redis.url(), false)).await;
    let b = Env::start_with(Default::default(), shared_limits(redis.url(), false)).await;
    let token = a.token("spherepay", demo::SPHEREPAY_OPEN);
    let both = [&a, &b];

    // The customer's burst, spread over both instances (each alone would allow it twice).
    for i in 0..SESSION_BURST as usize {
        let reply = both[i % 2].get(&token).await;
        assert_eq!(reply.status, 200, "request {i}: {}", reply.text);
    }
    for instance in both {
        let refused = instance.get(&token).await;
        assert_eq!(refused.status, 429, "{}", refused.text);
        assert_eq!(refused.problem(), "rate-limited");
        assert!(
            retry_after(&refused) >= 1,
            "Retry-After: {:?}",
            refused.header("retry-after")
        );
    }

    // Requests without a valid session share their address's bucket across instances too.
    for i in 0..ADDRESS_BURST as usize {
        let reply = both[i % 2].get("not-a-token").await;
        assert_eq!(reply.status, 401, "attempt {i}: {}", reply.text);
    }
    let refused = b.get("not-a-token").await;
    assert_eq!(
        (refused.status, refused.problem().as_str()),
        (429, "rate-limited")
    );
    assert!(retry_after(&refused) >= 1);

    // The buckets' keys name no customer: a Redis shared with other services learns none.
    let client = redis::Client::open(redis.url()).expect("a Redis URL");
    let mut connection = client
        .get_multiplexed_async_connection()
        .await
        .expect("Redis is up");
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("cuw:rl:*")
        .query_async(&mut connection)
        .await
        .expect("KEYS");
    assert!(
        keys.iter().any(|k| k.starts_with("cuw:rl:session:")),
        "{keys:?}"
    );
    assert!(
        keys.iter().all(|k| !k.contains(demo::SPHEREPAY_OPEN)),
        "a key holds the customer ID: {keys:?}"
    );
    drop(connection);

    // Redis gone: the proxy fails open, although the customer's bucket was empty.
    redis.stop();
    for i in 0..6 {
        let started = Instant::now();
        let reply = both[i % 2].get(&token).await;
        assert_eq!(reply.status, 200, "Redis down, request {i}: {}", reply.text);
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "bounded by the Redis timeout"
        );
    }
    let warnings = common::logs()
        .lines()
        .filter(|l| l.contains("letting requests through unlimited"))
        .count();
    assert_eq!(warnings, 2, "one warning per instance, not one per request");

    // Redis back on the same port (empty, as nothing was saved): shared limits resume once
    // the connections are back; requests in between still pass.
    let _redis = RedisServer::start_on(redis.port);
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut served = 0;
    let refused = loop {
        assert!(
            Instant::now() < deadline,
            "no 429 within 10 s of Redis coming back ({served} served)"
        );
        let reply = both[served % 2].get(&token).await;
        if reply.status == 429 {
            break reply;
        }
        assert_eq!(reply.status, 200, "{}", reply.text);
        served += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(served >= SESSION_BURST as usize, "a fresh burst: {served}");
    assert!(retry_after(&refused) >= 1);
    a.finish().await;
    b.finish().await;
}

#[tokio::test]
async fn an_unreachable_redis_refuses_requests_with_fail_closed() {
    // Nothing listens on this port. (Failing open is the test above; a Redis that is down
    // from the start is the metrics test's.)
    let url = format!("redis://127.0.0.1:{}", free_port());
    let closed = Env::start_with(Default::default(), shared_limits(url, true)).await;
    let token = closed.token("spherepay", demo::SPHEREPAY_OPEN);
    let refused = closed.get(&token).await;
    assert_eq!(refused.status, 503, "{}", refused.text);
    assert_eq!(refused.problem(), "rate-limit-unavailable");
    assert_eq!(refused.header("retry-after"), Some("1"));
    closed.finish().await;
}
