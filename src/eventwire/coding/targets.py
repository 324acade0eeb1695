"""Recipients that hang further from the trigger than the detector looks.

Journalistic English often names whom an act is aimed at one phrase away from its trigger: the
accused inside the claim an investigation is into ("a probe into *claims that two officers*
beat prisoners"), the holder of a permission ("gave *the navy* permission to land"), the
addressee of the letter a threat was sent in ("sent a letter *to the IMF* threatening to cut
funding"), the owner of what is handed back ("will return the vehicles seized *from the army*"),
the party of the dispute a plan settles ("accepted a plan for settling a dispute *with X*"),
and the side an idiom is done with ("join forces *with X*", where "forces" is part of the
idiom). :func:`refine_recipients` applies these after the detector and the fallbacks of
:mod:`eventwire.coding.build`; each rule was found on development gold only (PLV train, PLOVER
GSR) and is pinned by a synthetic unit test (tests/unit/test_recipients_*.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.coding import roles, syntax
from eventwire.coding.participants import Participant
from eventwire.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.coding.detect import Candidate
    from eventwire.coding.lexicon import Lexicon
    from eventwire.coding.participants import Resolve

#: Nouns that report an accusation whose "that" clause names the accused.
CLAIM_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "report", "suspicion",
                         "rumour", "rumor", "complaint", "assertion", "evidence", "indication",
                         "suggestion"})
#: Prepositions that introduce what an investigation or accusation is about.
ABOUT_PREPS = ("into", "of", "over", "on", "about")
#: Nouns of permission: whoever receives one is the recipient, not what it allows.
PERMISSION_NOUNS = frozenset({"permission", "approval", "authorization", "authorisation",
                              "go-ahead", "consent", "clearance", "licence", "license", "mandate",
                              "permit", "access", "waiver", "leave"})
#: Verbs by which a message, document or demand reaches an addressee.
ADDRESSING_VERBS = frozenset({"send", "write", "issue", "deliver", "hand", "present", "submit",
                              "address", "give", "forward", "dispatch", "direct", "fax", "email",
                              "mail", "post"})
#: Verbs of taking something from its holder ("seized from X", "captured from X").
TAKING_VERBS = frozenset({"seize", "capture", "take", "confiscate", "steal", "loot", "grab",
                          "wrest", "recapture", "impound", "snatch", "expropriate", "requisition",
                          "commandeer", "win"})
#: Prepositions naming the other side of a dispute or talks inside a thing ("a dispute *with*").
SIDE_PREPS = frozenset({"with", "against"})
#: Nouns of a relation between two sides, whose "with" phrase names the other side.
RELATION_NOUNS = frozenset({"dispute", "conflict", "talks", "negotiation", "war", "row",
                            "standoff", "feud", "quarrel", "agreement", "deal", "relation",
                            "tie", "treaty", "accord", "truce", "ceasefire", "fight"})
#: Nouns of a peaceful tie that is itself cut, kept or boycotted: its "with" names the partner.
TIE_NOUNS = frozenset({"contact", "tie", "relation", "link", "cooperation", "dialogue", "trade",
                       "talks", "negotiation"})
#: Nouns of a document or motion whose participle clause says what it does ("a lawsuit
#: accusing X", "a resolution condemning X").
DOCUMENT_CARRIERS = frozenset({"lawsuit", "suit", "complaint", "petition", "resolution",
                               "statement", "letter", "motion", "bill", "communique",
                               "communiqué", "declaration", "note", "report", "appeal"})


def _named(token: Token) -> bool:
    """An actor-like token that is not a bare pronoun, or a noun a name modifies ("the
    *Sinaloa* cartel", "the *Rio Tinto* company")."""
    if syntax.is_pronoun(token):
        return False
    return syntax.is_actor_token(token) or (token.pos_ == "NOUN" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts))


def _clause_subjects(clause: Token) -> list[Token]:
    """Subjects of an accusation's clause: whoever is accused, named or not ("two soldiers")."""
    return [t for t in syntax.subjects(clause) + syntax.passive_subjects(clause)
            if _named(t) or (roles.is_target_token(t) and not syntax.is_reciprocal(t))]


