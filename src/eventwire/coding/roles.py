"""Word-level and role-level rules of the event detector, kept apart from its control flow.

Which verbs move things (and so whose "to" phrase is the recipient), which objects are money,
peacekeepers or banned political actors, which attacks are verbal, which phone calls are
consultations, and where a recipient hides when none hangs on the trigger. Pure functions of
spaCy tokens and the lexicon; the detector in :mod:`eventwire.coding.detect` calls them.

The second half holds the fallbacks :mod:`eventwire.coding.build` uses when the detector's
participants do not resolve to actors: PLOVER's *target* (``event_targets``: what an action is
aimed at, an actor owning it preferred, else the named place of the act, else the thing itself);
the doer in :mod:`eventwire.coding.fallbacks`, farther recipients in :mod:`.targets`. Written
against development gold only (PLV train, PLOVER GSR), each with a synthetic unit test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.coding import syntax
from eventwire.coding.lexicon import Lexicon, TriggerSpec

if TYPE_CHECKING:
    from spacy.tokens import Token

PEACEKEEPING = frozenset({"peacekeeper", "peacekeepers", "peacekeeping", "peace-keeping"})
#: Dependents of a verb that start a clause of their own (not part of this event's words).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "xcomp", "relcl", "parataxis", "csubj"})
#: Verbs whose money object makes a payment of aid (CAMEO 071 "provide economic aid").
MONEY_VERBS = frozenset({"give", "provide", "donate", "pledge", "grant", "contribute", "allocate",
                         "send", "offer", "award", "transfer", "disburse", "spend", "lend",
                         "loan", "earmark", "commit", "raise", "channel", "release"})
CURRENCIES = frozenset({"dollar", "euro", "pound", "yuan", "yen", "rupee", "franc", "krone",
                        "krona", "shekel", "riyal", "dinar", "dirham", "ruble", "rouble", "peso",
                        "naira", "rand", "lira", "won", "ringgit", "taka", "shilling"})
FUNDS = frozenset({"grant", "loan", "credit", "donation", "funding", "fund", "tranche",
                   "package", "contribution", "subsidy", "money", "cash"})
#: Verbs of transfer: their direct object is what moves, the "to" phrase who receives it.
TRANSFER_VERBS = frozenset({"send", "deploy", "dispatch", "give", "return", "deliver", "hand",
                            "supply", "ship", "fly", "airlift", "transfer", "provide", "donate",
                            "lend", "loan", "redeploy"})  # not "deport X to Y": X receives it
#: Verbs whose object is what is given away, so never its receiver.
GIVING_VERBS = MONEY_VERBS | TRANSFER_VERBS
#: Inflection endings and what replaces them, most specific first ("staging" -> "stage").
INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""),
               ("d", ""), ("es", ""), ("s", ""))
#: Verbs that, with a person as object, report a phone call; weaker than the call's purpose.
PHONE_VERBS = frozenset({"call", "phone", "telephone", "ring"})
PHONE_CONFIDENCE = 0.5
#: Targets that make an "attack" verbal ("attacked the decision", "an attack on the plan").
ABSTRACT_TARGETS = frozenset({
    "proceeding", "proceedings", "decision", "policy", "law", "plan", "report", "bill", "record",
    "remark", "comment", "idea", "proposal", "deal", "budget", "reform", "ruling", "statement",
    "speech", "claim", "investigation", "inquiry", "impeachment", "legislation", "strategy",
    "credibility", "integrity", "leadership", "handling", "approach", "stance", "position",
    "decree", "verdict", "judgment", "judgement", "election", "vote", "move", "agenda",
})
#: Doers that make a harm no political event: nature, disease, accidents and animals ("a fire
#: killed 14 workers", "a bear attacked two hikers"). "Explosion" and "blast" are not listed:
#: they are often bombs. A modified "fire" ("rocket fire", "sniper fire") is a weapon.
NON_HUMAN_AGENTS = frozenset({
    "fire", "blaze", "flame", "wildfire", "bushfire", "flood", "floodwater", "flooding",
    "storm", "cyclone", "hurricane", "typhoon", "tornado", "earthquake", "quake", "tremor",
    "aftershock", "landslide", "mudslide", "avalanche", "lightning", "drought", "heatwave",
    "rain", "downpour", "snowfall", "tsunami", "eruption", "volcano", "disease", "virus",
    "outbreak", "epidemic", "pandemic", "cholera", "measles", "accident", "crash", "collision",
    "derailment", "bear", "dog", "shark", "crocodile", "snake", "elephant", "lion", "tiger",
    "wolf", "leopard", "hippo", "hippopotamus",
})
BANNING = frozenset({"ban", "outlaw", "proscribe", "bar"})
#: Banned things that are political actors or their activities (media, parties, protests).
MEDIA_WORDS = frozenset({"newspaper", "paper", "channel", "station", "website", "broadcaster",
                         "outlet", "publication", "magazine", "radio", "television", "network",
                         "party", "organisation", "organization", "movement", "group", "union",
                         "demonstration", "protest", "rally", "march", "gathering", "strike"})


def phone_spec(verb: Token) -> TriggerSpec | None:
    """A phone call to a named person or government (CAMEO 041), not "called X a liar"."""
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in verb.children):
        return None
    objects = syntax.direct_objects(verb)
    if not objects or not all(o.ent_type_ in ("PERSON", "ORG", "GPE") or (
            o.pos_ == "PROPN" and not o.ent_type_) or o.lemma_.lower() in syntax.PERSON_TITLES
            for o in objects):
        return None
    if any(c.dep_ == "appos" and any(d.lower_ in ("a", "an") for d in c.children)
           for o in objects for c in o.children):
        return None  # "called the ambassador a very stupid guy": naming, not phoning
    return TriggerSpec(key="call", event_type="CONSULT", cameo="041", mode="phone",
                       confidence=PHONE_CONFIDENCE)


def abstract_target(token: Token, preps: tuple[str, ...]) -> bool:
    """The attack is aimed at a decision, policy or words: criticism, not violence."""
    targets = syntax.prep_objects(token, preps) if preps else syntax.direct_objects(token)
    return bool(targets) and all(t.lemma_.lower() in ABSTRACT_TARGETS for t in targets)


def bans_actor(verb: Token) -> bool:
    """The banned thing is a person, group or outlet, or is banned *from* doing something."""
    banned = syntax.direct_objects(verb) or syntax.passive_subjects(verb)
    if any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pcomp" for g in c.children)
           for c in verb.children):
        return True
    return any(syntax.is_actor_token(t) and not syntax.is_pronoun(t)
               or t.lemma_.lower() in MEDIA_WORDS for t in banned)


def verb_lemma(token: Token, lexicon: Lexicon) -> str:
    """The verb's lemma, repaired when the lemmatizer missed a lexicon verb ("staged" -> "stag").

    Statistical lemmatizers clip some inflected verbs; when the given lemma is unknown, the
    usual English inflections are undone on the surface form and kept if the lexicon knows it.
    Only dictionary lookups, a handful per verb.
    """
    lemma = token.lemma_.lower()
    if _known_verb(lemma, lexicon):
        return lemma
    word = token.lower_
    for suffix, repl in INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            guess = word[: len(word) - len(suffix)] + repl
            if _known_verb(guess, lexicon):
                return guess
    return lemma


def _known_verb(lemma: str, lexicon: Lexicon) -> bool:
    return (lemma in lexicon.verbs or lemma in lexicon.light_verbs or lemma in lexicon.speech_verbs
            or lemma in lexicon.object_overrides or lemma in MONEY_VERBS)


def complement_recipients(verb: Token) -> list[Token]:
    """Who receives the action named by the verb's infinitive complement."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            made = creates(child)  # "agreed to set up a company": the company receives nothing
            found = syntax.prep_objects(child, ("to", "into", "with", "against", "on")) or (
                syntax.datives(child)) or [t for t in syntax.direct_objects(child)
                                           if syntax.is_actor_token(t) and not made]
            return [t for t in found if syntax.is_actor_token(t)]
    return []


