"""Reading who did what to whom off a spaCy dependency parse.

spaCy gives the parse but no notion of "the actor of this verb" across passives, control verbs,
participles and relative clauses, so these small functions walk the tree for that. They are pure
functions of tokens, shared by the detector and the quote attribution.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventwire.coding.wordlists import (  # re-exported: other modules read syntax.X
    AGENT_SUFFIXES,
    GROUP_NOUNS,
    NOT_AGENT_NOUNS,
    OF_KEEPING_HEADS,
    PEOPLE_NOUNS,
    PERSON_TITLES,
    QUANTITY_HEADS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
#: Pronouns that stand for an actor mentioned earlier.
ACTOR_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us"})
#: Prepositions whose "-ing" clause is done by the main clause's subject ("by shelling").
MEANS_PREPS = frozenset({"by", "after", "before", "while", "without", "through", "upon", "since",
                         "despite"})
#: Verbs whose "to -ing" complement is done by their subject ("resorted to throwing stones").
RESORTING = frozenset({"resort", "turn", "proceed", "switch", "return", "move"})
#: Verbs with an object whose infinitive is still done by the subject.
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten", "offer"})
#: "summoned the envoy to complain": the caller acts, unless the one called is to answer.
CONTACT_CONTROL = frozenset({"summon", "call", "phone", "telephone", "ring", "contact"})
ANSWERING = frozenset({"explain", "clarify", "answer", "account", "justify", "respond", "testify",
                       "appear", "attend", "resign", "leave", "return", "come"})
DATELINE_DASHES = frozenset({"--", "-", "\u2013", "\u2014", "\"", "(AP)", ":"})
#: Proposals whose relative clause is what their sponsor proposes ("a bill that would ...").
PROPOSALS = frozenset({"legislation", "measure", "amendment", "proposal", "plan", "law"})
#: Documents whose participle clause speaks for whoever issued them.
DOCUMENT_NOUNS = frozenset({"resolution", "statement", "report", "letter", "decree", "motion",
                            "bill", "declaration", "communique", "ruling", "verdict", "note",
                            "petition", "order", "memo", "proclamation"})
#: Prepositions whose phrase belongs to how a participant is named, and the longest name shown.
DISPLAY_PREPS = frozenset({"of", "for", "from", "in", "at"})
MAX_DISPLAY_TOKENS = 14
LEFT_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "quantmod",
                                "case", "punct", "npadvmod", "advmod"})
RIGHT_MODIFIER_DEPS = frozenset({"compound", "flat", "case", "nummod"})


def particle(token: Token) -> str | None:
    """The particle of a phrasal verb ("pull *out*", "call *on*"), lower-cased."""
    for child in token.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def conjuncts(token: Token) -> list[Token]:
    """The token and the heads coordinated with it ("X and Y" → [X, Y])."""
    result = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            result.extend(conjuncts(child))
    return result


def modifier_conjuncts(token: Token) -> list[Token]:
    """Coordinated owners of a head: "UK and *EU* negotiators", "armies of Brazil and *Argentina*"
    → the second side."""
    for owners in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in owners.children if c.dep_ == "pobj"):  # "armies of A and B"
            found = [c for c in pobj.children if c.dep_ == "conj"]
            if found:
                return found
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    for index, child in enumerate(mods):
        found = [c for c in child.children if c.dep_ == "conj" and c.i < token.i]
        if found:
            return found
        if any(c.dep_ == "cc" for c in child.children) and index + 1 < len(mods):
            return [mods[index + 1]]  # small models hang "and EU" beside "UK", not under it
    return []


def _substantive(token: Token) -> Token:
    """Skip quantity heads: "thousands of protesters" → "protesters"."""
    if token.lower_ in QUANTITY_HEADS or token.lemma_.lower() in QUANTITY_HEADS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _substantive(objects[0])
    return token


def subjects(verb: Token) -> list[Token]:
    """Active subjects of a verb, climbing through control, coordination and participles."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not found:  # small models sometimes hang the subject on the auxiliary ("Nusra has re-")
        found = [g for c in verb.children if c.dep_ == "aux" for g in c.children
                 if g.dep_ in SUBJECT_DEPS]
    if found and is_dateline(found[0]):
        found = [f for f in found[1:] if not is_dateline(f)] or after_dateline(found[0], verb)
    if found:
        subj = found[0]
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            if proposed_by_document(verb):  # "introduced a bill that would sanction X"
                return subjects(verb.head.head)
            return conjuncts(_substantive(verb.head))
        return conjuncts(_substantive(subj))
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX") and not verb_has_subject_control(
            head, verb):
        controller = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        if controller:  # object control: "urged all sides to respect the truce"
            return conjuncts(_substantive(controller[0]))
    if verb.dep_ in ("xcomp", "conj") and head.pos_ in ("VERB", "AUX"):
        return subjects(head)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.pos_ in ("VERB", "AUX"):
        return subjects(head.head)  # "Honduras is willing to withdraw"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "..., killing four", "while also condemning X": a subjectless participle clause is
        # done by the main clause's subject
        return subjects(head) if head.pos_ in ("VERB", "AUX") else []
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        governor = head.head
        if governor.dep_ in OBJECT_DEPS and head.lower_ in ("for", "of") and (
                governor.pos_ in ("NOUN", "PROPN")):  # "accused *the minister* of stealing"
            return conjuncts(_substantive(governor))
        if governor.pos_ == "ADJ" and governor.dep_ == "acomp" and governor.head.pos_ in (
                "VERB", "AUX"):  # "X and Y were guilty of violating the truce"
            return subjects(governor.head)
        if governor.pos_ not in ("VERB", "AUX"):
            return []
        if head.lower_ in MEANS_PREPS or (head.lower_ == "to" and governor.lemma_.lower() in (
                RESORTING)):  # "by shelling the village", "resorted to throwing stones"
            return subjects(governor)
        objects = [c for c in governor.children if c.dep_ in OBJECT_DEPS]
        if head.lower_ in ("for", "of") and objects:  # "condemned Vietnam for executing"
            return conjuncts(_substantive(objects[0]))
        return []
    if verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in verb.children):
        return subjects(head) if head.pos_ in ("VERB", "AUX") else []  # purpose clause
    if verb.dep_ == "acl" and head.lemma_.lower() in DOCUMENT_NOUNS and head.dep_ in OBJECT_DEPS:
        return subjects(head.head)  # "parliament passed a resolution criticizing X"
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
        carrier = _carrying_verb(verb, head)
        if carrier is not None:  # "sent teams in a bid to oust X", "took a position to disperse"
            return subjects(carrier)
        return conjuncts(_substantive(head))
    if verb.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and 0 < verb.i - head.i <= 2:
        return subjects(head)  # a complement with no subject of its own: "X let free Y"
    return []


