"""Token rules for recipients one phrase away from the trigger (used by :mod:`.targets`).

Each function reads one grammatical pattern of news English off a spaCy parse and returns the
tokens that name whom the act is aimed at, or nothing: the accused inside a probed claim, the
holder of a permission, the addressee of a letter, the holder something was seized from, the
partner of a tie, the adversary of a mobilization, the author of an answered request. Found
on development gold only (PLV train, GSR); each has a test in tests/unit/test_recipients_*.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.coding import roles, syntax

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.coding.lexicon import Lexicon
    from eventwire.coding.participants import Participant

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


def named_token(token: Token) -> bool:
    """An actor-like token that is not a bare pronoun, or a noun a name modifies ("the
    *Sinaloa* cartel", "the *Rio Tinto* company")."""
    if syntax.is_pronoun(token):
        return False
    return syntax.is_actor_token(token) or (token.pos_ == "NOUN" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts))


def _clause_subjects(clause: Token) -> list[Token]:
    """Subjects of an accusation's clause: whoever is accused, named or not ("two soldiers")."""
    return [t for t in syntax.subjects(clause) + syntax.passive_subjects(clause)
            if named_token(t) or (roles.is_target_token(t) and not syntax.is_reciprocal(t))]


#: Words of looking into an accusation, whose object's "that" clause names the accused.
INQUIRY_WORDS = frozenset({"investigation", "investigate", "probe", "inquiry", "enquiry",
                           "examine", "examination", "review", "audit", "hearing", "inquest"})