def place_recipient(noun: Token | None, verb: Token) -> list[Token]:
    """A country or region the action is aimed at or done in, when nobody else receives it.

    PLOVER codes the state whose territory an action targets ("lifted its blockade of Yemen",
    "imposed a curfew on Basra") as its recipient; only named places qualify.
    """
    for head, preps in ((noun, ("of", "on", "against", "in", "to", "for")),
                        (verb, ("on", "against", "to", "in", "into", "for"))):
        if head is None:
            continue
        found = syntax.prep_objects(head, preps)
        places = [t for t in found if t.ent_type_ in ("GPE", "LOC")]
        if places:
            return places
    return []


def protest_target(verb: Token) -> list[Token]:
    """Whom a protest is aimed at when no recipient hangs on it: "... in protest against X",
    "rallied to demand reforms from X", "struck to press the government".
    """
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":  # "in protest against/at X"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = syntax.prep_objects(pobj, ("against", "at", "over"))
                if found:
                    return [t for t in found if syntax.is_actor_token(t)]
        if child.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            found = syntax.prep_objects(child, ("from", "against", "by")) + [
                t for t in syntax.direct_objects(child) if syntax.is_actor_token(t)]
            if found:
                return found
    return []


def requested_against(verb: Token, lexicon: Lexicon) -> list[Token]:
    """ "called for sanctions against China": the requested action's target."""
    for child in verb.children:
        nouns = [child] if child.dep_ in syntax.OBJECT_DEPS else [
            c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else []
        for noun in nouns:
            spec = lexicon.nouns.get(noun.lemma_.lower())
            if spec is not None:
                found = syntax.prep_objects(noun, spec.recipient_preps)
                if found:
                    return found
    return []


def clause_subjects(verb: Token) -> list[Token]:
    """Subject of a verb's complement clause: whom "X demanded that Y ..." is addressed to."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            found = syntax.subjects(child) or syntax.passive_subjects(child)
            own = {t.i for t in syntax.subjects(verb)}  # a subjectless clause names no one new
            return [t for t in found if not syntax.is_pronoun(t) and t.i not in own]
    return []


def is_peacekeeping(verb: Token, trigger: Token) -> bool:
    """A deployment whose troops or mission are peacekeeping, read off the clause's own words."""
    words = [verb, trigger] + [t for c in verb.children if c.dep_ not in CLAUSE_DEPS
                               for t in c.subtree]
    return any(t.lower_ in PEACEKEEPING or t.lemma_.lower() in PEACEKEEPING for t in words)


def is_money(obj: Token) -> bool:
    """The object is a sum of money ("$2 million", "352.5 million euros", "a grant of ...")."""
    lemma = obj.lemma_.lower()
    return obj.ent_type_ == "MONEY" or lemma in CURRENCIES or lemma in FUNDS or any(
        t.ent_type_ == "MONEY" for t in obj.subtree if t.i <= obj.i)


#: Entity labels that never name what an action is aimed at ("on Tuesday", "$2 million").
NOT_TARGET_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                             "ORDINAL"})
#: Prepositions that introduce what an action is aimed at, most telling first.
TARGET_PREPS = ("on", "against", "to", "with", "between", "among", "into", "at", "from",
                "over", "toward", "towards", "for", "in", "of")
