"""Für Lernende geschrieben: Aufbau jeder Lektion, Reihenfolge, Schreibweisen, Sprache.

- Jede Lektion sagt, was man lernt und was man vorher braucht, und endet mit
  Zusammenfassung und Übungen.
- Was das Quellmaterial anders machte, steht in genau einem Kasten; außerhalb
  davon erwähnt der Text das Quellmaterial nicht.
- Ein Begriff, den eine spätere Seite des Lernpfads erklärt, ist verlinkt.
- Formeln verwenden nur Zeichen, die die Seite „Schreibweisen“ nennt.
- Jedes Keras-Rezept zeigt seine Ausgabe.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from tests.paths import DOCS, ROOT

BOX_TITLE = "Was im Quellmaterial anders war"
NOT_LESSONS = {"index.md", "grundlagen/glossar.md", "grundlagen/schreibweisen.md"}
SOURCE_WORDS = re.compile(
    r"Quellmaterial|Spickzettel|Original|Chollet|Rashid|DataCamp|cheat ?sheet",
    re.IGNORECASE,
)
BUILD_WORDS = re.compile(
    r"bei jedem Bau|beim Bau(?:en)? der Seite|\bTests?\b|getestet|\bCI\b|OpenBLAS|"
    r"\bFLOPs?\b|bit-?exakt|Prozessorkern|unseren? Messungen",
    re.IGNORECASE,
)
GREEK = {
    "alpha", "beta", "gamma", "Gamma", "delta", "Delta", "epsilon", "varepsilon",
    "zeta", "eta", "theta", "Theta", "vartheta", "iota", "kappa", "lambda", "Lambda",
    "mu", "nu", "xi", "Xi", "pi", "Pi", "rho", "varrho", "sigma", "Sigma", "tau",
    "upsilon", "phi", "Phi", "varphi", "chi", "psi", "Psi", "omega", "Omega", "nabla",
}  # fmt: skip


class _Loader(yaml.SafeLoader):
    """mkdocs.yml lesen, auch mit ``!ENV``."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def learning_path() -> list[str]:
    """Seiten in der Reihenfolge der Navigation (relativ zu docs/)."""
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _Loader)["nav"]
    order: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                order.append(value)

    walk(nav)
    return order


PATH = learning_path()
LESSONS = [p for p in PATH if p not in NOT_LESSONS]


def raw_text(page: str) -> str:
    """Markdown einer Seite; beim Notebook die Markdown-Zellen."""
    path = DOCS / page
    if path.suffix == ".ipynb":
        notebook = nbformat.read(path, as_version=4)
        return "\n\n".join(
            c.source for c in notebook.cells if c.cell_type == "markdown"
        )
    return path.read_text(encoding="utf-8")