def claim_subjects(tokens: list[Token], trigger: Token, verb: Token | None) -> list[Token]:
    """The accused inside what is investigated: "into claims *that X* abused", "into whether
    *X* was spied on", "an allegation by Y *that X* had taken the city" (X, not Y)."""
    about: list[Token] = list(tokens)
    for head in (trigger, verb):
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ABOUT_PREPS:
                about += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    for token in about:
        if token.dep_ == "pcomp" and token.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
            found = _clause_subjects(token)
            if found:
                return found
        if token.lemma_.lower() in CLAIM_NOUNS:
            for clause in token.children:
                if clause.dep_ in ("acl", "ccomp") and clause.pos_ in ("VERB", "AUX") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    found = _clause_subjects(clause)
                    if found:
                        return found
    return []


def permission_holder(noun: Token) -> list[Token]:
    """Who is given a permission: "gave *the navy* permission to land", "granted X, permission
    to hold Y" (two objects), "gave approval *for the UN* to deliver aid"."""
    if noun.lemma_.lower() not in PERMISSION_NOUNS:
        return []
    verb = noun.head if noun.dep_ in syntax.OBJECT_DEPS else None
    if verb is not None:
        found = [t for t in syntax.datives(verb) if _named(t)]
        found += [c for c in verb.children if c.dep_ in syntax.OBJECT_DEPS and c.i < noun.i
                  and _named(c)]  # "granted the DSS, permission": a dative parsed as object
        if found:
            return found[:1]
    # "gave the navy permission": the dative read as the noun's compound
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and _named(c)]
    if verb is not None and compounds and any(c.dep_ == "det" and c.i < compounds[0].i
                                              for c in noun.lefts):
        return compounds[:1]
    for head in (noun, verb):
        if head is None:
            continue
        for clause in head.children:  # "approval *for the UN to* deliver aid"
            if clause.dep_ in ("advcl", "acl") and any(
                    c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
                found = [t for t in syntax.subjects(clause) if _named(t)]
                if found:
                    return found[:1]
    return []


def addressee(verb: Token) -> list[Token]:
    """The addressee of the message a participle clause acts through: "sent a letter *to the
    WHO* threatening to cut funding", "wrote to the mayor demanding ..."."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return []
    head = verb.head
    if head.lemma_.lower() not in ADDRESSING_VERBS:
        return []
    found = syntax.datives(head) or syntax.prep_objects(head, ("to",))
    return [t for t in found if _named(t) or t.lemma_.lower() in syntax.PERSON_TITLES]


def taken_from(tokens: list[Token], verb: Token | None) -> list[Token]:
    """The holder something was taken from: "return the vehicles *they seized from the army*",
    "weapons seized from peacekeepers"."""
    heads = tokens + [t.head for t in tokens if t.dep_ == "conj"]  # "depots and bases it seized"
    clauses = [c for t in heads for c in t.children if c.dep_ in ("relcl", "acl")]
    if verb is not None:
        clauses.insert(0, verb)
    for clause in clauses:
        if clause.lemma_.lower() in TAKING_VERBS:
            found = [t for t in syntax.prep_objects(clause, ("from",)) if _named(t)]
            if found:
                return found
    return []


def relation_side(tokens: list[Token]) -> list[Token]:
    """The other side of a relation that is itself the object: "boycott all contact *with the
    United States*", "cut ties *with X*". A relation is never an actor, whatever the words
    around it ("official contact")."""
    for token in tokens:
        if token.pos_ == "NOUN" and token.lemma_.lower() in TIE_NOUNS:
            found = [t for t in syntax.prep_objects(token, tuple(SIDE_PREPS)) if _named(t)]
            if found:
                return found
    return []


def dispute_side(tokens: list[Token], is_event_noun) -> list[Token]:
    """The other party of a dispute or talks inside a thing: "accepted a plan for settling a
    dispute *with the company*". Only through an event noun's "with"/"against"."""
    for token in tokens:
        for inner in token.subtree:
            if inner.dep_ == "pobj" and inner.head.lower_ in SIDE_PREPS and _named(inner) and (
                    inner.head.head.lemma_.lower() in RELATION_NOUNS or is_event_noun(
                        inner.head.head)) and inner.head.head.i != token.i:
                return [inner]
    return []


def up_to_object(verb: Token) -> list[Token]:
    """The object of "kidnapped *up to 16 advisers*", which parsers read as the particle "up"
    and a "to" phrase. Only a counted noun qualifies ("gave up to the police" does not)."""
    if syntax.direct_objects(verb):
        return []
    for prt in (c for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ == "up"):
        for prep in (c for c in prt.children if c.dep_ == "prep" and c.lower_ == "to"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if any(c.dep_ == "nummod" or c.like_num for c in obj.lefts) and (
                        roles.is_target_token(obj)):
                    return syntax.conjuncts(obj)
    return []


#: Prepositions naming where forces are sent against or into, most hostile first.
MOBILIZED_PREPS = ("against", "into", "to", "toward", "towards")


def mobilized_target(verb: Token) -> list[Token]:
    """Whom a mobilization is aimed at, anywhere in its purpose: "mobilized troops for a
    possible order to move *against Syria's air defences*", "placed a brigade in Germany on
    alert to fly *into Lebanon*". Not inside the subject, and not where the forces stand."""
    skip = {t.i for c in verb.children if c.dep_ in syntax.SUBJECT_DEPS for t in c.subtree}
    moved = {t.i for o in syntax.direct_objects(verb) for t in o.subtree}
    best: tuple[int, int, Token] | None = None
    for token in verb.subtree:
        if token.dep_ != "pobj" or token.i in skip or token.i in moved:
            continue
        prep = token.head.lower_
        if prep not in MOBILIZED_PREPS or not (_named(token) or token.ent_type_ in ("GPE", "LOC")
                                               or roles.owner(token).i != token.i):
            continue
        key = (MOBILIZED_PREPS.index(prep), token.i, token)
        if best is None or key[:2] < best[:2]:
            best = key
    return [roles.owner(best[2])] if best else []


def idiom_parts(tokens: list[Token], verb: Token, key: str) -> list[Token]:
    """Objects that are words of the trigger's own idiom ("join *forces*", "take *sides*")."""
    words = set(key.split()[1:])
    return [t for t in tokens if t.head.i == verb.i and t.dep_ in syntax.OBJECT_DEPS
            and t.lemma_.lower() in words]


def document_object(noun: Token) -> list[Token]:
    """What a document's participle clause acts on: "a lawsuit accusing *the cartel*"."""
    if noun.lemma_.lower() not in DOCUMENT_CARRIERS:
        return []
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBG":
            found = [t for t in syntax.direct_objects(clause) if _named(t)]
            if found:
                return found
    return []


def participle_of(sub: Candidate, main: Candidate) -> bool:
    """``sub`` is told in a participle clause of ``main``'s verb: "stormed a base, *killing*
    five", "carried out attacks on X, *killing* dozens". PLOVER codes one assault aimed at the
    main clause's target; the victims counted after the comma are its toll."""
    if sub.event_type != "ASSAULT":  # "filed a suit against X, accusing him": him is X
        return False
    verb = roles.governing_verb(main.trigger) if main.nominal else main.trigger
    return (verb is not None and not sub.nominal and sub.trigger.dep_ == "advcl"
            and sub.trigger.tag_ == "VBG" and sub.trigger.head.i == verb.i)


#: Verbs of a fight between sides named together ("the army and the RSF clashed").
MUTUAL_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "scuffle", "brawl"})
#: Prepositions of where a fight happened, not with whom.
WHERE_PREPS = frozenset({"in", "at", "near", "on", "outside", "around", "across"})


