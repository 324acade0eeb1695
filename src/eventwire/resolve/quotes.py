"""Who said it: direct quotations, their speakers, and the events they talk about.

1. ``find_quotations`` scans the text for quotation marks (hand-written: no maintained library
   handles multi-paragraph quotes, and the scanner is short);
2. ``attribute_quotations`` reads the speech verb next to each quote in spaCy's parse, its subject
   and apposition (speaker, role, organisation: ``speakers.py``), and resolves "he said";
3. ``extract_quotes`` builds ``Quote`` records and links them to events.

The rules and their examples are in docs/dates-and-quotes.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from eventwire.model import Document, Event, Quote, stable_id
from eventwire.resolve.speakers import (
    NOT_NAMES,
    ActorMatcher,
    Speaker,
    describe_speaker,
    entity_of,
)

#: Opening mark → the marks that may close it. Straight quotes toggle.
_CLOSERS: dict[str, str] = {"“": "”\"", '"': '"”', "«": "»", "„": "“”"}
_QUOTE_MARKS = frozenset("“”\"«»„")
_PARAGRAPH = re.compile(r"[^\n]+")

SPEECH_LEMMAS = frozenset({
    "say", "add", "tell", "state", "insist", "warn", "explain", "claim", "declare", "announce",
    "note", "stress", "write", "tweet", "comment", "argue", "reply", "confirm",
    "admit", "acknowledge", "assert", "maintain", "caution", "recall", "vow",
    "pledge", "quip", "boast", "complain", "deny", "promise", "emphasise", "emphasize",
    "speak", "talk",
})
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
_RELATIVES = frozenset({"who", "which", "that"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Unattributed quotes shorter than this are scare quotes ("so-called “moderate” rebels").
MIN_UNATTRIBUTED_WORDS = 4
#: Sentences either side of a quote in which an event by the speaker's organisation is linked.
EVENT_WINDOW_SENTENCES = 2


@dataclass(frozen=True)
class Quotation:
    """A quoted span found in the text: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    text: str
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just past the closing mark
    paragraph: int  # index of the paragraph where the quote ends


# --- 1. finding quotations -------------------------------------------------------------------


def find_quotations(text: str) -> list[Quotation]:
    """Quoted spans in ``text``; unterminated quotes that do not continue are dropped."""
    found: list[Quotation] = []
    segments: list[tuple[int, int]] = []  # pieces of the open quote, one per paragraph
    mark = opener = None  # offset and character of the quote's first opening mark
    for number, para in enumerate(_PARAGRAPH.finditer(text)):
        body = para.group()
        if not body.strip():
            continue
        first = para.start() + len(body) - len(body.lstrip())
        open_at = -1
        if segments and text[first] in _CLOSERS:  # the quote runs on into this paragraph
            open_at, opener = first + 1, text[first]
        else:
            segments, mark = [], None
        for i in range(max(open_at, para.start()), para.end()):
            char = text[i]
            if char not in _QUOTE_MARKS:
                continue
            if open_at >= 0 and opener is not None and char in _CLOSERS[opener]:
                segments.append((open_at, i))
                found.append(_quotation(text, segments, mark if mark is not None else open_at - 1,
                                        i + 1, number))
                segments, mark, open_at = [], None, -1
            elif open_at >= 0 and char == opener == "“" and text[open_at:i].rstrip()[-1:] in ".!?":
                # paragraphs flattened onto one line: "“… reopened. “Trains …”" runs on
                segments.append((open_at, i))
                open_at = i + 1
            elif char in _CLOSERS:  # an opening mark (a second one restarts an unclosed quote)
                segments, mark, open_at, opener = [], i, i + 1, char
        if open_at >= 0:
            segments.append((open_at, para.end()))
        else:
            segments = []
    return found


def _quotation(
    text: str, segments: list[tuple[int, int]], open_mark: int, close_mark: int, paragraph: int
) -> Quotation:
    trimmed = []
    for start, end in segments:
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        trimmed.append((start, max(start, end)))
    body = "\n".join(text[s:e] for s, e in trimmed)
    return Quotation(trimmed[0][0], trimmed[-1][1], body, open_mark, close_mark, paragraph)


# --- 2. attribution --------------------------------------------------------------------------


def _is_break(token: Token) -> bool:
    return "\n" in token.text or token.text in _QUOTE_MARKS


def _window_after(doc: Doc, quote: Quotation, starts: Sequence[int]) -> list[Token]:
    """Tokens after the quote up to the end of its sentence ("…,” said X, a Y.")."""
    tokens: list[Token] = []
    following = doc[bisect_left(starts, quote.close_mark):]
    ending = quote.text.rstrip()[-1:]
    if ending == "." or (ending in {"!", "?"} and following[:1].text[:1].isupper()):
        return tokens  # the quote closed its sentence: what follows is a new one
    for token in following:
        if _is_break(token):
            break
        tokens.append(token)
        if token.text in {".", "!", "?"}:
            break
    return tokens


