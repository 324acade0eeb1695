"""Generators for the bad-input corpus (issue 9) and helpers shared by the reliability tests.

Imported by ``conftest.py`` and the test modules (pytest puts this folder on ``sys.path``).

Nothing here is a committed blob: every file is written by the tests into ``tmp_path`` from the
synthetic sentences below (our own text, not gold data). Each corpus file declares what must
come of it, input by input, so a test can check that ``documents in = coded + errored``:

* a plain text / HTML file is one input, named after the file;
* a JSONL file with N non-blank lines is N inputs (a line without an id is ``<file>:<line>``);
* a CSV file is one input per row (``<file>:<row>``), or one input when its header is unusable;
* a WARC file is one input per response/resource record (warcinfo/request records are crawl
  metadata, not stories);
* an E108 (invalid or future publication date) is a *warning*: it travels with a document that
  is still coded, so that input counts as coded.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ErrorCode
from eventwire.pipeline import Pipeline

#: Synthetic English stories, each written so the coder finds at least one event in it.
GOOD_STORIES: tuple[str, ...] = (
    "Police arrested twelve protesters in Cairo on Monday, the interior ministry said.",
    "Rebels attacked an army checkpoint near Aleppo on Tuesday, killing three soldiers.",
    "The United Nations urged both sides to respect the ceasefire in Yemen.",
    "Government forces shelled rebel positions in Idlib province overnight.",
    "Thousands of workers protested in Lagos against fuel prices on Friday.",
    "Turkey deployed troops to the Syrian border on Wednesday.",
    "Israeli aircraft bombed a warehouse in Gaza on Sunday, the army said.",
    "Kenyan police detained an opposition leader in Nairobi on Thursday.",
    "The European Union imposed sanctions on Belarus on Monday.",
    "Soldiers fired tear gas at demonstrators in Khartoum on Saturday.",
    "Pakistan expelled two Indian diplomats from Islamabad on Tuesday.",
    "Militants abducted six aid workers near Mogadishu, officials said.",
)
LATIN1_STORY = "Police arrested twelve protesters in Bogotá on Monday, officials said."
GERMAN_STORY = ("Die Polizei verhaftete am Montag in Berlin zwölf Demonstranten, teilte das "
                "Innenministerium mit. Rebellen griffen einen Armeeposten an.")
ARABIC_STORY = "اعتقلت الشرطة عشرة متظاهرين في القاهرة يوم الاثنين، حسبما قالت وزارة الداخلية."
HTML_PAGE = ("<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>"
             "Home</a></nav><article><h1>{title}</h1><p>{story}</p></article></body></html>")
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"

#: Error codes that accompany a coded document instead of replacing it.
WARNING_CODES = frozenset({ErrorCode.INVALID_DATE.value, ErrorCode.SENTENCE_TOO_LONG.value})

#: Limits for the corpus run. ``max_input_bytes`` is below the 50 MB page so that page is
#: refused from its size before it is read; the other limits are the shipped defaults.
CORPUS_LIMITS = {"max_input_bytes": 8_000_000}
HUGE_HTML_BYTES = 50_000_000
HUGE_SENTENCE_CHARS = 5_000_000
NESTING_DEPTH = 100_000


@dataclass(frozen=True)
class Expected:
    """What one input must become: a coded document (maybe with warnings) or one error."""

    id: str
    outcome: str  # "coded" | "errored"
    code: str | None = None  # the error code (errored), or the warning code (coded)
    min_events: int = 0  # > 0 for the good stories: they must really be coded
    max_events: int | None = None  # 0 for foreign-language stories (a clean no-event result)


@dataclass
class Corpus:
    """The files written under ``root`` and the expected outcome of every input in them."""

    root: Path
    expected: list[Expected] = field(default_factory=list)
    extra_args: list[str] = field(default_factory=list)  # inputs given besides ``root``

    def ids(self, outcome: str) -> set[str]:
        return {e.id for e in self.expected if e.outcome == outcome}

    def warned(self) -> set[tuple[str, str]]:
        return {(e.id, e.code) for e in self.expected if e.outcome == "coded" and e.code}

    def errored(self) -> set[tuple[str, str]]:
        return {(e.id, e.code) for e in self.expected if e.outcome == "errored"}


def _jsonl(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n"
                    for r in records)


def write_huge_html(path: Path, size: int = HUGE_HTML_BYTES) -> None:
    """A page of ``size`` bytes written in chunks (the test never holds it in memory)."""
    paragraph = f"<p>{GOOD_STORIES[0]}</p>\n".encode()
    with path.open("wb") as out:
        out.write(b"<html><head><title>Huge</title></head><body>")
        chunk = paragraph * 1000
        for _ in range(size // len(chunk) + 1):
            out.write(chunk)
        out.write(b"</body></html>")


def write_long_sentence(path: Path, chars: int = HUGE_SENTENCE_CHARS) -> None:
    """One sentence of ``chars`` characters without any punctuation or line break."""
    words = "protesters marched through the capital and police watched them "
    with path.open("w", encoding="utf-8") as out:
        out.write((words * (chars // len(words) + 1))[:chars])


def deep_html(depth: int, story: str) -> str:
    return ("<html><body>" + "<div>" * depth + f"<p>{story}</p>" + "</div>" * depth
            + "</body></html>")


def write_warc(path: Path, records: list[tuple[str, str, str, bytes, str]]) -> None:
    """A gzipped WARC: a warcinfo and a request record (not stories), then ``records`` as
    (record id, WARC type, content type, body, HTTP status or "" for a resource record)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(
            "https://news.example.org/", "request", payload=io.BytesIO(b""),
            http_headers=request))
        for number, (record_id, kind, ctype, body, status) in enumerate(records):
            uri = f"https://news.example.org/page{number}"
            headers = {"WARC-Record-ID": f"<{record_id}>"}
            if kind == "response":
                http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                   http_headers=http, warc_headers_dict=headers)
            else:
                record = writer.create_warc_record(uri, "resource", payload=io.BytesIO(body),
                                                   warc_content_type=ctype,
                                                   warc_headers_dict=headers)
            writer.write_record(record)


