"""Who said it: direct quotations, their speakers, and the events they talk about.

1. ``find_quotations`` scans the text for quotation marks (hand-written: no maintained library
   handles multi-paragraph quotes, and the scanner is short);
2. ``attribute_quotations`` reads the speech verb next to each quote in spaCy's parse, its subject
   and apposition (speaker, role, organisation), and resolves "he said";
3. ``extract_quotes`` builds ``Quote`` records and links them to events.

The rules and their examples are in docs/dates-and-quotes.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from eventwire.model import Actor, Document, Event, Quote, stable_id

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
#: Children that are not part of a speaker's name or description.
_NOT_SPEAKER = frozenset({"appos", "acl", "relcl", "punct", "cc", "conj", "advcl"})
_LOCATION_PREPS = frozenset({"in", "at", "near", "from", "based"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ORG_LABELS = frozenset({"ORG", "NORP"})
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: Unattributed quotes shorter than this are scare quotes ("so-called “moderate” rebels").
MIN_UNATTRIBUTED_WORDS = 4
#: Sentences either side of a quote in which an event by the speaker's organisation is linked.
EVENT_WINDOW_SENTENCES = 2


class ActorMatcher(Protocol):
    """The actor dictionary's lookup, as far as quotes need it."""

    def match(self, text: str) -> Actor | None: ...