def _carrying_verb(verb: Token, noun: Token) -> Token | None:
    """The verb whose subject does a purpose infinitive hung on a noun that names no one.

    "in a bid to", "in an effort to", "took steps to": the noun (a bid, a position) cannot act,
    so the infinitive is done by the subject of the verb that carries the noun, directly or
    through a preposition. Nouns that name people keep the infinitive ("the first country to").
    """
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if noun.pos_ != "NOUN" or noun.ent_type_ or names_people(noun) or is_acronym(noun):
        return None
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    elif noun.dep_ not in OBJECT_DEPS:
        return None
    if any(c.dep_ == "dative" for c in governor.children):
        return None  # "granted *the DSS* permission to detain X": the grantee acts
    return governor if governor.pos_ in ("VERB", "AUX") and governor.i != noun.i else None


def verb_has_subject_control(verb: Token, complement: Token | None = None) -> bool:
    """ "promised the voters to cut taxes", "summoned the envoy to complain": the subject acts."""
    lemma, done = verb.lemma_.lower(), complement.lemma_.lower() if complement else "explain"
    return lemma in SUBJECT_CONTROL or (lemma in CONTACT_CONTROL and done not in ANSWERING)


def is_dateline(token: Token) -> bool:
    """ "JERUSALEM -- ...", "THE HAGUE, Netherlands (AP) - ...": a place heading the story."""
    sent_start = token.sent.start
    if token.i - sent_start > 3 or not token.text.isupper() or len(token.text) < 2:
        return False
    doc = token.doc
    for t in doc[token.i + 1:min(token.i + 7, token.sent.end)]:
        spaced = t.whitespace_ and doc[t.i - 1].whitespace_  # " -- ", not "multi-pronged"
        if (t.text in DATELINE_DASHES and spaced) or t.text.startswith("("):
            return True
        if not (t.pos_ == "PROPN" or t.is_punct or t.text.isupper()):
            return False  # a headline place is followed only by names up to the dash
    return False


