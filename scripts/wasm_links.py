#!/usr/bin/env python3
"""Fails when a wasm module links a function of a crate the browser build must not carry.

Reads the module's `name` section (the function names a build keeps when it is not
stripped: cargo's wasm-release output, before wasm-bindgen and wasm-opt drop them) and
looks for functions whose path starts with one of the crates given.

    scripts/wasm_links.py MODULE.wasm regex idna url      # exit 1 if any is linked
    scripts/wasm_links.py MODULE.wasm --expect validator serde_wasm_bindgen -- regex idna
                                                          # and exit 1 if an expected one is not
"""
import re
import sys


def leb128(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def function_names(data):
    if data[:4] != b"\0asm":
        raise SystemExit(f"not a wasm module")
    pos = 8
    while pos < len(data):
        section, pos = data[pos], pos + 1
        size, pos = leb128(data, pos)
        end = pos + size
        if section == 0:
            name_len, at = leb128(data, pos)
            if data[at:at + name_len] == b"name":
                at += name_len
                while at < end:
                    kind, at = data[at], at + 1
                    length, at = leb128(data, at)
                    if kind == 1:  # function names: vec(index, name)
                        count, p = leb128(data, at)
                        for _ in range(count):
                            _, p = leb128(data, p)
                            n, p = leb128(data, p)
                            yield data[p:p + n].decode("utf-8", "replace")
                            p += n
                    at += length
        pos = end


def crate_of(name):
    """The crate a function is defined in (for `<T as Trait>::f`, T's crate), from a Rust
    legacy-mangled (`_ZN5regex4...`) or demangled (`regex::...`) name; None if not Rust."""
    legacy = re.match(r"_ZN(\d+)", name)
    if legacy:
        length = int(legacy.group(1))
        first = name[legacy.end():legacy.end() + length]
        if "$LT$" in first:  # `_$LT$crate..path..Type$u20$as$u20$Trait$GT$`
            first = first.split("$LT$", 1)[1]
            return re.split(r"\.\.|\$", first, maxsplit=1)[0] or None
        return first
    plain = re.match(r"<?([A-Za-z_][A-Za-z0-9_]*)::", name)
    return plain.group(1) if plain else None


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    path, args = args[0], args[1:]
    expected = []
    if args[:1] == ["--expect"]:
        split = args.index("--") if "--" in args else len(args)
        expected, args = args[1:split], args[split + 1:]
    forbidden = args
    with open(path, "rb") as module:
        names = list(function_names(module.read()))
    if not names:
        raise SystemExit(f"{path} has no function names (a stripped build?): nothing to check")
    by_crate = {}
    for name in names:
        by_crate.setdefault(crate_of(name), []).append(name)
    failed = False
    for crate in forbidden:
        hits = by_crate.get(crate, [])
        if hits:
            print(f"{path}: links {len(hits)} function(s) of `{crate}`, e.g. {hits[0]}")
            failed = True
    for crate in expected:
        hits = by_crate.get(crate, [])
        if hits:
            print(f"{path}: links {len(hits)} function(s) of `{crate}`, as it should")
        else:
            print(f"{path}: links nothing of `{crate}`, which it should use")
            failed = True
    if failed:
        sys.exit(1)
    print(f"{path}: {len(names)} functions, none of {', '.join(forbidden)}")


if __name__ == "__main__":
    main()
