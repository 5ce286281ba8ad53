//! Countries: the ISO 3166-1 table, code conversions, names in three languages, the
//! typed codes and the name lookups the widget and BVNK use.

use customer_update_core::country::{
    self, alpha2_to_alpha3, alpha3_to_alpha2, Alpha3, CountryCode, Lang,
};
use customer_update_core::Code;

#[test]
fn the_table_is_every_iso_3166_1_entry_from_the_pinned_pycountry() {
    assert_eq!(country::DATA_SOURCE, "pycountry 26.2.16");
    let all = country::all();
    assert_eq!(all.len(), 249);
    let mut alpha2: Vec<_> = all.iter().map(|c| c.alpha2()).collect();
    let mut alpha3: Vec<_> = all.iter().map(|c| c.alpha3()).collect();
    alpha2.dedup();
    alpha3.sort_unstable();
    alpha3.dedup();
    assert_eq!((alpha2.len(), alpha3.len()), (249, 249), "codes are unique");
    for c in all {
        assert!(
            c.alpha2().len() == 2 && c.alpha2().bytes().all(|b| b.is_ascii_uppercase()),
            "{c:?}"
        );
        assert!(
            c.alpha3().len() == 3 && c.alpha3().bytes().all(|b| b.is_ascii_uppercase()),
            "{c:?}"
        );
    }
}

#[test]
fn every_entry_converts_both_ways_in_any_case() {
    for c in country::all() {
        assert_eq!(alpha2_to_alpha3(c.alpha2()), Some(c.alpha3()));
        assert_eq!(alpha3_to_alpha2(c.alpha3()), Some(c.alpha2()));
        assert_eq!(
            alpha2_to_alpha3(&c.alpha2().to_lowercase()),
            Some(c.alpha3())
        );
        assert_eq!(
            alpha3_to_alpha2(&c.alpha3().to_lowercase()),
            Some(c.alpha2())
        );
        let code = CountryCode::parse(c.alpha3()).unwrap();
        assert_eq!((code.alpha2(), code.alpha3()), (c.alpha2(), c.alpha3()));
        assert_eq!(
            Alpha3::parse(&c.alpha2().to_lowercase()).unwrap().alpha3(),
            c.alpha3()
        );
    }
}

#[test]
fn well_known_conversions() {
    let cases = [
        ("US", "USA"),
        ("br", "BRA"),
        ("Mx", "MEX"),
        ("GB", "GBR"),
        ("DE", "DEU"),
        ("CI", "CIV"),
        ("XK", ""),
    ];
    for (alpha2, alpha3) in cases {
        assert_eq!(
            alpha2_to_alpha3(alpha2),
            (!alpha3.is_empty()).then_some(alpha3),
            "{alpha2}"
        );
    }
    assert_eq!(alpha3_to_alpha2("deu"), Some("DE"));
    // Not codes: wrong length, non-letters, unassigned, the other form.
    for input in ["", "U", "USA ", "U1", "ZZ", "ÜS", "US", "ZZZ"] {
        assert_eq!(alpha3_to_alpha2(input), None, "{input:?}");
    }
    assert_eq!(alpha2_to_alpha3("USA"), None);
}

#[test]
fn names_exist_in_english_portuguese_and_spanish() {
    for c in country::all() {
        for lang in Lang::ALL {
            let name = c.name(lang);
            assert!(
                !name.trim().is_empty() && name.trim() == name,
                "{} {lang}: {name:?}",
                c.alpha2()
            );
        }
    }
    let us = CountryCode::parse("us").unwrap();
    assert_eq!(
        (us.name(Lang::En), us.name(Lang::PtBr), us.name(Lang::Es)),
        ("United States", "Estados Unidos", "Estados Unidos")
    );
    let de = CountryCode::parse("DEU").unwrap();
    assert_eq!(
        (de.name(Lang::En), de.name(Lang::PtBr), de.name(Lang::Es)),
        ("Germany", "Alemanha", "Alemania")
    );
    // The display name is the common one, in Brazilian spelling where pt_BR has one.
    let vn = CountryCode::parse("VN").unwrap();
    assert_eq!(
        (vn.name(Lang::En), vn.name(Lang::PtBr)),
        ("Vietnam", "Vietnã")
    );
    assert_eq!(
        CountryCode::parse("KR").unwrap().name(Lang::Es),
        "Corea del Sur"
    );
    // Translations really are translations for most entries, not English fallbacks.
    let translated = |lang| {
        country::all()
            .iter()
            .filter(|c| c.name(lang) != c.name(Lang::En))
            .count()
    };
    assert!(translated(Lang::PtBr) > 150 && translated(Lang::Es) > 150);
}

#[test]
fn parse_rejects_what_is_not_a_country_with_country_unknown() {
    for input in ["", "  ", "XX", "U.S.", "United States", "USAA", "\u{1F600}"] {
        let error = CountryCode::parse(input).unwrap_err();
        assert_eq!(error.code, Code::CountryUnknown, "{input:?}");
        assert_eq!(Alpha3::parse(input).unwrap_err().code, Code::CountryUnknown);
    }
    assert_eq!(CountryCode::parse(" gb ").unwrap().alpha2(), "GB");
}

