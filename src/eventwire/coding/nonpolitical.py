"""Events that are ordinary crime, accidents or disasters, not political events.

Crime and disaster news uses the same verbs as political violence ("killed", "seized",
"arrested", "exploded"), so the coder finds events in "gang members shot two men in a turf
war" or "an explosion at a chemical plant killed 64 workers". ACLED and PLOVER code neither:
the harm has no political actor. This module recognises such events from cues in the event's
sentence (and, for short news snippets, the whole text) and from who the participants are.

What is kept on purpose: violence by or against state forces, rebels, militants and other
political actors ("gang members killed two policemen", "militants set off a blast"), and acts of
states towards each other (aid sent abroad after a quake). Entry point: :func:`is_non_political`.

Police work on ordinary crime is where the two schemes part: PLOVER (and the PLV annotations)
code "Delhi Police arrested a sharpshooter of the X gang" as COERCE, while the ACLED codebook
leaves ordinary crime out. A user of both expects the PLOVER event and no ACLED event, so an
event that survives :func:`is_non_political` in a plainly criminal story (crime cues, no sign of
political violence, no political participant other than the police who pursue the crime) keeps
its PLOVER type but loses its ACLED type (:func:`ordinary_crime`). Police *attacked* by a gang
stay an ACLED event (the codebook codes violence against state forces).
The cue lists are hand-written (no labelled data for this distinction): they were written from
the ACLED codebook's exclusions and checked on ``tests/fixtures/acled_dev.jsonl``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.model import Actor, Event


def _words(*parts: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b")


#: A snippet this short is read whole: its sentences tell one story.
SHORT_TEXT_CHARS = 800

CRIME = _words(
    r"drugs?", r"cocaine", r"heroin", r"methamphetamine", r"meth", r"narcotics?", r"cannabis",
    r"marijuana", r"opium", r"cartels?", r"gangs?", r"gangsters?", r"gang-related", r"robber\w*",
    r"robbed", r"rob", r"theft", r"thie(?:f|ves)", r"steal\w*", r"stole", r"stolen", r"burglar\w*",
    r"fraud\w*", r"smuggl\w*", r"traffick\w*", r"counterfeit", r"ransom", r"pickpocket\w*",
    r"turf war", r"mafia", r"mobsters?", r"loan sharks?", r"criminals?",
    r"criminal (?:gang|group|network|ring)", r"hold-?up", r"held up", r"poach\w*",
    r"extortion\w*", r"money laundering",
    r"contraband", r"carjack\w*", r"armed robbery", r"drug debt", r"bank heist", r"heist",
    r"domestic (?:violence|dispute|quarrel)", r"(?:his|her) (?:wife|husband|girlfriend|boyfriend|"
    r"neighbou?r|brother|sister|father|mother|son|daughter)", r"jealous\w*", r"family dispute",
)
DISASTER = _words(
    r"earthquakes?", r"quakes?", r"tremors?", r"aftershocks?", r"floods?", r"flooding",
    r"floodwaters?",
    r"flash floods?", r"landslides?", r"mudslides?", r"cyclones?", r"hurricanes?", r"typhoons?",
    r"tornado(?:es)?", r"storms?", r"drought", r"outbreaks?", r"epidemic", r"pandemic",
    r"cholera", r"ebola", r"lightning", r"heatwave", r"avalanches?", r"eruptions?",
    r"(?<!clashes )(?<!clash )(?<!fighting )(?<!violence )(?<!protests )(?<!battles )erupted",
    r"volcano", r"tsunami", r"wildfires?", r"bushfires?", r"forest fires?", r"monsoon",
    r"torrential", r"heavy rains?", r"accidents?", r"accidental\w*", r"crash(?:ed|es)?",
    r"collided", r"collision", r"derail\w*", r"plunged", r"overturned", r"capsized", r"sank",
    r"sunk", r"stampede", r"collapsed?", r"collapsing", r"gas leak", r"leak(?:ed)?",
    r"cylinder", r"boiler", r"tanker", r"short circuit", r"fireworks?", r"blaze", r"fire broke out",
    r"caught fire", r"chemical plant", r"factory", r"plant", r"warehouse", r"mine collapse",
    r"drowned", r"drowning", r"heatstroke", r"rescuers", r"rescue workers", r"firefighters",
    r"fire brigade", r"electrocut\w*", r"ferry", r"shipwreck", r"rains?", r"rainfall",
    r"flooded", r"swept away", r"washed away", r"hailstorms?", r"cold wave", r"snowstorms?",
    r"blizzards?", r"sandstorms?", r"dust storms?", r"locusts?", r"gas explosion", r"pipeline",
    r"refinery", r"coal mine", r"gold mine", r"mining", r"train", r"railway", r"road accident",
    r"(?<!open )(?<!opened )(?<!opens )(?<!opening )fires?", r"lost control", r"veered",
    r"skidded", r"hit a (?:wall|tree|pole)",
)
#: Signs of a deliberate, armed or political act: their presence keeps the event.
ATTACK = _words(
    r"bomb\w*", r"ieds?", r"explosive devices?", r"suicide", r"militants?", r"insurgents?",
    r"rebels?", r"jihadists?", r"terror\w*", r"extremists?", r"islamists?", r"separatists?",
    r"guerrillas?", r"militias?", r"militiamen", r"protest\w*", r"demonstrat\w*", r"riot\w*",
    r"activists?", r"opposition", r"politicians?",
    r"political", r"election\w*", r"candidates?", r"mayor", r"councillors?", r"lawmakers?",
    r"ministers?", r"journalists?", r"reporters?", r"arson\w*", r"set fire", r"torched",
    r"grenades?", r"rockets?", r"missiles?", r"airstrikes?", r"air strikes?",
    r"shelling", r"sabotage\w*", r"assassin\w*", r"coup", r"(?<!turf )war",
    r"ceasefire", r"paramilitar\w*", r"vigilantes?", r"mob", r"lynch\w*", r"communal",
    r"ethnic", r"sectarian", r"herders?", r"bandits?", r"open(?:ed|s)? fire", r"gunfire",
    r"artillery", r"mortars?", r"snipers?", r"air raids?", r"drones?", r"landmines?",
)
#: Types that report harm, force or relief: what crime and disaster news is made of. Other
#: types found by the rules (ACCUSE, REQUEST, PROTEST ...) report reactions, which stay.
HARM_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "AID", "RETREAT", "MOBILIZE",
                        "COOPERATE", "CONCEDE"})
#: Troops sent and people moved: in a disaster story, by an unnamed state to its own people,
#: this is relief work, not a mobilisation or a withdrawal.
RESCUE_TYPES = frozenset({"MOBILIZE", "RETREAT"})
#: An attack in a disaster story is still an attack; in a crime story it is the crime.
ATTACKED = _words(r"attack(?:ed|ers?|s|ing)?")
#: Participants whose presence makes the event political, whatever the context.
POLITICAL_SECTORS = frozenset({"government", "military", "rebels", "insurgents", "militia",
                               "party", "igo", "judiciary", "security", "terrorist",
                               "armed group", "paramilitary", "opposition", "protesters",
                               "intelligence", "legislature", "media"})
#: Forces of the state: against crime they do police work, which ACLED does not code.
STATE_FORCES = frozenset({"military", "police", "security", "intelligence", "government"})


def _political(actor: Actor | None, *, as_victim: bool = False, crime: bool = False) -> bool:
    """A state, armed, party or international participant. Police count only as victims, and
    only of crime (police fighting a fire or arresting a thief is no political event); in a
    crime story an unnamed "armed group" ("gunmen robbed a bank") is the criminals themselves."""
    if actor is None or CRIME.search(actor.text.lower()):
        return False  # "the leader of a drug cartel" is no political leader
    sector = (actor.sector or "").lower()
    if crime and sector == "armed group" and actor.id is None:
        return False
    return sector in POLITICAL_SECTORS or (as_victim and crime and sector == "police")


def _named(actor: Actor | None) -> bool:
    """A participant the dictionaries know, or a proper name ("Delhi Police", "Sao Paulo Zoo"):
    PLOVER codes what named states and agencies do even about crime and disasters ("the United
    States returned a stolen painting", "Burma allowed aid into the cyclone areas"); the generic
    "police", "gang members" or "a man" of crime news are not named."""
    if actor is None or DISASTER.search(actor.text.lower()):
        return False  # "Cyclone Idai" is a name, not an actor
    if actor.id:
        return True
    words = actor.text.split()
    return sum(1 for w in words if w[:1].isupper()) >= 2 or any(
        len(w) >= 2 and w.isupper() and w.isalpha() for w in words)  # "DHS", "FBI"


def is_non_political(event: Event, document_text: str = "") -> bool:
    """True when ``event`` is ordinary crime, an accident or a disaster with no political side.

    ``document_text`` (optional) lets a short snippet's other sentences supply the context
    ("... Police said the shooting was linked to a drug debt"). Harm, force and relief go, and
    so do the typer's guesses ("investigators are trying to find the cause of the crash").
    """
    if event.event_type not in HARM_TYPES and not (event.rule or "").startswith("typer:"):
        return False  # what someone says about a crime or disaster is coded as said
    context = _context(event, document_text)
    if ATTACK.search(context):
        return False
    crime = bool(CRIME.search(context))
    if not crime and not DISASTER.search(context):
        return False
    if not crime and ATTACKED.search(context):
        return False  # "residents attacked Ebola health workers": an attack, not the outbreak
    if not crime and event.event_type in RESCUE_TYPES and not _named(event.actor) and not (
            _political(event.recipient, as_victim=True) or _named(event.recipient)):
        return True  # "the army was deployed to rescue stranded villagers": relief, not force
    if _political(event.actor, crime=crime) or _political(event.recipient, as_victim=True,
                                                           crime=crime):
        return False
    return not (_named(event.actor) or (event.recipient is not None and event.recipient.sector
                                         and _named(event.recipient)))


def ordinary_crime(event: Event, document_text: str = "") -> bool:
    """True when ``event`` belongs to a plainly criminal story: ACLED has no type for it.

    "Mexican police arrested the alleged leader of a drug cartel" is a PLOVER arrest and no
    ACLED event; "gang members killed two police officers" (police as victims) and "soldiers
    clashed with cartel gunmen" (state forces fighting) keep their ACLED type.
    """
    context = _context(event, document_text)
    if not CRIME.search(context) or ATTACK.search(context):
        return False
    if _political(event.recipient, as_victim=True, crime=True):
        return False
    # state forces intercepting a drug boat do police work; fighting, they are in a battle
    state = (event.actor.sector or "").lower() in STATE_FORCES if event.actor else False
    return not (_political(event.actor, crime=True) and (
        event.event_type == "ASSAULT" or not state))


def _context(event: Event, document_text: str) -> str:
    """The event's sentence, or the whole of a short snippet (one story)."""
    if document_text and len(document_text) <= SHORT_TEXT_CHARS:
        return document_text.lower()
    return event.evidence.sentence.lower()