def mutual_sides(cand: Candidate, actors: list[Participant], found: list[Participant],
                 ) -> tuple[list[Participant], list[Participant]] | None:
    """ "Sudan's army and the RSF clashed in Khartoum": the first side fights the second; the
    city is where, not whom. None when the verb is no mutual fight or a side is named."""
    if cand.nominal or len(actors) < 2 or cand.trigger.lemma_.lower() not in MUTUAL_VERBS:
        return None
    if not all(p.token.dep_ == "pobj" and p.token.head.lower_ in WHERE_PREPS for p in found):
        return None
    return actors[:1], actors[1:2]


#: Verbs whose direct object is always a person or group: who is harmed, seized or sent away.
HUMAN_OBJECT_VERBS = frozenset({"abduct", "kidnap", "kill", "murder", "execute", "behead",
                                "wound", "injure", "arrest", "detain", "jail", "imprison",
                                "torture", "rape", "assassinate", "massacre", "slaughter",
                                "deport", "expel", "extradite", "round"})
#: Buildings that stand for the institution housed in them ("rallied outside the US embassy").
SEAT_NOUNS = frozenset({"embassy", "consulate", "parliament", "ministry", "palace",
                        "headquarters", "office", "offices", "court", "courthouse", "legislature",
                        "residence", "hall", "assembly", "mission", "congress", "senate",
                        "chancellery", "presidency", "capitol", "compound"})
