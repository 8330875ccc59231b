"""Convert the field's event-coding dictionaries into newsgraph knowledge files.

Why this exists: PETRARCH2's CAMEO verb patterns, the Phoenix actor, agent
and discard dictionaries, and the official CAMEO->PLOVER table hold decades of
coders' work. newsgraph reads a compact, reproducible conversion of them
(shipped in the package with their licences) instead of re-typing words.

    python scripts/convert_knowledge.py [../shared/knowledge] [--out newsgraph/knowledge/data]

Writes (all sorted, so that the same input gives byte-identical output):

- ``petrarch_verbs.json`` (MIT): verb synonym blocks with each verb's CAMEO
  code, multi-word verbs, the context-word patterns that tell one sense from
  another (code ``---`` = not an event), and the synonym sets they use.
- ``phoenix_actors.tsv`` (MIT): ``phrase<TAB>CODE@start-end;...`` for every
  country, international and non-state actor name (dates as YYYYMMDD, empty
  side = open).
- ``phoenix_agents.tsv`` (MIT): ``phrase<TAB>code`` for role and sector words.
- ``phoenix_discards.txt`` (MIT): phrases that mark a sentence as no event.
- ``cameo_plover.tsv`` (CC BY-SA 4.0): ``CAMEO code<TAB>PLOVER type<TAB>mode``.
- ``LICENSE-PETRARCH2.txt``, ``LICENSE-PLOVER.txt``: licences and attribution.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

VERBS = "petrarch2/CAMEO.verbpatterns.150430.txt"
ACTORS = ("petrarch2/Phoenix.Countries.actors.txt", "petrarch2/Phoenix.International.actors.txt",
          "petrarch2/Phoenix.MilNonState.actors.txt")
AGENTS = "petrarch2/Phoenix.agents.txt"
DISCARDS = "petrarch2/Phoenix.discards.txt"
TABLE = "plover/CAMEO2PLOVER-2021.txt"

_CODE = re.compile(r"\[([^\]]*)\]")
_PLOVER_NOTICE = """Derived from the CAMEO to PLOVER conversion table of the PLOVER manual
(Draft 0.8, 17 September 2021; openeventdata/PLOVER, commit
5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f, file CAMEO2PLOVER-2021.txt),
edited by Philip Schrodt. Licensed under Creative Commons Attribution-ShareAlike
4.0 International (CC BY-SA 4.0), https://creativecommons.org/licenses/by-sa/4.0/.
newsgraph's file cameo_plover.tsv is an adaptation (comments dropped, codes and
modes normalised; CAMEO 02 "appeal" added as REQUEST, as the PLOVER manual
codes appeals; ACCUSE with mode "investigate" written as newsgraph's
INVESTIGATE type) and is shared under the same licence.
"""
_PETRARCH_NOTICE = """The files petrarch_verbs.json, phoenix_actors.tsv, phoenix_agents.tsv and
phoenix_discards.txt are converted by scripts/convert_knowledge.py from the
PETRARCH2 dictionaries (openeventdata/petrarch2, commit
676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries):
CAMEO.verbpatterns.150430.txt, Phoenix.Countries.actors.txt,
Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt,
Phoenix.agents.txt, Phoenix.discards.txt. Their licence follows.

"""


def _strip_comment(line: str) -> str:
    """The line without its ``#`` comment and surrounding blanks."""
    return line.split("#", 1)[0].strip()


def _words(phrase: str) -> str:
    """A dictionary phrase (``UN_SECRETARY_GENERAL_``) as lower-case words."""
    phrase = phrase.replace("_", " ").replace("+", " ").lower()
    return " ".join(phrase.split())


# ----- verbs ------------------------------------------------------------------------
def _first_code(text: str) -> str:
    """The first code of a ``[a:b]`` bracket (the event code; the second is a reciprocal's)."""
    return text.split(":")[0].strip()


def _pattern_words(text: str) -> list[str]:
    """The context words of one side of a pattern (markers and brackets dropped)."""
    out = []
    for raw in re.split(r"[\s_]+", text):
        word = raw.strip("{}()").lower()
        if not word or word in ("+", "$", "^", "%", "*"):
            continue
        word = word.lstrip("+$^%")
        if word and (word[0] == "&" or re.search(r"[a-z]", word)):
            out.append(word)
    return out


