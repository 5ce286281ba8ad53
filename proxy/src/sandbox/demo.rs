//! The demo customers every sandbox starts with (one or more per provider).

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Value};

pub const SPHEREPAY_OPEN: &str = "customer_0a1b2c3d4e5f40718293a4b5c6d7e8f9";
pub const SPHEREPAY_KYC_SUBMITTED: &str = "customer_f31121c389624d3697cbf3ea8830b7a4";
pub const POLYGON: &str = "cst_01H9Xa8F5dN6mP3q";
pub const BVNK_INDIVIDUAL: &str = "3f2b6c1e-8d4a-4f7b-9c2e-5a1d7e9b0c42";
pub const BVNK_COMPANY: &str = "8a0e1da2-2af3-4b9e-a221-e74db4e01b06";
pub const SWIPELUX: &str = "cus_8f3e2a1b9c7d4e60";
/// The Sumsub applicant of the Swipelux demo customer (goes into its session token).
pub const SWIPELUX_APPLICANT: &str = "sbx-applicant-8f3e2a1b";

/// A demo customer as `GET /demo/customers` lists it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoCustomer {
    pub provider: &'static str,
    pub id: &'static str,
    pub label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicant: Option<&'static str>,
}

pub const DEMO_CUSTOMERS: &[DemoCustomer] = &[
    DemoCustomer {
        provider: "spherepay",
        id: SPHEREPAY_OPEN,
        label: "Jane Smith (KYC not submitted)",
        applicant: None,
    },
    DemoCustomer {
        provider: "spherepay",
        id: SPHEREPAY_KYC_SUBMITTED,
        label: "Ana Souza (KYC submitted: name, birth date, tax ID locked)",
        applicant: None,
    },
    DemoCustomer {
        provider: "polygon",
        id: POLYGON,
        label: "Jane Smith (PII write-only)",
        applicant: None,
    },
    DemoCustomer {
        provider: "bvnk",
        id: BVNK_INDIVIDUAL,
        label: "María García (individual)",
        applicant: None,
    },
    DemoCustomer {
        provider: "bvnk",
        id: BVNK_COMPANY,
        label: "Acme Ltd (company with associates)",
        applicant: None,
    },
    DemoCustomer {
        provider: "swipelux",
        id: SWIPELUX,
        label: "João Pereira",
        applicant: Some(SWIPELUX_APPLICANT),
    },
];

/// The first demo customer of a provider.
pub fn default_for(provider: &str) -> Option<&'static DemoCustomer> {
    DEMO_CUSTOMERS.iter().find(|c| c.provider == provider)
}

pub fn find(provider: &str, id: &str) -> Option<&'static DemoCustomer> {
    DEMO_CUSTOMERS
        .iter()
        .find(|c| c.provider == provider && c.id == id)
}

fn kyc_profile(status: &str) -> Value {
    json!([{
        "name": "kyc_profile_a",
        "status": status,
        "criteria": {
            "complete": ["email_address", "phone_number", "residential_address", "tax_identification_number"],
            "pending": [],
            "required": if status == "incomplete" { json!(["identity_document", "liveness_report_document"]) } else { json!([]) },
            "errors": []
        }
    }])
}

fn bvnk_address(line1: &str, city: &str, postal: &str, code: &str, country: &str) -> Value {
    json!({"addressLine1": line1, "addressLine2": "", "city": city, "postalCode": postal, "countryCode": code, "country": country})
}