#: Prepositions whose object owns a speech act or document: "a call *from* X", "a bid *by* X".
OWNER_PREPS = ("by", "from", "of")


def names_event(token: Token, lexicon: Lexicon) -> bool:
    """An event noun, including "X of Y" entries: "a *state* of emergency" is no state."""
    return token.lemma_.lower() in lexicon.nouns or heads_event_phrase(token, lexicon)


def heads_event_phrase(token: Token, lexicon: Lexicon) -> bool:
    """The head of a listed "X of Y" event ("state of emergency", "cessation of hostilities")."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return any(f"{lemma} of {o.lemma_.lower()}" in lexicon.nouns
                       for o in child.children if o.dep_ == "pobj")
    return False


def is_target_token(token: Token) -> bool:
    """A noun that can name what an action is aimed at: not a date, a sum or a bare pronoun."""
    return (token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in NOT_TARGET_ENTS
            and not syntax.is_reciprocal(token) and not is_money(token))


def owner(token: Token) -> Token:
    """Who stands behind a targeted thing: "rejected a call *from Mandela*", "*Egypt's* bid".

    PLOVER codes the author of a refused request, or the holder of a seized town, as the
    recipient; a thing with no named owner is its own target.
    """
    if syntax.is_actor_token(token) and not syntax.is_pronoun(token):
        return token
    for child in token.children:  # "the bid, *a plan of the Arab League*"
        if child.dep_ == "appos" and syntax.is_actor_token(child):
            return child
    for child in token.children:
        if child.dep_ == "poss" and syntax.is_actor_token(child) and not syntax.is_pronoun(child):
            return child
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in OWNER_PREPS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                if syntax.is_actor_token(pobj) and not syntax.is_pronoun(pobj):
                    return pobj
    for child in token.children:  # "rejected an appeal *filed by X*", "crimes committed by X"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            found = [t for t in syntax.agents(child) if syntax.is_actor_token(t)
                     and not syntax.is_pronoun(t) and not _natural_force(t)]
            if found:
                return found[0]
    return token


def _natural_force(token: Token) -> bool:
    """ "Cyclone Nargis", "the floods": a force of nature owns no act ("areas devastated by")."""
    return any(t.lemma_.lower() in NON_HUMAN_AGENTS for t in token.subtree if t.i <= token.i)


#: Nouns that name another party even when "their" own ("met its counterparts", "allies").
OTHER_PARTIES = frozenset({"counterpart", "ally", "partner", "neighbour", "neighbor", "rival",
                           "enemy", "opponent", "adversary", "foe", "critic", "owner"})


def own_thing(token: Token) -> bool:
    """The actor's own troops, borders or weapons ("withdraw *its troops*", "lay down *their
    weapons*"): moved or used by the act, not aimed at; the place or party beyond is."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and lemma not in OTHER_PARTIES and token.dep_ not in (
        "nsubj", "nsubjpass") and (
        lemma not in syntax.PERSON_TITLES) and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children)