def convert_verbs(path: Path) -> dict:
    """Blocks, verbs, patterns and synonym sets of the CAMEO verb pattern file."""
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    current_set = None
    in_verbs = False
    block = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        line = _strip_comment(raw)
        if not line:
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.rstrip("_").lower()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(_words(line.rstrip("_")))
            continue
        if line.startswith("---"):
            name = line.strip("- ").split("[")[0].strip()
            found = _CODE.search(line)
            block = {"name": name, "code": _first_code(found.group(1)) if found else "---",
                     "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None or line.startswith("~"):
            continue
        if line.startswith("-"):
            body = line[1:]
            found = _CODE.search(body)
            if not found or "*" not in body:
                continue
            text = body[:found.start()]
            before, _, after = text.partition("*")
            pattern = [_pattern_words(before), _pattern_words(after), _first_code(found.group(1))]
            if pattern[0] or pattern[1]:
                block["patterns"].append(pattern)
            continue
        found = _CODE.search(line)
        code = _first_code(found.group(1)) if found else ""
        head = re.sub(r"\{[^}]*\}", "", line[:found.start()] if found else line).strip()
        if not head or " " in head.strip():
            head = head.split()[0] if head else ""
        if not head:
            continue
        parts = [p for p in head.split("_") if p]
        if len(parts) == 1:
            verb, rest_before, rest_after = parts[0].lstrip("+"), [], []
        else:
            marked = [i for i, p in enumerate(parts) if p.startswith("+")] or [0]
            at = marked[0]
            verb = parts[at].lstrip("+")
            rest_before = [p.lower() for p in parts[:at]]
            rest_after = [p.lower() for p in parts[at + 1:]]
        block["verbs"].append([verb.lower(), rest_before, rest_after, code])
    for block in blocks:
        block["verbs"].sort()
        block["patterns"].sort(key=lambda p: (-(len(p[0]) + len(p[1])), p))
    return {"synsets": {k: sorted(set(v)) for k, v in sorted(synsets.items())},
            "blocks": blocks}


# ----- actors and agents --------------------------------------------------------------
def _date(text: str, pivot: int) -> str:
    """A Phoenix date (YYMMDD or YYYYMMDD) as YYYYMMDD; '' when unreadable."""
    text = text.strip()
    if len(text) == 8 and text.isdigit():
        return text
    if len(text) == 6 and text.isdigit():
        year = int(text[:2])
        century = 2000 if year <= pivot else 1900
        return f"{century + year}{text[2:]}"
    return ""


def _code_range(text: str, pivot: int) -> str | None:
    """``CODE@start-end`` from a Phoenix bracket (``AFGGOV >100201``, ``ALBGOV 530801-821122``)."""
    parts = text.split()
    if not parts or not re.fullmatch(r"[A-Z~][A-Z~]*", parts[0]):
        return None
    code, start, end = parts[0], "", ""
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = _date(span[1:], pivot)
        elif span.startswith("<"):
            end = _date(span[1:], pivot)
        elif "-" in span:
            a, _, b = span.partition("-")
            start, end = _date(a, pivot), _date(b, pivot)
    return f"{code}@{start}-{end}"


def convert_actors(paths: list[Path], pivot: int = 30) -> dict[str, list[str]]:
    """Every actor phrase -> its codes with date ranges, across the actor files."""
    table: dict[str, list[str]] = {}

    def flush(names: list[str], codes: list[str]) -> None:
        for name in names:
            if name and codes:
                bucket = table.setdefault(name, [])
                bucket.extend(c for c in codes if c not in bucket)

    for path in paths:
        names: list[str] = []
        codes: list[str] = []
        gap = True    # a blank line since the last headword: a code-less record ends there
        closed = False
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = _strip_comment(raw)
            if not line:
                gap = gap or not raw.strip()
                continue
            if raw[:1] in ("\t", " ") and line.startswith("["):
                for found in _CODE.finditer(line):
                    code = _code_range(found.group(1), pivot)
                    if code:
                        codes.append(code)
                continue
            if line.startswith("+"):
                names.append(_words(_CODE.sub("", line)))
                continue
            # Phoenix often lists a person's spellings as bare headwords in one run
            # ("BORIS_YELTSIN_" / "BORIS_N._YELTSIN" / "YELTSIN" then the dated
            # codes): a code-less record directly followed by another headword
            # shares that record's codes instead of being dropped.
            # A headword with a bracket of its own ("INDIAN_OCEAN [---]", a null
            # code) or a label ("Source: ...") is not such a spelling.
            carried = names if names and not codes and not gap and not closed else []
            flush(names, codes)
            names, codes, gap = [*carried, _words(_CODE.sub("", line))], [], False
            closed = "[" in line or ":" in line
            for found in _CODE.finditer(line):
                code = _code_range(found.group(1), pivot)
                if code:
                    codes.append(code)
        flush(names, codes)
    return {k: v for k, v in sorted(table.items()) if len(k) > 1}


def convert_agents(path: Path) -> dict[str, str]:
    """Role and sector phrases -> their agent codes (``~GOVFRM``, ``NGM~``)."""
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip_comment(raw)
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            key, _, values = line.partition("=")
            subs[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        found = _CODE.search(line.replace("}", "]"))
        if not found:
            continue
        code = found.group(1).strip()
        head = line[:line.index("[")]
        plurals = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        phrases = [head] + [p for group in plurals for p in group.split()]
        for phrase in phrases:
            variants = [phrase]
            for key, values in subs.items():
                if key in phrase:
                    variants = [v.replace(key, value) for v in variants for value in values]
            for variant in variants:
                words = _words(variant.replace("!", ""))
                if words and words not in out:
                    out[words] = code
    return dict(sorted(out.items()))


def convert_discards(path: Path) -> list[str]:
    """The discard phrases, lower case, without comments, years and duplicates."""
    out = set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip_comment(raw).lstrip("+").strip()
        if line and not line.isdigit():
            out.add(" ".join(line.replace("_", " ").lower().split()))
    return sorted(out)


def convert_table(path: Path) -> list[tuple[str, str, str]]:
    """(CAMEO code, PLOVER type, mode) rows of the official table, plus appeals (02)."""
    rows: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip_comment(raw)
        if not line or ":" not in line or not line[0].isdigit():
            continue
        code, _, rest = line.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        kind = fields[0].upper()
        mode = fields[1].replace(" ", "") if len(fields) > 1 else ""
        if kind == "ACCUSE" and mode == "investigate":
            kind, mode = "INVESTIGATE", ""      # newsgraph codes investigations as their own type
        if code.strip() not in rows:
            rows[code.strip()] = (code.strip(), kind, mode)
    for code in ("02", "020", "021", "022", "023", "024", "025", "026", "027", "028"):
        rows.setdefault(code, (code, "REQUEST", ""))   # appeals: PLOVER REQUEST
    return [rows[k] for k in sorted(rows)]


def convert(source: Path, out: Path) -> list[Path]:
    """Write every converted file from ``source`` (shared/knowledge) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def write(name: str, text: str) -> None:
        target = out / name
        target.write_text(text, encoding="utf-8")
        written.append(target)

    verbs = convert_verbs(source / VERBS)
    write("petrarch_verbs.json", json.dumps(verbs, separators=(",", ":"), sort_keys=True) + "\n")
    actors = convert_actors([source / p for p in ACTORS])
    write("phoenix_actors.tsv", "".join(f"{k}\t{';'.join(v)}\n" for k, v in actors.items()))
    agents = convert_agents(source / AGENTS)
    write("phoenix_agents.tsv", "".join(f"{k}\t{v}\n" for k, v in agents.items()))
    write("phoenix_discards.txt", "".join(f"{d}\n" for d in convert_discards(source / DISCARDS)))
    table = convert_table(source / TABLE)
    write("cameo_plover.tsv", "# CC BY-SA 4.0: see LICENSE-PLOVER.txt\n"
          + "".join(f"{c}\t{t}\t{m}\n" for c, t, m in table))
    write("LICENSE-PLOVER.txt", _PLOVER_NOTICE)
    write("LICENSE-PETRARCH2.txt", _PETRARCH_NOTICE + (source / "petrarch2/LICENSE").read_text(encoding="utf-8"))
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: convert ``source`` into ``--out`` and list the files written."""
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default=str(here.parent / "shared" / "knowledge"))
    parser.add_argument("--out", default=str(here / "newsgraph" / "knowledge" / "data"))
    opts = parser.parse_args(argv)
    source = Path(opts.source)
    if not (source / VERBS).is_file():
        print(f"{source}: no {VERBS} here (give the shared/knowledge folder)", file=sys.stderr)
        return 2
    for path in convert(source, Path(opts.out)):
        print(f"{path}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
