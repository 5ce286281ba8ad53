#!/usr/bin/env python3
"""Dev-only: compare core's phone parsing with libphonenumber on generated inputs.

Numbers with extensions, keypad letters and Argentine mobile numbers typed the national
way, each written several ways, are parsed by libphonenumber (PyPI `phonenumbers`, the
release scripts/gen_phone_table.py pins) and written as cases for the ignored test
`phone_agrees_with_libphonenumber_on_generated_cases` in core/tests/fields_phone.rs:

    python3 -m venv /tmp/phonevenv && /tmp/phonevenv/bin/pip install phonenumbers==9.0.43
    /tmp/phonevenv/bin/python scripts/crosscheck_phone.py > /tmp/phone-cases.tsv
    PHONE_CASES=/tmp/phone-cases.tsv cargo test -p customer-update-core \\
        --test fields_phone -- --ignored

Each line is `typed<TAB>region<TAB>e164 or "error"<TAB>extension<TAB>why core differs`
(the last column empty when it must agree; otherwise core must refuse the input). libphonenumber parses
more leniently than a form should (it drops stray letters, reads "Tel: " prefixes), so
only a number libphonenumber calls possible counts as accepted. Not part of CI: CI does
not install Python packages.
"""

import itertools
import sys

import phonenumbers

BASES = [
    ("(415) 555-0123", "US"),
    ("+1 415 555 0123", ""),
    ("415.555.0123", "US"),
    ("07700 900123", "GB"),
    ("+44 7700 900123", ""),
    ("030 123456", "DE"),
    ("011 2345-6789", "AR"),
]

EXTENSIONS = [
    " ext. 12", " ext 12", "ext12", " Ext: 77", " EXT.1234", " extn 5", " extension 1234",
    " extensión 5", " extensio\u0301n 5", " xtn 9", " x12", " X 12", "x 12#", " #12", " # 12#",
    " ~12", " int 12", " ｘ12", " ｅｘｔ 3", " доб 12", " ДОБ. 12", " anexo 12", ";ext=123",
    ",,123", ";123", ", 123", ",,, 12", " - 503#", " 503#", "-12#", " x1234567890",
    " x123456789", " ext 12345678901234567890", " ext 123456789012345678901", " - 1234567#",
    ", 1234567890", " ext. 12.", " (ext. 12)", " ext", " x", " #", " ext. １２",
]

ALPHA = [
    ("1-800-FLOWERS", "US"), ("1 800 flowers", "US"), ("+1 800 FLOWERS", ""),
    ("1-800-GO-FEDEX", "US"), ("800 MY APPLE", "US"), ("1-800-MICROSOFT", "US"),
    ("0800 REVERSE", "GB"), ("1-800-FLOWERS ext. 12", "US"), ("415 CALL NOW", "US"),
    ("1-800-FLOWERS x12", "US"), ("1-800-CALL-ATT", "US"), ("+44 800 TAXI", ""),
]

# Argentina: trunk 0, area code, then 15 for a mobile (libphonenumber's AR
# national_prefix_for_parsing, rewritten to 9 + area code by national_prefix_transform_rule).
AR_MOBILES = [
    ("11", "2345-6789"), ("351", "234-5678"), ("2202", "23-4567"), ("221", "234-5678"),
    ("3833", "23-4567"), ("264", "234-5678"), ("2966", "23-4567"), ("341", "234 5678"),
]


def argentine_inputs():
    for area, local in AR_MOBILES:
        for template in ("0{a} 15-{l}", "0 {a} 15 {l}", "({a}) 15 {l}", "{a} 15 {l}",
                         "0{a}15{l}", "+54 {a} 15 {l}", "+54 0{a} 15 {l}", "+54 9 {a} {l}",
                         "0{a} {l}", "54 9 {a} {l}"):
            typed = template.format(a=area, l=local)
            yield (typed, "" if typed.startswith("+") else "AR")


# Where core refuses on purpose what libphonenumber accepts: it drops one or two stray
# letters (only three or more are read off the keypad), which would store a different
# number than the one meant when a letter stands for a digit ("555 O123").
KNOWN_DIFFERENCES = {
    "(415) 555-0123 x": "a lone letter after the number is refused, not dropped",
    "+1 415 555 0123 x": "a lone letter after the number is refused, not dropped",
    "415.555.0123 x": "a lone letter after the number is refused, not dropped",
    "07700 900123 x": "a lone letter after the number is refused, not dropped",
    "+44 7700 900123 x": "a lone letter after the number is refused, not dropped",
    "030 123456 x": "a lone letter after the number is refused, not dropped",
    "011 2345-6789 x": "a lone letter after the number is refused, not dropped",
}


def expected(typed, region):
    try:
        number = phonenumbers.parse(typed, region or None)
    except phonenumbers.NumberParseException:
        return "error", ""
    if not phonenumbers.is_possible_number(number):
        return "error", ""
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164, phonenumbers.normalize_digits_only(number.extension or "")


def main():
    inputs = [(base + ext, region) for (base, region), ext in itertools.product(BASES, EXTENSIONS)]
    inputs += ALPHA + list(argentine_inputs())
    for typed, region in inputs:
        e164, extension = expected(typed, region)
        why = KNOWN_DIFFERENCES.get(typed, "")
        sys.stdout.write(f"{typed}\t{region}\t{e164}\t{extension}\t{why}\n")


if __name__ == "__main__":
    main()
