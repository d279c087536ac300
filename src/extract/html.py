"""Reduce a saved web page to its article: headline, byline and date on top, then the body."""
from __future__ import annotations

import re
from datetime import date

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document, use_config
from trafilatura.utils import load_html

from extract.reader import ArticleError

MIN_ARTICLE_CHARS = 100
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "MIN_OUTPUT_SIZE", str(MIN_ARTICLE_CHARS))

# Short blocks opening with one of these labels tease other articles (ANNOTATION.md section 1).
_TEASER_LABEL = re.compile(
    r"\W*(?:(?:à|a)\s+)?lire\s+(?:aussi|également)|voir\s+aussi|related\s+articles"
    r"|articles\s+similaires|les\s+plus\s+lus|sur\s+le\s+même\s+sujet",
    re.IGNORECASE,
)
_TEASER_MAX_CHARS = 300
_TEASER_TAGS = ("aside", "section", "div", "ul", "li", "p", "h2", "h3", "h4")


def html_to_text(html: str, source: str) -> str:
    """The article of a web page as plain text, or ArticleError when the page holds none."""
    tree = load_html(html)
    if tree is None:
        raise ArticleError(f"{source}: not an HTML page")
    _drop_teasers(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_CONFIG,
    )
    body = _body_lines(document)
    if not body:
        raise ArticleError(
            f"{source}: no article text found in this page (at least {MIN_ARTICLE_CHARS} characters "
            f"of body are needed); copy the article's text into a .txt file instead"
        )
    return "\n".join([*_header_lines(document), "", *body])


def _drop_teasers(tree: HtmlElement) -> None:
    """Remove short blocks that open with a teaser label (« À lire aussi : … »)."""
    for element in list(tree.iter(*_TEASER_TAGS)):
        text = " ".join(element.text_content().split())
        if len(text) <= _TEASER_MAX_CHARS and _TEASER_LABEL.match(text):
            element.drop_tree()


def _body_lines(document: Document | None) -> list[str]:
    """The body's non-blank lines, without a first line that repeats the headline."""
    if document is None or not document.text:
        return []
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    if lines and document.title and lines[0] == document.title.strip():
        lines = lines[1:]
    return lines


def _header_lines(document: Document) -> list[str]:
    """Headline, byline (``Par <author> | <outlet>``), ``Publié le DD/MM/YYYY`` and ``Source : <url>``
    (the page's canonical or ``og:url`` address), where known."""
    byline = " | ".join(
        part for part in (document.author and f"Par {document.author}", document.sitename) if part
    )
    dateline = document.date and f"Publié le {date.fromisoformat(document.date):%d/%m/%Y}"
    source = document.url and f"Source : {document.url}"
    return [line for line in (document.title, byline, dateline, source) if line]
