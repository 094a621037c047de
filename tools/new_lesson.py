"""Eine neue Lektion anlegen: Seite, Skript, Eintrag in Navigation und Lernpfad.

Aufruf über make (siehe CONTRIBUTING.md):

    make lesson NAME="Faltung verstehen" TEIL=vertiefung

legt ``docs/vertiefung/faltung-verstehen.md`` und
``snippets/vertiefung/faltung-verstehen.py`` an und trägt die Seite am Ende ihres
Teils in ``mkdocs.yml`` (nav) und in den Lernpfad von ``docs/index.md`` ein.
Die Seite hat schon den Aufbau jeder Lektion und einen Codeblock, der beim Bau
läuft. Jede Stelle, die noch geschrieben werden muss, beginnt mit ✎; solange eine
davon übrig ist, scheitert ``make test`` (tests/test_lessons.py) und nennt sie.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "✎"
# Teil → Überschrift in der Navigation und im Lernpfad der Startseite
PARTS = {"grundlagen": "Grundlagen", "vertiefung": "Vertiefung", "keras": "Keras"}
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


class LessonError(ValueError):
    """Die Lektion lässt sich so nicht anlegen."""


def slugify(title: str) -> str:
    """„Faltung verstehen“ → ``faltung-verstehen`` (ASCII, wie die übrigen Seiten)."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower().translate(UMLAUTS)).strip("-")
    if not slug:
        raise LessonError(
            f"Aus dem Namen {title!r} lässt sich kein Dateiname bilden; "
            'gib einen Titel mit Buchstaben an, z. B. NAME="Faltung verstehen".'
        )
    return slug


def page_text(title: str, part: str, slug: str) -> str:
    return f"""# {title}

{MARK} Einleitung: worum es auf dieser Seite geht, in ein bis drei Sätzen.

!!! abstract "Das lernst du hier"
    - {MARK} ein Lernziel pro Punkt, so konkret, dass man es prüfen kann

!!! info "Das brauchst du vorher"
    - [Ablauf des Trainings](../grundlagen/ablauf-des-trainings.md): {MARK} was daraus
      gebraucht wird

## Ein erster Block

{MARK} Was der Block zeigt. Die Ausgabe darunter entsteht, wenn die Seite gebaut wird.

```python exec="on" result="text" source="above" title="{slug}.py"
--8<-- "snippets/{part}/{slug}.py:erster_block"
```

??? quote "Was im Quellmaterial anders war"
    {MARK} Was das Kursmaterial zu diesem Thema sagt, mit Quellenangabe – und was
    diese Seite anders macht. Nur hier wird das Quellmaterial erwähnt.

## Zusammenfassung

- {MARK} das Wichtigste in drei bis fünf Punkten

## Übungen

1. {MARK} Ein Experiment: Was ändert sich, wenn du … veränderst? Lösung in einem
   Kasten `??? success "Lösung"`, ihr Code als Abschnitt im Skript der Seite.
"""


def script_text(title: str, part: str, slug: str) -> str:
    return f'''"""{title}.

{MARK} Ein Satz, worum es im Code geht.
Seite: docs/{part}/{slug}.md
"""

# --8<-- [start:erster_block]
import numpy as np

x = np.arange(6).reshape(2, 3)  # {MARK} durch den ersten Block der Lektion ersetzen
print("Shape:", x.shape)
# --8<-- [end:erster_block]
'''


def insert_at_end_of_block(
    text: str, header: re.Pattern[str], indent: str, entry: str, missing: str
) -> str:
    """``entry`` hinter die letzte eingerückte Zeile unter der Zeile ``header``."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        raise LessonError(missing)
    end = start + 1
    while end < len(lines) and lines[end].startswith(indent):
        end += 1
    lines.insert(end, entry)
    return "".join(lines)


def add_to_nav(mkdocs_yml: str, part: str, title: str, page: str) -> str:
    """Die Seite als letzten Eintrag ihres Teils in ``nav:`` einfügen."""
    header = f"  - {PARTS[part]}:"
    return insert_at_end_of_block(
        mkdocs_yml,
        re.compile(rf"^{re.escape(header)}\s*$"),
        "      - ",
        f"      - {title}: {page}\n",
        f"In mkdocs.yml fehlt der Navigationsteil „{PARTS[part]}“ ({header!r}).",
    )


def add_to_learning_path(index_md: str, part: str, title: str, page: str) -> str:
    """Eine Zeile im Lernpfad der Startseite, am Ende der Liste des Teils."""
    return insert_at_end_of_block(
        index_md,
        re.compile(rf"^\d+\. \*\*{PARTS[part]}\*\*"),
        "    ",
        f"    - [{title}]({page}): {MARK} was die Seite gibt.\n",
        f"Im Lernpfad von docs/index.md fehlt der Punkt „**{PARTS[part]}**“.",
    )


def create_lesson(root: Path, title: str, part: str) -> list[Path]:
    """Seite und Skript anlegen, Navigation und Lernpfad ergänzen."""
    title = title.strip()
    if not title:
        raise LessonError('Der Titel fehlt: make lesson NAME="Titel der Seite" TEIL=…')
    if part not in PARTS:
        raise LessonError(
            f"Unbekannter Teil {part!r}; möglich sind: {', '.join(PARTS)}."
        )
    slug = slugify(title)
    page = root / "docs" / part / f"{slug}.md"
    script = root / "snippets" / part / f"{slug}.py"
    for path in (page, script):
        if path.exists():
            raise LessonError(
                f"{path.relative_to(root)} gibt es schon; wähle einen anderen Namen."
            )
    nav_entry = f"{part}/{slug}.md"
    mkdocs_yml = root / "mkdocs.yml"
    index_md = root / "docs" / "index.md"
    # Erst alles berechnen, dann schreiben: bei einem Fehler bleibt nichts halb da.
    new_yml = add_to_nav(mkdocs_yml.read_text(encoding="utf-8"), part, title, nav_entry)
    new_index = add_to_learning_path(
        index_md.read_text(encoding="utf-8"), part, title, nav_entry
    )
    page.parent.mkdir(parents=True, exist_ok=True)
    script.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(page_text(title, part, slug), encoding="utf-8")
    script.write_text(script_text(title, part, slug), encoding="utf-8")
    mkdocs_yml.write_text(new_yml, encoding="utf-8")
    index_md.write_text(new_index, encoding="utf-8")
    return [page, script, mkdocs_yml, index_md]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("title", help="Titel der Seite, z. B. „Faltung verstehen“")
    parser.add_argument("part", help=f"Teil des Lernpfads: {', '.join(PARTS)}")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        changed = create_lesson(args.root, args.title, args.part)
    except LessonError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 2
    for path in changed:
        print(f"angelegt/ergänzt: {path.relative_to(args.root)}")
    print(
        f"Weiter: jede Stelle mit {MARK} ausfüllen (CONTRIBUTING.md, „Eine neue "
        "Lektion“); make test nennt die, die noch fehlen."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
