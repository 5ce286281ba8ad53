//! A recording upstream: a raw TCP server on 127.0.0.1 that logs each request line as it
//! arrived on the wire (before any URL parsing) and answers what the test scripts, so the
//! proxy can be put in front of a hostile or broken provider.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One request as the upstream received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// `GET /path HTTP/1.1`, byte for byte.
    pub line: String,
    pub head: String,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn path(&self) -> &str {
        self.line.split(' ').nth(1).unwrap_or("")
    }
    pub fn method(&self) -> &str {
        self.line.split(' ').next().unwrap_or("")
    }
}

/// What the upstream answers.
#[derive(Debug, Clone)]
pub enum Canned {
    Json(u16, serde_json::Value),
    /// Status, extra header lines, body.
    Raw(u16, Vec<(String, String)>, Vec<u8>),
    /// A 200 whose body is `total` bytes of JSON-ish filler, written as fast as the
    /// proxy reads; `declared` sends a Content-Length, otherwise chunked.
    Huge {
        total: usize,
        declared: bool,
    },
}

type Script = dyn Fn(&Recorded) -> Canned + Send + Sync;

pub struct Recorder {
    pub url: String,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
    /// Bytes of `Huge` bodies written before the proxy hung up.
    pub huge_written: Arc<Mutex<Vec<usize>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Recorder {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Recorder {
    pub async fn start(script: impl Fn(&Recorded) -> Canned + Send + Sync + 'static) -> Recorder {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let huge_written = Arc::new(Mutex::new(Vec::new()));
        let script: Arc<Script> = Arc::new(script);
        let (log, written) = (requests.clone(), huge_written.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let (script, log, written) = (script.clone(), log.clone(), written.clone());
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(
                        Duration::from_secs(10),
                        serve_one(socket, script, log, written),
                    )
                    .await;
                });
            }
        });
        Recorder {
            url,
            requests,
            huge_written,
            task,
        }
    }

    pub fn recorded(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    pub fn lines(&self) -> Vec<String> {
        self.recorded().into_iter().map(|r| r.line).collect()
    }
}

async fn serve_one(
    mut socket: tokio::net::TcpStream,
    script: Arc<Script>,
    log: Arc<Mutex<Vec<Recorded>>>,
    written: Arc<Mutex<Vec<usize>>>,
) -> std::io::Result<()> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        if buffer.len() > 64 * 1024 {
            return Ok(());
        }
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let length = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0)
        .min(1 << 20);
    let mut body = buffer[head_end..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let recorded = Recorded {
        line: head.lines().next().unwrap_or("").to_owned(),
        head,
        body,
    };
    log.lock().unwrap().push(recorded.clone());
    match script(&recorded) {
        Canned::Json(status, value) => {
            let body = value.to_string().into_bytes();
            write_response(
                &mut socket,
                status,
                &[("content-type".into(), "application/json".into())],
                &body,
            )
            .await
        }
        Canned::Raw(status, headers, body) => {
            write_response(&mut socket, status, &headers, &body).await
        }
        Canned::Huge { total, declared } => {
            let head = if declared {
                format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {total}\r\nconnection: close\r\n\r\n")
            } else {
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n".to_owned()
            };
            socket.write_all(head.as_bytes()).await?;
            let filler = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while sent < total {
                let n = filler.len().min(total - sent);
                let result = if declared {
                    socket.write_all(&filler[..n]).await
                } else {
                    let mut framed = format!("{n:x}\r\n").into_bytes();
                    framed.extend_from_slice(&filler[..n]);
                    framed.extend_from_slice(b"\r\n");
                    socket.write_all(&framed).await
                };
                if result.is_err() {
                    break;
                }
                sent += n;
            }
            if !declared && sent >= total {
                let _ = socket.write_all(b"0\r\n\r\n").await;
            }
            written.lock().unwrap().push(sent);
            Ok(())
        }
    }
}

async fn write_response(
    socket: &mut tokio::net::TcpStream,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    socket.write_all(head.as_bytes()).await?;
    socket.write_all(body).await?;
    socket.shutdown().await
}
