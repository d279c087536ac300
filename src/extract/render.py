"""``python -m extract render FACTS.jsonl [--gold DIR] [--corpus DIR] -o DIR``: a review site.

One self-contained HTML page per article, plus ``index.html``: the article's text with every mention
highlighted by type through displaCy's ``span`` style (spans may overlap: a city inside an
organisation's name), the normalised value (with the entity id of an organisation or person) on
hover, chrome dimmed, and the events listed with links to their evidence sentences. With ``--gold``, false positives and false negatives are marked apart
and the article's scores are shown.
"""
from __future__ import annotations

import argparse
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy import displacy

from extract.chrome import analyse
from extract.entities import Item, entity_index, resolve
from extract.facts import FACT_TYPES, Span, locate
from extract.fileio import atomic_write_text
from extract.gold import is_draft, load_gold_dir
from extract.progress import progress
from extract.records import InputError, Source, exit_status, load_sources
from extract.scoring import Tally, score_article
from extract.table import format_number

LABELS = {"organizations": "ORG", "people": "PERSON", "cities": "CITY", "amounts": "AMOUNT", "dates": "DATE",
          "counts": "COUNT"}
COLORS = {"ORG": "#7aecec", "PERSON": "#aa9cfc", "CITY": "#feca74", "AMOUNT": "#e4e7d2", "DATE": "#bfe1d9",
          "COUNT": "#c6e48b"}
FP_COLOR, FN_COLOR = "#ff5c5c", "#ff9f1a"
# Markers between tokens, replaced after rendering: a line break, chrome on and off, evidence on and off.
_BREAK, _CHROME_ON, _CHROME_OFF, _EVIDENCE_ON, _EVIDENCE_OFF = "\u2029", "\ue000", "\ue001", "\ue002", "\ue003"
_TOKEN_TEMPLATE = (
    '<span class="fact-token" style="font-weight: bold; display: inline-block; position: relative; '
    'height: {total_height}px;">{text}{span_slices}{span_starts}</span> '
)
_START_TEMPLATE = (
    '<span class="fact-start" style="background: {bg}; top: {top_offset}px; height: 4px; border-top-left-radius: 3px; '
    'border-bottom-left-radius: 3px; left: -1px; width: calc(100% + 2px); position: absolute;">'
    '<span class="fact-label" style="background: {bg}; z-index: 10; color: #000; top: -0.5em; padding: 2px 3px; '
    'position: absolute; font-size: 0.6em; font-weight: bold; line-height: 1; border-radius: 3px; white-space: nowrap">{label}{kb_link}'
    "</span></span>"
)
_SLICE_TEMPLATE = (
    '<span class="fact-slice" style="background: {bg}; top: {top_offset}px; height: 4px; left: -1px; '
    'width: calc(100% + 2px); position: absolute;"></span>'
)
_KB_LINK = re.compile(r'<a style="[^"]*" href="#fact-(\d+)">([^<]*)</a>')
STYLE = """
body { font-family: Georgia, serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; } table { border-collapse: collapse; } td, th { padding: 2px 8px; border-bottom: 1px solid #ddd; }
.meta { color: #555; } .chrome { opacity: 0.35; } .evidence:target { background: #fff3b0; }
.fact-label .fact-value { display: none; font-weight: normal; margin-left: 4px; }
.fact-label:hover .fact-value { display: inline; }
.legend span { padding: 1px 6px; margin-right: 6px; border-radius: 3px; font-size: 0.8em; }
.missed { color: #a55; }
body.index { max-width: none; } .index td { vertical-align: top; font-size: 0.9em; } .index td:nth-child(3) { white-space: nowrap; }
"""


@dataclass(frozen=True, order=True)
class Mark:
    """One highlighted mention: offsets, label, the normalised value shown on hover."""

    start: int
    end: int
    label: str
    value: str


def describe(kind: str, fact: dict) -> str:
    """A fact's normalised value, as shown on hover."""
    if kind == "amounts":
        return f"{format_number(fact['value'])} {fact['currency']} ({fact.get('qualifier') or 'exact'})"
    if kind == "counts":
        return f"{format_number(fact['value'])} {fact['unit']}"
    if kind == "dates":
        return fact["value"]
    if kind == "cities":
        return f"{fact['name']} ({fact.get('country') or '?'}, GeoNames {fact.get('geonameid') or '?'})"
    if kind == "people" and fact.get("title"):
        return f"{fact['title']} {fact['name']}"
    return fact["name"]


