"""Die Seite als Ganzes: strenger Bau, jeder Python-Block geprüft, nichts von außen."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import LIBRARY_EXCERPT, expand_snippets, extract_blocks
from tests.conftest import offline_env
from tests.paths import DOCS, ROOT
from tests.test_lessons import BOX_TITLE
from tests.test_one_source import excerpt_problems

PAGES = sorted(DOCS.rglob("*.md"))
NOTEBOOKS = sorted(
    p for p in DOCS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
)

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
PYTHON_LANGS = {"python", "py", "python3", "py3", "pycon", "ipython", "ipython3", "pyi"}
SHELL_LANGS = {"bash", "sh", "shell", "zsh", "shell-session"}
ALLOWED_HTML_LANGS = {"python", "text", "console", "yaml", "toml", "json"}
# Häufige deutsche Funktionswörter: grober Beleg, dass ein Text deutsch ist.
GERMAN_WORDS = re.compile(
    r"\b(der|die|das|den|dem|des|ein|eine|einer|eines|und|bei|mit|von|für)\b",
    re.IGNORECASE,
)
GLOSSARY_TERMS = ("Sample", "Label", "Feature")


def rel(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


class Fence(NamedTuple):
    language: str
    info: str
    code: str


def fences(markdown: str) -> list[Fence]:
    """Jede Fence mit Sprache, Info und Inhalt – unabhängig von pytest-codeblocks."""
    found: list[Fence] = []
    open_fence, indent, body, language, info = None, 0, [], "", ""
    for line in markdown.split("\n"):
        match = FENCE.match(line)
        if open_fence is None:
            if match:
                open_fence, indent = match["fence"], len(match["indent"])
                info = match["info"].strip()
                language = info.lstrip("{").lstrip(".").split(" ")[0].split("}")[0]
                body = []
            continue
        closing = (
            match
            and match["fence"][0] == open_fence[0]
            and len(match["fence"]) >= len(open_fence)
            and not match["info"].strip()
        )
        if closing:
            found.append(Fence(language.lower(), info, "\n".join(body)))
            open_fence = None
        else:
            stripped = len(line) - len(line.lstrip(" "))
            body.append(line[min(indent, stripped) :])
    return found


def without_blank_lines(code: str) -> str:
    return "\n".join(line for line in code.split("\n") if line.strip())


def fence_languages(markdown: str) -> list[str]:
    return [fence.language for fence in fences(markdown)]


def is_exec(info: str) -> bool:
    """Läuft der Block beim Bauen (markdown-exec)?"""
    return re.search(r'\bexec="(?:on|1|true|yes)"', info) is not None


def built_page(site: Path, page: Path) -> Path:
    """HTML-Datei einer Seite (gehostete Seite: Verzeichnis-URLs, a/b.md → a/b/)."""
    relative = page.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        return site / relative.parent / "index.html"
    return site / relative / "index.html"


def built_pages(site: Path) -> list[Path]:
    return sorted(
        p
        for p in site.rglob("*.html")
        if "assets" not in p.parts and p.name != "404.html"
    )


def soup_of(html: Path) -> BeautifulSoup:
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def is_german(text: str) -> bool:
    return bool(GERMAN_WORDS.search(text) or re.search("[äöüß]", text))


def test_strict_build_has_no_warnings(site_build) -> None:
    assert site_build.returncode == 0, site_build.log[-5000:]
    warnings = re.findall(r"^(?:WARNING|ERROR)\s+-.*$", site_build.log, re.MULTILINE)
    assert not warnings, "\n".join(warnings)


def test_codeblocks_plugin_collects_docs(pytestconfig: pytest.Config) -> None:
    # Ohne diese beiden Einstellungen liefen die Seiten-Blöcke gar nicht.
    assert pytestconfig.getoption("codeblocks")
    assert "docs" in pytestconfig.getini("testpaths")


def runners_of_blocks(page: Path) -> list[tuple[Fence, list[str]]]:
    """Jeder Python-Block einer Seite mit den Läufern, die ihn ausführen.

    Läufer: der strenge Bau (``exec="on"``) oder pytest-codeblocks (alle übrigen).
    Bibliotheks-Auszüge zählen nicht mit: Sie beweisen die Einheitstests, die die
    gezeigte Funktion aufrufen (``excerpt_problems``).
    """
    raw = LIBRARY_EXCERPT.sub("", page.read_text(encoding="utf-8"))
    # pytest-codeblocks verliert in eingerückten Blöcken (Admonitions) Leerzeilen.
    by_codeblocks = [
        without_blank_lines(b.code)
        for b in extract_blocks(page)
        if b.syntax == "python"
    ]
    found = []
    for fence in fences(expand_snippets(raw)):
        if fence.language not in PYTHON_LANGS:
            continue
        code = without_blank_lines(fence.code)
        # Auch mit <!--pytest-codeblocks:cont--> angehängte Blöcke zählen.
        in_codeblocks = any(code in block for block in by_codeblocks)
        runs = {"Bau": is_exec(fence.info), "pytest-codeblocks": in_codeblocks}
        found.append((fence, [name for name, yes in runs.items() if yes]))
    return found


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_every_python_block_runs_exactly_once(page: Path) -> None:
    """Jeder Python-Block hat genau einen Läufer – keiner keinen, keiner zwei."""
    raw = page.read_text(encoding="utf-8")
    assert "pytest-codeblocks:skip" not in raw and "pytest.mark.skip" not in raw
    for excerpt in LIBRARY_EXCERPT.finditer(raw):
        assert not excerpt_problems(excerpt["path"], excerpt["name"]), excerpt[0]
    languages = fence_languages(expand_snippets(LIBRARY_EXCERPT.sub("", raw)))
    shell = [lang for lang in languages if lang in SHELL_LANGS]
    assert not shell, "Befehle für Lesende gehören in ```console-Blöcke"
    for fence, runners in runners_of_blocks(page):
        assert len(runners) == 1, (
            f"Läufer {runners or 'keiner'} für ```{fence.info}\n{fence.code[:300]}\n"
            "(```py, ``` python oder {.python} überspringt pytest-codeblocks)"
        )


@pytest.mark.parametrize(
    ("fence", "expected"),
    [
        ('```python exec="on" source="above"', ["Bau"]),
        ('```python title="x.py"', ["pytest-codeblocks"]),
        ("```py", []),
        ("``` python", []),
        ("```{.python}", []),
    ],
)
def test_runner_check_sees_each_kind(tmp_path: Path, fence: str, expected) -> None:
    """Die Prüfung oben erkennt jeden Läufer – und einen Block ohne Läufer."""
    page = tmp_path / "seite.md"
    page.write_text(f"# Seite\n\n{fence}\nprint(6 * 7)\n```\n", encoding="utf-8")
    [(_, runners)] = runners_of_blocks(page)
    assert runners == expected


BROKEN = "x = 1\nprint(x / 0)\n"


def test_a_broken_build_block_fails_the_strict_build(tmp_path: Path) -> None:
    """Ein kaputter ``exec="on"``-Block lässt den Bau scheitern (er ist sein Läufer)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(
        f'# Probe\n\n```python exec="on"\n{BROKEN}```\n', encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Probe\nmarkdown_extensions: [pymdownx.superfences]\n"
        "plugins: [markdown-exec]\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        env={**offline_env(), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "ZeroDivisionError" in proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "block",
    [
        f"```python\n{BROKEN}```\n",
        "```python\nprint(6 * 7)\n```\n\n<!--pytest-codeblocks:expected-output-->\n\n"
        '```text title="Ausgabe"\n43\n```\n',
    ],
    ids=["Fehler", "falsche Ausgabe"],
)
def test_a_broken_plain_block_fails_codeblocks(tmp_path: Path, block: str) -> None:
    """Ein kaputter Block ohne ``exec`` lässt pytest-codeblocks scheitern."""
    page = tmp_path / "seite.md"
    page.write_text(f"# Probe\n\n{block}", encoding="utf-8")
    options = ["-q", "-p", "no:cacheprovider", "-p", "conftest", "-c", "pyproject.toml"]
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", *options, str(page)],
        cwd=ROOT,
        env={**offline_env(), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stdout[-2000:]
    assert "1 failed" in proc.stdout


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_continued_blocks_continue_a_block_of_the_same_runner(page: Path) -> None:
    """<!--pytest-codeblocks:cont--> hängt an den vorigen Block, den pytest ausführt.

    Stünde davor ein Block, den der Bau ausführt, hinge der Block still an einem
    anderen Vorgänger.
    """
    previous: str | None = None
    lines = LIBRARY_EXCERPT.sub("", page.read_text(encoding="utf-8")).split("\n")
    for number, line in enumerate(lines):
        fence = FENCE.match(line)
        if not (fence and fence["info"].strip().startswith("python")):
            continue
        runner = "Bau" if is_exec(fence["info"]) else "pytest"
        before = "\n".join(lines[max(0, number - 3) : number])
        if "pytest-codeblocks:cont" in before and runner == "pytest":
            assert previous == "pytest", (
                f"{rel(page)}, Zeile {number + 1}: setzt einen Block fort, den der Bau "
                'ausführt – dann dieselbe session="…" und exec="on" verwenden'
            )
        previous = runner


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_rendered_code_matches_executed_code(built_site: Path, page: Path) -> None:
    html_text = built_page(built_site, page).read_text(encoding="utf-8")
    soup = BeautifulSoup(html_text, "html.parser")
    # „Code selbst ausführen“ und die Klon-Befehle kommen vom Bau, nicht aus der Seite.
    for box in soup.select(".nnv-installieren, .nnv-klonen"):
        box.decompose()
    html = str(soup)
    rendered = re.findall(r'<div class="(?:language-([\w-]+) )?highlight">', html)
    found = fences(expand_snippets(page.read_text(encoding="utf-8")))
    hidden = [f.info for f in found if is_exec(f.info) and "source=" not in f.info]
    assert not hidden, f"Beim Bauen ausgeführter Code muss sichtbar sein: {hidden}"
    # Jeder gezeigte Codeblock ist eine Fence, die wir oben eingeordnet haben
    # (markdown-exec zeigt mit result="…" die Ausgabe als weiteren Block) …
    outputs = sum(is_exec(f.info) and "result=" in f.info for f in found)
    assert len(rendered) == len(found) + outputs, "Codeblock ohne Fence (eingerückt?)"
    unexpected = sorted(set(rendered) - ALLOWED_HTML_LANGS)
    assert not unexpected, f"Codeblöcke mit Sprache {unexpected} auf der Seite"
    # … und nur Python-Fences (deren Ausführung oben geprüft ist) sind Python.
    assert rendered.count("python") == sum(f.language == "python" for f in found)


class _ResourceCollector(HTMLParser):
    """Adressen, die der Browser beim Laden selbst anfragt (src, Stylesheets …)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("src"):
            self.urls.append(values["src"] or "")
        if tag == "link" and values.get("rel") in {"stylesheet", "preload", "icon"}:
            self.urls.append(values.get("href") or "")


def test_no_resources_from_other_hosts(built_site: Path) -> None:
    """Kein Verweis im gebauten HTML und CSS auf fremde Rechner – auch dort, wo der
    Browser nichts lädt (404-Seite, Icons, CSS-Regeln, die gerade nicht greifen).
    Anfragen, die erst Skripte stellen, prüft tests/browser/test_loading.py."""
    offenders = []
    for html in sorted(built_site.rglob("*.html")):
        collector = _ResourceCollector()
        collector.feed(html.read_text(encoding="utf-8"))
        offenders += [
            f"{html.relative_to(built_site)}: {url}"
            for url in collector.urls
            if urlparse(url).netloc or url.startswith("//")
        ]
    for css in sorted(built_site.rglob("*.css")):
        urls = re.findall(
            r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")
        )
        offenders += [f"{css.relative_to(built_site)}: url(//…)"] * len(urls)
    assert not offenders, "\n".join(offenders)


# Wortformen, die sich nicht durch Abschneiden einer Endung auf den Eintrag zurückführen
IRREGULAR_FORMS = {
    "Matrizen": "Matrix",
    "Kanäle": "Kanal",
    "verdeckten Schichten": "verdeckte Schicht",
}


def test_glossary_tooltips_name_glossary_terms() -> None:
    terms = re.findall(
        r"^\*\[(.+?)\]: (.+)$",
        (ROOT / "includes/abbreviations.md").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert len(terms) >= 36
    glossary = (DOCS / "grundlagen/glossar.md").read_text(encoding="utf-8")
    entries = {
        name
        for names in re.findall(r"^(\S[^\n]*?) \((?:engl|dt)\.", glossary, re.MULTILINE)
        for name in names.split(" oder ")
    }
    for term, text in terms:
        # Plural → Eintrag im Singular (Samples → Sample, Epochen → Epoche …)
        forms = {IRREGULAR_FORMS.get(term, term)}
        forms |= {term.removesuffix(end) for end in ("e", "n", "en", "s", "es")}
        assert forms & entries, f"Tooltip „{term}“ hat keinen Glossareintrag"
        assert re.search(r"\((?:engl|dt)\. [^)]+\)\.?$", text), (
            f"„{term}“: Übersetzung?"
        )


def test_every_page_says_what_it_was_tested_with(built_site: Path) -> None:
    import platform
    from importlib.metadata import version

    expected = (
        f"Getestet mit Python {platform.python_version()}, "
        f"TensorFlow {version('tensorflow')}, Keras {version('keras')} "
        f"und NumPy {version('numpy')}"
    )
    pages = built_pages(built_site)
    assert len(pages) >= len(PAGES)
    for html in pages:
        text = re.sub(r"\s+", " ", html.read_text(encoding="utf-8"))
        assert expected in text, f"{html.relative_to(built_site)}: „Getestet mit“ fehlt"
        assert re.search(r"der Code dieser Seite lief am \d\d\.\d\d\.\d{4}", text)


def test_lessons_offer_their_snippets_for_download(built_site: Path) -> None:
    offered = 0
    for page in PAGES:
        snippet = ROOT / "snippets" / page.relative_to(DOCS).with_suffix(".py")
        html = built_page(built_site, page).read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)" title="Skript herunterladen"', html)
        if not snippet.exists():
            assert not links
            continue
        assert len(links) == 1, f"{rel(page)}: Download-Knopf für {snippet.name} fehlt"
        target = (built_page(built_site, page).parent / links[0]).resolve()
        # Ohne Abschnittsmarken und Bau-Zeilen, sonst dasselbe Skript
        code = [
            line
            for line in snippet.read_text(encoding="utf-8").split("\n")
            if "markdown-exec: hide" not in line and "# --8<-- [" not in line
        ]
        downloaded = target.read_text(encoding="utf-8")
        assert [line for line in code if line.strip()] == [
            line for line in downloaded.split("\n") if line.strip()
        ]
        offered += 1
    assert offered >= 1


def test_each_glossary_tooltip_appears_once_per_page(built_site: Path) -> None:
    """Nur das erste Vorkommen eines Begriffs trägt den Tooltip (weniger Ablenkung)."""
    from bs4 import BeautifulSoup

    marked = 0
    for html in built_pages(built_site):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        titles = [a["title"] for a in soup.select(".md-content abbr[title]")]
        repeated = {t[:40] for t in titles if titles.count(t) > 1}
        assert not repeated, f"{html.relative_to(built_site)}: mehrfach {repeated}"
        marked += len(titles)
    assert marked >= 100, "Kaum Tooltips gefunden?"


def test_scripts_wait_for_the_page_and_scroll_areas_are_focusable(
    built_site: Path,
) -> None:
    """Kein Skript hält das Einlesen der Seite an (``defer``, Reihenfolge wie im
    Theme); scrollbare Bereiche sind schon im gebauten HTML fokussierbar."""
    from bs4 import BeautifulSoup

    scripts = focusable = 0
    for html in built_pages(built_site):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        name = html.relative_to(built_site)
        # src="" schreibt mkdocs-jupyter als leeren MathJax-Platzhalter; lädt nichts.
        for script in soup.select("script[src]:not([src=''])"):
            assert script.has_attr("defer"), f"{name}: {script['src']} ohne defer"
            scripts += 1
        order = [s["src"].rsplit("/", 1)[-1] for s in soup.select("script[src]")]
        bundle = next(i for i, src in enumerate(order) if src.startswith("bundle."))
        assert order.index("shim.js") < bundle < order.index("a11y.js"), order
        for area in soup.select(
            ".highlight-ipynb, .jp-OutputArea-output pre, div.arithmatex"
        ):
            assert area.get("tabindex") == "0", f"{name}: {str(area)[:80]}"
            focusable += 1
    assert scripts >= 3 * len(built_pages(built_site))
    assert focusable >= 50, "Kaum scrollbare Bereiche gefunden?"


def test_figures_are_files_not_embedded_data(built_site: Path) -> None:
    """Abbildungen liegen als Dateien unter assets/abbildungen (kleines HTML), mit
    Maßen, verzögert geladen und mit deutschem Alternativtext."""
    from bs4 import BeautifulSoup
    from PIL import Image

    figures = 0
    for html in built_pages(built_site):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for image in soup.select(".md-content img"):
            src = image["src"]
            assert not src.startswith("data:"), f"{html.name}: eingebettetes Bild"
            target = (html.parent / src).resolve()
            assert target.is_file(), f"{html.name}: {src} fehlt"
            assert target.parent == built_site / "assets" / "abbildungen"
            # Mit Maßen springt beim Laden nichts; geladen wird erst beim Hinscrollen.
            assert image.get("loading") == "lazy", f"{html.name}: {src} ohne lazy"
            assert image.get("width") and image.get("height"), f"{src} ohne Maße"
            alt = image.get("alt", "")
            assert is_german(alt), f"{html.name}: {src} ohne deutschen Alt-Text {alt!r}"
            if target.suffix == ".png":
                with Image.open(target) as png:  # auf ≤ 256 Farben verkleinert
                    assert png.mode in {"P", "L", "LA"}, f"{target.name}: {png.mode}"
            figures += 1
    assert figures >= 20, "Kaum Abbildungen gefunden?"


def _maths_hook():
    import importlib.util
    import sys

    path = ROOT / "includes" / "hooks" / "maths.py"
    spec = importlib.util.spec_from_file_location("nnv_hooks_maths", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    # Wie mkdocs: der Ordner des Hooks ist beim Laden im Pfad (import _common).
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def test_formulas_are_set_at_build_time_and_bad_tex_fails_clearly() -> None:
    from types import SimpleNamespace

    from bs4 import BeautifulSoup
    from mkdocs.exceptions import PluginError

    hooks = _maths_hook()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="probe.md"))
    soup = BeautifulSoup(
        '<p><span class="arithmatex">\\(a^2\\)</span></p>'
        '<div class="arithmatex">\\[\n\\frac{1}{2}\n\\]</div>',
        "html.parser",
    )
    assert hooks.render_math(soup, page) == 2
    assert soup.select_one("span.arithmatex .katex math") is not None
    assert soup.select_one("div.arithmatex .katex-display") is not None

    broken = BeautifulSoup(
        '<span class="arithmatex">\\(\\frac{a\\)</span>', "html.parser"
    )
    with pytest.raises(PluginError, match=r"probe\.md: KaTeX kann die Formel"):
        hooks.render_math(broken, page)


def test_hosted_site_has_directory_urls_and_offers_the_offline_copy(
    built_site: Path, offline_site: Path
) -> None:
    """Gehostet: a/b/ statt a/b.html, mit Zip; das Zip: .html-Links, aus dem Ordner."""
    assert (built_site / "grundlagen" / "tensoren" / "index.html").is_file()
    assert not (built_site / "grundlagen" / "tensoren.html").exists()
    start = BeautifulSoup(
        (built_site / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    links = [a["href"] for a in start.select("a[download]")]
    assert "downloads/neuronale-netze-verstehen-offline.zip" in links
    assert (offline_site / "grundlagen" / "tensoren.html").is_file()
    copy = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "Du liest gerade die Seite zum Mitnehmen" in copy
    assert ".zip" not in copy
    copy = BeautifulSoup(copy, "html.parser").get_text()
    # Auch im Zip: Wheel und Skripte, Installationsbefehl relativ zum Ordner
    assert list((offline_site / "downloads").glob("nnv_mnist_lib-*.whl"))
    assert 'python -m pip install "downloads/nnv_mnist_lib-' in copy


def test_pages_link_to_their_source_and_to_an_issue_form(built_site: Path) -> None:
    for page in PAGES:
        html = built_page(built_site, page).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        edit = soup.select_one('a[title="Seite editieren"]')
        assert edit and edit["href"].endswith(f"/edit/main/docs/{rel(page)}")
        report = soup.select_one('a[title="Fehler melden"]')
        assert report and "/issues/new?" in report["href"], rel(page)
        assert "body=Seite%3A%20http" in report["href"]


def test_notebook_links_reach_pages_and_anchors(built_site: Path) -> None:
    """Links im Notebook-Text führen auf gebaute Seiten und vorhandene Sprungmarken."""
    page = built_site / "einstieg" / "mnist-mit-keras" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    checked = 0
    for link in soup.select(".jp-MarkdownCell a[href]"):
        href = link["href"]
        if "://" in href or href.startswith(("#", "mailto:")):
            continue
        target, _, anchor = href.partition("#")
        assert not target.endswith(".md"), f"Link auf Markdown-Quelle: {href}"
        path = (page.parent / target).resolve()
        if path.is_dir():
            path = path / "index.html"
        assert path.is_file(), f"Link ins Leere: {href}"
        if anchor:
            html = path.read_text(encoding="utf-8")
            assert f'id="{anchor}"' in html, f"Sprungmarke fehlt: {href}"
        checked += 1
    assert checked >= 3


def test_every_page_has_a_heading(built_site: Path) -> None:
    for html in built_pages(built_site):
        heading = soup_of(html).select_one("h1")
        text = heading.get_text().replace("¶", "").strip() if heading else ""
        assert text, f"{html.relative_to(built_site)}: keine oder leere <h1>"


def test_every_lesson_explains_terms_with_tooltips(built_site: Path) -> None:
    """Auf jeder Markdown-Seite erklären Tooltips mindestens drei Begriffe."""
    for page in PAGES:
        soup = soup_of(built_page(built_site, page))
        terms = {a.get_text().strip() for a in soup.select(".md-content abbr[title]")}
        assert len(terms) >= 3, f"{rel(page)}: nur Tooltips für {sorted(terms)}"


def test_glossary_tooltips_are_german_explanations(built_site: Path) -> None:
    soup = soup_of(built_page(built_site, DOCS / "grundlagen" / "glossar.md"))
    titles = {
        a.get_text().strip(): a["title"] for a in soup.select(".md-content abbr[title]")
    }
    for term in GLOSSARY_TERMS:
        title = titles.get(term, "").strip()
        assert title, f"„{term}“ ist im Glossar kein <abbr> mit Titel: {sorted(titles)}"
        assert title != term and GERMAN_WORDS.search(title), (
            f"Tooltip zu „{term}“ ist keine deutsche Erklärung: {title!r}"
        )


def test_notebook_pages_offer_their_notebook(built_site: Path) -> None:
    """Jede Notebook-Seite verlinkt ihr .ipynb relativ, und es ist ein Notebook."""
    assert NOTEBOOKS, f"Keine Notebooks unter {DOCS}?"
    for source in NOTEBOOKS:
        html = built_page(built_site, source)
        soup = soup_of(html)
        assert soup.select_one(".jupyter-wrapper"), f"{rel(source)}: kein Notebook"
        links = {a["href"] for a in soup.select('a[download][href$=".ipynb"]')}
        assert links, f'{rel(source)}: kein Download-Link a[download][href$=".ipynb"]'
        for href in links:
            # page.nb_url von mkdocs-jupyter ist absolut und enthält den Pfad aus
            # site_url; unter einem Unterpfad oder offline führte er ins Leere.
            assert not urlsplit(href).scheme and not href.startswith("/"), (
                f"{rel(source)}: Download-Link nicht relativ: {href}"
            )
            target = (html.parent / href).resolve()
            assert target.is_file(), f"{rel(source)}: {href} fehlt im Bau"
            notebook = json.loads(target.read_text(encoding="utf-8"))
            assert isinstance(notebook, dict) and notebook.get("cells"), href


def test_formulas_are_set_at_build_time_with_mathml(built_site: Path) -> None:
    """Jede Formel ist schon im HTML gesetzt (mit MathML für Screenreader). KaTeX-Stil
    nur auf Seiten mit Formeln; ein KaTeX-Skript lädt keine Seite (und es liegt keins
    auf der Seite)."""
    with_math = 0
    for html in built_pages(built_site):
        soup = soup_of(html)
        name = html.relative_to(built_site)
        formulas = soup.select(".arithmatex")
        for formula in formulas:
            tex = formula.get_text().strip()[:80]
            assert formula.select_one(".katex"), f"{name}: nicht gesetzt: {tex}"
            assert formula.select_one("math"), f"{name}: ohne MathML: {tex}"
        errors = [e.get("title") or e.get_text() for e in soup.select(".katex-error")]
        assert not errors, f"{name}: KaTeX-Fehler {errors}"
        stylesheet = soup.select_one('link[href$="katex.min.css"]') is not None
        script = soup.select_one('script[src$="katex.min.js"]') is not None
        assert not script, f"{name}: KaTeX-Skript, obwohl der Bau schon setzt"
        assert stylesheet == bool(formulas), f"{name}: KaTeX-Stil ohne Formeln"
        with_math += bool(formulas)
    assert with_math >= 5, "Kaum Seiten mit Formeln gefunden?"
    assert not list(built_site.rglob("katex*.js")), "KaTeX-Skript mit ausgeliefert"


# ── Ein Begriff, ein Wort ───────────────────────────────────────────────

AVOIDED = re.compile(r"\*\*(?P<term>[^*]+)\*\* \(nicht (?P<avoid>[^)]+)\)")
# Seiten, die die vermiedenen Wörter absichtlich nennen
NAMES_SYNONYMS = {"grundlagen/glossar.md", "grundlagen/schreibweisen.md"}


def avoided_words() -> dict[str, str]:
    """Wort → Begriff, den „Schreibweisen“ stattdessen verwendet.

    Einträge mit Bedingung („nicht Fehler, wenn L gemeint ist“) hängen vom Sinn ab
    und bleiben dem Lektorat.
    """
    text = (DOCS / "grundlagen" / "schreibweisen.md").read_text(encoding="utf-8")
    words: dict[str, str] = {}
    for match in AVOIDED.finditer(re.sub(r"\s+", " ", text)):
        if "wenn" not in match["avoid"]:
            for word in match["avoid"].split(" oder "):
                words[word.strip()] = match["term"]
    return words


def avoided_in(soup: BeautifulSoup) -> list[str]:
    """Vermiedene Wörter im Lektionstext, in Alt-Texten und Ausgaben, ohne Code.

    Nicht gezählt: der Kasten zum Quellmaterial, Übersetzungen „(engl. …)“ und
    Wörter in „…“, die über das Wort selbst sprechen.
    """
    content = soup.select_one(".md-content") or soup
    for box in content.select("details"):
        summary = box.select_one("summary")
        if summary and BOX_TITLE in summary.get_text():
            box.decompose()
    for code in content.select("code, pre, script, style"):
        code.decompose()
    labels = [
        element.get(attr, "")
        for attr in ("alt", "aria-label")
        for element in content.select(f"[{attr}]")
    ]
    text = " ".join([content.get_text(" "), *labels])
    text = re.sub(r"\((?:engl|dt)\.[^)]*\)|„[^“]*“", " ", text)
    found = []
    for word, term in avoided_words().items():
        # Nomen groß oder als Wortende (Eingabepixel); das Verb „stapeln“ zählt nicht
        pattern = rf"\w*{re.escape(word)}\w*|\w+{re.escape(word.lower())}\w*"
        for hit in re.finditer(pattern, text):
            found.append(f"{hit.group(0)} (statt {term})")
    return found


def test_schreibweisen_names_the_words_we_avoid() -> None:
    words = avoided_words()
    assert {"Pixel", "Stapel", "Merkmal", "versteckte Schicht"} <= words.keys()
    planted = BeautifulSoup(
        '<div class="md-content"><p>Ein Pixelbild, im Stapel (engl. <em>batch</em>)'
        " – man liest auch „versteckte Schicht“. Wir stapeln Bilder.</p>"
        '<img alt="ein Merkmal je Eingabepixel">'
        "<pre><code>pixels = 1</code></pre></div>",
        "html.parser",
    )
    assert sorted(avoided_in(planted)) == [
        "Eingabepixel (statt Bildpunkt)",
        "Merkmal (statt Feature)",
        "Pixelbild (statt Bildpunkt)",
        "Stapel (statt Batch)",
    ]


def test_one_word_per_term(built_site: Path) -> None:
    found = {}
    for page in [*PAGES, *NOTEBOOKS]:
        if rel(page) not in NAMES_SYNONYMS:
            hits = avoided_in(soup_of(built_page(built_site, page)))
            if hits:
                found[rel(page)] = sorted(set(hits))
    assert not found, f"Wörter, die „Schreibweisen“ vermeidet: {found}"
