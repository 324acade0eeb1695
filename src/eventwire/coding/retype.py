"""Type refinements read off the clause around a trigger, before its modality is applied.

The lexicon gives a word's usual type; a few constructions change it, and must do so before the
modality rules of :mod:`eventwire.coding.detect` turn a future or offered act into an AGREE (for
cooperation) or a THREATEN (for hostility): "offered to send troops *to help* the army" is
military aid promised (PLOVER AGREE), not a threatened deployment. Each rule follows the PLOVER
manual and is pinned by a synthetic unit test (tests/unit/test_types_retype.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.coding import nominal, roles, syntax
from eventwire.coding.candidate import Candidate
from eventwire.coding.lexicon import TriggerSpec

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs that move people or goods, whose passive participle names what they moved ("the
#: people evacuated by the U.S."): the participle's noun is their object.
MOVING_VERBS = frozenset({"evacuate", "airlift", "fly", "ship", "deploy", "dispatch", "rescue"})
#: Purposes that make a deployment assistance to someone: PLOVER AID covers "military and police
#: assistance including arms and personnel" (CAMEO 072), unlike a show of force (MOBILIZE).
ASSISTING_PURPOSES = frozenset({"help", "assist", "aid", "support"})
#: What troops may be sent to help that is no party: "to help the border patrol", "to
#: support the offensive" are a deployment of one's own (MOBILIZE).
ACTIVITIES = frozenset({"patrol", "offensive", "campaign", "operation", "effort", "mission",
                        "fight", "war", "battle", "security", "defence", "defense"})
#: Verb dependencies of a purpose clause ("sent troops *to serve as peacekeepers*").
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})


def _purposes(verb: Token) -> list[Token]:
    """The verb's to-infinitive purpose clauses ("sent troops *to help* X")."""
    return [c for c in verb.children if c.dep_ in PURPOSE_DEPS and c.pos_ in ("VERB", "AUX")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _mentions_peacekeeping(tokens: list[Token]) -> bool:
    return any(t.lower_ in roles.PEACEKEEPING or t.lemma_.lower() in roles.PEACEKEEPING
               for t in tokens)


def is_peacekeeping(verb: Token, trigger: Token) -> bool:
    """A deployment whose troops or mission are peacekeeping: said in the clause itself, in its
    purpose ("sent troops *to serve as a peacekeeping force*"), or by the subject of the verb it
    completes ("*peacekeepers* began deploying")."""
    if roles.is_peacekeeping(verb, trigger):
        return True
    if any(_mentions_peacekeeping(list(p.subtree)) for p in _purposes(verb)):
        return True
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return _mentions_peacekeeping([t for s in syntax.subjects(verb.head) for t in s.subtree])
    return False


def mobilized_aid(verb: Token, trigger: Token) -> tuple[str, str | None, str] | None:
    """(type, mode, CAMEO) of a deployment that is aid, or None for a plain MOBILIZE.

    Peacekeepers sent are aid to the place they keep the peace in (CAMEO 0743); troops sent *to
    help* or *to support* a party are military assistance to it (CAMEO 072).
    """
    if is_peacekeeping(verb, trigger):
        return "AID", "peacekeeping", "0743"
    if any(p.lemma_.lower() in ASSISTING_PURPOSES and any(
            (syntax.is_actor_token(o) or syntax.is_pronoun(o) or o.lemma_.lower() in (
                syntax.PEOPLE_NOUNS | syntax.GROUP_NOUNS)) and o.lemma_.lower() not in ACTIVITIES
            for o in syntax.direct_objects(p)) for p in _purposes(verb)):
        return "AID", None, "072"  # helping a party ("the Philippine army"), not an activity
    return None


#: Light verbs whose object is only put on the table: "offered aid", "offered its troops",
#: "offered concessions" are PLOVER AGREE ("agree to, offer, promise ... to cooperate").
OFFERING_VERBS = frozenset({"offer"})


def is_offer(light: Token | None) -> bool:
    """The event noun is the object of an offer, so the act is promised, not done."""
    return light is not None and light.lemma_.lower() in OFFERING_VERBS


def offered(event_type: str, mode: str | None, cameo: str | None, verb: Token,
            light: Token | None) -> tuple[str, str | None, str | None]:
    """Troops offered to a party are military assistance offered (AID, then AGREE as a
    promise), never a threat: "offered its troops to the Haitian government", "offered to send
    troops to Uganda"."""
    offer = is_offer(light) or (verb.dep_ == "xcomp" and verb.head.i != verb.i
                                and verb.head.lemma_.lower() in OFFERING_VERBS)
    if event_type == "MOBILIZE" and offer:
        return "AID", None, "072"
    return event_type, mode, cameo


#: Verbs of leaving a place: troops leaving a country withdraw from it (PLOVER RETREAT
#: 'withdraw'); anyone else leaving is travel, no event.
DEPARTURE_VERBS = frozenset({"leave", "quit", "vacate", "exit", "depart"})
#: Armed parties whose departure from a place is a withdrawal.
ARMED_PARTIES = frozenset({"troop", "force", "soldier", "army", "military", "peacekeeper",
                           "fighter", "militant", "rebel", "militia", "insurgent", "contingent",
                           "battalion", "brigade", "unit", "marine", "paratrooper"})
WITHDRAWAL = TriggerSpec(key="leave", event_type="RETREAT", cameo="0874", mode="withdraw",
                         confidence=0.6, context=("military",), recipient_preps=("from",))


def armed_departure(verb: Token) -> TriggerSpec | None:
    """ "American troops began leaving Afghanistan", "rebel fighters vacated the town": an armed
    party leaving a place withdraws from it; the subject may sit on the verb it completes."""
    if verb.lemma_.lower() not in DEPARTURE_VERBS or not syntax.direct_objects(verb):
        return None
    return WITHDRAWAL if _subject_words(verb) & ARMED_PARTIES else None


#: Verbs of coming together: protesters gathering outside an embassy demonstrate (PROTEST).
GATHERING_VERBS = frozenset({"gather", "assemble", "converge", "congregate", "mass"})
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "picketer"})
DEMONSTRATION = TriggerSpec(key="gather", event_type="PROTEST", cameo="141", mode="demo",
                            confidence=0.65, context=("protest",),
                            recipient_preps=("against", "outside", "at", "in front of"))


