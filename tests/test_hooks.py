"""Die Hooks des Baus (includes/hooks/): ein Modul je Anliegen, ein geprüfter Adapter.

``plugin_patches.py`` greift in private Funktionen von markdown-exec und
mkdocs-jupyter ein. Diese Tests lassen ein Ziel auf dem echten Modul
verschwinden oder schieben eine andere Signatur unter und prüfen die Meldung –
im Hook und in einem echten ``mkdocs build``. Mit den installierten Versionen
muss alles passen.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path
from types import ModuleType, SimpleNamespace

import markdown_exec._internal.formatters.python as mx_python
import mkdocs_jupyter.plugin as jupyter_plugin
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from tests.conftest import offline_env
from tests.paths import DOCS, ROOT

HOOKS = ROOT / "includes" / "hooks"
NOTEBOOK = DOCS / "einstieg" / "mnist-mit-keras.ipynb"


def load_hook(name: str) -> ModuleType:
    """Ein Hook, geladen wie von mkdocs: sein Ordner ist dabei im Importpfad."""
    path = HOOKS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"nnv_hook_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses brauchen das Modul dort
    sys.path.insert(0, str(HOOKS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOKS))
    return module


@pytest.fixture(scope="module")
def patches() -> ModuleType:
    return load_hook("plugin_patches")


@pytest.fixture(scope="module")
def site_config() -> Iterator[MkDocsConfig]:
    """Die echte Konfiguration der Seite (mit ihren Plugins und Hooks)."""
    yield load_config(str(ROOT / "mkdocs.yml"))


def constraint_version(plugin: str) -> str:
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    match = re.search(rf"^{plugin}==(\S+)", constraints, re.MULTILINE)
    assert match, f"{plugin} fehlt in constraints.txt"
    return match.group(1)


# ── Ein Modul je Anliegen ──


def test_every_hook_module_is_listed_once_with_a_comment() -> None:
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("hooks:")
    listed: list[str] = []
    for before, line in zip(lines[start:], lines[start + 1 :], strict=False):
        if not line.startswith("  "):
            break
        if line.strip().startswith("- "):
            assert before.strip().startswith("#"), f"Kommentar fehlt über {line}"
            listed.append(line.strip()[2:])
    modules = sorted(
        f"includes/hooks/{path.name}"
        for path in HOOKS.glob("*.py")
        if not path.name.startswith("_")
    )
    assert sorted(listed) == modules
    assert len(listed) == len(set(listed))
    assert listed[0] == "includes/hooks/plugin_patches.py"  # prüft vor allen anderen


# ── Adapter: Eingriffe in andere Plugins ──


def test_installed_plugins_fit_every_patch(
    patches: ModuleType, site_config: MkDocsConfig
) -> None:
    assert {"markdown-exec", "mkdocs-jupyter"} <= set(site_config.plugins)
    for target in patches.TARGETS:
        assert patches.problem(target) is None, target.qualname
    assert patches.on_config(site_config) is site_config


def test_missing_function_stops_the_build_with_a_german_message(
    patches: ModuleType, site_config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(mx_python, "_run_python")
    with pytest.raises(PluginError) as error:
        patches.on_config(site_config)
    message = str(error.value)
    assert (
        f"- markdown-exec {version('markdown-exec')}: "
        "markdown_exec._internal.formatters.python._run_python gibt es nicht mehr "
        "(gebraucht für: Ausgaben von Codeblöcken aus dem Ausführungs-Cache)."
    ) in message
    assert (
        f"Getestet ist der Bau mit markdown-exec {constraint_version('markdown-exec')}."
        in (message)
    )
    assert 'python -m pip install -c constraints.txt -e ".[test]"' in message
    assert "includes/hooks/plugin_patches.py an die neue Version anpassen" in message
    assert "mkdocs-jupyter" not in message  # nur, was wirklich nicht passt


def test_changed_signature_stops_the_build(
    patches: ModuleType, site_config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    def _compute_cache_key(nb_path: str, config: object) -> str:
        return "neu"

    monkeypatch.setattr(jupyter_plugin, "_compute_cache_key", _compute_cache_key)
    with pytest.raises(PluginError) as error:
        patches.on_config(site_config)
    message = str(error.value)
    assert (
        f"- mkdocs-jupyter {version('mkdocs-jupyter')}: "
        "mkdocs_jupyter.plugin._compute_cache_key hat die Parameter "
        "(nb_path, config), erwartet waren (nb_path, config, exec_nb)"
    ) in message
    assert f"mkdocs-jupyter {constraint_version('mkdocs-jupyter')}." in message


def test_other_kinds_of_change_are_named(
    patches: ModuleType, site_config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mx_python, "_sessions_globals", [])
    monkeypatch.delitem(site_config.plugins["mkdocs-jupyter"].config, "cache_dir")
    with pytest.raises(PluginError) as error:
        patches.on_config(site_config)
    message = str(error.value)
    assert "_sessions_globals ist ein list, erwartet war ein dict" in message
    assert "die Einstellung „cache_dir“ gibt es nicht mehr" in message


def test_a_patch_refuses_a_changed_target_and_leaves_it_alone(
    patches: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    def _compute_cache_key(path: str, options: object, execute: bool) -> str:
        return "neu"

    monkeypatch.setattr(jupyter_plugin, "_compute_cache_key", _compute_cache_key)
    with pytest.raises(PluginError, match="hat die Parameter"):
        patches.extend_notebook_cache_key(lambda nb_path, base: base)
    assert jupyter_plugin._compute_cache_key is _compute_cache_key


def test_patches_wrap_the_real_functions_once(
    patches: ModuleType, site_config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wie bei ``mkdocs serve``: jeder Bau ersetzt neu, das Original bleibt innen."""
    run_python = mx_python._run_python
    cache_key = jupyter_plugin._compute_cache_key
    # Nach dem Test die Originale zurück
    monkeypatch.setattr(mx_python, "_run_python", run_python)
    monkeypatch.setattr(jupyter_plugin, "_compute_cache_key", cache_key)

    seen: list[str] = []

    def runner(
        original: Callable[..., str], code: str, session: str | None, kwargs: dict
    ) -> str:
        seen.append(code)
        return original(code, session=session, **kwargs)

    patches.route_python_blocks(runner)
    patches.route_python_blocks(runner)
    assert mx_python._run_python.__wrapped__ is run_python
    assert mx_python._run_python("print(6 * 7)") == "42\n"
    assert mx_python._run_python("wert = 5", session="probe") == ""
    assert seen == ["print(6 * 7)", "wert = 5"]
    assert patches.problem(patches.RUN_PYTHON) is None  # Signatur des Originals
    patches.reset_sessions()
    assert "probe" not in mx_python._sessions_globals

    options = site_config.plugins["mkdocs-jupyter"].config
    patches.extend_notebook_cache_key(lambda nb_path, base: f"{base}+umgebung")
    patches.extend_notebook_cache_key(lambda nb_path, base: f"{base}+umgebung")
    key = jupyter_plugin._compute_cache_key(str(NOTEBOOK), options, True)
    assert key == cache_key(str(NOTEBOOK), options, True) + "+umgebung"


