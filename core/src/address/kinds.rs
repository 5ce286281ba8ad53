//! What the form calls each address field in a given country (Google's
//! `zip_name_type`, `state_name_type`, `locality_name_type`). The string forms are
//! Google's and are the widget's message-catalogue keys; `label_en` is the English.

use serde::Serialize;

macro_rules! label_kind {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $key:literal, $english:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum $name {
            $(#[serde(rename = $key)] $variant,)*
        }

        impl $name {
            /// Google's name for the kind, e.g. `"zip"`.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            /// The kind Google calls `key`, as the generated table writes it.
            pub(crate) fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)* _ => None }
            }

            /// The English label, lower case, e.g. `"ZIP code"`.
            pub fn label_en(self) -> &'static str {
                match self { $($name::$variant => $english,)* }
            }
        }
    };
}

label_kind! {
    /// What the postal code is called.
    PostalKind {
        Postal => "postal", "postal code",
        Zip => "zip", "ZIP code",
        Pin => "pin", "PIN code",
        Eircode => "eircode", "Eircode",
    }
}

label_kind! {
    /// What the first-level subdivision is called.
    StateKind {
        Area => "area", "area",
        County => "county", "county",
        Department => "department", "department",
        District => "district", "district",
        DoSi => "do_si", "province",
        Emirate => "emirate", "emirate",
        Island => "island", "island",
        Oblast => "oblast", "oblast",
        Parish => "parish", "parish",
        Prefecture => "prefecture", "prefecture",
        Province => "province", "province",
        State => "state", "state",
    }
}

label_kind! {
    /// What the city field is called.
    LocalityKind {
        City => "city", "city",
        District => "district", "district",
        PostTown => "post_town", "post town",
        Suburb => "suburb", "suburb",
    }
}