def after_dateline(dateline: Token, verb: Token) -> list[Token]:
    """The real subject hidden behind a dateline the parser took for one."""
    doc = dateline.doc
    dash = next((t.i for t in doc[dateline.i + 1:verb.i] if t.text in DATELINE_DASHES), None)
    if dash is None:
        return []
    for token in doc[dash + 1:verb.i]:
        if token.pos_ in ("NOUN", "PROPN") and not dash < token.head.i < verb.i:
            return conjuncts(_substantive(token))
    return []


def proposed_by_document(verb: Token) -> bool:
    """The verb is what a bill, resolution or motion someone put forward would do: "introduced a
    bill *that would sanction* Turkish officials" (its sponsor's proposal)."""
    head = verb.head
    return verb.dep_ == "relcl" and head.lemma_.lower() in DOCUMENT_NOUNS | PROPOSALS and (
        head.dep_ in OBJECT_DEPS) and head.head.pos_ in ("VERB", "AUX")


def passive_subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if found:
        subj = found[0]
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return conjuncts(_substantive(verb.head))
        return conjuncts(_substantive(subj))
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and is_passive(verb.head):
        return passive_subjects(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(_substantive(verb.head))  # "militants killed in the raid"
    return []


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children):
        return is_passive(verb.head)  # "was tortured and *killed*": shares the passive
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
        c.dep_ in SUBJECT_DEPS or (c.dep_ == "aux" and c.lemma_.lower() == "have")
        for c in verb.children)  # "Kolkata: The government has denied ..." hung as an acl


def agents(verb: Token) -> list[Token]:
    """The "by X" phrase of a passive verb or an event noun."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return conjuncts(_substantive(objects[0]))
    return []


def direct_objects(token: Token) -> list[Token]:
    """The verb's object; a noun object beats a mis-tagged one ("his counterpart(ADJ) X")."""
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    nouns = [c for c in objects if c.pos_ in ("NOUN", "PROPN", "PRON")]
    for child in nouns[:1] or objects[:1]:
        return conjuncts(_substantive(child))
    return []


def datives(token: Token) -> list[Token]:
    for child in token.children:
        if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return conjuncts(_substantive(child))
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "gave $2 million *to* Ethiopia"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return conjuncts(_substantive(objects[0]))
    return []


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the first preposition among ``preps`` attached to the token."""
    wanted = set(preps)
    for child in token.children:
        if child.dep_ in ("prep", "prt", "agent") and child.lower_ in wanted:
            objects = [c for c in child.children
                       if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")]
            if objects:  # "on Tuesday" is when, not whom
                return conjuncts(_substantive(objects[0]))
    return []


def noun_modifier_actors(noun: Token) -> list[Token]:
    """Actors named inside an event noun's phrase: "Nusra's attacks", "Israeli airstrikes"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return conjuncts(child)
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("amod", "compound") and child.ent_type_ in (
            "NORP", "ORG", "GPE", "PERSON"
        ):
            return [child]
    return []


def phrase(token: Token) -> Span:
    """The noun phrase a participant token heads, without relative clauses or long modifiers."""
    doc = token.doc
    keep = [token]
    for child in token.lefts:
        if child.dep_ in LEFT_MODIFIER_DEPS:
            keep.extend(child.subtree)
    for child in token.rights:
        keeps_of = child.dep_ == "prep" and child.lower_ == "of" and (
            token.lemma_.lower() in OF_KEEPING_HEADS) and any(
            c.dep_ == "pobj" for c in child.children)  # not "the minister of stealing funds"
        if child.dep_ in RIGHT_MODIFIER_DEPS or keeps_of:
            keep.extend(child.subtree)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    for t in doc[start:token.i]:  # "PARIS (Reuters) - Fighters": the dateline is no part of it
        if t.text in DATELINE_DASHES and t.is_punct and t.whitespace_ and t.i > start and (
                doc[t.i - 1].whitespace_):
            start = t.i + 1
    while start < token.i and (doc[start].pos_ in ("DET", "PUNCT", "CCONJ") or doc[start].is_space):
        start += 1
    while end - 1 > token.i and (doc[end - 1].pos_ in ("PUNCT", "CCONJ") or doc[end - 1].is_space
                                 or doc[end - 1].dep_ == "case"):  # "Amit Shah's" -> "Amit Shah"
        end -= 1
    return doc[start:end]


def names_people(token: Token) -> bool:
    """A common noun for people or an organisation: "teachers", "the committee", "inspectors".

    The dictionaries cannot list every group that acts in the news; an agent noun (-er, -or,
    -ist, -ian, -ee) or an organisation word is an actor even when unknown (sector None).
    """
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma in NOT_AGENT_NOUNS:
        return False
    if lemma in GROUP_NOUNS or lemma in PERSON_TITLES or lemma in PEOPLE_NOUNS:
        return True
    return len(lemma) > 4 and lemma.endswith(AGENT_SUFFIXES)