def _subject_words(verb: Token) -> set[str]:
    """Lemmas and words of the verb's subject phrases (climbing "began leaving" to "began")."""
    subjects = syntax.subjects(verb)
    if not subjects and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        subjects = syntax.subjects(verb.head)  # "troops *began* leaving"
    subjects = [syntax._substantive(s) for s in subjects]  # "hundreds of demonstrators"
    return {w for s in subjects for w in (s.lemma_.lower(), s.lower_)}


SPEAKING = TriggerSpec(key="speak", event_type="CONSULT", cameo="041", mode="phone",
                      confidence=0.6, recipient_preps=("with", "to"))
#: Media a call by phone or video is made through ("spoke by phone with Zelensky").
REMOTE_MEDIA = frozenset({"phone", "telephone", "video", "videoconference", "videolink"})


def _spoke_with_someone(verb: Token) -> bool:
    """ "Modi spoke by phone with Zelensky": a conversation with a named party."""
    preps = {c.lower_: [o for o in c.children if o.dep_ == "pobj"] for c in verb.children
             if c.dep_ == "prep"}
    remote = any(o.lemma_.lower() in REMOTE_MEDIA
                 for p in ("by", "over", "on") for o in preps.get(p, []))
    named = any(o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or o.lemma_.lower() in GUESTS
                for o in preps.get("with", []))  # "with the French president"
    return named and (remote or verb.lemma_.lower() == "speak")


def subject_event(verb: Token) -> TriggerSpec | None:
    """An event a plain verb signals only through who does it or with whom: armed parties
    leaving a place withdraw, protesters gathering demonstrate, leaders speaking with a named
    counterpart consult."""
    lemma = verb.lemma_.lower()
    if lemma in GATHERING_VERBS and _subject_words(verb) & PROTESTERS:
        return DEMONSTRATION
    if lemma == "speak" and _spoke_with_someone(verb):
        return SPEAKING
    if lemma == "be" and _on_alert(verb) and _subject_words(verb) & ARMED_PARTIES:
        return READINESS  # "troops are on high alert"
    return armed_departure(verb)


