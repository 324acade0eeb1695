"""Ingest readers: every supported format turns into Documents with the right ids and fields."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Config
from eventwire.errors import ErrorCode, InputError
from eventwire.ingest import (
    WARNING_CODES,
    document_from_text,
    documents_from_records,
    read_inputs,
)
from eventwire.model import Document, ErrorRecord

STORY = "Rebels attacked an army base near Aleppo on Tuesday, killing three soldiers."
PAGE = """<!DOCTYPE html>
<html><head><title>Rebels attack army base</title>
<meta property="article:published_time" content="2016-05-12T09:30:00Z">
<link rel="canonical" href="https://news.example.org/rebels-attack">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rebels attack army base</h1>
<p>Rebels attacked an army base near Aleppo on Tuesday, killing three soldiers, officials said.</p>
<p>The government condemned the attack and vowed to retaliate against the groups involved.</p>
</article>
<footer>Copyright News Example</footer>
</body></html>"""


def read_all(inputs: list[str], **limits: int) -> list[Document | ErrorRecord]:
    return list(read_inputs([str(i) for i in inputs], Config(**limits)))


def docs(items: list[Document | ErrorRecord]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list[Document | ErrorRecord]) -> list[ErrorRecord]:
    return [i for i in items if isinstance(i, ErrorRecord)]


def test_plain_text_file_is_one_document_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "aleppo-attack.txt"
    path.write_text(STORY + "\n", encoding="utf-8")
    [document] = read_all([path])
    assert document.id == "aleppo-attack"
    assert document.text == STORY
    assert document.source == path.as_posix()
    assert document.published is None


def test_html_file_keeps_title_date_and_url_from_the_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [document] = read_all([path])
    assert document.id == "page"
    assert document.title == "Rebels attack army base"
    assert document.published == date(2016, 5, 12)
    assert document.url == "https://news.example.org/rebels-attack"
    assert "killing three soldiers" in document.text
    assert "Home" not in document.text  # navigation is not story text
    assert "\n\n" in document.text  # blocks become paragraphs


def test_text_that_sniffs_as_html_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"  # no extension
    path.write_text(PAGE, encoding="utf-8")
    [document] = read_all([path])
    assert "<p>" not in document.text
    assert document.title == "Rebels attack army base"


def test_jsonl_fields_aliases_and_fallback_ids(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [
        {"id": "a1", "text": STORY, "title": "Attack", "url": "https://x.example/a1",
         "published": "2016-05-12", "outlet": "Example Wire"},
        {"content": "Police arrested ten protesters in Cairo.", "date": "May 3, 2016",
         "headline": "Arrests"},
        {"html": "<p>Troops were deployed to the border on Friday.</p>"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    first, second, third = read_all([path])
    assert (first.id, first.title, first.url, first.outlet) == (
        "a1", "Attack", "https://x.example/a1", "Example Wire")
    assert first.published == date(2016, 5, 12)
    assert first.source == f"{path.as_posix()}:1"
    assert (second.id, second.title, second.published) == ("wire:2", "Arrests", date(2016, 5, 3))
    assert second.text == "Police arrested ten protesters in Cairo."
    assert third.id == "wire:3"
    assert third.text == "Troops were deployed to the border on Friday."


def test_json_file_with_an_array_of_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": STORY}, {"id": "z", "text": "Talks resumed."}]))
    items = read_all([path])
    assert [d.id for d in docs(items)] == ["batch:1", "z"]


@pytest.mark.parametrize(("name", "delimiter"), [("rows.csv", ","), ("rows.tsv", "\t")])
def test_csv_and_tsv_rows_become_documents(tmp_path: Path, name: str, delimiter: str) -> None:
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["ID", "Title", "Text", "Published", "Outlet"])
        writer.writerow(["r1", "Attack", STORY + "\nSecond line, with comma.", "2016-05-12",
                         "Wire"])
        writer.writerow(["", "", "Ministers met in Geneva.", "", ""])
    first, second = read_all([path])
    assert (first.id, first.title, first.outlet, first.published) == (
        "r1", "Attack", "Wire", date(2016, 5, 12))
    assert first.text == STORY + "\nSecond line, with comma."
    assert (second.id, second.published, second.title) == ("rows:2", None, None)


def _write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warc_record(
            "https://news.example.org/rebels-attack", "warcinfo",
            payload=io.BytesIO(b"software: test\r\n")))
        for uri, ctype, body in (
            ("https://news.example.org/rebels-attack", "text/html; charset=utf-8",
             PAGE.encode("utf-8")),
            ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n0000"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))


def test_warc_html_response_becomes_a_document_and_images_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path)
    items = read_all([path])
    [document] = docs(items)
    [skipped] = errors(items)
    assert document.id.startswith("urn:uuid:")
    assert document.url == "https://news.example.org/rebels-attack"
    assert document.title == "Rebels attack army base"
    assert "killing three soldiers" in document.text
    assert skipped.code == ErrorCode.UNSUPPORTED_FORMAT.value
    assert "image/png" in skipped.message
    assert skipped.document_id.startswith("urn:uuid:")


def test_gzipped_warc_without_warc_extension_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "crawl.gz"
    _write_warc(path)
    assert len(docs(read_all([path]))) == 1


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story.")
    (tmp_path / "a.txt").write_text("First story.")
    (tmp_path / "c.txt").write_text("Third story.")
    (tmp_path / ".hidden.txt").write_text("Not a story.")
    (tmp_path / ".git" / "config.txt").write_text("Not a story either.")
    assert [d.id for d in docs(read_all([tmp_path]))] == ["a", "two", "c"]


def test_colliding_file_names_get_their_relative_path(tmp_path: Path) -> None:
    for folder in ("reuters", "afp"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"A story from {folder}.")
    (tmp_path / "unique.txt").write_text("Only one of these.")
    ids = [d.id for d in docs(read_all([tmp_path]))]
    assert ids == ["afp/story", "reuters/story", "unique"]
    assert ids == [d.id for d in docs(read_all([tmp_path]))]  # stable across runs


def test_same_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Only story.")
    assert [d.id for d in read_all([tmp_path, tmp_path / "a.txt"])] == ["a"]


def test_reading_is_lazy_one_file_at_a_time(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First story.")
    (tmp_path / "b.txt").write_text("Second story.")
    stream = read_inputs([str(tmp_path)], Config())
    first = next(stream)
    assert isinstance(first, Document) and first.id == "a"
    (tmp_path / "b.txt").write_text("Changed before it was read.")
    second = next(stream)
    assert isinstance(second, Document) and second.text == "Changed before it was read."


def test_dateline_gives_the_publication_date_when_no_field_does(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("Militants regroup\n\nALEPPO, Syria, May 12, 2016 (Reuters) - Militants in "
                    "Syria are mobilising again.")
    [document] = read_all([path])
    assert document.published == date(2016, 5, 12)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, STORY.encode())
    [document] = read_all(["-"])
    assert (document.id, document.text, document.source) == ("stdin", STORY, "stdin")


def test_stdin_jsonl_is_streamed_as_records(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'{"text": "One."}\n{"id": "two", "text": "Two."}\n')
    assert [d.id for d in read_all(["-"])] == ["stdin:1", "two"]


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, PAGE.encode())
    [document] = read_all(["-"])
    assert document.title == "Rebels attack army base"


def test_stdin_text_only_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Ministers met in Geneva."))
    [document] = read_all(["-"])
    assert document.text == "Ministers met in Geneva."


def test_documents_from_records_for_already_parsed_dicts() -> None:
    items = list(documents_from_records(
        [{"text": STORY, "published": "2016-05-12"}, {"id": 7, "html": PAGE}, {"title": "x"}],
        source="api"))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "ErrorRecord"]
    assert items[0].id == "api:1" and items[0].published == date(2016, 5, 12)
    assert items[1].id == "7" and items[1].title == "Rebels attack army base"
    assert items[2].code == ErrorCode.MALFORMED_RECORD.value


def test_document_from_text_cleans_and_raises_on_bad_input() -> None:
    document = document_from_text(". . . .\n\n" + STORY, published="2016-05-12")
    assert document.text == STORY
    assert document.published == date(2016, 5, 12)
    with pytest.raises(InputError) as empty:
        document_from_text("   \n ")
    assert empty.value.code is ErrorCode.EMPTY_DOCUMENT
    with pytest.raises(InputError) as bad_date:
        document_from_text(STORY, published="not a date")
    assert bad_date.value.code is ErrorCode.INVALID_DATE


def test_invalid_date_keeps_the_document_and_adds_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "text": STORY, "published": "someday"}) + "\n"
                    + json.dumps({"id": "b", "text": STORY, "published": "2999-01-01"}) + "\n")
    items = read_all([path])
    assert [(type(i).__name__, i.id if isinstance(i, Document) else i.document_id)
            for i in items] == [("ErrorRecord", "a"), ("Document", "a"),
                                ("ErrorRecord", "b"), ("Document", "b")]
    assert all(d.published is None for d in docs(items))
    assert {e.code for e in errors(items)} == {ErrorCode.INVALID_DATE.value}
    assert WARNING_CODES == {ErrorCode.INVALID_DATE.value}