#: Prepositions of standing by a building ("outside", "in front of", "at").
BY_PREPS = frozenset({"outside", "at", "near", "before", "opposite", "front", "around"})


def human_object(verb: Token) -> list[Token]:
    """The people a harm or arrest verb acts on: "abducted *40 schoolgirls* from a village in
    Borno" (not the village or the state)."""
    if verb.lemma_.lower() not in HUMAN_OBJECT_VERBS:
        return []
    return [t for t in syntax.direct_objects(verb)
            if roles.is_target_token(t) and not syntax.is_pronoun(t)]


def protest_seat(verb: Token) -> list[Token]:
    """The institution whose building a protest stands at: "rallied *outside the US embassy*",
    "protested in front of parliament"."""
    for token in verb.subtree:
        if token.dep_ == "pobj" and token.lemma_.lower() in SEAT_NOUNS and (
                token.head.lower_ in BY_PREPS or token.head.head.lower_ in BY_PREPS):
            return [token]
    return []


#: Nouns that only frame the act they end or halt ("an end *to police brutality*").
FRAME_NOUNS = frozenset({"end", "halt", "stop", "cessation"})


def framed_act(tokens: list[Token]) -> list[Token]:
    """What an "end"/"halt" is put to: "demanded an end to *police brutality*"."""
    for token in tokens:
        if token.pos_ == "NOUN" and token.lemma_.lower() in FRAME_NOUNS:
            inner = [t for t in syntax.prep_objects(token, ("to", "of")) if
                     roles.is_target_token(t)]
            if inner:
                return [roles.owner(inner[0])]
    return []


#: Verbs of condemning an act ("condemned the attack"), not of looking into it.
CONDEMNING_VERBS = frozenset({"condemn", "denounce", "decry", "deplore", "criticize",
                              "criticise", "slam", "blast", "censure", "lambast", "deride"})


def condemned_act(verb: Token, parts: list[Participant], lexicon: Lexicon) -> list[Token]:
    """An accusation aimed at an act with no named author: "condemned *the attack on a
    church*" accuses the attack (whoever did it), not the church it hit."""
    if verb.lemma_.lower() not in CONDEMNING_VERBS:
        return []
    for obj in syntax.direct_objects(verb):
        if obj.pos_ != "NOUN" or not roles.names_event(obj, lexicon) or roles.owner(obj).i != obj.i:
            continue
        inside = {t.i for t in obj.subtree} - {obj.i}
        if parts and all(p.token.i in inside for p in parts):
            return [obj]
    return []


#: Longest act phrase shown as a recipient ("the bombing of a military academy in Tripoli").
MAX_ACT_TOKENS = 16


def act_phrase(noun: Token) -> str:
    """An act as a reader names it: its noun phrase with what it hit ("the attack *on a church
    in Quetta*"), not the clauses after it ("..., which killed 30")."""
    start = syntax.phrase(noun).start
    clauses = {t.i for t in noun.subtree if t.dep_ in ("relcl", "acl", "appos", "advcl")
               for t in t.subtree}
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("on", "of", "against", "in", "at"):
            last = max(t.i for t in child.subtree if t.i not in clauses)
            if last + 1 - start > MAX_ACT_TOKENS:
                break
            end = max(end, last + 1)
    doc = noun.doc
    while end > noun.i + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end].text.strip()


#: Nouns of a request or proposal whose author receives the answer to it.
REQUEST_NOUNS = frozenset({"demand", "request", "call", "proposal", "offer", "plan", "appeal",
                           "ultimatum", "initiative", "bid", "invitation", "plea", "petition",
                           "condition", "terms", "overture", "suggestion"})
#: Event types that answer someone's request ("rejected the JIA demand").
ANSWERING_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE", "SUPPORT"})