READINESS = TriggerSpec(key="be on alert", event_type="MOBILIZE", cameo="152", mode="troops",
                        confidence=0.65, context=("military",))


def _on_alert(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(
        o.lemma_.lower() == "alert" for o in c.children if o.dep_ == "pobj")
        for c in verb.children)


#: Weapons whose dispatch to a front or border is a show of force, not aid to a party.
HARDWARE = frozenset({"tank", "missile", "warship", "jet", "fighter", "helicopter", "artillery",
                      "drone", "aircraft", "warplane", "bomber", "battery", "submarine"})


def hardware_deployed(verb: Token, trigger: Token) -> tuple[str, str | None, str] | None:
    """ "The army sent tanks *to the border*": weapons moved to a place are MOBILIZE
    'weapons'; sent *to Ukraine* (a party) they stay aid."""
    if trigger.lemma_.lower() not in HARDWARE:
        return None
    goals = syntax.prep_objects(verb, ("to", "toward", "towards", "near", "along"))
    if goals and all(g.lemma_.lower() in nominal.PLACE_WORDS and g.ent_type_ not in (
            "GPE", "NORP", "ORG") for g in goals):
        return "MOBILIZE", "weapons", "152"
    return None


#: Adjectives that complete a verb like a particle ("let free", "set loose") and that small
#: parsers hang on the object instead ("let [free activists]").
ADJECTIVE_PARTICLES = frozenset({"free", "loose"})


def adjective_particle(verb: Token) -> str | None:
    """ "let free activists", "set free the bloggers": the adjective right after the verb,
    parsed as the object's modifier or as a clause of its own, completes the verb ("let free" =
    release)."""
    if verb.i + 1 >= len(verb.doc):
        return None
    word = verb.doc[verb.i + 1]
    if word.lower_ in ADJECTIVE_PARTICLES and word.pos_ == "ADJ" and (  # a VERB "free" acts
        word.head.i == verb.i or any(word.head.i == o.i for o in syntax.direct_objects(verb))
    ):
        return word.lower_
    return None


#: Verbs of advocating a measure ("called for sanctions against X", "urged a probe into X").
ADVOCATING_VERBS = frozenset({"call", "urge", "press", "push", "appeal", "lobby", "campaign"})
#: Measures whose advocacy condemns the party they would hit: the PLOVER GSR codes "called for
#: sanctions against Nigeria" as ACCUSE (disapproval of Nigeria), not as a REQUEST.
PUNITIVE_MEASURES = frozenset({"sanction", "embargo", "punishment", "prosecution", "boycott",
                               "investigation", "probe", "inquiry", "accountability", "trial",
                               "expulsion", "isolation"})


def _advocated(verb: Token) -> list[Token]:
    """What the advocating verb asks for: "for" objects and direct objects."""
    found = list(syntax.direct_objects(verb))
    found += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
              for o in c.children if o.dep_ == "pobj"]
    return [syntax._substantive(t) for t in found]


def condemning_advocacy(candidate: Candidate) -> Candidate:
    """A REQUEST for punishment of a named party is an ACCUSE against that party ("called for
    sanctions against Moscow", "urged an investigation into the killing")."""
    verb = candidate.trigger
    if candidate.event_type != "REQUEST" or candidate.nominal or not candidate.recipients or (
            verb.lemma_.lower() not in ADVOCATING_VERBS):
        return candidate
    if not any(t.lemma_.lower() in PUNITIVE_MEASURES for t in _advocated(verb)):
        return candidate
    return replace(candidate, event_type="ACCUSE", mode="disapprove", cameo="111",
                   rule=candidate.rule + "+punitive")


