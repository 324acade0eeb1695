"""Who: resolve actor mentions ("Nusra's", "the Syrian army", "Moscow") against YAML dictionaries.

The dictionaries ship as package data (``eventwire/data/actors/*.yaml``) and users extend them
with their own files (``Config.dictionaries``); a later file overrides or extends an earlier
entry with the same id. Everything is indexed once into plain dicts keyed by normalised token
n-grams, so a lookup costs a handful of dict probes per token, never a regex per alias.
Schema and conventions: docs/actors.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from eventwire.model import Actor, Affiliation
from eventwire.resolve.actor_data import (  # noqa: F401  (affiliation_valid re-exported)
    SUCCESSION,
    ActorEntry,
    Sector,
    affiliation_valid,
    affiliation_window,
    alias_key,
    as_date,
    merge_files,
    normalise,
    shipped_paths,
    token_spans,
    tokens,
)

_BOUNDARY = frozenset({",", ";", ":", "(", ")", "/", "&", "and", "or", "but", "while", "as",
                       "including", "with", "against", "versus", "vs"})
# Hyphenated modifiers that say whom an actor is aligned with, not who it is.
_PRE_MOD = re.compile(r"\b(pro|anti)-([\w.'-]+)", re.IGNORECASE)
_POST_MOD = re.compile(r"([\w.'-]+?)-(backed|sponsored|supported|funded|armed|trained|led|"
                       r"allied|aligned|affiliated|linked|inspired|held|controlled|run|"
                       r"dominated|occupied|loyal)\b", re.IGNORECASE)
_MOD_RELATION = {"pro": "supports", "anti": "opposes", "backed": "backed_by",
                 "sponsored": "backed_by", "supported": "backed_by", "funded": "backed_by",
                 "armed": "backed_by", "trained": "backed_by", "led": "led_by",
                 "allied": "allied_with", "aligned": "allied_with", "loyal": "supports",
                 "affiliated": "linked_to", "linked": "linked_to", "inspired": "linked_to"}
# Leaders whose names stand for their state ("Assad's government", "Putin's army"); a rebel
# leader's name does not ("Baghdadi's fighters" stays the person).
_STATE_PERSON_SECTORS = frozenset({"government", "military", None})
# Names that read with "the" inside "Government of the United States".
_THE = re.compile(r"^(United|Republic|Democratic|Central African|Czech Republic|Dominican Republic)\b"
                  r"|(Islands|Netherlands|Philippines|Bahamas|Maldives|Comoros|Emirates|Gambia)$")
# Named > composed (country + sector) > bare country/demonym when several actors match.
_NAMED, _COMPOSED, _BARE = 2, 1, 0


@dataclass(frozen=True)
class _Hit:
    """The longest alias starting at one token: entry id and how it was written."""

    actor_id: str
    role: str  # "name" | "demonym" | "capital"


def _is_short_acronym(alias: str) -> bool:
    """"US", "UN", "IS": matched case-sensitively, else "us"/"is" in any phrase would match."""
    letters = alias.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 3


class ActorDictionary:
    """Every known actor plus the indexes that find them in text; build once with ``load``."""

    def __init__(self, entries: Mapping[str, ActorEntry], sectors: Mapping[str, Sector],
                 keywords: Mapping[str, tuple[str, bool]]) -> None:
        self.entries = dict(entries)
        self.sectors = dict(sectors)
        self._by_code = {s.code: s for s in sectors.values()}
        self._keywords = dict(keywords)  # "air force" → (sector, weak)
        self._kw_len = max((k.count(" ") + 1 for k in keywords), default=1)
        self._exact: dict[str, _Hit] = {}
        self._folded: dict[str, _Hit] = {}
        # first token → longest alias starting with it: most tokens start none, so one probe
        self._first_exact: dict[str, int] = {}
        self._first_folded: dict[str, int] = {}
        self.collisions: list[tuple[str, str, str]] = []  # (alias key, lost id, won id)
        self._predecessors: dict[str, list[tuple[str, str, str]]] = {}  # id → (src, since, rel)
        self._cache: dict[tuple[str, str | None, str | None], Actor | None] = {}
        for entry in self.entries.values():
            # Names last so that they win over a capital or demonym spelled the same.
            for role, forms in (("capital", entry.capitals), ("demonym", entry.demonyms),
                                ("name", (entry.name, *entry.aliases))):
                for form in forms:
                    self._index(form, _Hit(entry.id, role))
            for aff in entry.affiliations:
                if aff.relation in SUCCESSION and aff.since:
                    back = "renamed_from" if aff.relation == "renamed_to" else "successor_of"
                    self._predecessors.setdefault(aff.target, []).append(
                        (entry.id, aff.since, back))
        self._windows: dict[Affiliation, tuple[str, str]] = {}  # padded (since, until)
        self._records: dict[tuple[str, str | None], Actor | None] = {}  # (id, date) → actor

    def _index(self, alias: str, hit: _Hit) -> None:
        orig, folded = tokens(alias)
        if not orig:
            return
        parts = orig if _is_short_acronym(alias) else folded
        table, first = ((self._exact, self._first_exact) if parts is orig
                        else (self._folded, self._first_folded))
        key = alias_key(parts)
        first[parts[0]] = max(first.get(parts[0], 0), len(parts))
        old = table.get(key)
        if old is not None and old.actor_id != hit.actor_id:
            self.collisions.append((key, old.actor_id, hit.actor_id))
        table[key] = hit

    def clear_cache(self) -> None:
        """Forget memoised lookups (benchmarks; a long-lived process never needs it)."""
        self._cache.clear()
        self._records.clear()

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = ()) -> ActorDictionary:
        """Shipped dictionaries, then ``extra_paths`` in order (later ids override earlier)."""
        entries, sectors, keywords = merge_files([*shipped_paths(), *map(Path, extra_paths)])
        return cls(entries, sectors, keywords)

    # -- lookups -----------------------------------------------------------------------------

    def phrases(self) -> Iterator[tuple[str, str]]:
        """(alias as written, actor id) pairs, for a spaCy PhraseMatcher or EntityRuler."""
        seen: set[tuple[str, str]] = set()
        for entry in self.entries.values():
            pairs = [(alias, entry.id) for alias in (entry.name, *entry.aliases, *entry.demonyms)]
            pairs += [(capital, f"{entry.country or entry.id}-GOV") for capital in entry.capitals]
            for pair in pairs:
                if pair not in seen:
                    seen.add(pair)
                    yield pair

    def get(self, actor_id: str, on_date: str | None = None) -> Actor | None:
        """The actor with this id (named or "<ISO3>-<sector code>"), with its own name as text."""
        return self._built(actor_id, as_date(on_date) if on_date else None)

    def match(self, text: str, on_date: str | None = None) -> Actor | None:
        """The best known actor named inside ``text`` (a noun phrase), or None.

        Conjuncts are tried left to right ("Russian and Iranian backers" → Russia); inside one,
        a named actor beats a country + sector composition, which beats a bare country; then
        the longer alias, then the leftmost.
        """
        return self._match(text, on_date, skip_bare=False)

    def resolve(self, text: str, ent_label: str | None = None,
                on_date: str | None = None) -> Actor:
        """Like ``match`` but never None: unknown actors keep their text and get a sector guess."""
        actor = self._match(text, on_date, skip_bare=ent_label == "PERSON")
        if actor is not None:
            return actor
        _, core, mods = self._analyse(text)
        return Actor(text=text, sector=self._sector_in(core, 0, len(core)),
                     affiliations=self._modifier_affiliations(mods))

    # -- internals ---------------------------------------------------------------------------

    def _match(self, text: str, on_date: str | None, *, skip_bare: bool) -> Actor | None:
        cache_key = (text, on_date, "P" if skip_bare else None)
        if cache_key in self._cache:
            return self._cache[cache_key]
        if len(self._cache) > 100_000:
            self._cache.clear()
        orig, core, mods = self._analyse(text)
        best = self._best(orig, core, skip_bare)
        result = None
        if best is not None:
            actor = self._built(best, as_date(on_date) if on_date else None)
            if actor is not None:
                known = {(a.relation, a.target) for a in actor.affiliations}
                extra = tuple(a for a in self._modifier_affiliations(mods)
                              if (a.relation, a.target) not in known)
                result = replace(actor, text=text, affiliations=actor.affiliations + extra)
        self._cache[cache_key] = result
        return result

    def _analyse(self, text: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
        """Tokens (case kept), core tokens (casefolded; "" inside "pro-X"/"X-backed") and the
        modifiers as (relation, X). A modifier says whom an actor is aligned with, not who it
        is: it may complete a longer alias ("Saudi-led coalition") but never names the actor."""
        norm = normalise(text)
        spans: list[tuple[int, int]] = []
        mods: list[tuple[str, str]] = []
        if "-" in norm:
            for m in _PRE_MOD.finditer(norm):
                spans.append(m.span())
                mods.append((_MOD_RELATION[m.group(1).lower()], m.group(2)))
            for m in _POST_MOD.finditer(norm):
                if not any(s <= m.start() < e for s, e in spans):
                    spans.append(m.span())
                    if m.group(2).lower() in _MOD_RELATION:
                        mods.append((_MOD_RELATION[m.group(2).lower()], m.group(1)))
        orig, core = [], []
        for tok, start, _ in token_spans(norm):
            orig.append(tok)
            core.append("" if any(s <= start < e for s, e in spans) else tok.casefold())
        return orig, core, mods

    def _best(self, orig: list[str], core: list[str], skip_bare: bool) -> str | None:
        """Id of the best actor: earliest conjunct first, then named > composed > bare, then
        the longer alias, then the leftmost. ``skip_bare`` (a PERSON entity) ignores a bare
        country or capital inside a person's name."""
        folded = [t.casefold() for t in orig]
        best: tuple[tuple[int, int, int, int], str] | None = None
        segment, i, n_tok = 0, 0, len(orig)
        while i < n_tok:
            if folded[i] in _BOUNDARY:
                if best is not None:
                    break
                segment += 1
            hit, n = self._longest_at(orig, folded, i, n_tok)
            if hit is None or not any(core[i:i + n]):
                i += 1
                continue
            entry = self.entries[hit.actor_id]
            actor_id, rank, span, metonym = hit.actor_id, _NAMED, n, False
            if hit.role == "capital" or entry.kind == "country" or (
                    entry.kind == "person" and entry.country
                    and entry.sector in _STATE_PERSON_SECTORS):
                country = entry.country or entry.id
                sector = self._sector_after(core, i + n) or self._sector_before(core, i)
                if sector is not None:
                    actor_id, rank = f"{country}-{self.sectors[sector].code}", _COMPOSED
                    span = n + 1
                elif hit.role == "capital":
                    if _inside_other_name(orig, i, n):
                        i += n  # "Real Madrid", "Paris Saint-Germain", "Damascus Airport"
                        continue
                    actor_id, rank, metonym = f"{country}-GOV", _COMPOSED, True
                elif entry.kind == "country":
                    rank = _BARE
            if not (skip_bare and (rank == _BARE or metonym)):  # "Chad Smith", "George Washington"
                score = (-segment, rank, span, -i)
                if best is None or score > best[0]:
                    best = (score, actor_id)
            i += n
        return best[1] if best else None

    def _longest_at(self, orig: list[str], folded: list[str], i: int,
                    hi: int) -> tuple[_Hit | None, int]:
        longest_exact = self._first_exact.get(orig[i], 0)
        longest = max(longest_exact, self._first_folded.get(folded[i], 0))
        for n in range(min(longest, hi - i), 0, -1):
            hit = (self._exact.get(alias_key(orig[i:i + n])) if n <= longest_exact else None
                   ) or self._folded.get(alias_key(folded[i:i + n]))
            if hit is not None:
                return hit, n
        return None, 0

    def _keyword_at(self, folded: list[str], end: int, lo: int) -> tuple[str, bool, int] | None:
        """Sector keyword ending at token ``end`` (exclusive), longest first."""
        for n in range(min(self._kw_len, end - lo), 0, -1):
            found = self._keywords.get(alias_key(folded[end - n:end]))
            if found is not None:
                return found[0], found[1], n
        return None

    def _sector_in(self, folded: list[str], lo: int, hi: int) -> str | None:
        """Rightmost strong sector keyword in tokens[lo:hi], else the rightmost weak one."""
        weak = None
        end = hi
        while end > lo:
            found = self._keyword_at(folded, end, lo)
            if found is None:
                end -= 1
                continue
            if not found[1]:
                return found[0]
            weak = weak or found[0]
            end -= found[2]
        return weak

    def _sector_after(self, folded: list[str], start: int) -> str | None:
        """Sector keyword in the (at most 4-token) head that follows a country or leader."""
        stop = start
        while (stop < min(len(folded), start + 4) and folded[stop] not in _BOUNDARY
               and folded[stop] not in ("of", "in", "from", "to")):
            stop += 1
        return self._sector_in(folded, start, stop)

    def _sector_before(self, folded: list[str], i: int) -> str | None:
        """"Government of Syria", "the army of Iraq": keyword + "of" right before the country."""
        if i >= 2 and folded[i - 1] == "of":
            found = self._keyword_at(folded, i - 1, max(0, i - 1 - self._kw_len))
            return found[0] if found else None
        return None

    def _modifier_affiliations(self, mods: list[tuple[str, str]]) -> tuple[Affiliation, ...]:
        out = []
        for relation, target_text in mods:
            target = self._match(target_text, None, skip_bare=False)
            if target is not None and target.id is not None:
                out.append(Affiliation(relation=relation, target=target.id))
        return tuple(out)

    def _successor(self, actor_id: str, on_date: str | None) -> str:
        """Follow renames/mergers to the actor that carried this identity on ``on_date``
        (padded)."""
        if on_date is None:
            return actor_id
        on, seen, current = on_date, {actor_id}, actor_id
        while True:
            entry = self.entries.get(current)
            nxt = next((a.target for a in (entry.affiliations if entry else ())
                        if a.relation in SUCCESSION and self._window(a)[0] <= on), None)
            if nxt is None:
                nxt = next((src for src, since, _ in self._predecessors.get(current, ())
                            if on < as_date(since)), None)
            if nxt is None or nxt in seen:
                return current
            seen.add(nxt)
            current = nxt

    def _window(self, aff: Affiliation) -> tuple[str, str]:
        """Padded [since, until) of an affiliation, computed once per affiliation."""
        window = self._windows.get(aff)
        if window is None:
            window = self._windows[aff] = affiliation_window(aff)
        return window

    def _built(self, actor_id: str, on_date: str | None) -> Actor | None:
        """``_build`` memoised per (id, date): many mentions share a handful of actors."""
        key = (actor_id, on_date)
        if key not in self._records:
            if len(self._records) > 100_000:
                self._records.clear()
            self._records[key] = self._build(actor_id, on_date)
        return self._records[key]

    def _build(self, actor_id: str, on_date: str | None) -> Actor | None:
        """The actor record for an id as of ``on_date`` (padded by ``as_date``); its name is
        its text until a caller puts the mention's text in."""
        actor_id = self._successor(actor_id, on_date)
        entry = self.entries.get(actor_id)
        if entry is not None:
            name, country, sector = entry.name, entry.country, entry.sector
            affs = entry.affiliations + tuple(
                Affiliation(rel, src, since=since)
                for src, since, rel in self._predecessors.get(actor_id, ()))
        else:
            country_id, _, code = actor_id.partition("-")
            base, sec = self.entries.get(country_id), self._by_code.get(code)
            if base is None or sec is None or base.kind != "country":
                return None
            demonym = base.demonyms[0] if base.demonyms else base.name
            country_name = f"the {base.name}" if _THE.search(base.name) else base.name
            name = sec.template.format(country=country_name, demonym=demonym)
            country, sector, affs = base.id, sec.name, ()
        if on_date is not None:
            affs = tuple(a for a in affs if self._window(a)[0] <= on_date < self._window(a)[1])
        return Actor(text=name, name=name, id=actor_id,
                     country=country, sector=sector, affiliations=affs)


#: Capitalised words that open a phrase without naming anything ("The Kabul government").
_PHRASE_OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def _inside_other_name(orig: list[str], i: int, n: int) -> bool:
    """A capital glued to another capitalised word is part of some other name: a club ("Real
    Madrid"), an airport or a treaty ("the Paris Agreement"), not the government seated there.
    (A sector word after it, "Kabul government", is read before this is asked.)"""
    before = orig[i - 1] if i > 0 else ""
    after = orig[i + n] if i + n < len(orig) else ""
    return (before[:1].isupper() and before.casefold() not in _PHRASE_OPENERS) or \
        after[:1].isupper()
