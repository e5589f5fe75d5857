#!/usr/bin/env python3
"""Localizer keys of TechMarket.Web that have no English entry yet, and a merge for their translations.

The Chinese UI text is the resource key; src/TechMarket.Web/Resources/SharedResource.en.resx holds the English.

    python3 tools/i18n-keys.py                  # missing keys as a JSON object {"key": ""}, ready to fill in
    python3 tools/i18n-keys.py > todo.json      # ... fill in the values, then:
    python3 tools/i18n-keys.py --add todo.json  # merge into the resx (sorted, XML-escaped; empty values skipped)
    python3 tools/i18n-keys.py --check          # exit 1 when keys are missing (what LocalizationTests asserts)
    python3 tools/i18n-keys.py --unused         # resx entries no scanned code uses (a hint, not an error)
    python3 tools/i18n-keys.py --sort           # after a merge: re-sort the resx, one entry per key (the later one wins)

What counts as a key (tests/TechMarket.Web.Tests/LocalizationTests.cs scans the same way; change both together):
  * T["..."] / @T["..."] in views and t["..."] where a parameter is an IStringLocalizer named t;
  * string literals an index expression can evaluate to: T[cond ? "a" : "b"], t[x switch { A => "a", ... }];
  * [Display(Name = "...")], which the data-annotations localizer looks up in the same resource;
  * for an index with no literal in it (T[Model.Title], T[label]), every Chinese literal in that file and its
    companion (.cshtml <-> .cshtml.cs): that is where Areas' `Known` and Create's `types` live.
Bilingual literals ("中文 / English", the validation messages) are not keys and are skipped.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "src" / "TechMarket.Web"
RESX = WEB / "Resources" / "SharedResource.en.resx"

STRING = r'"((?:[^"\\\n]|\\.)*)"'
INDEX_START = re.compile(r'(?<![\w.])([Tt])\[')
LEADING_LITERAL = re.compile(r'\s*' + STRING + r'\s*(?:,|$)', re.S)
RESULT_LITERAL = re.compile(r'(?:\?|:|=>)\s*' + STRING)
DISPLAY_NAME = re.compile(r'\[Display\(\s*Name\s*=\s*' + STRING)
ANY_LITERAL = re.compile(r'(?<![\w$])@?' + STRING)
LOWER_T_IS_LOCALIZER = re.compile(r'IStringLocalizer(?:<[^>]*>)?\s+t\b')
CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')


def unescape(literal: str) -> str:
    return re.sub(r'\\(["\\])', r'\1', literal)


def is_bilingual(text: str) -> bool:
    """'请输入邮箱 / E-mail is required.': the English is already there, so it is no localizer key."""
    parts = text.split("/")
    return len(parts) > 1 and CJK.search(text) is not None and CJK.search(parts[-1]) is None and re.search(r'[A-Za-z]', parts[-1]) is not None


def index_expression(text: str, start: int) -> str:
    """Text between T[ and its matching ], skipping brackets inside string literals."""
    depth, i = 1, start
    while i < len(text) and depth:
        c = text[i]
        if c == '"':
            m = re.compile(STRING).match(text, i)
            i = m.end() if m else i + 1
            continue
        depth += {"[": 1, "]": -1}.get(c, 0)
        i += 1
    return text[start:i - 1]


def top_level_first_argument(expr: str) -> str:
    depth, i = 0, 0
    while i < len(expr):
        c = expr[i]
        if c == '"':
            m = re.compile(STRING).match(expr, i)
            i = m.end() if m else i + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            return expr[:i]
        i += 1
    return expr


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def source_files() -> list[Path]:
    return sorted(p for p in WEB.rglob("*") if p.suffix in (".cshtml", ".cs") and not ({"bin", "obj"} & set(p.relative_to(WEB).parts)))


def companion(path: Path) -> Path | None:
    if path.name.endswith(".cshtml.cs"):
        other = path.with_name(path.name[:-3])
    elif path.suffix == ".cshtml":
        other = path.with_name(path.name + ".cs")
    else:
        return None
    return other if other.exists() else None


def scan() -> tuple[dict[str, list[str]], list[str]]:
    """Keys (each with the places that use it) and the places that index with a computed key."""
    keys: dict[str, list[str]] = {}
    dynamic: list[str] = []

    def add(key: str, where: str) -> None:
        keys.setdefault(key, []).append(where)

    for path in source_files():
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT).as_posix()
        lower_ok = path.suffix == ".cs" and LOWER_T_IS_LOCALIZER.search(text) is not None
        for m in INDEX_START.finditer(text):
            if m.group(1) == "t" and not lower_ok:
                continue
            where = f"{rel}:{line_of(text, m.start())}"
            expr = top_level_first_argument(index_expression(text, m.end()))
            leading = LEADING_LITERAL.match(expr)
            if leading:
                add(unescape(leading.group(1)), where)
                continue
            results = RESULT_LITERAL.findall(expr)
            for literal in results:
                add(unescape(literal), where)
            if not results:
                dynamic.append(f"{where}: {m.group(1)}[{expr.strip()}]")
                for source in filter(None, (path, companion(path))):
                    for literal in ANY_LITERAL.findall(source.read_text(encoding="utf-8")):
                        value = unescape(literal)
                        if CJK.search(value) and not is_bilingual(value):
                            add(value, f"{source.relative_to(ROOT).as_posix()} (for {where})")
        for m in DISPLAY_NAME.finditer(text):
            add(unescape(m.group(1)), f"{rel}:{line_of(text, m.start())}")
    return keys, dynamic


def read_resx() -> dict[str, tuple[str, str | None]]:
    entries: dict[str, tuple[str, str | None]] = {}
    for data in ET.parse(RESX).getroot().iter("data"):
        comment = data.find("comment")
        entries[data.get("name", "")] = (data.findtext("value") or "", None if comment is None else comment.text or "")
    return entries


def write_resx(entries: dict[str, tuple[str, str | None]]) -> None:
    text = RESX.read_text(encoding="utf-8")
    first, last = text.find("  <data "), text.rfind("</data>")
    head = text[:first] if first >= 0 else text[:text.rfind("</root>")]
    tail = text[last + len("</data>"):].lstrip("\r\n") if last >= 0 else "</root>\n"
    lines = []
    for name in sorted(entries):
        value, comment = entries[name]
        extra = "" if comment is None else f"<comment>{escape(comment)}</comment>"
        lines.append(f'  <data name="{escape(name, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(value)}</value>{extra}</data>\n')
    RESX.write_text(head + "".join(lines) + tail, encoding="utf-8", newline="\n")


def add_translations(path: Path) -> int:
    incoming = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(incoming, dict):
        sys.exit(f"{path}: expected a JSON object {{\"中文\": \"English\"}}")
    entries = read_resx()
    added = updated = skipped = 0
    for key, value in incoming.items():
        if not isinstance(value, str) or not value.strip():
            skipped += 1
            continue
        placeholders = sorted(set(re.findall(r'\{\d+[^}]*\}', key)))
        if placeholders != sorted(set(re.findall(r'\{\d+[^}]*\}', value))):
            sys.exit(f"{key!r}: the English must keep the placeholders {placeholders}, got {value!r}")
        if key not in entries:
            added += 1
        elif entries[key][0] != value:
            updated += 1
        else:
            continue
        entries[key] = (value, entries.get(key, ("", None))[1])
    write_resx(entries)
    print(f"{RESX.relative_to(ROOT).as_posix()}: {added} added, {updated} updated, {skipped} empty skipped, {len(entries)} entries", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--add", metavar="FILE.json", type=Path, help="merge {\"中文\": \"English\"} translations into the resx")
    parser.add_argument("--check", action="store_true", help="exit 1 when keys are missing")
    parser.add_argument("--sort", action="store_true", help="rewrite the resx sorted, one entry per key")
    parser.add_argument("--unused", action="store_true", help="list resx keys that no scanned code uses")
    parser.add_argument("-v", "--verbose", action="store_true", help="also say where each missing key is used")
    args = parser.parse_args()

    if args.add:
        return add_translations(args.add)
    if args.sort:
        entries = read_resx()
        write_resx(entries)
        print(f"{RESX.relative_to(ROOT).as_posix()}: {len(entries)} entries, sorted", file=sys.stderr)
        return 0

    keys, dynamic = scan()
    translated = read_resx()
    if args.unused:
        print(json.dumps({k: translated[k][0] for k in sorted(translated) if k not in keys}, ensure_ascii=False, indent=2))
        return 0
    missing = {k: "" for k in sorted(keys) if k not in translated}
    for site in dynamic:
        print(f"computed key, resolved from the Chinese literals of its file: {site}", file=sys.stderr)
    if args.verbose:
        for k in missing:
            print(f"{k}  <-  {', '.join(keys[k])}", file=sys.stderr)
    print(f"{len(keys)} keys, {len(missing)} missing from {RESX.relative_to(ROOT).as_posix()}", file=sys.stderr)
    print(json.dumps(missing, ensure_ascii=False, indent=2))
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