def without_code(text: str) -> str:
    text = re.sub(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", "", text, flags=re.S | re.M)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return re.sub(r"`[^`\n]+`", "", text)


def split_source_box(text: str) -> tuple[str, list[str]]:
    """(Text ohne Kasten, Inhalte der Kästen „Was im Quellmaterial anders war“)."""
    boxes: list[str] = []
    # Markdown: ??? quote "…" mit eingerücktem Inhalt
    pattern = re.compile(
        rf'^\?\?\?\+? \w+ "{BOX_TITLE}"[ \t]*\n((?:[ \t]+.*\n|[ \t]*\n)*)', re.M
    )
    for match in pattern.finditer(text + "\n"):
        boxes.append(match.group(1))
    text = pattern.sub("", text + "\n")
    # Notebook: <details …><summary>…</summary> … </details>
    html = re.compile(
        rf"<details[^>]*>\s*<summary>\s*{BOX_TITLE}\s*</summary>(.*?)</details>", re.S
    )
    boxes += [m.group(1) for m in html.finditer(text)]
    return html.sub("", text), boxes


def test_learning_path_covers_every_page() -> None:
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")} | {
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.ipynb")
    }
    assert set(PATH) == pages
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in PATH[1:]:
        assert f"]({page}" in index, f"Der Lernpfad der Startseite nennt {page} nicht"


@pytest.mark.parametrize("page", LESSONS)
def test_lesson_has_goals_prerequisites_summary_and_exercises(page: str) -> None:
    text = raw_text(page)
    for heading in ("Das lernst du hier", "Das brauchst du vorher"):
        assert re.search(rf'^(?:!!! \w+ "|###? ){heading}', text, re.M), (
            f"{page}: „{heading}“ fehlt"
        )
    assert re.search(r"^## Zusammenfassung", text, re.M), f"{page}: Zusammenfassung"
    assert re.search(r"^## Übungen", text, re.M), f"{page}: Übungen fehlen"
    prerequisites = text[text.index("Das brauchst du vorher") :][:1500]
    if page != PATH[1]:  # die erste Lektion setzt nur etwas Python voraus
        assert re.search(r"\]\([^)]+\.(?:md|ipynb)", prerequisites), (
            f"{page}: „Das brauchst du vorher“ verlinkt keine frühere Seite"
        )


@pytest.mark.parametrize("page", LESSONS)
def test_source_material_only_in_its_box(page: str) -> None:
    text, boxes = split_source_box(raw_text(page))
    assert len(boxes) == 1, f"{page}: {len(boxes)} Kästen „{BOX_TITLE}“ statt einem"
    prose = without_code(text)
    found = sorted({m.group(0) for m in SOURCE_WORDS.finditer(prose)})
    assert not found, f"{page}: Quellmaterial außerhalb des Kastens erwähnt: {found}"
    zusammenfassung = text.find("## Zusammenfassung")
    assert zusammenfassung == -1 or raw_text(page).find(BOX_TITLE) < raw_text(
        page
    ).find("## Zusammenfassung"), f"{page}: Der Kasten gehört vor die Zusammenfassung"


@pytest.mark.parametrize("page", LESSONS)
def test_lesson_prose_talks_about_the_subject(page: str) -> None:
    prose = without_code(split_source_box(raw_text(page))[0])
    found = sorted({m.group(0) for m in BUILD_WORDS.finditer(prose)})
    assert not found, f"{page}: Bau- oder Testsprache im Lektionstext: {found}"


# ── Begriffe vor ihrer Erklärung ────────────────────────────────────────

GLOSSARY_ENTRY = re.compile(
    r"^(?P<term>[^\s:*][^\n]*?) \((?:engl|dt)\. [^)]*\)\n"
    r":   (?P<body>(?:.*\n)+?)(?=\n|\Z)",
    re.M,
)
EXPLAINED = re.compile(r"Erklärt in\s+\[[^\]]+\]\((?P<link>[^)#]+)")


def glossary_terms() -> dict[str, str]:
    """Begriff → Seite (relativ zu docs/), die ihn laut Glossar erklärt."""
    text = (DOCS / "grundlagen" / "glossar.md").read_text(encoding="utf-8")
    terms: dict[str, str] = {}
    for entry in GLOSSARY_ENTRY.finditer(text):
        link = EXPLAINED.search(entry["body"].replace("\n", " "))
        if link is None:
            continue
        target = (DOCS / "grundlagen" / link["link"]).resolve().relative_to(DOCS)
        for term in re.split(r" oder |, ", entry["term"]):
            terms[term.strip()] = target.as_posix()
    return terms


def test_glossary_entries_say_where_they_are_explained() -> None:
    terms = glossary_terms()
    assert len(terms) >= 40
    for term, page in terms.items():
        assert page in PATH, f"Glossar: „{term}“ verweist auf {page}, nicht im Lernpfad"


@pytest.mark.parametrize("page", PATH)
def test_terms_explained_later_are_linked(page: str) -> None:
    position = PATH.index(page)
    text = without_code(split_source_box(raw_text(page))[0])
    # Überschriften und Link-Texte selbst zählen nicht als Verwendung
    links = set(re.findall(r"\]\(([^)#\s]+)", text))
    prose = re.sub(r"\[[^\]]*\]\([^)]*\)", "", text)
    missing = []
    for term, explained in glossary_terms().items():
        later = explained in PATH and PATH.index(explained) > position
        if not later or page in NOT_LESSONS:
            continue
        # Beugungen zählen (Tensoren), Zusammensetzungen wie TensorFlow nicht
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![A-Z])", prose):
            target = Path(explained).name
            if not any(link.endswith((target, "glossar.md")) for link in links):
                missing.append(f"{term} (erklärt in {explained})")
    assert not missing, f"{page} verwendet vor ihrer Erklärung: {missing}"


# ── Schreibweisen ───────────────────────────────────────────────────────

MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$([^$\n]+?)\$", re.S)


def formula_symbols(tex: str) -> set[str]:
    """Zeichen einer Formel: lateinische Buchstaben und griechische Befehle."""
    tex = re.sub(r"\\(?:text|mathrm|operatorname|texttt|mbox)\{[^}]*\}", " ", tex)
    symbols = {f"\\{name}" for name in re.findall(r"\\([A-Za-z]+)", tex)} & {
        f"\\{g}" for g in GREEK
    }
    plain = re.sub(r"\\[A-Za-z]+", " ", tex)
    # In Indizes zählt jeder Buchstabe (w_{ij}); sonst sind Wörter Funktionsnamen.
    for index in re.findall(r"[_^]\{([^{}]*)\}", plain):
        symbols |= set(re.findall(r"[A-Za-z]", index))
    plain = re.sub(r"[_^]\{[^{}]*\}", " ", plain)
    symbols |= set(re.findall(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])", plain))
    return symbols


def allowed_symbols() -> set[str]:
    text = (DOCS / "grundlagen" / "schreibweisen.md").read_text(encoding="utf-8")
    allowed: set[str] = set()
    for row in re.findall(r"^\| (.+?) \|", text, re.M):
        for match in MATH.finditer(row):
            allowed |= formula_symbols(match.group(1) or match.group(2))
    return allowed


def test_schreibweisen_lists_the_basic_symbols() -> None:
    allowed = allowed_symbols()
    assert {"x", "w", "b", "u", "o", "y", "L", "\\eta", "\\delta", "e"} <= allowed


@pytest.mark.parametrize(
    "page", [p for p in PATH if p != "grundlagen/schreibweisen.md"]
)
def test_formulas_use_only_listed_symbols(page: str) -> None:
    allowed = allowed_symbols()
    unknown: dict[str, str] = {}
    # Der Kasten zum Quellmaterial darf dessen alte Zeichen nennen (E, O_j …).
    text = without_code(split_source_box(raw_text(page))[0])
    for match in MATH.finditer(text):
        tex = match.group(1) or match.group(2)
        for symbol in formula_symbols(tex) - allowed:
            unknown.setdefault(symbol, tex.strip()[:60])
    assert not unknown, (
        f"{page}: Zeichen, die „Schreibweisen“ nicht nennt: "
        + "; ".join(f"{s} in ${t}$" for s, t in sorted(unknown.items()))
    )


# ── Keras-Rezepte zeigen ihre Ausgabe ───────────────────────────────────

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})python(?P<info>[^\n]*)\n", re.M)


@pytest.mark.parametrize("page", [p for p in PATH if p.startswith("keras/")])
def test_every_recipe_shows_its_output(page: str) -> None:
    text = raw_text(page)
    silent = []
    for match in FENCE.finditer(text):
        info = match["info"]
        if re.search(r'exec="on"', info) and re.search(r'result="|html="1"', info):
            continue
        end = text.index(match["indent"] + match["fence"], match.end())
        after = text[end : end + 400]
        if "<!--pytest-codeblocks:expected-output-->" not in after:
            include = re.search(r'--8<-- "[^"]+:([\w-]+)"', text[match.end() : end])
            silent.append(include.group(1) if include else info.strip())
    assert not silent, f"{page}: Rezepte ohne gezeigte Ausgabe: {silent}"


# ── Keine Vorlage bleibt stehen ─────────────────────────────────────────


def test_no_template_text_left() -> None:
    """``make lesson`` markiert, was noch zu schreiben ist, mit ✎."""
    files = [DOCS / page for page in PATH] + sorted((ROOT / "snippets").rglob("*.py"))
    left = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:70]}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if "✎" in line
    ]
    assert not left, "Noch nicht ausgefüllte Stellen der Vorlage:\n" + "\n".join(left)
