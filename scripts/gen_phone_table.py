#!/usr/bin/env python3
"""Generate core/src/phone/table.rs from libphonenumber's published metadata.

The widget cannot afford the full metadata (~300 KB brotli), so it keeps only what
`phone::normalize` needs: calling code -> regions, each region's trunk (national) prefix
and plain-digit international (IDD) prefix, the possible national lengths per calling
code, and which first digits a national number may start with (used to decide whether a
leading trunk prefix is really one).

Run (reproduces the committed table byte for byte):

    python3 -m venv /tmp/phonevenv && /tmp/phonevenv/bin/pip install phonenumbers==9.0.43
    /tmp/phonevenv/bin/python scripts/gen_phone_table.py > core/src/phone/table.rs

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
        rows.append((alpha2, meta.country_code, prefix, plain_idd))
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


def rust_str_list(items):
    return "&[" + ", ".join(f'"{item}"' for item in items) + "]"


def main():
    if phonenumbers.__version__ != PINNED_VERSION:
        sys.exit(f"phonenumbers {phonenumbers.__version__} installed, {PINNED_VERSION} pinned")
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
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
