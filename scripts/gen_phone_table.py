#!/usr/bin/env python3
"""Generate core/src/phone/table.rs from libphonenumber's published metadata.

The widget cannot afford the full metadata (~300 KB brotli), so it keeps only what
`phone::normalize` needs: calling code -> regions, each region's trunk (national) prefix
and plain-digit international (IDD) prefix, the possible national lengths per calling
code, and which first digits a national number may start with (used to decide whether a
leading trunk prefix is really one), and Argentina's area codes for its mobile "15".

Run (reproduces the committed files byte for byte):

    python3 -m venv /tmp/phonevenv && /tmp/phonevenv/bin/pip install phonenumbers==9.0.43
    /tmp/phonevenv/bin/python scripts/gen_phone_table.py > core/src/phone/table.rs
    /tmp/phonevenv/bin/python scripts/gen_phone_table.py --examples > core/tests/fields_phone_examples.rs

`--examples` writes a test of every example number libphonenumber ships (each region,
each number type), typed in national format with its region and in international format
without one: `phone::normalize` must give libphonenumber's own E.164 for each, except the
few listed in KNOWN_DIFFERENCES.

The version is pinned: bump PINNED_VERSION and the pip pin together, regenerate, and the
`table_comes_from_pinned_libphonenumber` test in core shows the change.
"""

import re
import sys

try:  # Python >= 3.11 keeps the regex parser here; older ones as sre_parse.
    from re import _parser as sre_parse
    from re import _constants as sre_c
except ImportError:  # pragma: no cover
    import sre_parse
    import sre_constants as sre_c

import phonenumbers
from phonenumbers import PhoneMetadata

PINNED_VERSION = "9.0.43"
ALL_DIGITS = frozenset("0123456789")


def first_digits(pattern):
    """The set of digits a string matching `pattern` can start with (over-approximated)."""
    first, _nullable = _first(sre_parse.parse(pattern))
    return first


def _first(seq):
    """FIRST set of a parsed regex sequence, and whether it can match the empty string."""
    out = set()
    for op, arg in seq:
        f, nullable = _first_item(op, arg)
        out |= f
        if not nullable:
            return out, False
    return out, True


def _first_item(op, arg):
    if op is sre_c.LITERAL:
        return {chr(arg)} & ALL_DIGITS, False
    if op is sre_c.IN:
        chars = set()
        for kind, value in arg:
            if kind is sre_c.LITERAL:
                chars.add(chr(value))
            elif kind is sre_c.RANGE:
                chars |= {chr(c) for c in range(value[0], value[1] + 1)}
            elif kind is sre_c.CATEGORY:
                chars |= ALL_DIGITS
            else:
                raise ValueError(f"unexpected class item {kind}")
        return chars & ALL_DIGITS, False
    if op is sre_c.SUBPATTERN:
        return _first(arg[-1])
    if op is sre_c.BRANCH:
        out, nullable = set(), False
        for alternative in arg[1]:
            f, n = _first(alternative)
            out |= f
            nullable |= n
        return out, nullable
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, _high, body = arg
        f, n = _first(body)
        return f, n or low == 0
    if op is sre_c.ANY:
        return set(ALL_DIGITS), False
    if op is sre_c.AT:
        return set(), True
    raise ValueError(f"unexpected regex op {op}")


NUMBER_TYPES = ("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
                "personal_number", "voip", "pager", "voicemail")


def dialable_lengths(meta):
    """Possible lengths of a region's numbers other than UAN (inherits general when empty)."""
    general = {n for n in meta.general_desc.possible_length if n > 0}
    out = set()
    for name in NUMBER_TYPES:
        desc = getattr(meta, name)
        if desc is None or tuple(desc.possible_length) == (-1,):
            continue
        out |= {n for n in desc.possible_length if n > 0} or general
    return out


def trunk_prefixes(meta):
    """The trunk prefixes a national number may start with, longest first.

    `national_prefix_for_parsing` is a pattern; when it is a small finite set of digit
    strings with no rewrite rule (Belarus "0|80?", Lithuania "[08]") all of them are
    kept, otherwise (carrier codes, local-number expansions) just `national_prefix`."""
    own = [meta.national_prefix] if meta.national_prefix else []
    pattern = meta.national_prefix_for_parsing
    if not pattern or meta.national_prefix_transform_rule:
        return own
    try:
        expanded = _expand(sre_parse.parse(pattern))
    except ValueError:
        return own
    if not own or len(expanded) > 8 or "" in expanded or own[0] not in expanded:
        return own
    return sorted(expanded, key=lambda text: (-len(text), text))


