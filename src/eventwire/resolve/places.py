"""Where each event happened: place mentions found, resolved against the gazetteer, attached.

Three steps, each a plain function:

1. ``find_mentions``: spaCy GPE/LOC/FAC entities, NORP entities that are really places (small
   models tag "southern Aleppo" as NORP), names after a locative preposition whatever NER called
   them ("in Al Mawsil" tagged PERSON; such mentions are *weak*), other proper-noun runs the
   gazetteer knows as well-known places, and the dateline ("ALEPPO, Syria (Reuters) -"). Each
   mention keeps its phrase as written ("near Aleppo", "rebel-held Idlib province").
2. ``resolve_mentions``: pick one gazetteer entry per mention. Namesakes are ranked by a prior
   (countries first, then population and fame) plus the story's context: countries of the other
   places, the dateline, the actors' countries and demonyms ("Libyan militias"). Weak mentions
   and small towns are kept only when that context confirms their country.
3. ``locate_events``: the place attached to the event's clause (found through the dependency
   parse), else the story's dominant place, flagged ``inherited`` with a lower confidence.

See docs/geocoding.md for the method, the data and its licences.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventwire.model import Document, Event, Place
from eventwire.resolve.gazetteer import (
    ADMIN1_WORDS,
    ARTICLES,
    GENERIC_WORDS,
    PROMINENT_POPULATION,
    Gazetteer,
    GazetteerEntry,
    fold,
    loose_key,
    strip_generic,
)

#: Confidence factor for an event whose place is inherited from the story, not its clause.
INHERITED_CONFIDENCE = 0.9
#: Most a story's country can add to a candidate's log10 prior (a factor of ~30): enough for
#: Tripoli, Lebanon over Tripoli, Libya in a Lebanese story, not for a 5,000-people namesake.
CONTEXT_BONUS = 1.5
CITY_FLOOR = 5_000  # the population threshold of the cities5000 dataset
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions that place a clause somewhere; "attacks on militias" is not a location.
LOCATIVE_PREPS = frozenset(
    [
        "in", "near", "at", "outside", "around", "across", "into", "inside", "throughout", "within",
        "from", "towards", "toward", "between", "along", "over", "off", "beyond", "through"
    ]
)
#: Prepositions whose meaning is relative: kept in the place's text ("near Aleppo").
RELATIVE_PREPS = frozenset(["near", "outside", "around", "beyond", "off"])
DIRECTION_WORDS = frozenset(
    [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "northern", "southern", "eastern", "western", "outskirts", "suburbs", "countryside", "edge",
        "heart", "centre", "center"
    ]
)
#: Capitalised words that name no place, though some town somewhere is called so ("March",
#: Cambridgeshire; "Asia", Philippines; "West", an admin1 of Cameroon).
NOT_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "asia", "europe", "africa", "oceania", "antarctica", "middle east",
    "near east", "far east", "west", "east", "north", "south", "western", "eastern", "northern",
    "southern", "central", "centre", "center", "gulf", "arab", "levant", "caucasus", "balkans",
    "sahel",
})
CITY_WORDS = frozenset({"city", "town", "village"})
_MAX_RUN = 4  # longest proper-noun run tried against the gazetteer

#: "ALEPPO, Syria (Reuters) -", "BEIRUT (AP) —", "Beirut (AFP) -", "MOSUL/ERBIL, Iraq -": a
#: place (upper case, or any case before an agency), optional country and agency, then a dash.
#: Hand-written: no library parses wire datelines.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z.'/\- ]{1,40}?)"
    r"(?:,[ \t]*(?P<country>[A-Z][A-Za-z.'\- ]{1,40}?))?"
    r"[ \t]*(?P<agency>\([A-Z][A-Za-z.&']*(?: [A-Z][A-Za-z.&']*){0,3}\))?"
    r"[ \t]*[-\u2013\u2014]{1,2}[ \t]",
    re.MULTILINE,
)
_DATELINE_WINDOW = 400  # characters from the start of the text searched for a dateline


@dataclass(frozen=True)
class Mention:
    """A place named in the text: ``core`` is the name, ``text`` the phrase as written."""

    start: int  # character offsets of ``text`` in the document
    end: int
    text: str
    core: str
    root: int | None  # token index of the name's head in the Doc; None for the dateline
    hint: str | None = None  # "admin1" ("Idlib province") or "city" ("the city of Homs")
    #: Found only because a locative preposition precedes a name NER gave another label
    #: ("through Homs" tagged ORG): kept only if it lies in a country the story is about.
    weak: bool = False
    dateline_country: str | None = None


@dataclass(frozen=True)
class Resolved:
    mention: Mention
    entry: GazetteerEntry


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: ``place`` at ``start:end``; the whole dateline ends at ``stop``."""

    start: int
    end: int
    place: str
    country: str | None
    stop: int