/// Records as each provider would store them, write-only fields included.
pub fn customers() -> HashMap<(String, String), Value> {
    let created = "2026-03-09T20:46:31.305Z";
    let mut all = HashMap::new();
    let mut put = |provider: &str, id: &str, record: Value| {
        all.insert((provider.to_owned(), id.to_owned()), record);
    };
    put(
        "spherepay",
        SPHEREPAY_OPEN,
        json!({
            "id": SPHEREPAY_OPEN, "type": "individual",
            "email": "jane.smith@example.com", "phone": "+14155550123",
            "firstName": "Jane", "lastName": "Smith", "dateOfBirth": "1990-01-15",
            "verificationProfiles": kyc_profile("incomplete"), "tosStatus": "approved", "meta": {},
            "address": {"line1": "233 South Wacker Drive", "line2": "Suite 4700", "city": "Chicago", "postalCode": "60606", "state": "IL", "country": "USA"},
            "personalInformation": {"taxIdentificationNumber": "123456789", "taxIdentificationNumberType": "ssn", "taxIdentificationNumberCountry": "USA", "nationality": "USA", "countryOfBirth": "USA", "residencyCountry": "USA"},
            "createdAt": created, "updatedAt": created
        }),
    );
    put(
        "spherepay",
        SPHEREPAY_KYC_SUBMITTED,
        json!({
            "id": SPHEREPAY_KYC_SUBMITTED, "type": "individual",
            "email": "ana.souza@example.com", "phone": "+5511912345678",
            "firstName": "Ana", "lastName": "Souza", "dateOfBirth": "1988-07-02",
            "verificationProfiles": kyc_profile("pending"), "tosStatus": "approved", "meta": {"tier": "gold"},
            "address": {"line1": "Avenida Paulista, 1000", "city": "São Paulo", "postalCode": "01310-100", "state": "SP", "country": "BRA"},
            "personalInformation": {"taxIdentificationNumber": "52998224725", "taxIdentificationNumberType": "national_id", "taxIdentificationNumberCountry": "BRA", "nationality": "BRA", "residencyCountry": "BRA"},
            "createdAt": created, "updatedAt": created
        }),
    );
    put(
        "polygon",
        POLYGON,
        json!({
            "id": POLYGON, "object": "customer", "type": "individual",
            "firstName": "Jane", "middleName": null, "lastName": "Smith",
            "email": "jane@example.com", "phone": "+12125551234", "nationality": "US",
            "externalId": "usr_12345", "status": "active",
            "signedAgreement": false, "signedAgreementAt": null,
            "wallets": [], "endorsements": [], "metadata": {},
            "birthDate": "1990-01-15",
            "residentialAddress": {"line1": "1 Main St", "city": "New York", "state": "NY", "country": "US", "zipCode": "10001"},
            "identifyingInformation": [{"type": "ssn", "issuingCountry": "US", "number": "123456789"}],
            "createdAt": "2023-11-07T05:31:56Z", "updatedAt": "2023-11-07T05:31:56Z"
        }),
    );
    put(
        "bvnk",
        BVNK_INDIVIDUAL,
        json!({
            "reference": BVNK_INDIVIDUAL, "status": "INFO_REQUIRED", "type": "INDIVIDUAL",
            "individual": {
                "firstName": "María", "lastName": "García", "dateOfBirth": "1985-11-20",
                "email": "maria.garcia@example.com", "phone": "+34612345678",
                "address": bvnk_address("Calle Mayor 1", "Madrid", "28013", "ES", "Spain")
            },
            "riskScore": "LOW"
        }),
    );
    put(
        "bvnk",
        BVNK_COMPANY,
        json!({
            "reference": BVNK_COMPANY, "status": "PENDING", "type": "COMPANY",
            "company": {
                "name": "Acme Ltd", "description": "Widgets and gadgets",
                "taxResidenceCountryCode": "US", "registrationNumber": "21-4532998",
                "address": bvnk_address("101 West Broadway", "San Diego", "92101", "US", "United States"),
                "associates": [{
                    "person": {
                        "reference": "911685b0-acaa-418d-bd91-ed80b96c62cf",
                        "firstName": "Sean", "lastName": "Bond", "dateOfBirth": "2001-01-31",
                        "address": bvnk_address("101 West Broadway", "San Diego", "92101", "US", "United States")
                    },
                    "details": {
                        "birthCountryCode": "US",
                        "contactInfo": {"emailAddress": "sean.bond@example.com", "phoneNumber": "+16195550143"},
                        "documentNumber": "123456789",
                        "documentInfo": {"number": "123456789", "type": "DRIVERS_LICENSE", "issuingCountryCode": "US"},
                        "taxIdentification": {"number": "914764628", "taxResidenceCountryCode": "US"}
                    },
                    "title": "CEO", "riskScore": "LOW",
                    "controls": {"hasOwnership": true, "hasControl": true, "isSigner": false},
                    "verification": {"url": "https://verify.example/2", "status": "infoRequired"}
                }],
                "verification": {"url": "https://verify.example/1", "status": "infoRequired"}
            },
            "riskScore": "LOW"
        }),
    );
    put(
        "swipelux",
        SWIPELUX,
        json!({
            "id": SWIPELUX, "firstName": "João", "middleName": null, "lastName": "Pereira",
            "email": "joao.pereira@example.com", "phone": "+5521987654321",
            "status": "incomplete", "metadata": {"source": "sandbox"},
            "applicantId": SWIPELUX_APPLICANT,
            "createdAt": created, "updatedAt": created
        }),
    );
    all
}
