"""Event nouns: their lexicon entry, and who takes part when the noun stands alone.

Split from :mod:`eventwire.coding.detect` to keep modules short. An event noun's lexicon entry
may be a two-word form ("air strike", "state of emergency", "cease-fire" split by the tokenizer
into three tokens), and its participants may sit on the verb that reports it rather than on the
noun itself: "*clashes* broke out *between police and protesters*", "the activist *died after
torture*". Each rule was found on development gold only (PLV train, PLOVER GSR) and is pinned
by a synthetic unit test (tests/unit/test_detect_nouns.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.coding import roles, syntax

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.coding.lexicon import Lexicon, TriggerSpec

#: Modifiers that make a "strike" a labour action and an "attack" a verbal one.
LABOUR_STRIKE = frozenset({"general", "hunger", "sit-in", "sit", "labour", "labor", "national",
                           "nationwide", "workers", "teachers", "doctors", "transport", "rail",
                           "24-hour", "48-hour", "one-day", "indefinite", "wildcat"})
#: Military exercises: one country's are MOBILIZE, joint ones COOPERATE (PLOVER manual).
EXERCISES = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "game"})
#: Modifiers that make an exercise one held together ("combined naval drills"): COOPERATE.
JOINT_MARKS = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational",
                         "multilateral"})
#: Modifiers that make a "protest" a diplomatic one (PLOVER ACCUSE 'disapprove', not PROTEST).
DIPLOMATIC_PROTEST = frozenset({"diplomatic", "formal", "official", "written", "verbal"})
#: Verbs that stage or call a labour strike ("staged a sit-in strike"); air strikes are
#: launched or carried out.
STRIKE_CALLERS = frozenset({"stage", "call", "hold", "join", "organise", "organize", "declare",
                            "announce", "end", "begin", "start"})
VERBAL_ATTACK = frozenset({"scathing", "verbal", "stinging", "blistering", "withering",
                           "vitriolic", "rhetorical", "personal", "bitter", "sharp", "fierce"})
#: Modifiers that make an "attack" a medical event ("a heart attack"), not violence.
MEDICAL_ATTACK = frozenset({"heart", "asthma", "panic", "anxiety", "cardiac", "epileptic"})
#: Verbs that report that an event noun happened without saying who did it ("clashes *broke
#: out* between X and Y", "talks *resumed* between ..."): the "between" phrase names the sides.
HAPPENING_VERBS = frozenset({"break", "erupt", "flare", "occur", "happen", "resume", "continue",
                             "begin", "start", "take", "end", "intensify", "escalate", "rage",
                             "be", "open", "conclude", "collapse", "stall", "follow", "last"})
#: Verbs of dying: whoever died of an act of violence suffered it ("died after torture").
DEATH_VERBS = frozenset({"die", "succumb", "perish"})
#: Prepositions that tie a death to its cause ("after", "from", "of", "as a result of",
#: "due to", "following", "under").
CAUSE_PREPS = frozenset({"after", "from", "of", "following", "under", "to", "during"})


def hyphen_lemma(token: Token) -> str | None:
    """ "cease-fire": the tokenizer splits a hyphenated noun into three tokens, and the head
    ("fire") alone means something else; the joined form is what the lexicon lists."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_:
        return None
    first = doc[token.i - 2]
    if first.whitespace_ or not first.is_alpha:
        return None
    return f"{first.lower_}-{token.lemma_.lower()}"


#: Participles that say an "attack" was made in words: "attacked the spy chiefs, *calling* them
#: nutters", "launched an attack on the minister, *accusing* him of lying".
VERBAL_ATTACK_PARTICIPLES = frozenset({"call", "accuse", "describe", "brand", "label", "dub",
                                       "charge", "blame", "say", "claim", "denounce", "slam"})


def attack_in_words(verb: Token) -> bool:
    """The attack done by (or carried by) this verb is followed by what was said in it."""
    return any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"
               and c.lemma_.lower() in VERBAL_ATTACK_PARTICIPLES for c in verb.children)