def _expand(seq):
    """All strings a capture-free, finite regex sequence matches (ValueError otherwise)."""
    results = {""}
    for op, arg in seq:
        if op is sre_c.LITERAL:
            options = {chr(arg)}
        elif op is sre_c.IN:
            options = set()
            for kind, value in arg:
                if kind is sre_c.LITERAL:
                    options.add(chr(value))
                elif kind is sre_c.RANGE:
                    options |= {chr(c) for c in range(value[0], value[1] + 1)}
                else:
                    raise ValueError("class")
        elif op is sre_c.BRANCH:
            options = set().union(*(_expand(alternative) for alternative in arg[1]))
        elif op is sre_c.SUBPATTERN and arg[0] is None:
            options = _expand(arg[-1])
        elif op is sre_c.MAX_REPEAT and arg[1] <= 2:
            body = _expand(arg[2])
            options = set()
            for count in range(arg[0], arg[1] + 1):
                repeated = {""}
                for _ in range(count):
                    repeated = {a + b for a in repeated for b in body}
                options |= repeated
        else:
            raise ValueError(f"not finite: {op}")
        results = {a + b for a in results for b in options}
        if len(results) > 64:
            raise ValueError("too many")
    return results


def mask(values):
    bits = 0
    for value in values:
        bits |= 1 << int(value)
    return bits


def region_rows():
    rows = []
    for alpha2 in sorted(phonenumbers.SUPPORTED_REGIONS):
        meta = PhoneMetadata.metadata_for_region(alpha2)
        idd = meta.international_prefix or ""
        plain_idd = idd if re.fullmatch(r"[0-9]+", idd) else ""
        prefix = meta.national_prefix or ""
        if prefix and not re.fullmatch(r"[0-9]+", prefix):
            raise ValueError(f"{alpha2}: non-digit national prefix {prefix!r}")
        rows.append((alpha2, meta.country_code, "|".join(trunk_prefixes(meta)), plain_idd))
    return rows


def calling_code_rows():
    rows = []
    for code, regions in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()):
        if regions == ("001",) or list(regions) == ["001"]:
            metas = [PhoneMetadata.metadata_for_nongeo_region(code)]
            region_list = []
        else:
            metas = [PhoneMetadata.metadata_for_region(r) for r in regions]
            region_list = list(regions)  # libphonenumber lists the main region first
        lengths, leading = set(), set()
        for index, meta in enumerate(metas):
            desc = meta.general_desc
            region_lengths = {n for n in desc.possible_length if n > 0}
            if index > 0:
                # A length another region of a shared code has only for its UAN numbers
                # (Canada's 7-digit 310-numbers under +1) cannot be dialled as a full
                # international number; without this, "+1 555 0123" would pass.
                region_lengths &= dialable_lengths(meta)
            lengths |= region_lengths
            leading |= first_digits(desc.national_number_pattern)
        if not lengths or max(lengths) > 17:
            raise ValueError(f"+{code}: odd possible lengths {sorted(lengths)}")
        rows.append((code, mask(lengths), mask(leading), region_list))
    return rows


def argentine_mobile_area_codes():
    """Argentina's area codes after which a national mobile number has "15".

    libphonenumber reads `0 <area> 15 <number>` through AR's national_prefix_for_parsing
    `0?(?:(<areas>)15)?` and rewrites it to `9 <area> <number>` (transform rule `9\\1`).
    The areas alternation is written out as the set of digit strings it matches; core
    looks them up as numbers, which works because no area starts with 0 and, since
    none extends another by "15", at most one area can fit a given number."""
    meta = PhoneMetadata.metadata_for_region("AR")
    pattern, rule = meta.national_prefix_for_parsing, meta.national_prefix_transform_rule
    head, tail = "0?(?:(", ")15)?"
    if not (pattern.startswith(head) and pattern.endswith(tail)) or rule != "9\\1":
        raise ValueError(f"AR national prefix changed shape: {pattern!r} -> {rule!r}")
    areas = re.compile(pattern[len(head):-len(tail)])
    found = [text for length in range(1, 6) for number in range(10 ** length)
             if areas.fullmatch(text := str(number).zfill(length))]
    if not found or any(area.startswith("0") or len(area) > 4 for area in found):
        raise ValueError(f"AR area codes of an unexpected shape: {found}")
    if any(b != a and (b + "15").startswith(a + "15") for a in found for b in found):
        raise ValueError("two AR area codes fit the same '15' number")
    return sorted(int(area) for area in found)


def rust_str_list(items):
    return "&[" + ", ".join(f'"{item}"' for item in items) + "]"


# Example numbers the compact table deliberately does not reproduce, and why.
KNOWN_DIFFERENCES = {
    ("+1 310-1234", ""): "Canada's 7-digit 310- numbers cannot be dialled as +1 from abroad",
    ("310-1234", "CA"): "Canada's 7-digit 310- numbers are local-only",
}