def is_actor_token(token: Token) -> bool:
    """Could the token name a participant (a named entity, a proper noun, people, a group)?"""
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (
        token.pos_ in ("PROPN", "NOUN") and (token.pos_ == "PROPN" or is_acronym(token))
        and token.ent_type_ not in ("DATE", "TIME", "MONEY", "CARDINAL")
    ) or names_people(token) or is_pronoun(token)


def is_acronym(token: Token) -> bool:
    """ "ICE", "USAID": small models tag unknown agency acronyms as common nouns."""
    return token.pos_ in ("NOUN", "PROPN") and token.is_upper and token.is_alpha and (
        2 <= len(token.text) <= 7)


def display_phrase(token: Token) -> Span:
    """The participant as a reader names it: the noun phrase with its post-modifiers.

    "A court *in Ecuador*", "Teachers *from Denver Public Schools*", "Omar al-Razza, *the
    Jordanian counterpart*". Dictionary lookups use :func:`phrase`; this span is only shown.
    """
    core = phrase(token)
    doc = token.doc
    end = core.end
    for child in token.rights:
        if child.i < end:
            continue
        if child.dep_ == "punct" and child.text == "," and child.i == end:
            continue
        keep = (child.dep_ == "prep" and child.lower_ in DISPLAY_PREPS and not any(
            c.ent_type_ in ("DATE", "TIME") for c in child.children
        ) and any(c.dep_ == "pobj" for c in child.children)) or child.dep_ == "appos"
        if not keep:
            break
        last = max(t.i for t in child.subtree)
        if last + 1 - core.start > MAX_DISPLAY_TOKENS:
            break
        end = last + 1
    while end > core.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[core.start:end]


def appositive(token: Token) -> Token | None:
    """The apposition of a name: "Abu Shaimaa, *a Nusra Front commander*"."""
    for child in token.children:
        if child.dep_ == "appos":
            return child
    return None


def contact_objects(verb: Token, contact_verbs: frozenset[str]) -> list[Token]:
    """Whom a contact was made with, for its purpose clause: "summoned *the envoy* to complain"."""
    head = verb.head
    if verb.dep_ in ("advcl", "xcomp") and head.i != verb.i and (
            head.lemma_.lower() in contact_verbs):
        return direct_objects(head)
    return []


def reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the verb that reports the pronoun's clause: "*Hungary* says it will ...".

    In news English a subject pronoun in a reported clause nearly always refers to the reporter
    when that is a full noun phrase, so it beats an antecedent from an earlier sentence.
    """
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pronoun.head
    for _depth in range(3):
        if verb.dep_ not in ("ccomp", "conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
        found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not is_dateline(c)]
        if found:  # "ISLAMABAD -- Prime Minister X said that he ...": the dateline is no one
            subj = _substantive(found[0])
            if subj.pos_ in ("NOUN", "PROPN") and subj.i < pronoun.i:
                return subj
            return None
    return None


#: Verbs that report what their subject says (or has decided) in a complement clause.
REPORTING_VERBS = frozenset({"say", "tell", "announce", "state", "declare", "insist", "add",
                             "reiterate", "confirm", "claim", "stress", "assert", "affirm"})
#: Possessive pronouns that tie a description to someone already named ("*his* country").
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})


def is_dependent_mention(token: Token) -> bool:
    """A description that leans on someone named before: "*his country*", "*their forces*",
    "*the fighters*" (a common noun with a possessive pronoun, or "the" and no name of its own).
    """
    if token.pos_ != "NOUN" or token.ent_type_ or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return False  # only a reported clause: "demanded that *its partners* refuse" is not
    mods = [c for c in token.children if c.dep_ in LEFT_MODIFIER_DEPS or c.dep_ == "appos"]
    if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in mods):
        return True
    named = any(t.pos_ == "PROPN" or t.ent_type_ for c in mods for t in c.subtree)
    return not named and any(c.dep_ == "det" and c.lower_ == "the" for c in mods)


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in ACTOR_PRONOUNS


def is_reciprocal(token: Token) -> bool:
    """ "each other" / "one another" as an object."""
    return token.lower_ in ("other", "another") and any(
        c.lower_ in ("each", "one") for c in token.children
    ) or token.lower_ in ("each other", "one another")