def noun_spec(token: Token, lexicon: Lexicon) -> tuple[TriggerSpec | None, int]:
    """Lexicon entry for an event noun, trying a two-word form with its modifier first."""
    lemma = token.lemma_.lower()
    hyphened = hyphen_lemma(token)
    if hyphened is not None:  # "cease-fire" is listed with or without its hyphen
        spec = lexicon.nouns.get(hyphened) or lexicon.nouns.get(hyphened.replace("-", ""))
        if spec is not None:
            return spec, token.i + 1
    for child in token.lefts:
        if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
            spec = lexicon.nouns.get(f"{child.lemma_.lower()} {lemma}") or lexicon.nouns.get(
                f"{child.lower_} {lemma}")
            if spec is not None:
                return _held_together(token, spec), token.i + 1
    for child in token.rights:  # "state of emergency", "cessation of hostilities"
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            spec = lexicon.nouns.get(f"{lemma} of {objs[0].lemma_.lower()}") if objs else None
            if spec is not None:
                return spec, objs[0].i + 1
            break
    spec = lexicon.nouns.get(lemma) or lexicon.nouns.get(token.lower_)
    modifiers = {c.lower_ for c in token.lefts}
    if lemma == "attack" and modifiers & MEDICAL_ATTACK:
        return None, token.i + 1
    if spec is not None and lemma == "strike" and (modifiers & LABOUR_STRIKE or (
            token.dep_ in ("dobj", "obj") and roles.verb_lemma(token.head, lexicon) in (
                STRIKE_CALLERS))):
        spec = replace(spec, event_type="PROTEST", mode="strike", cameo="143", confidence=0.75,
                       context=("protest",))
    elif spec is not None and lemma in ("attack", "assault") and (
        modifiers & VERBAL_ATTACK or roles.abstract_target(token, ("on", "against"))
        or (token.dep_ in ("dobj", "nsubjpass") and attack_in_words(token.head))
    ):  # "a scathing attack", "an attack on the impeachment proceedings", "..., calling them"
        spec = replace(spec, event_type="ACCUSE", mode="disapprove", cameo="111")
    elif spec is not None and spec.event_type == "MOBILIZE" and lemma in EXERCISES:
        spec = _held_together(token, spec)
    elif spec is not None and lemma == "protest" and modifiers & DIPLOMATIC_PROTEST:
        spec = replace(spec, event_type="ACCUSE", mode="disapprove", cameo="111", context=())
    return spec, token.i + 1


#: Nouns that are an event only when nothing else is said of them ("Russian troops near the
#: border"): as a clause's subject or object they are a party to that clause's event
#: ("Iraqi troops launched an assault", "American troops began leaving").
PARTY_NOUNS = frozenset({"troop"})
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "conj"})


#: Nouns that are an event only when a verb carries them ("held military drills", "carried out
#: a nuclear test"); alone they are mostly background ("after their nuclear tests").
CARRIED_ONLY = frozenset({"exercise", "drill", "military drill", "manoeuvre", "maneuver",
                          "missile test", "nuclear test", "military exercise"})


def party_in_a_clause(token: Token, spec: TriggerSpec) -> bool:
    """The noun names a party to another predicate, or a background act no verb carries: not
    an event of its own."""
    return spec.key in CARRIED_ONLY or (spec.key in PARTY_NOUNS and token.dep_ in PARTY_DEPS)


def _held_together(token: Token, spec: TriggerSpec) -> TriggerSpec:
    """ "joint naval drills", "exercises with the US navy": a military exercise held together
    is COOPERATE; one country's own is MOBILIZE (PLOVER manual)."""
    if spec.event_type != "MOBILIZE" or token.lemma_.lower() not in EXERCISES:
        return spec
    holders = [token, token.head] if token.dep_ in ("dobj", "obj") else [token]
    if any(c.lower_ in JOINT_MARKS for c in token.lefts) or any(
            c.dep_ == "prep" and c.lower_ == "with" for h in holders for c in h.rights):
        return replace(spec, event_type="COOPERATE", mode=None, cameo="062")
    return spec


#: Amounts and lots that name what they measure through "of": "wrote off $2 billion *of debt*",
#: "delivered a new batch *of air defence systems*" are listed under the debt and the systems.
PARTITIVE_HEADS = frozenset({"billion", "million", "trillion", "batch", "shipment", "consignment",
                             "load", "tonne", "ton", "lot", "tranche", "quantity", "amount",
                             "cargo", "convoy", "portion", "part", "share"})


def object_lemma(token: Token) -> str:
    """The lemma a verb+object pair is listed under ("cease-fire", not "fire"; "armed group",
    so that "formed an armed group" can be listed without "formed a working group"; "debt" for
    "$2 billion of debt")."""
    if token.lemma_.lower() in PARTITIVE_HEADS:
        inner = [o for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"]
        if inner:
            return object_lemma(inner[0])
    lemma = hyphen_lemma(token) or token.lemma_.lower()
    if any(c.dep_ == "amod" and c.lower_ == "armed" for c in token.lefts):
        return f"armed {lemma}"
    return lemma


def between_sides(noun: Token) -> tuple[list[Token], list[Token]]:
    """(actors, recipients) from "between A and B" on the noun ("talks between A and B") or on
    the verb it is the subject of ("clashes broke out between A and B")."""
    heads = [noun]
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") and (
            verb.lemma_.lower() in HAPPENING_VERBS):
        heads.append(verb)
    for head in heads:
        sides = [t for t in syntax.prep_objects(head, ("between",))
                 if syntax.is_actor_token(t) and not syntax.is_pronoun(t)]
        if len(sides) >= 2:
            return sides[:1], sides[1:2]
    return [], []


def death_victims(noun: Token, spec: TriggerSpec) -> list[Token]:
    """Who died of an act of violence ("the activist died *after torture*", "died as a result of
    the beating"): the subject of the dying verb suffered the act."""
    if spec.event_type != "ASSAULT":
        return []
    token, path = noun, set()
    for _ in range(4):  # noun → prep → ("result" → "as") → verb
        if token.dep_ not in ("pobj", "prep", "pcomp") or token.head is token:
            return []
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            break
        path.add(token.lower_)
    else:
        return []
    if token.lemma_.lower() not in DEATH_VERBS or not path & CAUSE_PREPS:
        return []
    return [t for t in syntax.subjects(token) if not syntax.is_pronoun(t)]


