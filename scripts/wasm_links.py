#!/usr/bin/env python3
"""Fails when a wasm module links a function of a crate the browser build must not carry.

Reads the module's `name` section (the function names a build keeps when it is not
stripped: cargo's wasm-release output, before wasm-bindgen and wasm-opt drop them) and
looks for functions whose path starts with one of the crates given.

    scripts/wasm_links.py MODULE.wasm regex idna url      # exit 1 if any is linked
"""
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


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    path, crates = sys.argv[1], sys.argv[2:]
    with open(path, "rb") as module:
        names = list(function_names(module.read()))
    if not names:
        raise SystemExit(f"{path} has no function names (a stripped build?): nothing to check")
    # Demangled names start with the crate path; generic instances may start with `<`.
    linked = {
        crate: [n for n in names if n.lstrip("<").startswith(crate + "::")] for crate in crates
    }
    found = {crate: hits for crate, hits in linked.items() if hits}
    for crate, hits in found.items():
        print(f"{path}: {len(hits)} function(s) of `{crate}`, e.g. {hits[0]}")
    if found:
        sys.exit(1)
    print(f"{path}: {len(names)} functions, none of {', '.join(crates)}")


if __name__ == "__main__":
    main()