def _carrier(noun: Token) -> Token | None:
    """The verb an event noun is the object of, or the subject of ("American *troops* have
    begun leaving Afghanistan": what they do is aimed at Afghanistan)."""
    if noun.dep_ in syntax.SUBJECT_DEPS and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return governing_verb(noun)


def _named_modifier(noun: Token) -> Token | None:
    """A nationality or state naming whose act an event noun is: "an *Australian* ultimatum"."""
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
            return child
    return None


def governing_verb(noun: Token) -> Token | None:
    """The verb whose object (directly or through a preposition) an event noun is."""
    head = noun
    for _ in range(3):
        if head.dep_ not in ("dobj", "obj", "nsubjpass", "pobj", "prep", "attr", "conj"):
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def event_targets(trigger: Token, nominal: bool, found: tuple[Token, ...] | list[Token],
                  lexicon: Lexicon, actors: tuple[Token, ...] | list[Token] = (),
                  phrase_words: frozenset[str] = frozenset()) -> list[Token]:
    """What an action is aimed at when no actor receives it (PLOVER's target).

    Annotators code the object of an action as its recipient whether or not it is an actor
    ("rejected the referendum", "declared a state of siege in Katanga", "searched the
    residence"). Candidates are gathered in order of how directly they hang on the trigger
    (the participants the detector found, the event noun's "by"/"from" author and its
    prepositional objects, the verb's objects, datives and prepositional objects, then its
    infinitive complement); the first that can name an actor wins ("severed ties *with
    Colombia*", "returned the skulls *to Peru*"), then a named place the action is done in,
    else the first thing. Words of the trigger's own phrase ("remain on *alert*") are no target.
    """
    taken = {t.i for t in actors}
    pool = [t for t in _target_pool(trigger, nominal, found, lexicon)
            if t.i not in taken and t.i != trigger.i and t.lemma_.lower() not in phrase_words
            and not (t.head.lower_ == "in" and names_event(t, lexicon))  # "captured in the war"
            and not own_thing(t)]  # "withdraw *its troops*"
    for token in pool:
        if syntax.is_actor_token(token) and not syntax.is_pronoun(token) and not (
                token.pos_ == "NOUN" and names_event(token, lexicon)) and not (
                token.ent_type_ == "PERSON" and token.is_lower):  # "comb the *bush*"
            return [token]
    verb = _carrier(trigger) if nominal else trigger
    places = clause_places(verb if verb is not None else trigger)
    if not places and not pool and nominal and syntax.names_people(trigger) and (
            trigger.lemma_.lower() not in syntax.GROUP_NOUNS) and (
            trigger.dep_ not in syntax.SUBJECT_DEPS) and not own_thing(trigger):
        # (troops who act, or the actor's own troops, receive nothing)
        return [trigger]  # "accepted 1,141 Iraqi refugees": the people taken in receive it
    return places[:1] or pool[:1]