def refined_verb_type(verb: Token, event_type: str, mode: str | None,
                      cameo: str | None) -> tuple[str, str | None, str | None]:
    """A verb's lexicon type corrected by its own clause: a protest said, not marched, is a
    diplomatic protest (ACCUSE); a missile test-fired is a show of weapons (MOBILIZE)."""
    if verbal_protest(verb):
        return "ACCUSE", "disapprove", "111"
    if verb.lemma_.lower() == "summon" and any(
            t.lemma_.lower() in DIPLOMATS for t in syntax.direct_objects(verb)
            + syntax.passive_subjects(verb)):
        return "ACCUSE", "disapprove", "111"  # an envoy summoned hears a grievance (manual)
    if event_type == "ASSAULT" and (_subject_words(verb) & RIOTERS or _during_protest(verb)
                                    or _civilians_clash_with_police(verb)):
        return "PROTEST", "riot", "145"  # "rioters torched police stations": a violent riot
    if verb.lemma_.lower() == "block" and _blocks_media(verb):
        return "COERCE", "censor", "1712"  # "blocked access to social media"
    if verb.lemma_.lower() == "fire" and any(c.lower_ == "test" for c in verb.lefts):
        return "MOBILIZE", "weapons", "150"  # "test-fired a ballistic missile"
    if _envoy_told_to_leave(verb):
        return "SANCTION", "expel", "1663"  # "ordered the French ambassador to leave"
    if event_type == "RETREAT" and _leaves_organisation(verb):
        return "SANCTION", "withdraw", "16"  # "withdrew from ECOWAS": relations reduced
    if verb.lemma_.lower() == "welcome" and _welcomed_to_a_place(verb):
        return "CONSULT", "visit", "043"  # "welcomed the president to the Vatican": a host
    return event_type, mode, cameo


#: Verbs that send someone away ("ordered the ambassador to leave the country").
ORDERING_VERBS = frozenset({"order", "tell", "ask", "instruct", "give"})


def _envoy_told_to_leave(verb: Token) -> bool:
    """A diplomat ordered to leave is expelled (CAMEO 1663, PLOVER SANCTION 'expel')."""
    if verb.lemma_.lower() not in ORDERING_VERBS:
        return False
    envoys = [t for t in syntax.direct_objects(verb) if t.lemma_.lower() in DIPLOMATS]
    leaving = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd")
               and c.lemma_.lower() in DEPARTURE_VERBS]
    if not envoys:  # "ordered the ambassador to leave": the envoy is the infinitive's subject
        envoys = [t for c in leaving for t in c.children
                  if t.dep_ == "nsubj" and t.lemma_.lower() in DIPLOMATS]
    return bool(envoys and leaving)


#: What a state leaves when it withdraws from an organisation or an accord: PLOVER SANCTION
#: 'withdraw' (manual: withdrawal from an IGO reduces relations), not a military retreat.
ORGANISATIONS = frozenset({
    "organisation", "organization", "union", "community", "alliance", "bloc", "court",
    "council", "commission", "treaty", "pact", "agreement", "accord", "deal", "convention",
    "league", "assembly", "forum", "protocol", "nato", "ecowas", "opec", "unesco", "who",
    "icc", "unhrc", "osce", "commonwealth", "agency", "initiative", "framework", "body",
})


def _leaves_organisation(verb: Token) -> bool:
    """ "withdrew from the Economic Community of West African States", "pulled out of the grain
    deal": a withdrawal with no object whose source is an organisation or an accord."""
    if syntax.direct_objects(verb):  # "withdrew its troops from the alliance's mission"
        return False
    sources = syntax.prep_objects(verb, ("from", "of")) or [
        o for c in verb.children if c.lower_ in ("out", "away")  # "pulled out *of* the deal"
        for o in syntax.prep_objects(c, ("from", "of"))]
    return any(t.lemma_.lower() in ORGANISATIONS or t.lower_ in ORGANISATIONS
               for src in sources for t in [src, *src.lefts] if t.dep_ != "det")


#: Visitors a host welcomes ("welcomed his Turkish counterpart to Ankara").
GUESTS = frozenset({"president", "minister", "counterpart", "delegation", "king", "queen",
                    "envoy", "emir", "chancellor", "premier", "pope", "prince", "head",
                    "secretary", "ambassador", "guest", "visitor", "delegate"})