ADAPTER_PROBE = """\
site_name: Adapter-Probe
theme: mkdocs
markdown_extensions: [pymdownx.superfences]
plugins:
  - markdown-exec
  - mkdocs-jupyter
hooks:
  - update.py
  - {adapter}
"""

# Tut, was ein Update von mkdocs-jupyter tun könnte: die Funktion umbenennen.
UPDATE_HOOK = """\
import mkdocs_jupyter.plugin

mkdocs_jupyter.plugin._cache_key = mkdocs_jupyter.plugin._compute_cache_key
del mkdocs_jupyter.plugin._compute_cache_key
"""


def test_real_build_stops_when_a_patched_function_is_gone(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Probe\n", encoding="utf-8")
    (tmp_path / "update.py").write_text(UPDATE_HOOK, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        ADAPTER_PROBE.format(adapter=(HOOKS / "plugin_patches.py").as_posix()),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
        cwd=tmp_path,
        env={**offline_env(), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 1, log[-3000:]
    assert (
        f"mkdocs-jupyter {version('mkdocs-jupyter')}: "
        "mkdocs_jupyter.plugin._compute_cache_key gibt es nicht mehr"
    ) in log
    assert "Aborted with a BuildError!" in log
    assert not (tmp_path / "site" / "index.html").exists()


# ── Formeln ──


def page(src_uri: str) -> SimpleNamespace:
    """So viel von einer mkdocs-Seite, wie maths.py liest."""
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta={})


def test_maths_in_notebook_text_fails_the_build_but_code_does_not() -> None:
    maths = load_hook("maths")
    notebook = page("einstieg/probe.ipynb")
    fine = (
        '<div class="jp-MarkdownCell"><p>Umgebung: <code>$HOME</code> und '
        "<code>$PATH</code>, Preis 5 $.</p></div>"
    )
    assert maths.on_page_content(fine, notebook, None, None)
    assert notebook.meta["katex_css"] is False
    for formula in (r"$a^2$", r"\(a^2\)", r"\[a^2\]"):
        html = f'<div class="jp-MarkdownCell"><p>Fläche: {formula}.</p></div>'
        with pytest.raises(
            PluginError, match=r"einstieg/probe\.ipynb: Formel im Notebook-Text"
        ):
            maths.on_page_content(html, page("einstieg/probe.ipynb"), None, None)


def test_pages_with_formulas_ask_for_the_katex_stylesheet() -> None:
    maths = load_hook("maths")
    formulas = page("probe.md")
    html = maths.on_page_content(
        '<p><span class="arithmatex">\\(a^2\\)</span></p>', formulas, None, None
    )
    assert formulas.meta["katex_css"] is True and 'class="katex"' in html
    plain = page("text.md")
    assert maths.on_page_content("<p>Text</p>", plain, None, None) == "<p>Text</p>"
    assert plain.meta["katex_css"] is False


# ── Gemeinsamer HTML-Baum ──


def test_hooks_hand_the_parsed_page_on_instead_of_parsing_again() -> None:
    common = load_hook("_common")
    soup = common.page_soup("<p>Text</p>")
    soup.p["class"] = "geändert"
    html = common.page_html(soup)
    assert html == '<p class="geändert">Text</p>'
    assert common.page_soup(html) is soup  # genau die Ausgabe des vorigen Hooks
    copy = "".join(["<p>", "Text</p>"])  # gleicher Text, anderes Objekt
    assert common.page_soup(copy) is not soup
    assert str(common.page_soup(copy)) == "<p>Text</p>"
