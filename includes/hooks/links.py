"""Links: auf das Repository und aus dem Notebook-Text auf andere Seiten.

- Die Adresse des Repositorys steht nur in ``pyproject.toml``
  (``[project.urls]``); von dort kommen ``repo_url``, „Seite bearbeiten“,
  „Fehler melden“ und „In Colab öffnen“. ``REPO_URL`` überschreibt sie (der
  Pages-Workflow prüft, dass beide übereinstimmen).
- Links aus Notebook-Text auf ``.md``-Seiten zeigen auf die gebaute Seite.
"""

from __future__ import annotations

import os
import posixpath
import tomllib
from typing import Any
from urllib.parse import quote, urlparse

from _common import ROOT, is_notebook, page_html, page_soup
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url


def repository_url() -> str:
    if os.environ.get("REPO_URL"):
        return os.environ["REPO_URL"]
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["urls"]["Repository"]


def on_config(config: Any) -> Any:
    repo = repository_url().rstrip("/")
    config.repo_url = repo
    config.repo_name = urlparse(repo).path.strip("/")
    config.edit_uri = "edit/main/docs/"
    return config


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    if not is_notebook(page):
        return html
    soup = page_soup(html)
    link_notebook_pages(soup, page, files)
    return page_html(soup)


def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    page.meta["issue_url"] = issue_url(config, page)
    repo = urlparse(config.repo_url)
    if is_notebook(page) and repo.netloc == "github.com":
        page.meta["colab_url"] = (
            f"https://colab.research.google.com/github/{repo.path.strip('/')}"
            f"/blob/main/docs/{page.file.src_uri}"
        )
    return context


def issue_url(config: Any, page: Any) -> str:
    """Neues GitHub-Issue mit der Adresse der Seite im Text."""
    address = (config.site_url or "") + (page.url or "")
    title = quote(f"Fehler auf der Seite „{page.title}“")
    body = quote(f"Seite: {address}\n\nWas ist falsch, und was hast du erwartet?\n")
    return f"{config.repo_url}/issues/new?title={title}&body={body}"


def link_notebook_pages(soup: BeautifulSoup, page: Any, files: Files) -> None:
    """Links aus Notebook-Text auf ``.md``-Seiten in Adressen der Seite umschreiben.

    mkdocs-jupyter übernimmt Markdown-Links unverändert; ``../a/b.md#x`` führte
    auf der Seite ins Leere. Unbekannte Ziele lassen den Bau scheitern, wie es
    ``mkdocs build --strict`` bei Markdown-Seiten tut.
    """
    base = posixpath.dirname(page.file.src_uri)
    for link in soup.select("a[href]"):
        href = link["href"]
        target, _, anchor = href.partition("#")
        if "://" in target or not target.endswith(".md"):
            continue
        src = posixpath.normpath(posixpath.join(base, target))
        file = files.get_file_from_path(src)
        if file is None:
            raise PluginError(
                f"{page.file.src_uri}: Der Link {href} zeigt auf keine Seite ({src})."
            )
        url = get_relative_url(file.url, page.url or ".")
        link["href"] = f"{url}#{anchor}" if anchor else url