def _forms(kind: str, fact: dict) -> list[str]:
    if kind in ("amounts", "dates", "counts"):
        return [fact["text"]] if fact.get("text") else []
    return [fact["name"], *fact.get("aliases", [])]


def _trimmed(mark: Mark, text: str) -> Mark:
    """A mark without white space at its ends (the words it covers start and end there)."""
    said = text[mark.start : mark.end]
    start = mark.start + len(said) - len(said.lstrip())
    return Mark(start, start + len(said.strip()), mark.label, mark.value)


class Page:
    """One article's page: its marks, events and (with gold) scores."""

    def __init__(self, source: Source, gold: dict | None, entities: dict[Item, str] | None = None) -> None:
        self.source = source
        self.entities = entities or {}
        self.record = source.record
        self.text = source.text or ""
        self.chrome = analyse(self.text).chrome if self.text else []
        self.scores = score_article(self.record, gold) if gold else None
        self.missed: list[tuple[str, dict]] = []
        self.marks = self._marks()

    def _marks(self) -> list[Mark]:
        marks = []
        for kind in FACT_TYPES:
            label = LABELS[kind]
            wrong = [id(f) for f in self.scores[kind].false_positives] if self.scores else []
            for fact in self.record.get(kind, []):
                tag = f"FP {label}" if id(fact) in wrong else label
                entity = self.entities.get((self.record["id"], kind, fact.get("name")))
                value = f"{describe(kind, fact)} · {entity}" if entity else describe(kind, fact)
                marks += [Mark(s, e, tag, value) for s, e in fact.get("mentions", [])]
            for fact in self.scores[kind].false_negatives if self.scores else []:
                found = locate(self.text, _forms(kind, fact), self.chrome)
                marks += [Mark(s, e, f"FN {label}", describe(kind, fact)) for s, e in found]
                if not found:
                    self.missed.append((kind, fact))
        return sorted(_trimmed(m, self.text) for m in marks if 0 <= m.start < m.end <= len(self.text)
                      and self.text[m.start : m.end].strip())

    def tokens(self) -> tuple[list[str], list[Span | None]]:
        """Words of the text split at every mark's ends, with markers between them; each word's offsets.

        Chrome lines and evidence sentences open before their first word and close after their last.
        """
        cuts = {b for m in self.marks for b in (m.start, m.end)}
        evidence = [tuple(span) for event in self.record.get("events") or [] for span in event.get("evidence") or []]
        regions = sorted([(s, e, _CHROME_ON, _CHROME_OFF) for s, e in self.chrome]
                         + [(s, e, f"{_EVIDENCE_ON}{n}", _EVIDENCE_OFF) for n, (s, e) in enumerate(evidence)])
        tokens: list[str] = []
        offsets: list[Span | None] = []
        waiting, open_regions = list(regions), []

        def marker(value: str) -> None:
            tokens.append(value)
            offsets.append(None)

        position = 0
        for word in re.finditer(r"\S+", self.text):
            gap = self.text[position : word.start()]
            for _ in range(min(gap.count("\n"), 2)):
                marker(_BREAK)
            bounds = sorted({word.start(), word.end(), *(c for c in cuts if word.start() < c < word.end())})
            for a, b in zip(bounds, bounds[1:]):
                while waiting and waiting[0][0] <= a:
                    region = waiting.pop(0)
                    marker(region[2])
                    open_regions.append(region)
                tokens.append(self.text[a:b])
                offsets.append((a, b))
                for region in [r for r in reversed(open_regions) if r[1] <= b]:
                    marker(region[3])
                    open_regions.remove(region)
            position = word.end()
        for region in reversed(open_regions):
            marker(region[3])
        return tokens, offsets

    def text_html(self) -> str:
        """The article's text through displaCy's span renderer, markers turned into HTML."""
        tokens, offsets = self.tokens()
        index = {span[0]: i for i, span in enumerate(offsets) if span}
        ends = {span[1]: i + 1 for i, span in enumerate(offsets) if span}
        spans = [
            {"start_token": index[m.start], "end_token": ends[m.end], "label": m.label, "kb_id": html.escape(m.value),
             "kb_url": f"#fact-{n}"}
            for n, m in enumerate(self.marks)
        ]
        colors = {**COLORS, **{f"FP {k}": FP_COLOR for k in COLORS}, **{f"FN {k}": FN_COLOR for k in COLORS}}
        options = {"colors": colors, "template": {"span": _TOKEN_TEMPLATE, "slice": _SLICE_TEMPLATE,
                                                  "start": _START_TEMPLATE}}
        markup = displacy.render({"text": self.text, "tokens": tokens, "spans": spans}, style="span", manual=True,
                                 options=options)
        markup = self._tag_tokens(markup, tokens, spans)
        markup = _KB_LINK.sub(lambda m: f'<span class="fact-value" data-fact="{m.group(1)}">{m.group(2)}</span>', markup)
        markup = markup.replace(f"{_BREAK} ", "<br>\n").replace(f"{_CHROME_ON} ", '<span class="chrome">')
        markup = markup.replace(f"{_CHROME_OFF} ", "</span>").replace(_EVIDENCE_OFF, "</span>")
        return re.sub(f"{_EVIDENCE_ON}(\\d+) ", r'<span class="evidence" id="evidence-\1">', markup)

    @staticmethod
    def _tag_tokens(markup: str, tokens: list[str], spans: list[dict]) -> str:
        """Give each highlighted word the ids of the marks it belongs to (``data-facts``), so the page can be
        read back: displaCy renders the highlighted words in order, one element each."""
        covered = [
            " ".join(str(n) for n, s in enumerate(spans) if s["start_token"] <= i < s["end_token"])
            for i, token in enumerate(tokens)
        ]
        tags = iter(c for c, token in zip(covered, tokens) if c and token.strip())
        return re.sub('<span class="fact-token"', lambda _: f'<span class="fact-token" data-facts="{next(tags)}"',
                      markup)

    def events_html(self) -> str:
        events = self.record.get("events")
        if events is None:
            return "<p class='meta'>No events in this record.</p>"
        items = []
        evidence_number = 0
        for event in events:
            roles = ", ".join(f"{html.escape(k)}: {html.escape(_role(v))}" for k, v in event.get("roles", {}).items()
                              if v not in (None, []))
            links = []
            for span in event.get("evidence") or []:
                said = html.escape(self.source.said(span)[:80])
                links.append(f'<a href="#evidence-{evidence_number}">{said}…</a>')
                evidence_number += 1
            items.append(f"<li><b>{html.escape(event.get('type', '?'))}</b> "
                         f"(« {html.escape(event.get('trigger') or '')} ») — {roles}<br>{' '.join(links)}</li>")
        return f"<ol class='events'>{''.join(items)}</ol>" if items else "<p class='meta'>No events found.</p>"

    def scores_html(self) -> str:
        if self.scores is None:
            return ""
        rows = [(kind, match.tally) for kind, match in self.scores.items()]
        rows.append(("all", sum((t for _, t in rows), Tally(0, 0, 0))))
        body = "".join(f"<tr><td>{k}</td><td>{t.tp}</td><td>{t.fp}</td><td>{t.fn}</td><td>{t.precision:.2f}</td>"
                       f"<td>{t.recall:.2f}</td><td>{t.f1:.2f}</td></tr>" for k, t in rows)
        missed = "".join(f"<li>{LABELS[k]}: {html.escape(describe(k, f))}</li>" for k, f in self.missed)
        return ("<h2>Against gold</h2><table><tr><th>type</th><th>TP</th><th>FP</th><th>FN</th><th>P</th><th>R</th>"
                f"<th>F1</th></tr>{body}</table>"
                + (f"<p class='missed'>False negatives not found in the text:</p><ul>{missed}</ul>" if missed else ""))

    def micro(self) -> Tally | None:
        return sum((m.tally for m in self.scores.values()), Tally(0, 0, 0)) if self.scores else None

    def render(self) -> str:
        record = self.record
        meta = " · ".join(html.escape(str(x)) for x in (
            record.get("published"), record.get("outlet"), ", ".join(record.get("authors") or []) or None) if x)
        url = record.get("url")
        legend = "".join(f'<span style="background:{c}">{label}</span>' for label, c in COLORS.items())
        if self.scores is not None:
            legend += f'<span style="background:{FP_COLOR}">FP: false positive</span>' \
                      f'<span style="background:{FN_COLOR}">FN: false negative</span>'
        body = self.text_html() if self.text else "<p class='missed'>Article text not found (give --corpus).</p>"
        return PAGE.format(
            title=html.escape(record.get("title") or record["id"]), style=STYLE, kind="article",
            body=(f"<p><a href='index.html'>← all articles</a></p><h1>{html.escape(record.get('title') or record['id'])}</h1>"
                  f"<p class='meta'>{html.escape(record['id'])}{' · ' + meta if meta else ''}"
                  f"{f' · <a href={html.escape(url, quote=True)!r}>page</a>' if url else ''}</p>"
                  f"<p class='legend'>{legend} <span class='chrome'>chrome (dimmed)</span></p>"
                  f"{self.scores_html()}<h2>Text</h2>{body}<h2>Events</h2>{self.events_html()}"),
        )