#: Nouns naming whoever does the act ("donor"): a copula's subject is that doer.
AGENT_NOUNS = frozenset({"donor"})
COPULAS = frozenset({"be", "remain", "become", "stay"})


def agent_noun_holder(noun: Token) -> list[Token]:
    """Who a role noun is said of: "*the US* remains the largest donor", "*Germany* is one of
    the largest donors"."""
    if noun.lemma_.lower() not in AGENT_NOUNS:
        return []
    head = noun
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "attr":
        head = head.head.head  # "one *of* the largest donors"
    if head.dep_ != "attr" or head.head.lemma_.lower() not in COPULAS:
        return []
    return [t for t in syntax.subjects(head.head) if syntax.is_actor_token(t)
            and not syntax.is_pronoun(t)]


#: Verbs whose subject takes part in an act named by their "in" object ("were engaged in
#: ethnic cleansing", "took part in the attack").
PARTICIPATING_VERBS = frozenset({"engage", "participate", "involve", "take", "join"})


def doers_of(noun: Token) -> list[Token]:
    """Who did an act named by a noun, said by the clause around it: "*the Taliban* claimed
    responsibility for the attack", "*the cartel* is responsible for mass killings", "*Serb
    forces* were engaged in ethnic cleansing"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return []
    head = prep.head
    lemma = head.lemma_.lower()
    if prep.lower_ == "for" and lemma in ("responsible", "responsibility"):
        # "is responsible for" (copula subject), "claimed responsibility for" (verb subject)
        verb = head.head if head.dep_ in ("acomp", "dobj", "attr") else None
    elif prep.lower_ == "in" and lemma in PARTICIPATING_VERBS and head.pos_ in ("VERB", "AUX"):
        verb = head
    else:
        return []
    if verb is None:
        return []
    found = syntax.subjects(verb) or syntax.passive_subjects(verb)
    return [t for t in found if not syntax.is_pronoun(t) and (syntax.is_actor_token(t) or any(
        c.dep_ == "compound" and c.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")
        for c in t.children))]  # "Los Zetas cartel"


#: Words for people and places, for what a "seized" or "captured" object is.
PERSON_WORDS = frozenset({
    "man", "men", "woman", "women", "child", "children", "soldier", "soldiers", "fighter",
    "fighters", "journalist", "journalists", "civilian", "civilians", "activist", "activists",
    "leader", "leaders", "official", "officials", "suspect", "suspects", "member", "members",
    "militant", "militants", "people", "person", "worker", "workers", "hostage", "hostages",
    "prisoner", "prisoners", "commander", "commanders", "protester", "protesters", "student",
    "students", "opposition", "dissident", "dissidents", "refugee", "refugees", "migrant",
    "migrants", "rebel", "rebels", "insurgent", "insurgents", "policeman", "policemen",
})
PLACE_WORDS = frozenset({
    "town", "city", "village", "base", "area", "territory", "airport", "checkpoint", "hill",
    "district", "province", "region", "neighbourhood", "neighborhood", "border", "crossing",
    "port", "road", "highway", "bridge", "outpost", "camp", "positions", "position", "capital",
    "stronghold", "airbase", "field", "oilfield", "dam", "island", "valley", "suburb", "quarter",
})


#: Rooms and buildings named after what happens in them ("the meeting room", "the press hall").
ROOMS = frozenset({"room", "hall", "chamber", "venue", "building"})


def is_place_token(token: Token) -> bool:
    """A place word or name: a seized place is territory taken (ASSAULT)."""
    return token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.lower() in PLACE_WORDS


def is_person_token(token: Token) -> bool:
    """A person word or name: a seized person is arrested (COERCE)."""
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_WORDS or (
        token.lower_ in PERSON_WORDS)


#: Predicates that lay blame on their subject ("X was responsible", "X was behind the attack").
BLAME_WORDS = frozenset({"responsible", "guilty", "culpable", "behind"})


def blamed(speech: Token, lexicon: Lexicon) -> tuple[Token, list[Token]] | None:
    """(clause head, blamed subjects) of a reported "X was responsible": the speaker accuses X
    ("the Afghan government said *Taliban militants were responsible*"); responsibility for a
    thing that is no act ("for the budget") is no blame."""
    for clause in speech.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() != "be":
            continue
        preds = [c for c in clause.children if (c.dep_ == "acomp" and (
            c.lemma_.lower() in BLAME_WORDS)) or (c.dep_ == "prep" and c.lower_ == "behind")]
        things = [o for p in preds for o in (
            syntax.prep_objects(p, ("for",)) if p.dep_ == "acomp"
            else [c for c in p.children if c.dep_ == "pobj"])]
        if preds and all(t.lemma_.lower() in lexicon.nouns or t.tag_ == "VBG" for t in things):
            found = [t for t in syntax.subjects(clause) if not syntax.is_pronoun(t)]
            return (clause, found) if found else None
    return None