def claim_subjects(tokens: list[Token], trigger: Token, verb: Token | None) -> list[Token]:
    """The accused inside what is investigated: "into claims *that X* abused", "into whether
    *X* was spied on", "an allegation by Y *that X* had taken the city" (X, not Y). Only for
    inquiries: "condemned the UN claim that..." is aimed at the UN."""
    if trigger.lemma_.lower() not in INQUIRY_WORDS:
        return []
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
        found = [t for t in syntax.datives(verb) if named_token(t)]
        found += [c for c in verb.children if c.dep_ in syntax.OBJECT_DEPS and c.i < noun.i
                  and named_token(c)]  # "granted the DSS, permission": a dative parsed as object
        if found:
            return found[:1]
    # "gave the navy permission": the dative read as the noun's compound
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and named_token(c)]
    if verb is not None and compounds and any(c.dep_ == "det" and c.i < compounds[0].i
                                              for c in noun.lefts):
        return compounds[:1]
    for head in (noun, verb):
        if head is None:
            continue
        for clause in head.children:  # "approval *for the UN to* deliver aid"
            if clause.dep_ in ("advcl", "acl") and any(
                    c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
                found = [t for t in syntax.subjects(clause) if named_token(t)]
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
    return [t for t in found if named_token(t) or t.lemma_.lower() in syntax.PERSON_TITLES]


def taken_from(tokens: list[Token], verb: Token | None) -> list[Token]:
    """The holder something was taken from: "return the vehicles *they seized from the army*",
    "weapons seized from peacekeepers"."""
    heads = tokens + [t.head for t in tokens if t.dep_ == "conj"]  # "depots and bases it seized"
    clauses = [c for t in heads for c in t.children if c.dep_ in ("relcl", "acl")]
    if verb is not None:
        clauses.insert(0, verb)
    for clause in clauses:
        if clause.lemma_.lower() in TAKING_VERBS:
            found = [t for t in syntax.prep_objects(clause, ("from",)) if named_token(t)]
            if found:
                return found
    return []


def relation_side(tokens: list[Token]) -> list[Token]:
    """The other side of a relation that is itself the object: "boycott all contact *with the
    United States*", "cut ties *with X*". A relation is never an actor, whatever the words
    around it ("official contact")."""
    for token in tokens:
        if token.pos_ == "NOUN" and token.lemma_.lower() in TIE_NOUNS:
            found = [t for t in syntax.prep_objects(token, tuple(SIDE_PREPS)) if named_token(t)]
            if found:
                return found
    return []


def dispute_side(tokens: list[Token], is_event_noun) -> list[Token]:
    """The other party of a dispute or talks inside a thing: "accepted a plan for settling a
    dispute *with the company*". Only through an event noun's "with"/"against"."""
    for token in tokens:
        for inner in token.subtree:
            if inner.dep_ == "pobj" and inner.head.lower_ in SIDE_PREPS and named_token(inner) and (
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
        if prep not in MOBILIZED_PREPS or not (named_token(token) or token.ent_type_ in ("GPE", "LOC")
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
            and t.lemma_.lower() in words and not any(c.dep_ in ("det", "amod", "compound",
                                                                "poss", "acl", "relcl")
                                                      for c in t.children)]
    # ("join *Syrian* forces", "join forces fighting Isis": real forces, no idiom)


def document_object(noun: Token) -> list[Token]:
    """What a document's participle clause acts on: "a lawsuit accusing *the cartel*"."""
    if noun.lemma_.lower() not in DOCUMENT_CARRIERS:
        return []
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBG":
            found = [t for t in syntax.direct_objects(clause) if named_token(t)]
            if found:
                return found
    return []


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


#: Acts that are condemned as such when their author is unnamed (attacks, arrests).
HARMING_TYPES = frozenset({"ASSAULT", "COERCE"})


def condemned_act(verb: Token, parts: list[Participant], lexicon: Lexicon) -> list[Token]:
    """An accusation aimed at an act with no named author: "condemned *the attack on a
    church*" accuses the attack (whoever did it), not the church it hit."""
    if verb.lemma_.lower() not in CONDEMNING_VERBS:
        return []
    for obj in syntax.direct_objects(verb):
        spec = lexicon.noun(obj.lemma_.lower())
        if obj.pos_ != "NOUN" or spec is None or spec.event_type not in HARMING_TYPES or (
                roles.owner(obj).i != obj.i):
            continue  # "denounced an agreement signed with the bloc" is aimed at the bloc
        if any(c.dep_ in ("compound", "nmod", "amod") and c.ent_type_ in ("NORP", "GPE", "ORG")
               for c in obj.lefts):
            continue  # "denounced *US* cooperation": the author is named
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
                named_token(child) or syntax.names_people(child)) and not child.like_num:
            return [child]
    return []


def gerund_subject(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """The object of a preposition the parser left without one, read as the subject of the
    clause after it: "an attack on *X's government* calling it corrupt", "granted asylum to
    *five army officers* holed up in an embassy"."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
        if any(c.dep_ == "pobj" for c in prep.children):
            continue
        for clause in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
            found = [t for t in clause.children if t.dep_ == "nsubj" and named_token(t)]
            if found:  # its own subject only: "an appeal for deploying troops" has none
                return found
        if prep.n_rights == 0 and prep.i + 1 < len(prep.doc):
            nxt = prep.doc[prep.i + 1]  # "to [five officers] holed up": the phrase after it
            subject = next((t for t in nxt.ancestors if t.dep_ == "nsubj"), None) if (
                nxt.dep_ != "nsubj") else nxt
            if subject is not None and subject.left_edge.i == prep.i + 1 and (
                    subject.head.tag_ in ("VBN", "VBG", "VBD")) and (
                    subject.head.dep_ in ("advcl", "acl", "pcomp")) and named_token(subject):
                return [subject]
    return []


#: Verbs of complaining about someone's act to a third party ("complained to the UN over").
COMPLAINT_VERBS = frozenset({"complain", "protest", "object", "grumble"})


def complained_of(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Whom a complaint accuses: the author of the act complained of ("complained to the UN
    *over two Israeli air raids*"), not the body it was made to."""
    if verb.lemma_.lower() not in COMPLAINT_VERBS:
        return []
    for act in syntax.prep_objects(verb, ("over", "about", "against")):
        if not roles.names_event(act, lexicon):
            return [act] if named_token(act) else []
        author = roles.owner(act)
        if author.i != act.i:
            return [author]
        return [c for c in act.lefts if c.dep_ in ("amod", "compound", "nmod")
                and c.ent_type_ in ("NORP", "GPE", "ORG")][:1]
    return []


#: Subordinators of a condition someone must meet for a threat not to be carried out.
CONDITION_MARKS = frozenset({"if", "unless", "until"})


def threat_condition(trigger: Token, actors: set[int]) -> list[Token]:
    """Whom a threat is aimed at: the one who must meet its condition ("threatened that *if
    Israel* did not comply, the CIA would cut ties", "threats that he would open the borders
    *unless the EU* paid more")."""
    clauses = [c for c in trigger.children if c.dep_ in ("ccomp", "xcomp", "acl", "relcl")]
    clauses.append(trigger)
    for clause in clauses:
        for sub in (c for c in clause.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in sub.children):
                found = [t for t in syntax.subjects(sub) + syntax.passive_subjects(sub)
                         if named_token(t) and t.i not in actors]
                if found:
                    return found[:1]
    return []


def withdrawn_from(verb: Token) -> list[Token]:
    """The named place a withdrawal of one's own troops concerns, told in a clause on it:
    "willing to withdraw its troops *if it can keep an administration in Gaza*"."""
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        for token in clause.subtree:
            if token.dep_ == "pobj" and token.ent_type_ in ("GPE", "LOC") and (
                    token.head.lower_ in ("in", "to", "into", "from", "inside")):
                return [token]
    return []


def purpose_object(verb: Token) -> list[Token]:
    """Whom forces are sent to act on: "deployed *to relieve the Angolan troops*"."""
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "xcomp")):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            found = [t for t in syntax.direct_objects(clause) if named_token(t)]
            if found:
                return found
    return []