#: Clause parts that are not where this action happened (other clauses, the subject's phrase).
NOT_THIS_CLAUSE = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "conj", "nsubj",
                             "nsubjpass", "agent"})


def _untyped_name(token: Token) -> bool:
    """A proper name the tagger gave no place label ("in Tarcin", "in Niger" tagged PERSON)."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON") and not any(
        c.dep_ == "compound" for c in token.children)


#: Prepositions that place an action in a territory ("a ceasefire *in* Somalia").
PLACE_PREPS = frozenset({"in", "into", "inside", "across", "throughout"})


def clause_places(verb: Token, loose: bool = False) -> list[Token]:
    """Named places the action is done in, in text order: a thing-only action is aimed there.

    PLV annotators code "declared a unilateral ceasefire ... in Somalia" and "set up a company in
    Berlin" with the place as recipient when nobody else receives the action.
    """
    found: list[Token] = []

    def inside(token: Token) -> bool:  # purpose clauses belong to the act ("gave X to help")
        return token.dep_ not in NOT_THIS_CLAUSE or (token.dep_ == "advcl" and is_purpose(token))

    stack = [c for c in verb.children if inside(c)]
    while stack:
        token = stack.pop()
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS and (
                token.ent_type_ in ("GPE", "LOC") or (loose and _untyped_name(token))):
            found.append(token)
        stack.extend(c for c in token.children if inside(c))
    return sorted(found, key=lambda t: t.i)


def _target_pool(trigger: Token, nominal: bool, found: tuple[Token, ...] | list[Token],
                 lexicon: Lexicon) -> list[Token]:
    pool = _with_inner([t for t in found if is_target_token(t)], lexicon)
    verb: Token | None = trigger
    if nominal:
        for child in trigger.children:  # "accepted demands *by protesters*"
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                pool += [o for o in child.children if o.dep_ == "pobj" and is_target_token(o)]
        pool += _with_inner(_prep_targets(trigger, _preps_of(trigger, lexicon)), lexicon)
        for child in trigger.children:  # "a mediation effort *to prevent war between X and Y*"
            if child.dep_ == "acl" and child.pos_ == "VERB" and is_purpose(child):
                pool += _target_pool(child, False, (), lexicon)
                break
        verb = _carrier(trigger)
    if verb is None:
        return pool
    objects = syntax.direct_objects(verb)
    if not objects and syntax.is_passive(verb):
        objects = syntax.passive_subjects(verb)
    if creates(verb):  # "agreed to set up a company in Berlin": what is made is aimed at no one
        pool += [t for o in objects for t in o.subtree  # "hospitals ... *in Louisiana*"
                 if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS
                 and t.ent_type_ in ("GPE", "LOC")]
        objects = []
    pool += _with_inner([o for o in objects if is_target_token(o)], lexicon)
    for other in (o for o in objects if not is_target_token(o)):  # "evacuated the wounded
        pool += _prep_targets(other)  # *from the town of Gorazde*"
    pool += [owner(o) for o in syntax.datives(verb) if is_target_token(o)]
    pool += _with_inner(_prep_targets(verb), lexicon)
    for child in verb.children:  # "agreed to meet X", "launched a bid to prevent war between"
        if child.dep_ in ("xcomp", "advcl") and child.pos_ in ("VERB", "AUX") and (
                child.dep_ == "xcomp" or is_purpose(child)):
            pool += _target_pool(child, False, (), lexicon)
            break
    pool += condition_subjects(verb)
    return pool


#: Verbs that bring their object into being ("set up", "establish"): it cannot receive the act.
CREATION_VERBS = frozenset({"establish", "create", "form", "build", "found", "construct",
                            "install", "set up", "launch"})


def creates(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    prt = syntax.particle(verb)
    return lemma in CREATION_VERBS or (prt is not None and f"{lemma} {prt}" in CREATION_VERBS)


def is_purpose(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


#: Subordinators of a condition someone else must meet ("will not lift the embargo *until*
#: Cuba undertakes reforms"): that someone is whom the refusal or threat is aimed at.
CONDITION_MARKS = frozenset({"until", "unless", "if"})


def condition_subjects(verb: Token) -> list[Token]:
    """Subjects of a condition clause on the verb, when they name an actor."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                         for c in child.children):
            # "until their demands are met *by the authorities*": whoever must act
            found = [t for t in syntax.subjects(child) + syntax.agents(child)
                     + syntax.passive_subjects(child)
                     if syntax.is_actor_token(t) and not syntax.is_pronoun(t)]
            return found[:1]
    return []


