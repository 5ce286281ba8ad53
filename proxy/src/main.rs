use std::process::ExitCode;

use clap::Parser;
use customer_update_proxy::cli::{run, Cli};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CUW_LOG")
                .unwrap_or_else(|_| "info,hyper=warn,reqwest=warn".into()),
        )
        .with_target(false)
        .init();
    run(Cli::parse()).await
}
