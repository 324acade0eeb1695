"""HTML → story text and metadata with trafilatura, with a fallback that cannot crash.

trafilatura (lxml) finds the main text and the page's title, date and canonical URL. Two cases
defeat it: fragments without ``<html>``/``<body>`` (it returns nothing, so they are wrapped) and
very deep nesting (libxml2 stops at depth 256 and drops the text; some paths recurse in Python).
For those the stdlib's event-driven ``html.parser`` strips tags: it keeps no tree, so no depth can
exhaust the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(
    r"</?(?:html|head|body|p|div|span|a|br|h[1-6]|article|section|table|ul|ol|li|meta|title|"
    r"script|style|header|footer|nav|main|em|strong|b|i)\b[^>]*>", re.IGNORECASE)
_DOCUMENT_TAGS = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_SNIFF_WINDOW = 4096
_MIN_TAGS = 3  # one stray "<b>" in a text file does not make it HTML


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment rather than plain text with a stray tag."""
    head = text[:_SNIFF_WINDOW]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= _MIN_TAGS


@dataclass(frozen=True)
class HtmlContent:
    """What a page yields: main text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None


class _TextCollector(HTMLParser):
    """Collects character data outside script/style; block tags become paragraph breaks."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "head"})
    _BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                         "article", "section", "header", "footer", "blockquote", "pre", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def strip_tags(html: str) -> str:
    """All visible text of ``html`` without a tree (safe for any nesting depth)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)


def _as_paragraphs(text: str) -> str:
    """trafilatura puts one block per line; a blank line between blocks keeps headlines and
    paragraphs from running into one sentence."""
    return "\n\n".join(line for line in text.split("\n") if line.strip())


def extract_html(html: str, url: str | None = None) -> HtmlContent:
    """Main text and metadata of a page; empty ``text`` when nothing readable is in it."""
    import trafilatura  # heavy import, only needed when HTML actually shows up

    source = html if _DOCUMENT_TAGS.search(html[:_SNIFF_WINDOW * 4]) else (
        f"<html><body>{html}</body></html>")
    try:
        result = trafilatura.bare_extraction(
            source, url=url, with_metadata=True, include_comments=False,
            # Only dates stated in the page's markup; no guessing from URLs or free text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        result = None  # deeply nested markup: fall through to the tree-less extraction
    if result is not None and (result.text or "").strip():
        return HtmlContent(
            text=_as_paragraphs(result.text), title=result.title or None,
            date=result.date or None, url=result.url or url, outlet=result.sitename or None,
        )
    title = result.title if result is not None else None
    return HtmlContent(text=strip_tags(html), title=title or None, url=url)