def examples_file():
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    types = [getattr(PhoneNumberType, name.upper()) for name in NUMBER_TYPES + ("uan",)]
    rows = set()
    for alpha2 in sorted(phonenumbers.SUPPORTED_REGIONS):
        for number_type in types:
            number = phonenumbers.example_number_for_type(alpha2, number_type)
            if number is None:
                continue
            e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            rows.add((phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL), alpha2, e164))
            rows.add((phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL), "", e164))
    for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        number = phonenumbers.example_number_for_non_geo_entity(code)
        if number is not None:
            e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            rows.add((phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL), "", e164))
    out = [
        f"// @generated by scripts/gen_phone_table.py --examples from libphonenumber {PINNED_VERSION}.",
        "//! libphonenumber's own example numbers, as people would type them, must come out as",
        "//! libphonenumber's E.164 (except the documented KNOWN_DIFFERENCES).",
        "",
        "use customer_update_core::phone;",
        "",
        "/// (typed, default region or \"\", libphonenumber's E.164)",
        "#[rustfmt::skip]",
        "const EXAMPLES: &[(&str, &str, &str)] = &[",
    ]
    for typed, region, e164 in sorted(rows):
        out.append(f"    ({rust_literal(typed)}, \"{region}\", \"{e164}\"),")
    out += ["];", "", "/// (typed, default region) that are refused on purpose, with the reason.",
            "#[rustfmt::skip]", "const KNOWN_DIFFERENCES: &[(&str, &str, &str)] = &["]
    for (typed, region), why in sorted(KNOWN_DIFFERENCES.items()):
        out.append(f"    ({rust_literal(typed)}, \"{region}\", {rust_literal(why)}),")
    out += [
        "];",
        "",
        "#[test]",
        "#[rustfmt::skip]",
        "fn libphonenumber_example_numbers_normalise_to_its_e164() {",
        "    let mut wrong = Vec::new();",
        "    for (typed, region, e164) in EXAMPLES {",
        "        let country = Some(*region).filter(|r| !r.is_empty());",
        "        let got = phone::normalize(typed, country);",
        "        let expected_difference = KNOWN_DIFFERENCES.iter().any(|(t, r, _)| t == typed && r == region);",
        "        if expected_difference {",
        "            assert!(got.is_err(), \"{typed:?} ({region}) is a known difference but passed: {got:?}\");",
        "        } else if got.as_deref() != Ok(*e164) {",
        "            wrong.push(format!(\"{typed:?} ({region}): want {e164}, got {got:?}\"));",
        "        }",
        "    }",
        "    assert!(wrong.is_empty(), \"{} of {} differ:\\n{}\", wrong.len(), EXAMPLES.len(), wrong.join(\"\\n\"));",
        f"    assert!(EXAMPLES.len() > 2000);",
        "}",
    ]
    return "\n".join(out) + "\n"


def rust_literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    if phonenumbers.__version__ != PINNED_VERSION:
        sys.exit(f"phonenumbers {phonenumbers.__version__} installed, {PINNED_VERSION} pinned")
    if sys.argv[1:] == ["--examples"]:
        sys.stdout.write(examples_file())
        return
    out = []
    out.append(f"// @generated by scripts/gen_phone_table.py from libphonenumber {PINNED_VERSION}")
    out.append("// (PyPI `phonenumbers` == " + PINNED_VERSION + "). Do not edit: regenerate.")
    out.append("//! Compact phone metadata: just what `phone::normalize` needs.")
    out.append("")
    out.append("use super::meta::{CallingCode, Region};")
    out.append("")
    out.append("/// The libphonenumber release this table was generated from.")
    out.append(f'pub const LIBPHONENUMBER_VERSION: &str = "{PINNED_VERSION}";')
    out.append("")
    out.append("/// Sorted by code. `lengths` and `leading` are bit sets (bit n = length n / digit n);")
    out.append("/// `regions` lists the main region first (empty for non-geographic codes like +800).")
    out.append("pub static CALLING_CODES: &[CallingCode] = &[")
    for code, lengths, leading, regions in calling_code_rows():
        out.append(
            f"    CallingCode {{ code: {code}, lengths: 0x{lengths:x}, leading: 0x{leading:x}, "
            f"regions: {rust_str_list(regions)} }},"
        )
    out.append("];")
    out.append("")
    out.append("/// Sorted by alpha-2. `idd` is empty where the international prefix is a pattern.")
    out.append("pub static REGIONS: &[Region] = &[")
    for alpha2, code, prefix, idd in region_rows():
        out.append(
            f'    Region {{ alpha2: "{alpha2}", code: {code}, trunk: "{prefix}", idd: "{idd}" }},'
        )
    out.append("];")
    out.append("")
    out.append("/// Argentina's area codes that a national mobile number can carry `15` after")
    out.append("/// (`0 11 15 2345-6789` = `+54 9 11 2345-6789`), sorted; see `phone/argentina.rs`.")
    areas = argentine_mobile_area_codes()
    out.append("pub static AR_MOBILE_AREA_CODES: &[u16] = &[")
    for start in range(0, len(areas), 16):
        out.append("    " + ", ".join(str(a) for a in areas[start:start + 16]) + ",")
    out.append("];")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
