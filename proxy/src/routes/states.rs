//! State/province lists for the widget, which leaves Google's table (~13 KB brotli) out
//! of its wasm and asks `GET /v1/customer/states/{alpha-2}` for the list of a country
//! when an address is in it.

use axum::response::Response;
use customer_update_core::address;
use customer_update_core::country::CountryCode;

use crate::problem::{Kind, Problem};

/// One country's list as the row core reads (`key|name|iso` joined by `~`), plain text.
pub fn list(country: &str) -> Result<Response, Problem> {
    let row = CountryCode::parse(country)
        .ok()
        .and_then(|code| address::states_row(code.alpha2()));
    let Some(row) = row else {
        return Err(Problem::new(
            Kind::NotFound,
            "There is no state list for this country.",
        ));
    };
    Ok(super::reference_text(row.to_owned()))
}
