//! Slow and greedy clients: trickled headers, idle keep-alive connections, trickled
//! bodies and too many sockets are cut off by the server's own limits, and a normal
//! client is served meanwhile.

mod common;

use std::time::{Duration, Instant};

use common::Env;
use customer_update_proxy::config::Inbound;
use customer_update_proxy::sandbox::demo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn short_limits() -> Inbound {
    Inbound {
        header_timeout_ms: 1_000,
        request_timeout_ms: 2_000,
        idle_timeout_ms: 1_500,
        max_connections: 1_024,
    }
}

/// Sends `head` one byte every `every`, reading meanwhile; how long until the server
/// closed the connection (`None`: still open after `give_up`).
async fn trickle(
    addr: std::net::SocketAddr,
    head: &'static [u8],
    every: Duration,
    give_up: Duration,
) -> Option<Duration> {
    let started = Instant::now();
    let mut socket = TcpStream::connect(addr).await.ok()?;
    let mut sent = 0;
    let mut buf = [0u8; 1024];
    while started.elapsed() < give_up {
        tokio::select! {
            read = socket.read(&mut buf) => match read {
                Ok(0) | Err(_) => return Some(started.elapsed()),
                Ok(_) => {}
            },
            _ = tokio::time::sleep(every) => {
                if sent < head.len() {
                    if socket.write_all(&head[sent..=sent]).await.is_err() {
                        return Some(started.elapsed());
                    }
                    sent += 1;
                }
            }
        }
    }
    None
}

#[tokio::test]
async fn fifty_trickling_sockets_are_closed_within_the_header_timeout_while_others_are_served() {
    let env = Env::start_with(Default::default(), |s| s.inbound = short_limits()).await;
    let addr = env.proxy.addr;
    let loris: Vec<_> = (0..50)
        .map(|_| {
            tokio::spawn(trickle(
                addr,
                b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n",
                Duration::from_millis(300),
                Duration::from_secs(5),
            ))
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let token = env.token("spherepay", demo::SPHEREPAY_OPEN);
    let served = Instant::now();
    let reply = env.get(&token).await;
    assert_eq!(reply.status, 200, "a normal client is served meanwhile");
    assert!(served.elapsed() < Duration::from_secs(1));
    for (i, task) in loris.into_iter().enumerate() {
        let closed = task.await.unwrap();
        assert!(
            closed.is_some_and(
                |t| t >= Duration::from_millis(900) && t < Duration::from_millis(2_000)
            ),
            "socket {i} closed after {closed:?}, not at the 1 s header timeout"
        );
    }
    env.finish().await;
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_idle_timeout() {
    let env = Env::start_with(Default::default(), |s| {
        s.inbound = Inbound {
            header_timeout_ms: 10_000,
            idle_timeout_ms: 600,
            ..short_limits()
        }
    })
    .await;
    let mut socket = TcpStream::connect(env.proxy.addr).await.unwrap();
    socket
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    let closed_after = loop {
        match tokio::time::timeout(Duration::from_secs(5), socket.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break Some(started.elapsed()),
            Ok(Ok(n)) => answer.extend_from_slice(&buf[..n]),
            Err(_) => break None,
        }
    };
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"),
        "served first"
    );
    assert!(
        closed_after.is_some_and(|t| t < Duration::from_millis(1_800)),
        "closed after {closed_after:?}, not at the 600 ms idle timeout (header timeout is 10 s)"
    );
    env.finish().await;
}

#[tokio::test]
async fn a_trickled_body_is_cut_off_at_the_request_timeout() {
    let env = Env::start_with(Default::default(), |s| s.inbound = short_limits()).await;
    let token = env.token("spherepay", demo::SPHEREPAY_OPEN);
    let mut socket = TcpStream::connect(env.proxy.addr).await.unwrap();
    let head = format!(
        "PATCH /v1/customer HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{{"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    for _ in 0..40 {
        tokio::select! {
            read = socket.read(&mut buf) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            },
            _ = tokio::time::sleep(Duration::from_millis(200)) => {
                let _ = socket.write_all(b" ").await;
            }
        }
        if answer.windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        started.elapsed() < Duration::from_millis(3_000),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    env.finish().await;
}

#[tokio::test]
async fn connections_over_the_limit_wait_until_one_closes() {
    let env = Env::start_with(Default::default(), |s| {
        s.inbound = Inbound {
            max_connections: 3,
            ..short_limits()
        }
    })
    .await;
    let held: Vec<TcpStream> = {
        let mut held = Vec::new();
        for _ in 0..3 {
            held.push(TcpStream::connect(env.proxy.addr).await.unwrap());
        }
        held
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let quick = reqwest::Client::builder()
        .timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    assert!(
        quick.get(env.url("/healthz")).send().await.is_err(),
        "a fourth connection is not served while three are open"
    );
    drop(held);
    let reply = env.http.get(env.url("/healthz")).send().await.unwrap();
    assert_eq!(reply.status(), 200, "served once a slot is free");
    env.finish().await;
}