def _with_inner(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Each target's owner, followed by what it is aimed at: "suspension of aid *to Egypt*"."""
    result = []
    for token in tokens:
        inner = _prep_targets(token, _preps_of(token, lexicon))
        for child in token.children:  # "sanctions *imposed on India*"
            if child.dep_ == "acl" and child.tag_ == "VBN":
                inner += _prep_targets(child)
        author = owner(token)
        if author.i == token.i and names_event(token, lexicon):
            author = _named_modifier(token) or token  # "rejected an *Australian* ultimatum"
        if inner and names_event(token, lexicon) and author.i == token.i:
            result += inner + [author]  # "lift the ban *on Cypriot ships*": the act's target
        elif inner and names_event(token, lexicon):
            # "rejected *May's* agreement on withdrawal from the EU", "denounced *Serbia's*
            # suppression of unrest in X": an act someone else owns is aimed at its owner
            result += [author] + inner
        else:
            result += [author] + inner
    return result


def _preps_of(noun: Token, lexicon: Lexicon) -> tuple[str, ...]:
    spec = lexicon.nouns.get(noun.lemma_.lower())
    return tuple(dict.fromkeys((spec.recipient_preps if spec else ()) + TARGET_PREPS))


def _prep_targets(head: Token, preps: tuple[str, ...] = TARGET_PREPS) -> list[Token]:
    """Prepositional objects of a head that could be a target, in the order of ``preps``."""
    found: list[Token] = []
    for prep in preps:
        found += [owner(o) for o in syntax.prep_objects(head, (prep,)) if is_target_token(o)]
    return found