def parse_dateline(text: str) -> Dateline | None:
    """The wire dateline near the top of the text ("ALEPPO, Syria (Reuters) -"), if any."""
    match = _DATELINE.search(text[:_DATELINE_WINDOW])
    if match is None:
        return None
    written = match.group("place")
    if not (written.isupper() or match.group("agency")):
        return None  # "The talks - which stalled -" is prose, not a dateline
    place = written.split("/")[0].strip(" .-")  # "MOSUL/ERBIL": the first place filed from
    start = match.start("place") + written.index(place)
    country = match.group("country")
    return Dateline(start, start + len(place), place, country.strip() if country else None,
                    match.end())


# -- 1. mentions --------------------------------------------------------------------------------
def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Every place named in the Doc, in text order, without overlaps."""
    mentions: list[Mention] = []
    taken: set[int] = set()
    dateline = parse_dateline(doc.text)
    if dateline is not None and gazetteer.candidates(dateline.place):
        mentions.append(Mention(dateline.start, dateline.end, dateline.place, dateline.place,
                                None, dateline_country=dateline.country))
        # The dateline's own words ("Syria" in "ALEPPO, Syria (Reuters) -") are not mentions.
        span = doc.char_span(dateline.start, dateline.stop, alignment_mode="expand")
        taken.update(range(span.start, span.end) if span is not None else ())
    for ent in doc.ents:
        if taken.intersection(range(ent.start, ent.end)):
            continue
        if ent.label_ in PLACE_LABELS or (
            ent.label_ == "NORP" and gazetteer.demonym(ent.text) is None
            and gazetteer.is_prominent(ent.text)
            and any(fold(e.name) == fold(ent.text) for e in gazetteer.candidates(ent.text))
        ):
            mentions.append(_take(doc, ent, taken))
    in_entity = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for run in _name_runs(doc, taken):
        # "in Al Mawsil", "near Dayr az Zawr": after a locative preposition any gazetteer name
        # is a place, whatever NER made of it (small models tag these PERSON or ORG).
        if _after_locative(doc, run.start) and any(
                e.kind != "country" for e in gazetteer.candidates(run.text)):
            weak = bool(in_entity.intersection(range(run.start, run.end)))
            mentions.append(replace(_take(doc, run, taken), weak=weak))
            continue
        # Elsewhere only well-known names outside other entities ("Hassan" in a person's
        # name is not the Indian city).
        for span in _longest_first(doc, run.start, run.end):
            tokens = range(span.start, span.end)
            if not (taken.intersection(tokens) or in_entity.intersection(tokens)) \
                    and gazetteer.is_prominent(span.text):
                mentions.append(_take(doc, span, taken))
    return sorted(mentions, key=lambda m: m.start)


def _take(doc: Doc, name: Span, taken: set[int]) -> Mention:
    """The name's mention; its whole phrase is marked so no word is a mention twice."""
    mention = _mention(doc, name)
    phrase = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    taken.update(range(phrase.start, phrase.end) if phrase is not None else ())
    taken.update(range(name.start, name.end))
    return mention


def _is_name(token: Token) -> bool:
    """A capitalised proper noun, or a capitalised word NER put in some entity ("Homs"/ORG)."""
    return (token.pos_ == "PROPN" or bool(token.ent_type_)) and (
        token.is_title or token.is_upper)


