use std::process::ExitCode;

use clap::Parser;
use customer_update_proxy::cli::{run, Cli};
use customer_update_proxy::logging::{self, LogFormat};

#[tokio::main]
async fn main() -> ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_env("CUW_LOG")
        .unwrap_or_else(|_| "info,hyper=warn,reqwest=warn".into());
    let format = LogFormat::from_env_value(std::env::var("CUW_LOG_FORMAT").ok().as_deref());
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let _ = logging::init(format, filter, std::io::stdout, ansi);
    run(Cli::parse()).await
}
