//! The tax identification types providers name (Swipelux v3 list plus SpherePay's).

use serde::{Deserialize, Serialize};

use crate::{Code, FieldError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxIdKind {
    Ssn,
    Itin,
    Ein,
    Tin,
    Vat,
    Cpf,
    Cnpj,
    Rfc,
    Curp,
    Passport,
    NationalId,
    Other,
}

impl TaxIdKind {
    pub const ALL: &'static [TaxIdKind] = &[
        TaxIdKind::Ssn,
        TaxIdKind::Itin,
        TaxIdKind::Ein,
        TaxIdKind::Tin,
        TaxIdKind::Vat,
        TaxIdKind::Cpf,
        TaxIdKind::Cnpj,
        TaxIdKind::Rfc,
        TaxIdKind::Curp,
        TaxIdKind::Passport,
        TaxIdKind::NationalId,
        TaxIdKind::Other,
    ];

    /// The wire form (`national_id`), same as serde's.
    pub fn as_str(self) -> &'static str {
        match self {
            TaxIdKind::Ssn => "ssn",
            TaxIdKind::Itin => "itin",
            TaxIdKind::Ein => "ein",
            TaxIdKind::Tin => "tin",
            TaxIdKind::Vat => "vat",
            TaxIdKind::Cpf => "cpf",
            TaxIdKind::Cnpj => "cnpj",
            TaxIdKind::Rfc => "rfc",
            TaxIdKind::Curp => "curp",
            TaxIdKind::Passport => "passport",
            TaxIdKind::NationalId => "national_id",
            TaxIdKind::Other => "other",
        }
    }

    /// Case-insensitive, surrounding whitespace ignored.
    pub fn parse(text: &str) -> Result<TaxIdKind, FieldError> {
        let text = text.trim();
        TaxIdKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                FieldError::new(
                    Code::TaxUnknownType,
                    "Choose the type of tax identification number.",
                )
                .with_param("type", text)
            })
    }

    /// `other` needs a description of what the number is.
    pub fn requires_description(self) -> bool {
        self == TaxIdKind::Other
    }

    /// The one country that issues this type, for the types that belong to one.
    pub fn issuing_country(self) -> Option<&'static str> {
        match self {
            TaxIdKind::Ssn | TaxIdKind::Itin | TaxIdKind::Ein => Some("US"),
            TaxIdKind::Cpf | TaxIdKind::Cnpj => Some("BR"),
            TaxIdKind::Rfc | TaxIdKind::Curp => Some("MX"),
            _ => None,
        }
    }

    /// Short English name for messages.
    pub fn label(self) -> &'static str {
        match self {
            TaxIdKind::Ssn => "SSN",
            TaxIdKind::Itin => "ITIN",
            TaxIdKind::Ein => "EIN",
            TaxIdKind::Tin => "TIN",
            TaxIdKind::Vat => "VAT number",
            TaxIdKind::Cpf => "CPF",
            TaxIdKind::Cnpj => "CNPJ",
            TaxIdKind::Rfc => "RFC",
            TaxIdKind::Curp => "CURP",
            TaxIdKind::Passport => "passport number",
            TaxIdKind::NationalId => "national ID number",
            TaxIdKind::Other => "tax identification number",
        }
    }
}

impl std::fmt::Display for TaxIdKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
