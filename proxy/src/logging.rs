//! The log subscriber: human-readable lines, or one JSON object per line with
//! `CUW_LOG_FORMAT=json` (the request's span, with its `request_id`, on every line).
//! What is logged is the same either way, and never holds secrets, tokens, bodies,
//! query strings, tax IDs or phone numbers.

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    /// `json` (any case) gives JSON lines; anything else, or nothing, text.
    pub fn from_env_value(value: Option<&str>) -> LogFormat {
        match value {
            Some(v) if v.trim().eq_ignore_ascii_case("json") => LogFormat::Json,
            _ => LogFormat::Text,
        }
    }
}

/// Installs the process-wide subscriber; `Err` when one is installed already.
pub fn init<W>(format: LogFormat, filter: EnvFilter, writer: W, ansi: bool) -> Result<(), String>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer);
    let installed = match format {
        LogFormat::Text => builder.with_target(false).with_ansi(ansi).try_init(),
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .with_target(true)
            .try_init(),
    };
    installed.map_err(|e| e.to_string())
}