def _window_before(doc: Doc, quote: Quotation, starts: Sequence[int]) -> list[Token]:
    """Tokens from the start of the quote's sentence up to it ("X said: “…”")."""
    tokens: list[Token] = []
    index = bisect_left(starts, quote.open_mark) - 1
    while index >= 0:
        token = doc[index]
        if _is_break(token) or token.text in {".", "!", "?"}:
            break
        tokens.append(token)
        index -= 1
    return tokens[::-1]


def _speech_verb(tokens: Sequence[Token]) -> Token | None:
    for token in tokens:
        if _is_speech(token):
            return token
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            return token
    return None


def _speaker_head(verb: Token, window: Sequence[Token]) -> Token | None:
    """The subject of a speech verb, or the name after an inverted one ("…,” said X)."""
    inside = {t.i for t in window}
    if verb.lower_ == "according":
        for to in verb.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.lower_ in _RELATIVES and verb.dep_ == "relcl":
            return verb.head  # "Mattis, who said …": the noun the relative clause hangs on
        if child.dep_ in _SUBJECTS and child.i in inside:
            return child
    for token in window:  # parse without a subject: first name after the verb
        if token.i > verb.i and token.ent_type_ and token.ent_type_ not in NOT_NAMES:
            return token
    return None


@dataclass(frozen=True)
class _Attribution:
    speaker: Speaker | None
    pronoun: bool
    region: tuple[int, int]  # character span of quote plus attribution


def _attribute(
    doc: Doc, quote: Quotation, actors: ActorMatcher | None, starts: Sequence[int]
) -> _Attribution:
    after = _window_after(doc, quote, starts)
    before = _window_before(doc, quote, starts)
    for window in (after, before):
        verb = _speech_verb(window if window is after else window[::-1])
        if verb is None:
            continue
        head = _speaker_head(verb, window)
        region = _region(quote, after if window is after else before, window is after)
        if head is None:
            return _Attribution(None, False, region)
        if _is_pronoun(head):
            return _Attribution(Speaker(head.text, offset=verb.idx), True, region)
        return _Attribution(describe_speaker(head, actors, verb.idx), False, region)
    return _Attribution(None, False, (quote.open_mark, quote.close_mark))


def _region(quote: Quotation, window: Sequence[Token], after: bool) -> tuple[int, int]:
    if not window:
        return quote.open_mark, quote.close_mark
    if after:
        return quote.open_mark, window[-1].idx + len(window[-1])
    return window[0].idx, quote.close_mark


def _inside(offset: int, quotations: Sequence[Quotation]) -> bool:
    """Whether an offset lies within a quotation (they are sorted and do not overlap)."""
    index = bisect_right(quotations, offset, key=lambda q: q.open_mark) - 1
    return index >= 0 and offset < quotations[index].close_mark


def _is_speech(token: Token) -> bool:
    return token.lemma_.lower() in SPEECH_LEMMAS and token.pos_ in {"VERB", "AUX"}


def _speaker_mentions(
    doc: Doc, quotations: Sequence[Quotation], actors: ActorMatcher | None
) -> list[Speaker]:
    """Antecedents for "he said", in text order: every named or described speaker outside quotes
    ("One senior source said that …"), and people who are the subject of an unreported clause
    ("Matar also hopes …"; not "the source said that Matar …")."""
    mentions: list[Speaker] = []
    for token in doc:
        if _inside(token.idx, quotations):
            continue
        if (token.dep_ in _SUBJECTS and token.ent_type_ == "PERSON"
                and not _is_speech(token.head)
                and not any(_is_speech(a) for a in token.head.ancestors)):
            person = entity_of(token)
            if person is not None:
                mentions.append(Speaker(person.text, offset=token.idx))
            continue
        if not _is_speech(token):
            continue
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects and not _is_pronoun(subjects[0]) and not _inside(subjects[0].idx, quotations):
            speaker = describe_speaker(subjects[0], actors, token.idx)
            plural = "Plur" in subjects[0].morph.get("Number") and not subjects[0].ent_type_
            mentions.append(replace(speaker, plural=plural) if plural else speaker)
    return mentions


def _is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in _PRONOUNS


def _last_person(
    doc: Doc, quotations: Sequence[Quotation], offset: int, starts: Sequence[int]
) -> Speaker | None:
    """Fallback antecedent of "he said": the last person named outside quotes before it."""
    for index in range(bisect_left(starts, offset) - 1, -1, -1):
        token = doc[index]
        if token.ent_type_ == "PERSON" and not _inside(token.idx, quotations):
            person = entity_of(token)
            if person is not None:
                return Speaker(person.text, offset=person.start_char)
    return None