#: Nouns of fixed prepositional phrases that name no target ("in case of", "in response to").
IDIOM_NOUNS = frozenset({"case", "event", "response", "order", "addition", "spite", "view",
                         "light", "terms", "exchange", "retaliation", "connection", "accordance",
                         "line", "lieu", "time", "need", "part", "effect", "bid", "way"})


def idiom_phrase(token: Token) -> bool:
    """ "in case (of)", "in response to", "in the event": the noun is part of a connective."""
    return token.lemma_.lower() in IDIOM_NOUNS and token.dep_ == "pobj" and (
        token.head.lower_ == "in") and not any(c.dep_ in ("amod", "compound", "poss")
                                               for c in token.children)


#: Measures laid on someone or something: their "on" phrase names what they hit.
MEASURE_NOUNS = frozenset({"tariff", "sanction", "embargo", "restriction", "ban", "curb", "duty",
                           "levy", "tax", "quota", "limit", "blockade", "control", "penalty",
                           "fine", "moratorium", "freeze"})


def measure_target(tokens: list[Token]) -> list[Token]:
    """What a measure is laid on: "rolled back tariffs *on Chinese goods*", "eased curbs *on
    X's exports*" (X)."""
    for token in tokens:
        if token.pos_ == "NOUN" and token.lemma_.lower() in MEASURE_NOUNS:
            hit = syntax.prep_objects(token, ("on", "against")) or (  # or on its verb
                syntax.prep_objects(token.head, ("on", "against"))
                if token.dep_ in syntax.OBJECT_DEPS else [])
            # "tariffs on $120 billion of China's exports": the goods, not the sum
            hit = [syntax.prep_objects(t, ("of",))[0] if roles.is_money(t) and (
                syntax.prep_objects(t, ("of",))) else t for t in hit]
            found = [t for t in hit if roles.is_target_token(t)]
            if found:
                return [roles.owner(found[0])]
    return []


#: Verbs of firing or launching something at a target.
FIRING_VERBS = frozenset({"fire", "launch", "open", "shoot", "lob", "hurl", "rain", "direct",
                          "unleash", "drop", "throw", "detonate", "explode"})


def volley_target(verb: Token) -> list[Token]:
    """What the fire a toll is counted after was aimed at: "launched rocket fire *against
    guerrilla camps*, killing or wounding 50" (the toll names no one)."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.lemma_.lower() not in FIRING_VERBS:
        return []
    for source in (head, *syntax.direct_objects(head)):  # "opened fire *on a bus*"
        found = [t for t in syntax.prep_objects(source, ("against", "at", "on", "into"))
                 if roles.is_target_token(t)]
        if found:
            return found[:1]
    return []
