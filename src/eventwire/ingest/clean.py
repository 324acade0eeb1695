"""Text cleaning: the cleaned text is the stored ``Document.text`` every offset points into.

Cleaning happens once, at ingest, *before* any offset exists, so removing debris can never shift
an evidence span. Everything here is line-based and conservative: a line is dropped only when it
is clearly page furniture (share buttons, empty metadata labels, cookie banners, dot leaders),
never because it merely *mentions* such words inside a sentence.
"""

from __future__ import annotations

import re
import unicodedata

# Share/social vocabulary. A short line made *only* of these words (plus punctuation) is a row of
# share buttons ("Facebook Twitter WhatsApp", "Share this article", "Follow us on X").
_SHARE_WORDS = frozenset(
    ["share", "shares", "sharing", "this", "article", "story", "page", "post", "video", "on", "via", "with", "facebook", "twitter", "x", "whatsapp", "email", "e-mail", "mail", "print", "linkedin", "reddit", "telegram", "pinterest", "messenger", "flipboard", "copy", "link", "url", "tweet", "comments", "comment", "save", "bookmark", "follow", "us", "and", "or", "the", "our", "tumblr"]
)
# Lines that are *only* metadata labels with nothing after them ("Published: Updated:").
_EMPTY_LABELS = re.compile(
    r"^(?:(?:published|updated|last\s+updated|posted|modified|date|by|source|author|photo|"
    r"image|credit|file)\s*:?\s*)+$",
    re.IGNORECASE,
)
# Calls to action that sit between paragraphs of scraped pages.
_CALL_TO_ACTION = re.compile(
    r"^(?:click\s+here\b|subscribe\b|sign\s+up\b|advertisement\b|read\s+more\b|related\s*:|"
    r"recommended\s*:|skip\s+to\b|download\s+(?:our|the)\s+app\b|get\s+our\s+newsletter\b)",
    re.IGNORECASE,
)
_COOKIE_NOTICE = re.compile(
    r"(?:we\s+use\s+cookies|(?:this|our)\s+(?:web)?site\s+uses\s+cookies|accept\s+(?:all\s+)?"
    r"cookies|cookie\s+(?:policy|settings|preferences|consent))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'-]+")
_SPACES = re.compile(r"[^\S\n]+")  # any whitespace except newline
_BLANK_RUNS = re.compile(r"\n{3,}")
# C0/C1 control characters other than tab and newline, plus zero-width characters and BOMs.
# Lone surrogates (from JSON "\\ud800" escapes) are not text and cannot even be stored as UTF-8.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_MAX_FURNITURE_CHARS = 120  # share rows and calls to action are short; sentences can be long


def _is_debris(line: str) -> bool:
    """True for a line that is page furniture rather than story text."""
    if not any(ch.isalnum() for ch in line):
        # ". . . .", lone dots, "***", "—", bullets: dot leaders and separators of scraped
        # layouts; they would become one-character "sentences" for the parser.
        return True
    if _EMPTY_LABELS.match(line):
        # "Published: Updated:" with the values stripped by the scraper: a label with no value
        # is not text, and "Published" would otherwise look like a verb to the event coder.
        return True
    if len(line) <= _MAX_FURNITURE_CHARS:
        words = _WORD.findall(line.lower())
        if words and all(w in _SHARE_WORDS for w in words):
            # Rows of share buttons ("Share this article", "Facebook Twitter WhatsApp").
            return True
        if _CALL_TO_ACTION.match(line):
            # "Click here to subscribe", "Advertisement": calls to action, not reporting.
            return True
    # Cookie banners ("We use cookies to improve your experience…") caught by scrapers.
    return len(line) <= 4 * _MAX_FURNITURE_CHARS and _COOKIE_NOTICE.search(line) is not None


def clean_text(text: str) -> str:
    """Return ``text`` without scraped debris, with Unicode and whitespace normalised.

    Rules, in order, and why:

    * NFC normalisation: the same word must have one spelling so dictionaries and gazetteers
      match ("é" as one code point, not "e" + combining accent).
    * Every line-break style (``\\r\\n``, ``\\r``, U+2028, form feeds…) becomes ``\\n``, so
      paragraph logic below sees one kind of break.
    * Control and zero-width characters are removed: they are invisible, split tokens and
      break offsets shown to users.
    * Runs of spaces, tabs and non-breaking spaces inside a line become one space, and lines are
      stripped: layout whitespace carries no meaning in news text.
    * Debris lines are dropped (see ``_is_debris``): dot leaders (". . . ."), empty metadata
      labels ("Published: Updated:"), share-button rows, calls to action, cookie notices. They
      would otherwise become junk sentences or false event triggers.
    * Blank lines collapse to one, so paragraphs are separated by exactly ``"\\n\\n"``; single
      line breaks inside a paragraph are kept (they may be hard wraps or headlines).
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    lines = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line and _is_debris(line):
            continue
        lines.append(line)
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def clean_field(value: object) -> str | None:
    """A one-line metadata field (title, url, outlet) normalised like the text; None if empty."""
    if value is None:
        return None
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", str(value)))
    return _SPACES.sub(" ", text.replace("\n", " ")).strip() or None