def _role(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(_role(v) for v in value)
    if isinstance(value, dict) and "value" in value:
        return f"{format_number(value['value'])} {value.get('currency') or value.get('unit') or ''}".strip()
    return str(value)


PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title}</title><style>{style}</style></head>
<body class="{kind}">{body}</body></html>
"""


def index_html(pages: list[Page]) -> str:
    """The list of articles with their counts of facts and events and, with gold, their scores."""
    has_gold = any(p.scores is not None for p in pages)
    head = "".join(f"<th>{k}</th>" for k in ("article", "title", "published", "outlet", *FACT_TYPES, "events"))
    head += "<th>P</th><th>R</th><th>F1</th>" if has_gold else ""
    rows = []
    for page in pages:
        r = page.record
        cells = [f"<a href='{_page_name(r['id'])}'>{html.escape(r['id'])}</a>", html.escape(r.get("title") or ""),
                 html.escape(r.get("published") or ""), html.escape(r.get("outlet") or ""),
                 *(str(len(r.get(k, []))) for k in FACT_TYPES),
                 "" if r.get("events") is None else str(len(r["events"]))]
        micro = page.micro()
        if has_gold:
            cells += [f"{v:.2f}" for v in (micro.precision, micro.recall, micro.f1)] if micro else ["", "", ""]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    total = sum((p.micro() for p in pages if p.micro()), Tally(0, 0, 0))
    summary = (f"<p>Micro over articles with gold: P {total.precision:.3f}, R {total.recall:.3f}, F1 {total.f1:.3f} "
               f"(TP {total.tp}, FP {total.fp}, FN {total.fn})</p>") if has_gold else ""
    return PAGE.format(title="extract: review", style=STYLE, kind="index",
                       body=f"<h1>Articles ({len(pages)})</h1>{summary}<table><tr>{head}</tr>{''.join(rows)}</table>")


def _page_name(article_id: str) -> str:
    return re.sub(r"[^\w.-]", "_", article_id) + ".html"


def load_gold(folder: Path | None) -> dict[str, dict]:
    """Gold records by id (drafts left out), or nothing without ``--gold``."""
    if folder is None:
        return {}
    return {record["id"]: record for record in load_gold_dir(folder) if not is_draft(record)}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extract render",
        description="Write one HTML page per article with its facts highlighted, and an index page.",
    )
    parser.add_argument("facts", nargs="+", type=Path, metavar="FACTS.jsonl", help="the extractor's output")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder for the pages")
    parser.add_argument("--gold", type=Path, help="folder of gold records: mark false positives and negatives")
    parser.add_argument("--corpus", type=Path, help="folder of the articles <id>.txt (default: each record's source)")
    return parser


def main(argv: Sequence[str]) -> int:
    """Entry point of ``python -m extract render``: 0 written, 2 bad input."""
    args = build_parser().parse_args(argv)

    def write() -> str:
        gold = load_gold(args.gold)
        sources = load_sources(args.facts, args.corpus)
        if args.output.exists() and not args.output.is_dir():
            raise InputError(f"{args.output}: not a folder")
        entities = entity_index(resolve(source.record for source in sources))
        pages = [Page(source, gold.get(source.record["id"]), entities) for source in sources]
        for page in progress(pages, len(pages), unit="page"):
            atomic_write_text(args.output / _page_name(page.record["id"]), page.render())
        atomic_write_text(args.output / "index.html", index_html(pages))
        return f"wrote {len(pages)} page(s) and {args.output / 'index.html'}"

    return exit_status(write, args.output)