def _name_runs(doc: Doc, taken: set[int]) -> Iterable[Span]:
    """Runs of capitalised proper nouns not yet taken, with inner articles ("Dayr az Zawr").

    Runs may cross PERSON/ORG entities: NER often mislabels Arabic place names.
    """
    i = 0
    while i < len(doc):
        if i in taken or not _is_name(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in taken and j - i < _MAX_RUN:
            if _is_name(doc[j]):
                j += 1
            elif (doc[j].lower_ in ARTICLES or doc[j].text == "-") and j + 1 < len(doc) \
                    and _is_name(doc[j + 1]) and j + 1 not in taken:
                j += 2
            else:
                break
        yield doc[i:j]
        i = j


def _after_locative(doc: Doc, start: int) -> bool:
    """True when a locative preposition precedes, modifiers aside ("in rebel-held southern X")."""
    i = start - 1
    while i >= 0 and start - i <= 5:
        token = doc[i]
        if token.lower_ in LOCATIVE_PREPS:
            return True
        if token.lower_ == "of" and i > 0 and doc[i - 1].lower_ in GENERIC_WORDS | DIRECTION_WORDS:
            return True  # "the province of Herat", "north of Hama"
        skippable = (token.pos_ == "ADJ" or token.lower_ in DIRECTION_WORDS or token.text == "-"
                     or token.tag_ == "VBN" or (i + 1 < start and doc[i + 1].text == "-"))
        if not skippable:
            return False
        i -= 1
    return False


def _longest_first(doc: Doc, start: int, end: int) -> Iterable[Span]:
    for length in range(end - start, 0, -1):
        for i in range(start, end - length + 1):
            yield doc[i:i + length]


def _mention(doc: Doc, name: Span) -> Mention:
    """Grow a name into its phrase: modifiers, kind words and relative prepositions."""
    left, right = name.start, name.end
    while right < len(doc) and doc[right].lower_ in GENERIC_WORDS:
        right += 1
    while left > 0:
        prev = doc[left - 1]
        inside = left <= prev.head.i < right
        if prev.dep_ in ("det", "case", "poss", "prep", "cc") or not inside:
            break
        if prev.dep_ == "punct" and prev.text != "-":
            break
        left -= 1
    root = name.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in RELATIVE_PREPS and head.i == left - 1:
        left = head.i
    elif (root.dep_ == "pobj" and head.lower_ == "of" and head.i == left - 1 == name.start - 1
          and head.i > 0 and doc[head.i - 1].lower_ in DIRECTION_WORDS | GENERIC_WORDS):
        left = head.i - 1  # "north of Hama", "the city of Homs"
    words = {t.lower_ for t in doc[left:right]}
    hint = "admin1" if words & ADMIN1_WORDS else "city" if words & CITY_WORDS else None
    phrase = doc[left:right]
    return Mention(phrase.start_char, phrase.end_char, phrase.text, name.text, root.i, hint)


# -- 2. resolution ------------------------------------------------------------------------------
def candidates(gazetteer: Gazetteer, name: str) -> list[GazetteerEntry]:
    """Gazetteer candidates of a name, retried without leading directions ("Western Cambodia")."""
    found = gazetteer.candidates(name)
    words = name.split()
    while not found and len(words) > 1 and words[0].lower() in DIRECTION_WORDS:
        words = words[1:]
        found = gazetteer.candidates(" ".join(words))
    return found


def _prior(entry: GazetteerEntry, hint: str | None) -> float:
    """How likely a bare name means this entry, in orders of magnitude (log10 units).

    Cities: population times the number of names GeoNames knows them by (fame: Geneva,
    Switzerland outranks the American Genevas). Countries outrank same-named places; an admin1
    ranks below its same-named seat city unless the text says "province".
    """
    # GeoNames gives 0 for many towns whose population it does not know (Tall 'Afar); every
    # indexed city has at least CITY_FLOOR people or is one of those, so 0 counts as the floor.
    size = math.log10(max(entry.population, CITY_FLOOR))
    if entry.kind == "country":
        score = size + 3.0
    elif entry.kind == "admin1":
        score = size - 1.0
    else:
        score = size + math.log10(entry.alternates + 1)
    if hint is not None and hint == entry.kind:
        score += 4.0 if hint == "admin1" else 1.0
    return score


def _vote(mention: Mention, gazetteer: Gazetteer) -> tuple[str, float] | None:
    """The country a mention makes the story about, weighted by how clear its reading is.

    Clear: one country among its candidates, or a lead of 1.5 orders of magnitude over the best
    foreign reading ("Lebanon" the country over Lebanon, Tennessee).
    """
    if mention.weak:
        return None
    found = candidates(gazetteer, mention.core)
    if not found:
        return None
    ranked = sorted(found, key=lambda e: -_prior(e, mention.hint))
    rivals = [e for e in ranked if e.country != ranked[0].country]
    margin = _prior(ranked[0], mention.hint) - (_prior(rivals[0], mention.hint)
                                                if rivals else 0.0)
    base = 3.0 if mention.root is None else 2.0
    # A reading no context could overturn (a lead of CONTEXT_BONUS) votes in full; a closer
    # one ("Homs" over Al Khums, Libya) votes in proportion.
    weight = base * min(1.0, margin / CONTEXT_BONUS) if rivals else base
    return (ranked[0].country, weight) if weight > 0 else None


def story_countries(
    doc: Doc, mentions: Sequence[Mention], events: Sequence[Event], gazetteer: Gazetteer,
) -> Counter[str]:
    """Weights of the story's countries (ISO3): named places, dateline, actors, demonyms."""
    weights: Counter[str] = Counter()
    for mention in mentions:
        if mention.dateline_country:
            country = gazetteer.country(mention.dateline_country)
            if country is not None:
                weights[country.country] += 3.0
        vote = _vote(mention, gazetteer)
        if vote is not None:
            weights[vote[0]] += vote[1]
    for event in events:
        for actor in (event.actor, event.recipient):
            if actor is not None and actor.country:
                weights[actor.country] += 2.0
    for token in doc:  # any label: small models tag "Ugandan" ORG as often as NORP
        if token.is_title or token.is_upper:
            country = gazetteer.demonym(token.text)
            if country:
                weights[country] += 0.5
    return weights


def _needs_confirmation(mention: Mention, entry: GazetteerEntry) -> bool:
    """Readings only kept when something else in the story points to their country.

    Names NER did not call places, and small towns: "Pompeo" tagged GPE is not Pompéu, Brazil,
    in a story about Syria.
    """
    return mention.weak or (entry.kind == "city" and entry.population < PROMINENT_POPULATION)


def resolve_mentions(
    mentions: Sequence[Mention], countries: Counter[str], gazetteer: Gazetteer,
) -> list[Resolved]:
    """Best entry per mention: prior + the story's weight for the entry's country.

    A name is never its own context: the votes of every mention of the same name are taken out
    of the weights before its candidates are scored or confirmed.
    """
    own_votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        vote = _vote(mention, gazetteer)
        votes = own_votes.setdefault(fold(mention.core), Counter())
        if vote is not None:
            votes[vote[0]] += vote[1]
    resolved: list[Resolved] = []
    for mention in mentions:
        if strip_generic(fold(mention.core)) in NOT_PLACES:
            continue
        found = candidates(gazetteer, mention.core)
        if mention.dateline_country:
            country = gazetteer.country(mention.dateline_country)
            pinned = [e for e in found if country is not None and e.country == country.country]
            found = pinned or found
        if not found:
            continue
        context = countries - own_votes[fold(mention.core)]  # drops countries left at <= 0
        top = max(context.values(), default=0.0)
        best = max(found, key=lambda e, hint=mention.hint: _score(e, hint, context, top))
        if _needs_confirmation(mention, best) and not context.get(best.country):
            continue  # "fighters from Hamas" (ORG) is not Hamm, Germany
        if mention.hint == "admin1" and best.kind == "city":
            # "Idleb province": GeoNames lists "Idleb" for the city only; the text means the
            # governorate the city gives its name to.
            division = gazetteer.admin1_of(best)
            if division is not None and loose_key(division.name) == loose_key(best.name):
                best = division
        resolved.append(Resolved(mention, best))
    return resolved


def _score(entry: GazetteerEntry, hint: str | None, countries: Counter[str], top: float) -> float:
    """Prior + context: up to 1.5 orders of magnitude for a country the story is about (full at
    weight 3: a dateline, or a named place and an actor), less when another country dominates."""
    weight = countries.get(entry.country, 0.0)
    share = weight / top if top else 0.0
    return _prior(entry, hint) + CONTEXT_BONUS * share * min(1.0, weight / 3.0)


def dominant(resolved: Sequence[Resolved]) -> Resolved | None:
    """The story's place: the dateline if any, else the most named entry (earliest on ties)."""
    for item in resolved:
        if item.mention.root is None:
            return item
    if not resolved:
        return None
    counts = Counter(_entry_key(r.entry) for r in resolved)
    return max(resolved, key=lambda r: (counts[_entry_key(r.entry)], -r.mention.start))


def _entry_key(entry: GazetteerEntry) -> tuple[object, ...]:
    return (entry.kind, entry.geonameid, entry.admin1_code, entry.country)


# -- 3. events ----------------------------------------------------------------------------------
def to_place(item: Resolved, *, inherited: bool = False) -> Place:
    entry = item.entry
    return Place(
        text=item.mention.text, name=entry.name, country=entry.country, admin1=entry.admin1,
        lat=entry.lat, lon=entry.lon, geonameid=entry.geonameid, precision=entry.kind,
        inherited=inherited,
    )


def locate_events(
    doc: Doc, document: Document, events: Sequence[Event], gazetteer: Gazetteer,
) -> list[Event]:
    """Fill ``location`` of each event: its clause's place, else the story's (inherited)."""
    if not events:
        return []
    mentions = find_mentions(doc, gazetteer)
    resolved = resolve_mentions(mentions, story_countries(doc, mentions, events, gazetteer),
                                gazetteer)
    fallback = dominant(resolved)
    located: list[Event] = []
    for event in events:
        if event.location is not None:
            located.append(event)
            continue
        own = clause_place(doc, event, resolved)
        if own is not None:
            located.append(replace(event, location=to_place(own)))
        elif fallback is not None:
            located.append(replace(
                event, location=to_place(fallback, inherited=True),
                confidence=round(min(1.0, max(0.0, event.confidence * INHERITED_CONFIDENCE)), 4),
            ))
        else:
            located.append(event)
    return located


def clause_place(doc: Doc, event: Event, resolved: Sequence[Resolved]) -> Resolved | None:
    """The resolved place of the event's sentence best tied to its trigger, if any."""
    start, end = event.evidence.start, event.evidence.end
    inside = [r for r in resolved
              if r.mention.root is not None and start <= r.mention.start and r.mention.end <= end]
    if not inside:
        return None
    trigger = _trigger_token(doc, event)
    return max(inside, key=lambda r: (_attachment(doc[r.mention.root], trigger), -r.mention.start))


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    if event.trigger is not None:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attachment(name: Token, trigger: Token | None) -> float:
    """How surely a place name locates the trigger's clause (higher is surer).

    A name in the trigger's subtree, reached through a locative preposition, locates it; one
    that only modifies a noun ("Libya's government", "Aleppo rebels") describes an actor.
    """
    describes_actor = name.dep_ in ("poss", "compound") and fold(name.head.text) not in \
        GENERIC_WORDS
    locative = name.dep_ == "pobj" and name.head.lower_ in LOCATIVE_PREPS
    if trigger is None:
        return 1.0 + locative
    depth = 0
    node = name
    while node.head.i != node.i and node.i != trigger.i and depth < 12:
        node = node.head
        depth += 1
    if node.i == trigger.i:
        score = 10.0 - depth + 2.0 * locative
    else:
        score = 4.0 - abs(name.i - trigger.i) / 10 + 2.0 * locative
    return score - (5.0 if describes_actor else 0.0)
