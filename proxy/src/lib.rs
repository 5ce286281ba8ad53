//! The token proxy between the customer-update widget and a payment provider, and the
//! embedded sandbox that plays every provider's API.

pub mod answer;
pub mod app;
pub mod audit;
pub mod cli;
pub mod client_addr;
pub mod config;
pub mod customer_id;
pub mod hawk;
pub mod logging;
pub mod metrics;
pub mod problem;
pub mod rate_limit;
pub mod request_id;
pub mod routes;
pub mod sandbox;
pub mod serve;
pub mod session;
pub mod sumsub;
pub mod upstream;