def _welcomed_to_a_place(verb: Token) -> bool:
    """A person welcomed *to* a place is a guest received (CAMEO 043), not an act praised."""
    guests = syntax.direct_objects(verb)
    places = syntax.prep_objects(verb, ("to",))
    return bool(guests and places) and any(
        nominal.is_person_token(g) or g.ent_type_ in ("PERSON", "NORP")
        or g.lemma_.lower() in GUESTS for g in guests) and any(
        nominal.is_place_token(p) or p.ent_type_ in ("ORG", "GPE") for p in places)


def verbal_protest(verb: Token) -> bool:
    """ "The ministry protested that the ship had entered its waters": a protest said, not
    marched, is a diplomatic protest (PLOVER ACCUSE 'disapprove')."""
    return verb.lemma_.lower() == "protest" and not syntax.direct_objects(verb) and any(
        c.dep_ == "ccomp" for c in verb.children)


#: Subjects whose violence is a riot (PLOVER PROTEST 'riot'), not an armed assault.
RIOTERS = frozenset({"rioter", "protester", "protestor", "demonstrator", "mob", "rioters",
                     "protesters", "demonstrators"})
#: What access is blocked to when a state censors ("blocked access to social media").
MEDIA = frozenset({"media", "internet", "website", "site", "platform", "network", "app",
                   "facebook", "twitter", "youtube", "whatsapp", "telegram", "news"})


def _blocks_media(verb: Token) -> bool:
    return any(o.lemma_.lower() == "access" and any(
        t.lemma_.lower() in MEDIA or t.lower_ in MEDIA
        for p in o.children if p.dep_ == "prep" and p.lower_ == "to" for t in p.subtree)
        for o in syntax.direct_objects(verb))

#: Envoys whose summoning presents a grievance (PLOVER ACCUSE, "not CONSULT").
DIPLOMATS = frozenset({"ambassador", "envoy", "diplomat", "consul", "chargé", "charge",
                       "attaché", "attache", "representative", "emissary"})


def without_descriptions(found: list[Candidate]) -> list[Candidate]:
    """Drop a participle that only describes the subject of another event: "the Saudi-led
    coalition *fighting* Houthi rebels has declared a ceasefire" reports the ceasefire; the
    fighting names who declared it (background, not a new event)."""
    verbs = {c.trigger.head.i if c.nominal else c.trigger.i for c in found}

    def describes_a_subject(cand: Candidate) -> bool:
        noun = cand.trigger.head
        return (not cand.nominal and cand.trigger.dep_ == "acl" and cand.trigger.tag_ == "VBG"
                and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in verbs
                and noun.head.i != cand.trigger.i)

    return [c for c in found if not describes_a_subject(c)]


#: Gatherings during which civilians' violence is rioting ("threw stones during protests").
PROTEST_NOUNS = frozenset({"demonstration", "protest", "rally", "march", "riot", "unrest"})
#: Forces of order, whose violence at a protest is a crackdown, never the protest itself.
ORDER_FORCES = ARMED_PARTIES | {"police", "policeman", "officer", "guard", "security", "gendarme"}


def _during_protest(verb: Token) -> bool:
    """ "Youths resorted to throwing stones during demonstrations": civilians' violence in a
    protest is a riot (PLOVER PROTEST 'riot'); the police's is not."""
    during = any(o.lemma_.lower() in PROTEST_NOUNS for o in syntax.prep_objects(
        verb, ("during", "at", "amid")))
    subjects = _subject_words(verb)
    return during and bool(subjects) and not subjects & ORDER_FORCES


#: Police words: civilians clashing with them are rioting (PLOVER PROTEST 'riot').
POLICE = frozenset({"police", "policeman", "policemen", "officer", "gendarme", "riot"})


def _civilians_clash_with_police(verb: Token) -> bool:
    """ "Opposition supporters clashed with police": a violent protest, unless the subject is
    an armed party or a force of order ("rebels clashed with police" stays an assault)."""
    if verb.lemma_.lower() != "clash":
        return False
    sides = syntax.prep_objects(verb, ("with",))
    subjects = _subject_words(verb)
    return bool(subjects) and not subjects & ORDER_FORCES and any(
        t.lemma_.lower() in POLICE or t.lower_ in POLICE for s in sides for t in s.subtree)