def _continues(text: str, previous: Quotation, quote: Quotation) -> bool:
    """A quote continues the previous one when it follows it in the same paragraph, or opens
    the next paragraph ("“A,” he said. “B.”" / a quote-only paragraph after a quote)."""
    if quote.paragraph == previous.paragraph:
        return True
    if quote.paragraph - previous.paragraph != 1:
        return False
    line_start = text.rfind("\n", 0, quote.open_mark) + 1
    return not text[line_start:quote.open_mark].strip()


def attribute_quotations(
    doc: Doc, quotations: Sequence[Quotation], actors: ActorMatcher | None = None
) -> list[tuple[Quotation, Speaker | None, tuple[int, int]]]:
    """Speaker and attribution region of each quotation (scare quotes dropped)."""
    mentions = _speaker_mentions(doc, quotations, actors)
    starts = [token.idx for token in doc]
    text = doc.text  # built on each access: read once
    results: list[tuple[Quotation, Speaker | None, tuple[int, int]]] = []
    previous: tuple[Quotation, Speaker | None] | None = None
    for quote in quotations:
        found = _attribute(doc, quote, actors, starts)
        speaker = found.speaker
        if found.pronoun and speaker is not None:
            singular = speaker.name.lower() in {"he", "she"}
            earlier = [m for m in mentions
                       if m.offset < speaker.offset and not (singular and m.plural)]
            speaker = earlier[-1] if earlier else _last_person(
                doc, quotations, speaker.offset, starts)
        elif speaker is None and previous is not None and _continues(text, previous[0], quote):
            speaker = previous[1]  # a split or run-on quote continues its speaker
        if speaker is None and len(quote.text.split()) < MIN_UNATTRIBUTED_WORDS:
            continue
        results.append((quote, speaker, found.region))
        previous = (quote, speaker)
    return results


# --- 3. linking to events --------------------------------------------------------------------


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_index(sentence_starts: Sequence[int], offset: int) -> int:
    return bisect_right(sentence_starts, offset) - 1


def _same_actor(event: Event, organisation: str | None, actor_id: str | None) -> bool:
    if event.actor is None:
        return False
    if actor_id is not None and event.actor.id == actor_id:
        return True
    if organisation is None:
        return False
    names = {n.casefold() for n in (event.actor.name, event.actor.text) if n}
    return organisation.casefold() in names


def _linked_events(
    sentence_starts: Sequence[int],
    events: Sequence[Event],
    region: tuple[int, int],
    organisation: str | None,
    actor_id: str | None,
) -> tuple[str, ...]:
    """Events in the quote's sentences, or nearby ones whose actor is the speaker's organisation."""
    first = _sentence_index(sentence_starts, region[0]) - EVENT_WINDOW_SENTENCES
    last = _sentence_index(sentence_starts, max(region[0], region[1] - 1)) + EVENT_WINDOW_SENTENCES
    linked: list[str] = []
    for event in events:
        if _overlaps((event.evidence.start, event.evidence.end), region) or (
            first <= _sentence_index(sentence_starts, event.evidence.start) <= last
            and _same_actor(event, organisation, actor_id)
        ):
            linked.append(event.id)
    return tuple(linked)


def _actor_id(speaker: Speaker | None, actors: ActorMatcher | None) -> str | None:
    if speaker is None or actors is None:
        return None
    actor = actors.match(speaker.organisation) if speaker.organisation else None
    return actor.id if actor is not None else None


def extract_quotes(
    doc: Doc, document: Document, events: Iterable[Event], actors: ActorMatcher | None = None
) -> tuple[list[Event], list[Quote]]:
    """Quotes of a document with speakers; events gain the ids of the quotes tied to them."""
    events = list(events)
    quotes: list[Quote] = []
    extra: dict[str, list[str]] = {e.id: [] for e in events}
    sentence_starts = [sent.start_char for sent in doc.sents]
    for quotation, speaker, region in attribute_quotations(
        doc, find_quotations(document.text), actors
    ):
        actor_id = _actor_id(speaker, actors)
        organisation = speaker.organisation if speaker else None
        event_ids = _linked_events(sentence_starts, events, region, organisation, actor_id)
        quote = Quote(
            id=stable_id("q", document.id, quotation.start, quotation.end),
            document_id=document.id,
            speaker=speaker.name if speaker else None,
            role=speaker.role if speaker else None,
            text=quotation.text, start=quotation.start, end=quotation.end,
            event_ids=event_ids, organisation=organisation, speaker_actor_id=actor_id,
        )
        quotes.append(quote)
        for event_id in event_ids:
            extra[event_id].append(quote.id)
    updated = [
        e.with_changes(quotes=tuple(dict.fromkeys((*e.quotes, *extra[e.id]))))
        if extra[e.id] else e
        for e in events
    ]
    return updated, quotes