@dataclass(frozen=True)
class Quotation:
    """A quoted span found in the text: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    text: str
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just past the closing mark
    paragraph: int  # index of the paragraph where the quote ends


@dataclass(frozen=True)
class Speaker:
    """Who said something, as the text describes them."""

    name: str
    role: str | None = None
    organisation: str | None = None
    offset: int = 0  # where the attribution is, for pronoun resolution
    plural: bool = False  # "officials said": not an antecedent of "he" or "she"


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
        if token.i > verb.i and token.ent_type_ and token.ent_type_ not in _NOT_NAMES:
            return token
    return None


def _entity_of(token: Token) -> Span | None:
    """The named entity a token belongs to, read from its IOB tags (no scan of ``doc.ents``)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _trim_det(tokens: Sequence[Token]) -> list[Token]:
    tokens = list(tokens)
    while tokens and tokens[0].pos_ in {"DET", "PUNCT"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ == "PUNCT":
        tokens = tokens[:-1]
    return tokens


def _text(tokens: Sequence[Token]) -> str:
    return tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text if tokens else ""


def _subtree_without(token: Token, excluded: frozenset[str]) -> list[Token]:
    """The token's subtree minus children attached with ``excluded`` labels (and theirs)."""
    keep: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        keep.append(current)
        stack.extend(c for c in current.children if c.dep_ not in excluded)
    return sorted(keep, key=lambda t: t.i)


def _contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens around ``anchor`` (drops pieces the parse scattered)."""
    indices = {t.i for t in tokens}
    start = end = anchor.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    return [t for t in tokens if start <= t.i <= end]


def _describe(
    tokens: list[Token], head: Token, actors: ActorMatcher | None
) -> tuple[str | None, str | None]:
    """Role and organisation from a description ("a Nusra Front commander", "head of X in Y")."""
    tokens = [t for t in tokens if t.dep_ not in {"acl", "relcl"} or t.i == head.i]
    for token in tokens:  # a trailing "in Idlib" says where, not who
        if token.dep_ == "prep" and token.lower_ in _LOCATION_PREPS and token.i > head.i:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects and (objects[0].ent_type_ in _PLACE_LABELS or objects[0].pos_ == "PROPN"):
                tokens = [t for t in tokens if t.i < token.i]
                break
    tokens = _trim_det([t for t in tokens if t.dep_ != "case"])  # "the SDF’s representative"
    if not tokens or all(t.like_num for t in tokens):  # "Shamima Begum, 19, said": an age
        return None, None
    organisation = _organisation(tokens, actors)
    if organisation is None:
        return _text(tokens) or None, None
    org_indices = {t.i for t in organisation}
    if all(i < head.i for i in org_indices):  # "a senior Nusra Front commander" → "senior commander"
        role_tokens = [t for t in tokens if t.i not in org_indices]
        role = " ".join(t.text for t in _trim_det(role_tokens)) or None
    else:  # the organisation sits in a phrase: keep the phrase ("head of a … organisation")
        role = _text(tokens)
    return role, _text(_trim_det(organisation))


def _organisation(tokens: list[Token], actors: ActorMatcher | None) -> list[Token] | None:
    """The organisation named in a description: a known actor, else an ORG entity or a name."""
    indices = {t.i for t in tokens}
    spans = [_entity_of(t) for t in tokens if t.ent_iob_ == "B"]
    entities = [e for e in spans if e is not None and e.end - 1 in indices
                and e.label_ not in _NOT_NAMES and any(t.pos_ != "ADJ" for t in e)]
    runs = _proper_noun_runs(tokens)
    # an entity the tagger cut short ("Jaish" of "Jaish al-Fatah") grows to its proper-noun run
    entities = [_grow(ent, runs) for ent in entities]
    candidates = [list(e) for e in entities] + runs
    if actors is not None:
        for candidate in candidates:
            if actors.match(_text(_trim_det(candidate))) is not None:
                return candidate
    for ent in entities:
        if ent.label_ in _ORG_LABELS:
            return list(ent)
    non_places = [list(e) for e in entities if e.label_ not in _PLACE_LABELS]
    if non_places:
        return non_places[0]
    return runs[0] if runs else None


def _grow(entity: Span, runs: list[list[Token]]) -> Span:
    for run in runs:
        if run[0].i <= entity.start and entity.end <= run[-1].i + 1:
            return Span(entity.doc, run[0].i, run[-1].i + 1, label=entity.label_)
    return entity


def _proper_noun_runs(tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if token.pos_ == "PROPN" or (current and token.text == "-"):
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run[: len(run) - 1] if run[-1].text == "-" else run for run in runs]


def _speaker(head: Token, actors: ActorMatcher | None, offset: int) -> Speaker:
    """Name (entity or description), role and organisation of a subject token."""
    entity = _entity_of(head)
    appositions = [c for c in head.children if c.dep_ == "appos"]
    if entity is not None and entity.label_ not in _NOT_NAMES:
        name = _text(_trim_det(list(entity)))
        described = [t for t in head.subtree if t.i < entity.start and t.dep_ != "det"]
        described = _contiguous(described, described[-1]) if described else []
        if described and described[-1].i == entity.start - 1:
            # "Nusra Front commander Abu Shaimaa": the description precedes the name
            role, org = _describe(described, described[-1], actors)
            return Speaker(name, role, org, offset)
    else:
        words = _subtree_without(head, _NOT_SPEAKER)
        name = _text(_contiguous(words, head)).strip(" ,") or head.text
        named = _entity_of(appositions[0]) if appositions else None
        if named is not None and named.label_ == "PERSON":
            # "a Swedish detainee, Lisa Andersson": the name is in the apposition
            role, org = _describe(_contiguous(words, head), head, actors)
            return Speaker(named.text, role, org, offset)
        if not appositions:
            role, org = _describe(_contiguous(words, head), head, actors)
            role = role if org else None  # an anonymous description is the speaker, not a role
            return Speaker(name, role, org, offset)
    if appositions:
        appos = appositions[0]
        described = _subtree_without(appos, frozenset({"punct", "relcl", "acl"}))
        role, org = _describe(described, appos, actors)
        return Speaker(name, role, org, offset)
    if entity is not None and entity.label_ in _ORG_LABELS:  # "the Syrian Red Crescent said"
        return Speaker(name, None, name, offset)
    return Speaker(name, None, None, offset)


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
        return _Attribution(_speaker(head, actors, verb.idx), False, region)
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
            person = _entity_of(token)
            if person is not None:
                mentions.append(Speaker(person.text, offset=token.idx))
            continue
        if not _is_speech(token):
            continue
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects and not _is_pronoun(subjects[0]) and not _inside(subjects[0].idx, quotations):
            speaker = _speaker(subjects[0], actors, token.idx)
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
            person = _entity_of(token)
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