def request_author(noun: Token) -> list[Token]:
    """The author named before a request: "the *JIA* demand", "*hostage-takers* demands", "a
    *Senegalese* peace plan" (whoever asked is answered)."""
    if noun.lemma_.lower() not in REQUEST_NOUNS:
        return []
    author = roles.owner(noun)
    if author.i != noun.i:
        return [author]
    for child in noun.lefts:
        if child.dep_ in ("nmod", "compound", "amod") and (
                _named(child) or syntax.names_people(child)) and not child.like_num:
            return [child]
    return []


def refine_recipients(cand: Candidate, parts: list[Participant], resolve: Resolve,
                      lexicon: Lexicon) -> list[Participant]:
    """The recipients of a candidate after the rules above, most specific first.

    The accused of an investigated claim and the holder of a permission replace whatever was
    found (the claim and the permitted act are things, their objects are not the addressee);
    the other rules only fill in for a recipient that is no actor.
    """
    def named(tokens: list[Token]) -> list[Participant]:
        """Resolved actors, else the phrase as written ("the Sinaloa cartel")."""
        found = resolve(tokens)
        if found or not tokens:
            return found
        shown = syntax.phrase(tokens[0]).text.strip()
        return [Participant(Actor(text=shown), tokens[0], target=True)] if shown else []

    trigger = cand.trigger
    verb = roles.governing_verb(trigger) if cand.nominal else trigger
    tokens = [p.token for p in parts]
    if not cand.nominal and len(cand.spec.key.split()) > 1:
        idiom = {t.i for t in idiom_parts(tokens, trigger, cand.spec.key)}
        if idiom:  # "join forces with the Greens": the idiom's object receives nothing
            parts = resolve(t for t in syntax.prep_objects(
                trigger, (*cand.spec.recipient_preps, "with", "against")) if _named(t)) or [
                p for p in parts if p.token.i not in idiom]
            tokens = [p.token for p in parts]
    if cand.event_type == "ACCUSE":
        found = named(claim_subjects(tokens, trigger, verb))
        if not found and not cand.nominal:
            act = condemned_act(trigger, parts, lexicon)
            shown = act_phrase(act[0]) if act else ""
            found = [Participant(Actor(text=shown), act[0], target=True)] if shown else []
        if found:
            return found
    if cand.nominal:
        found = named(permission_holder(trigger))
        if found:
            return found
    else:
        found = named(up_to_object(trigger))  # "kidnapped up to 16 advisers from a bazaar"
        objects = human_object(trigger)  # "abducted 40 schoolgirls from a village in Borno"
        if not found and objects and not any(p.token.i in {t.i for t in objects[0].subtree}
                                             for p in parts):
            found = named(objects)
        if found:
            return found
    found = named(relation_side(tokens))  # "boycott all official contact with the US"
    if found:
        return found
    if cand.event_type == "MOBILIZE" and not cand.nominal and all(
            p.target or p.token.i in {t.i for o in syntax.direct_objects(verb) for t in o.subtree}
            for p in parts):  # the forces moved, or where they stand, receive nothing
        found = named(mobilized_target(verb))
        if found:
            return found
    if not cand.nominal and not any(p.token.head.i == trigger.i and p.token.dep_ in (
            *syntax.OBJECT_DEPS, "dative") for p in parts):
        # "sent a letter to X threatening to cut funding over Y": X, not Y
        found = named(addressee(trigger))
        if found:
            return found
    if cand.event_type == "PROTEST" and verb is not None and all(
            p.target or p.token.ent_type_ in ("GPE", "LOC") for p in parts):
        found = named(protest_seat(verb))  # "rallied outside the US embassy in Baghdad"
        if found:
            return found
    if cand.event_type in ANSWERING_TYPES and not cand.nominal:
        for obj in syntax.direct_objects(trigger):  # "would not meet hostage-takers demands"
            inside = {t.i for t in obj.subtree}
            if all(p.token.i in inside for p in parts):
                found = named(request_author(obj))
                if found:
                    return found
    if parts and not all(p.target for p in parts):
        return parts
    found = named(document_object(trigger)) if cand.nominal else []
    found = found or named(taken_from(tokens, None if cand.nominal else trigger))
    found = found or named(framed_act(tokens))
    found = found or named(dispute_side(tokens, lambda t: roles.names_event(t, lexicon)))
    return found or parts