#[test]
fn serde_writes_the_code_form_the_type_names_and_reads_only_that_form() {
    let code = CountryCode::parse("usa").unwrap();
    assert_eq!(serde_json::to_string(&code).unwrap(), r#""US""#);
    assert_eq!(
        serde_json::to_string(&code.to_alpha3()).unwrap(),
        r#""USA""#
    );
    assert_eq!(
        serde_json::from_str::<CountryCode>(r#""br""#)
            .unwrap()
            .alpha2(),
        "BR"
    );
    assert_eq!(
        serde_json::from_str::<Alpha3>(r#""bra""#).unwrap().alpha2(),
        "BR"
    );
    // A body typed alpha-2 that carries alpha-3 is an error, not silently rewritten.
    assert!(serde_json::from_str::<CountryCode>(r#""BRA""#).is_err());
    assert!(serde_json::from_str::<Alpha3>(r#""BR""#).is_err());
    assert!(serde_json::from_str::<CountryCode>(r#""XX""#).is_err());
}

#[test]
fn lang_follows_the_primary_subtag() {
    let cases = [
        ("pt-BR", Some(Lang::PtBr)),
        ("pt", Some(Lang::PtBr)),
        ("pt_PT", Some(Lang::PtBr)),
        ("es-MX", Some(Lang::Es)),
        ("ES", Some(Lang::Es)),
        ("en-US", Some(Lang::En)),
        ("en", Some(Lang::En)),
        ("fr-FR", None),
        ("", None),
        ("english", None),
    ];
    for (tag, expected) in cases {
        assert_eq!(Lang::parse(tag), expected, "{tag}");
    }
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.tag()), Some(lang));
    }
}

#[test]
fn sorted_by_name_ignores_accents_and_case() {
    for lang in Lang::ALL {
        let sorted = country::sorted_by_name(lang);
        assert_eq!(sorted.len(), 249);
        let position = |alpha2: &str| sorted.iter().position(|c| c.alpha2() == alpha2).unwrap();
        let first = sorted.first().unwrap().name(lang);
        assert!(
            first.starts_with('A') || first.starts_with('Á'),
            "{lang}: {first}"
        );
        // Åland ("Åland Islands" / "Ilhas Åland" / "Islas Äland") never sorts after Zimbabwe.
        assert!(position("AX") < position("ZW"), "{lang}");
        assert_eq!(sorted.last().unwrap().alpha2(), "ZW", "{lang}");
    }
    // Portuguese: "Índia" sits between "Ilhas…"/"Indonésia", not after "Zimbábue".
    let pt = country::sorted_by_name(Lang::PtBr);
    let pos = |alpha2: &str| pt.iter().position(|c| c.alpha2() == alpha2).unwrap();
    assert!(pos("IN") < pos("ID"), "Índia before Indonésia");
    assert!(pos("AT") < pos("AZ"), "Áustria before Azerbaijão");
    assert!(pos("EG") < pos("ES"), "Egito before Espanha");
    // English: "Côte d'Ivoire" among the Co… names, "Curaçao" before "Cyprus".
    let en = country::sorted_by_name(Lang::En);
    let pos = |alpha2: &str| en.iter().position(|c| c.alpha2() == alpha2).unwrap();
    assert!(
        pos("CR") < pos("CI") && pos("CI") < pos("HR"),
        "Costa Rica < Côte d'Ivoire < Croatia"
    );
    assert!(pos("CW") < pos("CY"));
}

#[test]
fn by_name_matches_whole_names_ignoring_case_accents_and_spacing() {
    let alpha2 = |name: &str, lang| country::by_name(name, lang).map(|c| c.alpha2());
    assert_eq!(alpha2("United States", Lang::En), Some("US"));
    assert_eq!(alpha2("  united   STATES ", Lang::En), Some("US"));
    assert_eq!(alpha2("cote d’ivoire", Lang::En), Some("CI"));
    assert_eq!(alpha2("Korea, Republic of", Lang::En), Some("KR"));
    assert_eq!(alpha2("South Korea", Lang::En), Some("KR"));
    assert_eq!(alpha2("Mexico", Lang::Es), Some("MX"));
    assert_eq!(alpha2("méxico", Lang::Es), Some("MX"));
    assert_eq!(alpha2("Alemanha", Lang::PtBr), Some("DE"));
    // Exact, not prefix or other-language matches.
    assert_eq!(alpha2("United", Lang::En), None);
    assert_eq!(alpha2("Alemanha", Lang::En), None);
    assert_eq!(alpha2("", Lang::En), None);
    for c in country::all() {
        for lang in Lang::ALL {
            // Names are unique within a language, so every name finds its own country.
            assert_eq!(
                country::by_name(c.name(lang), lang).map(|f| f.alpha2()),
                Some(c.alpha2()),
                "{lang}"
            );
        }
    }
}

#[test]
fn a_served_language_file_lists_the_countries_by_name_in_that_language() {
    use customer_update_core::i18n::served;
    let pt = served(Lang::PtBr);
    let (south_africa, germany) = (
        pt.find("country_name.ZA\tÁfrica do Sul\n")
            .expect("South Africa"),
        pt.find("country_name.DE\tAlemanha\n").expect("Germany"),
    );
    assert!(south_africa < germany, "accents ignored when sorting");
    assert_eq!(pt.matches("\ncountry_name.").count(), 249);
    assert!(served(Lang::Es).contains("country_name.DE\tAlemania\n"));
    // English names are in every build: the English file has none.
    assert!(!served(Lang::En).contains("country_name."));
}