def build_corpus(root: Path) -> Corpus:
    """Write the whole bad-input corpus, mixed with good stories, under ``root/corpus``."""
    folder = root / "corpus"
    folder.mkdir(parents=True)
    corpus = Corpus(root=folder)
    expect = corpus.expected.append
    good = iter(GOOD_STORIES)

    def story_file(name: str, data: bytes, stem: str, **kw: object) -> None:
        (folder / name).write_bytes(data)
        expect(Expected(stem, "coded", **kw))  # type: ignore[arg-type]

    def bad_file(name: str, data: bytes, stem: str, code: ErrorCode) -> None:
        (folder / name).write_bytes(data)
        expect(Expected(stem, "errored", code.value))

    # Good stories in plain formats.
    story_file("good.txt", next(good).encode(), "good", min_events=1)
    story_file("good-page.html", HTML_PAGE.format(title="Attack", story=next(good)).encode(),
               "good-page", min_events=1)
    # Encodings: UTF-16 with a BOM, Latin-1, and one file mixing UTF-8 with Latin-1 bytes
    # (decoded as a whole by charset detection: one document, nothing dropped).
    story_file("utf16.txt", codecs.BOM_UTF16_LE + next(good).encode("utf-16-le"), "utf16",
               min_events=1)
    story_file("latin1.txt", LATIN1_STORY.encode("latin-1"), "latin1", min_events=1)
    story_file("mixed.txt", "Café owners protested in Marseille. ".encode()
               + LATIN1_STORY.encode("latin-1"), "mixed")
    # Empty, whitespace-only and binary files.
    bad_file("empty.txt", b"", "empty", ErrorCode.EMPTY_DOCUMENT)
    bad_file("blank.txt", b" \n\t\r\n  \n", "blank", ErrorCode.EMPTY_DOCUMENT)
    bad_file("logo.png", PNG_HEAD + bytes(range(256)) * 4, "logo", ErrorCode.BINARY_CONTENT)
    bad_file("story.gz", gzip.compress(GOOD_STORIES[0].encode()), "story",
             ErrorCode.BINARY_CONTENT)
    # Size: a 50 MB page (refused from its size) and a 5 MB sentence with no punctuation
    # (over max_document_chars).
    write_huge_html(folder / "huge.html")
    expect(Expected("huge", "errored", ErrorCode.DOCUMENT_TOO_LARGE.value))
    write_long_sentence(folder / "run-on.txt")
    expect(Expected("run-on", "errored", ErrorCode.DOCUMENT_TOO_LARGE.value))
    # 100k nested <div>s around a good story: the story is still found and coded.
    story_file("deep.html", deep_html(NESTING_DEPTH, next(good)).encode(), "deep", min_events=1)
    # Other languages: a clean no-event result (coded, zero events, no error).
    story_file("german.txt", GERMAN_STORY.encode(), "german", max_events=0)
    story_file("arabic.txt", ARABIC_STORY.encode(), "arabic", max_events=0)

    # JSONL: good lines among malformed ones, and invalid/future publication dates.
    (folder / "feed.jsonl").write_bytes(_jsonl(
        {"id": "feed-good-1", "text": next(good), "published": "2016-05-12"},
        b'{"id": "feed-broken", "text": ',
        b"[1, 2, 3]",
        {"id": "feed-no-text", "title": "A headline only"},
        {"id": "feed-number", "text": 42},
        {"id": "feed-bad-date", "text": next(good), "published": "the day after"},
        {"id": "feed-future", "text": next(good), "published": "2999-01-01"},
        {"id": "feed-html", "html": HTML_PAGE.format(title="Raid", story=next(good))},
        b"\xff\xfe not utf-8",
        {"text": GERMAN_STORY},
    ))
    corpus.expected += [
        Expected("feed-good-1", "coded", min_events=1),
        Expected("feed:2", "errored", ErrorCode.MALFORMED_RECORD.value),
        Expected("feed:3", "errored", ErrorCode.MALFORMED_RECORD.value),
        Expected("feed-no-text", "errored", ErrorCode.MALFORMED_RECORD.value),
        Expected("feed-number", "errored", ErrorCode.MALFORMED_RECORD.value),
        Expected("feed-bad-date", "coded", ErrorCode.INVALID_DATE.value, min_events=1),
        Expected("feed-future", "coded", ErrorCode.INVALID_DATE.value, min_events=1),
        Expected("feed-html", "coded", min_events=1),
        Expected("feed:9", "errored", ErrorCode.UNDECODABLE_TEXT.value),
        Expected("feed:10", "coded", max_events=0),
    ]

    # CSV: rows with missing columns, and a file whose header has no text column.
    (folder / "rows.csv").write_text(
        "id,text,published\n"
        f'row-full,"{next(good)}",2016-05-12\n'
        f'row-no-date,"{next(good)}"\n'
        "row-no-text\n"
        ",,\n", encoding="utf-8")
    corpus.expected += [
        Expected("row-full", "coded", min_events=1),
        Expected("row-no-date", "coded", min_events=1),
        Expected("row-no-text", "errored", ErrorCode.EMPTY_DOCUMENT.value),
        Expected("rows:4", "errored", ErrorCode.EMPTY_DOCUMENT.value),
    ]
    bad_file("meta.csv", b"id,title\n1,Attack\n2,Raid\n", "meta", ErrorCode.MALFORMED_RECORD)

    # WARC: an HTML page and a text resource among non-HTML records.
    write_warc(folder / "crawl.warc.gz", [
        ("urn:uuid:warc-html", "response", "text/html; charset=utf-8",
         HTML_PAGE.format(title="Sanctions", story=GOOD_STORIES[-1]).encode(), "200 OK"),
        ("urn:uuid:warc-png", "response", "image/png", PNG_HEAD, "200 OK"),
        ("urn:uuid:warc-404", "response", "text/html", b"<html>Not found</html>",
         "404 Not Found"),
        ("urn:uuid:warc-pdf", "response", "application/pdf", b"%PDF-1.7\n", "200 OK"),
        ("urn:uuid:warc-text", "resource", "text/plain", GOOD_STORIES[0].encode(), ""),
    ])
    corpus.expected += [
        Expected("urn:uuid:warc-html", "coded", min_events=1),
        Expected("urn:uuid:warc-png", "errored", ErrorCode.UNSUPPORTED_FORMAT.value),
        Expected("urn:uuid:warc-404", "errored", ErrorCode.UNSUPPORTED_FORMAT.value),
        Expected("urn:uuid:warc-pdf", "errored", ErrorCode.UNSUPPORTED_FORMAT.value),
        Expected("urn:uuid:warc-text", "coded", min_events=1),
    ]

    # A path that does not exist, given on the command line next to the folder.
    missing = str(root / "no-such-file.txt")
    corpus.extra_args.append(missing)
    expect(Expected(missing, "errored", ErrorCode.INPUT_NOT_FOUND.value))
    return corpus


def write_config(path: Path, **values: object) -> Path:
    """A TOML config file with an ``[eventwire]`` table (numbers only, which is all we need)."""
    path.write_text("[eventwire]\n" + "".join(f"{k} = {v!r}\n" for k, v in values.items()))
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def with_config(pipeline: Pipeline, **overrides: object) -> Pipeline:
    """A Pipeline with other limits that reuses the session pipeline's loaded resources.

    Loading spaCy, dictionaries and the gazetteer takes seconds; the limits under test do not
    change any of them, so the loaded objects (cached properties) are shared.
    """
    other = Pipeline(pipeline.config.with_overrides(**overrides))
    for name, value in vars(pipeline).items():  # the cached properties already loaded
        if name != "config":
            other.__dict__[name] = value
    return other
