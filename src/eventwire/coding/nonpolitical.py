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
stay an ACLED event (the codebook codes violence against state forces), and so do state
forces in a fight with organised crime ("soldiers clashed with cartel gunmen").

Which police and court work PLOVER keeps: what a named agency or a court does ("Delhi Police
arrested", "a court in Milan sentenced", "prosecutors charged"); not the generic "police" of
crime news, nor an arrest or charge told without a doer (the PLOVER manual codes no event
without an explicit actor). Beyond crime and disasters, match reports ("bombarded the
batsmen") and companies dealing with companies ("agreed to buy a stake") make no event, and
in a disaster story the state's relief work at home ("authorities evacuated 80,000 people",
"officials ordered residents to leave") is no political act; help sent abroad, epidemic
policy (lockdowns) and protests, strikes included, stay.
The cue lists are hand-written (no labelled data for this distinction): they were written from
the ACLED codebook's exclusions and checked on ``tests/fixtures/acled_dev.jsonl`` and
``tests/fixtures/nonpolitical_dev.jsonl`` (``tests/unit/test_nonpolitical_fixture.py`` prints
the rates for any such fixture).
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
    r"domestic (?:violence|dispute|quarrel)", r"(?:his|her|their) (?:wife|husband|girlfriend|"
    r"boyfriend|neighbou?rs?|brothers?|sisters?|(?:step)?father|(?:step)?mother|(?:step)?sons?|"
    r"(?:step)?daughters?|(?:step)?children|nieces?|nephews?|cousins?)", r"jealous\w*",
    r"family dispute",
    # ordinary crimes and their trials: a murder, a scam or a sentence with no political side
    r"murder(?:s|ed|ing)?", r"homicides?", r"manslaughter", r"honou?r killings?", r"stabb\w*",
    r"knifepoint", r"gunpoint", r"defraud\w*", r"scams?", r"scammers?", r"embezzl\w*",
    r"organi[sz]ed crime", r"road rage", r"on suspicion of", r"suspected of (?:stealing|"
    r"killing|murdering|robbing|selling|smuggling|trafficking)", r"hitm[ae]n", r"contract killing",
    r"settling of scores", r"protection money", r"shoplift\w*", r"probation",
    r"loan[- ]sharks?", r"syndicates?", r"debtors?",
    # the trade's goods: drugs by name, loot by kind
    r"hashish", r"fentanyl", r"ecstasy", r"crystal meth", r"crack cocaine", r"ketamine", r"tramadol",
    r"captagon", r"bhang", r"khat", r"pills", r"brib(?:e|es|ed|ery|ing)",
    r"illegal (?:\w+ )?(?:gambling|betting|casinos?|logging|fishing)", r"cash-in-transit", r"money changers?",
    r"(?:made|fled|escaped|got|drove|ran) (?:off |away )?with (?:\w+ ){0,2}(?:cash|money|"
    r"valuables|jewel\w*|phones?|takings|loot|gold)", r"snatch\w*", r"carjackers?",
)
DISASTER = _words(
    r"earthquakes?", r"quakes?", r"tremors?", r"aftershocks?", r"floods?", r"flooding",
    r"floodwaters?",
    r"flash floods?", r"landslides?", r"mudslides?", r"cyclones?", r"hurricanes?", r"typhoons?",
    r"tornado(?:es)?", r"storms?(?! (?:his|her|their|its|the|a|an|into|through)\b)",
    r"drought", r"outbreaks?", r"epidemic", r"pandemic",
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
    r"(?<!open )(?<!opened )(?<!opens )(?<!opening )(?<!exchanged )(?<!exchange of )"
    r"(?<!exchanging )(?<!returned )(?<!under )fires?", r"lost control", r"veered",
    r"skidded", r"hit a (?:wall|tree|pole)", r"gas pipes?", r"faulty", r"magnitude", r"lava",
    r"landfall", r"ammonia", r"carbon monoxide", r"brakes failed", r"oil spill", r"rubble",
    r"crowd crush", r"crush at", r"crushed to death", r"bootleg", r"toxic alcohol",
    r"heavy snow\w*", r"snowfall", r"caved in", r"fell off (?:a |the )?(?:bridge|cliff|road)",
    r"high speed", r"speeding", r"burst (?:its|their) banks", r"overflow\w*",
    r"methanol", r"spurious liquor", r"hooch", r"food poisoning", r"contaminated",
)
#: Vehicles and hazards that are the doer of an accident ("a light aircraft crashed into a
#: house, killing the pilot"): no attacker, whoever the victims were.
ACCIDENT_DOERS = _words(
    r"aircraft", r"planes?", r"jets?", r"helicopters?", r"bus(?:es)?", r"minibus(?:es)?",
    r"trucks?", r"lorr(?:y|ies)", r"tankers?", r"trains?", r"cars?", r"vehicles?", r"boats?",
    r"ferr(?:y|ies)", r"ships?", r"vessels?", r"motorcycles?", r"cranes?", r"collapse",
    r"explosions?", r"blasts?", r"fires?", r"blaze", r"floods?", r"quakes?", r"earthquakes?",
    r"landslides?", r"storms?", r"lightning", r"avalanches?", r"crash(?:es)?", r"accidents?",
)
#: Settings of accidents, not accidents themselves: "security forces seized explosives from a
#: warehouse" tells of no disaster, so no relief work either.
SETTING = _words(
    r"cylinder", r"boiler", r"tanker", r"fireworks?", r"chemical plant", r"factory", r"plant",
    r"warehouse", r"ferry", r"pipeline", r"refinery", r"coal mine", r"gold mine", r"mining",
    r"train", r"railway", r"faulty", r"rubble",
    # an epidemic is met by public policy (lockdowns, closed borders), not by relief work
    r"outbreaks?", r"epidemic", r"pandemic", r"cholera", r"ebola",
)
#: "Officials ruled out an attack": a denied attack is no sign of one.
NOT_AN_ATTACK = re.compile(
    r"\b(?:ruled out|rules out|rule out|no (?:sign|evidence|indication|suspicion)s? of|not) "
    r"(?:an? |any )?(?:attack|terror\w*|sabotage|foul play|arson)\w*")
#: Sports news ("attacked from the first whistle", "bombarded the batsmen"): a score or two
#: words of the game, and no one hurt, make the story a match report.
SPORT = _words(
    r"goals?", r"strikers?", r"midfielders?", r"goalkeepers?", r"league", r"tournament",
    r"championships?", r"grand prix", r"world cup", r"(?:semi|quarter)-?finals?", r"grand slam",
    r"olympics?", r"whistle", r"kick-?off", r"half-?time", r"innings", r"wickets?",
    r"bowl(?:er|ers|ing|ed)", r"bats(?:man|men)", r"batting", r"test match", r"straight sets",
    r"heavyweight", r"boxer", r"pole position", r"touchdowns?", r"playoffs?", r"title",
    r"teammates?", r"coach", r"season", r"stadium", r"match(?:es)?", r"rout(?:ed)?",
    r"trophy", r"penalties", r"super bowl", r"world record", r"(?:first|second) half",
    r"late winner", r"finals?", r"medals?", r"marathon", r"metres",
)
SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b(?! (?:vote|majority|ruling|decision))")
HURT = _words(r"kill\w*", r"dead", r"died", r"deaths?", r"wound\w*", r"injur\w*", r"blasts?",
              r"explo\w*", r"gunm[ae]n", r"shot dead", r"stampede")
#: Company news (takeovers, mergers, recalls): with no state or political participant, an
#: agreement to buy a stake is no political agreement. The words of corporate finance say so
#: alone; plainer words ("company", "lawsuit") only with a company among the participants.
BUSINESS = _words(
    r"acqui(?:re|red|res|ring|sition)", r"takeover", r"stake in", r"merg(?:e|er|ers|ed|ing)",
    r"shareholders?", r"shares in", r"stock", r"carmakers?", r"chief executive", r"ceo",
    r"recall(?:s|ed|ing)? (?:[\d,.]+ (?:million )?)?(?:\w+ )?(?:vehicles|cars|suvs|trucks|"
    r"products|units|batches|models)", r"profits?", r"revenues?", r"bankrupt\w*", r"investors?",
    r"deal worth", r"shelves",
)
COMPANY = _words(r"compan(?:y|ies)", r"firms?", r"lawsuits?", r"sued?", r"settle", r"billion",
                 r"products?", r"customers", r"brands?", r"inc", r"ltd", r"corp\w*", r"plc")
#: Words of public life that keep a company story political ("sanctions against a state oil
#: company", "the union will not end the strike").
PUBLIC = _words(
    r"sanction\w*", r"governments?", r"state(?:-owned)? (?:oil |gas |mining )?compan(?:y|ies)",
    r"ministr(?:y|ies)", r"ministers?", r"president", r"parliament\w*", r"unions?", r"strikes?",
    r"strikers", r"nationali[sz]\w*", r"regime", r"embassy", r"treaty",
    r"development (?:bank|finance)", r"world bank", r"imf", r"central bank",
)
#: Signs of a deliberate, armed or political act: their presence keeps the event.
ATTACK = _words(
    r"bomb\w*", r"ieds?", r"explosive devices?", r"suicide", r"militants?", r"insurgents?",
    r"rebels?", r"jihadists?", r"terror\w*", r"extremists?", r"islamists?", r"separatists?",
    r"guerrillas?", r"militias?", r"militiamen", r"protest\w*", r"demonstrat\w*", r"riot\w*",
    r"activists?", r"opposition", r"politicians?",
    r"political", r"election\w*", r"candidates?", r"mayor", r"councillors?", r"lawmakers?",
    r"ministers?", r"journalists?", r"reporters?", r"arson\w*", r"set fire", r"torched",
    r"strikes", r"went on strike", r"on strike", r"governors?", r"senators?", r"presidents?",
    r"congress(?:man|woman|men)",
    r"grenades?", r"rockets?", r"missiles?", r"airstrikes?", r"air strikes?",
    r"shelling", r"sabotage\w*", r"assassin\w*", r"coup", r"(?<!turf )war",
    r"ceasefire", r"paramilitar\w*", r"vigilantes?", r"mob", r"lynch\w*", r"communal",
    r"ethnic", r"sectarian", r"herders?", r"bandits?", r"open(?:ed|s)? fire", r"gunfire",
    r"artillery", r"mortars?", r"snipers?", r"air raids?", r"drones?", r"landmines?",
    r"chemical (?:weapons?|attacks?)", r"explosives",
    # charges only states bring against their opponents
    r"sedition", r"treason", r"rebellion", r"insurrection", r"subversion", r"espionage",
)
#: Public roles among the signs above: a crime against a mayor or a journalist is political,
#: but a minister visiting a flood-hit district does relief work.
ROLES = _words(
    r"activists?", r"opposition", r"politicians?", r"political", r"election\w*",
    r"candidates?", r"mayor", r"councillors?", r"lawmakers?", r"ministers?", r"journalists?",
    r"reporters?", r"governors?", r"senators?", r"presidents?", r"congress(?:man|woman|men)",
)
#: Criminals named as such: no political participant, whatever the dictionaries say of them
#: ("the leader of a drug cartel"); not the "Court of Criminal Appeals".
CRIMINAL = _words(
    r"drug", r"cartels?", r"gangs?", r"gangsters?", r"mafia", r"mobsters?", r"criminals",
    r"criminal (?:gang|group|network|ring)s?", r"thie(?:f|ves)", r"robbers?", r"kidnappers?",
    r"traffickers?", r"smugglers?", r"drug lords?", r"drug dealers?", r"pickpockets?",
    r"poachers?", r"hitm[ae]n", r"fraudsters?", r"scammers?", r"burglars?",
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


#: Organised crime that fights the state's forces: a battle ACLED codes ("soldiers clashed
#: with cartel gunmen", "police exchanged fire with a drug gang"); lone robbers are no party.
ORGANISED = _words(r"gangs?", r"cartels?", r"mafia", r"criminal (?:group|organi[sz]ation)s?",
                   r"syndicates?", r"gang members", r"narco\w*")
FIGHT = _words(r"clash\w*", r"gun ?fights?", r"gun ?battles?", r"shoot-?outs?", r"firefights?",
               r"exchang\w* (?:of )?(?:fire|gunfire|shots)", r"battl\w*", r"fought", r"fighting")
#: Demanding a sum of money is the criminal's trade ("demanding 100 million naira").
MONEY = re.compile(r"\bdemand\w* (?:a |an )?(?:sum of |payment of )?(?:\$|us\$)?[\d.,]+ ?"
                   r"(?:million|billion|thousand|\w+)|\bpaid (?:a |an )?(?:\$|us\$)?[\d.,]+ ?"
                   r"(?:\w+ ){0,2}for (?:his|her|their|the) release")
#: Guards of banks and shops are no state force.
PRIVATE_GUARD = _words(r"security guards?", r"private guards?", r"bodyguards?", r"watchm[ae]n")
#: Armed groups the dictionaries know by name.
ARMED_GROUPS = frozenset({"armed group", "militia", "rebels", "insurgents", "terrorist",
                          "paramilitary"})
#: The state's judicial and police side: against ordinary crime its acts are police work.
STATE_AUTHORITIES = STATE_FORCES | {"judiciary"}
#: Types that may report a state's relief work in a disaster story ("officials ordered
#: residents to leave", "the prime minister visited the flood-hit district", "officials ruled
#: out an attack").
RELIEF_TYPES = frozenset({"REQUEST", "CONSULT", "AGREE", "SUPPORT", "REJECT", "THREATEN"})
#: Judicial and police acts that need a doer: PLOVER codes no arrest or charge without one
#: ("a man has been arrested on suspicion of murder").
AGENT_NEEDED = frozenset({"COERCE", "ACCUSE", "SANCTION"})
#: A place named after a preposition: "arrested *in Nairobi*" names where, not who.
WHERE = r"\b(?:in|at|near|from|outside|on) (?:the )?"


def _political(actor: Actor | None, *, as_victim: bool = False, crime: bool = False) -> bool:
    """A state, armed, party or international participant. Police count only as victims, and
    only of crime (police fighting a fire or arresting a thief is no political event); in a
    crime story an unnamed "armed group" ("gunmen robbed a bank") is the criminals themselves."""
    if actor is None or _criminal(actor) or DISASTER.search(actor.text.lower()):
        # "the leader of a drug cartel" is no political leader, a crowd crush no protest
        return False
    sector = (actor.sector or "").lower()
    if crime and sector == "armed group" and actor.id is None:
        return False
    if sector in ("security", "police") and PRIVATE_GUARD.search(actor.text.lower()):
        return False  # "injuring two security guards" of a bank
    return sector in POLITICAL_SECTORS or (as_victim and crime and sector == "police")


def _state_fights_gang(event: Event, context: str) -> bool:
    """State forces and organised crime in a fight: ACLED's battle, not police work."""
    sides = [p for p in (event.actor, event.recipient) if p is not None]
    state = any((p.sector or "").lower() in STATE_FORCES and not PRIVATE_GUARD.search(
        p.text.lower()) for p in sides)
    # (the gang may be told apart from the participants: "clashed with a gang in Rio")
    return event.event_type == "ASSAULT" and state and bool(
        ORGANISED.search(context) and FIGHT.search(context))


def _criminal(actor: Actor) -> bool:
    """Criminals named as such ("gang members", "the leader of a drug cartel"); an armed group
    the dictionaries know stays an armed group whatever its name (ACLED codes the Clan del
    Golfo's violence)."""
    armed = actor.id is not None and (actor.sector or "").lower() in ARMED_GROUPS
    return not armed and bool(CRIMINAL.search(actor.text.lower()))


def _official(actor: Actor | None) -> bool:
    """A participant on the state's or a political side, police included, or one the
    dictionaries know that is no criminal or company: who may speak or act for the public."""
    if actor is None or _criminal(actor):
        return False
    sector = (actor.sector or "").lower()
    # a state by name ("Peru", "the U.S."), not "Brazil's largest meatpackers"
    state = bool(actor.id and not sector and actor.text.split()[-1][:1].isupper())
    return sector in POLITICAL_SECTORS or sector == "police" or state


def _named(actor: Actor | None) -> bool:
    """A participant the dictionaries know, or a proper name ("Delhi Police", "Sao Paulo Zoo"):
    PLOVER codes what named states and agencies do even about crime and disasters ("the United
    States returned a stolen painting", "Burma allowed aid into the cyclone areas"); the generic
    "police", "gang members" or "a man" of crime news are not named, nor is "a businessman in
    Port Harcourt" (the place is not the participant's name), nor a named cartel."""
    if actor is None or DISASTER.search(actor.text.lower()) or _criminal(actor):
        return False  # "Cyclone Idai" is a name, not an actor
    if actor.id:
        return True
    head = re.split(WHERE, actor.text, maxsplit=1)[0]
    words = head.split()
    return sum(1 for w in words if w[:1].isupper()) >= 2 or any(
        len(w) >= 2 and w.isupper() and w.isalpha() for w in words)  # "DHS", "FBI"


def _where_only(actor: Actor | None, sentence: str) -> bool:
    """Only the place where it happened ("was arrested in Nairobi", read by the parse as done
    by Nairobi): a proper name, so "fired at police" keeps its target."""
    if actor is None or not any(w[:1].isupper() for w in actor.text.split()):
        return False  # ("in south London" is a place too)
    shown = re.escape(actor.text)
    return bool(re.search(WHERE + shown + r"\b", sentence)) and not re.search(
        r"(?<!\bin )(?<!\bat )(?<!\bnear )(?<!\bfrom )(?<!\boutside )(?<!\bon )(?<!\bthe )"
        + r"\b" + shown + r"\b", sentence)


def _sport(context: str) -> bool:
    """A match report: a score, or two words of the game, and no one killed or hurt."""
    cues = {m.group(0) for m in SPORT.finditer(context)}
    return len(cues) + bool(SCORE.search(context)) >= 2 and not HURT.search(context)


def is_non_political(event: Event, document_text: str = "") -> bool:
    """True when ``event`` is ordinary crime, an accident, a disaster, a match or company news
    with no political side.

    ``document_text`` (optional) lets a short snippet's other sentences supply the context
    ("... Police said the shooting was linked to a drug debt"). Harm, force and relief go, and
    so do the typer's guesses ("investigators are trying to find the cause of the crash"), the
    words of criminals and their victims ("demanded a ransom"), a disaster's relief work by
    the state at home ("officials ordered residents to leave") and deals between companies.
    What officials or anyone else say about a crime or a disaster is coded as said. Protests
    (strikes included) are always political (ACLED codes them).
    """
    if event.event_type == "PROTEST":
        return False
    sentence = event.evidence.sentence
    # "arrested *in Nairobi*", "attacked a van *in Lima*": the place is no participant
    actor = None if _where_only(event.actor, sentence) else event.actor
    recipient = None if _where_only(event.recipient, sentence) else event.recipient
    if event.event_type == "ASSAULT" and actor is not None and (
            actor.sector or "").lower() == "judiciary":
        actor = None  # "a court jailed a man for murdering a girl": the court killed no one
    # "officials ruled out an attack": no attack, and an accident by their word
    context = NOT_AN_ATTACK.sub(" accident ", _context(event, document_text))
    if actor is not None and not actor.sector and DISASTER.search(actor.text.lower()) and (
            not ATTACK.search(context)):
        return True  # "Cyclone Mocha slammed into the coast": a storm neither acts nor speaks
    if _sport(context) and not (_political(actor) or _political(recipient)):
        return True  # "Sri Lanka's bowlers bombarded the batsmen"
    crime = bool(CRIME.search(context) or MONEY.search(context))
    disaster = not crime and bool(DISASTER.search(context))
    if ATTACK.search(ROLES.sub(" ", context) if disaster else context):
        return False  # (in a disaster story the minister's visit is still relief work)
    if not crime and _company_news(context, actor, recipient):
        return True  # "Unilever agreed to buy a stake in a Mexican food company"
    if disaster and ATTACKED.search(context):
        return False  # "residents attacked Ebola health workers": an attack, not the outbreak
    if crime and _state_fights_gang(event, context):
        return False  # "police clashed with members of a drug gang": a battle
    if crime and event.event_type in AGENT_NEEDED and actor is None and not _political(
            recipient):
        return True  # "a man has been arrested on suspicion of murder": no one named does it
    if event.event_type not in HARM_TYPES and not (event.rule or "").startswith("typer:"):
        if crime:  # "kidnappers demanded a ransom", "police are investigating the killing"
            # go like police arrests; "prosecutors charged", "Delhi Police accused" stay
            return not any((_official(p) and (p.sector or "").lower() != "police") or _named(p)
                           for p in (actor, recipient))
        if disaster and event.event_type in RELIEF_TYPES:
            return _relief(actor, recipient, context)
        # "officials blamed a faulty space heater": a cause, not an accused; otherwise what
        # someone says about a crime or disaster is coded as said
        return bool(disaster and recipient is not None and not recipient.sector
                    and DISASTER.search(recipient.text.lower()))
    if not crime and not disaster:
        return False
    if disaster and actor is not None and ACCIDENT_DOERS.fullmatch(
            actor.text.lower().split()[-1]):
        return True  # "a (military) helicopter crashed ..., killing the pilot"
    if disaster and (event.event_type != "ASSAULT" or (event.rule or "").startswith("typer:")):
        return _relief(actor, recipient, context)  # (the typer's guess of an attack is no attack's verb)
    # (police are victims of violence, not of their own arrest for bribery)
    if _political(actor, crime=crime) or _political(
            recipient, as_victim=event.event_type == "ASSAULT", crime=crime):
        return False
    return not (_named(actor) or (recipient is not None and recipient.sector
                                  and _named(recipient)))


def _company_news(context: str, actor: Actor | None, recipient: Actor | None) -> bool:
    """Companies dealing with companies: corporate-finance words, or plainer company words with
    a company among the participants, no public-life words and no official participant."""
    if PUBLIC.search(context) or _official(actor) or _official(recipient):
        return False
    if BUSINESS.search(context):
        return True
    firm = any(p is not None and (p.sector or "").lower() == "business"
               for p in (actor, recipient))
    return firm and bool(COMPANY.search(context))


def _relief(actor: Actor | None, recipient: Actor | None, context: str) -> bool:
    """In a disaster story, the state's acts towards its own people, places and forces are
    relief ("authorities evacuated 80,000 people", "the government declared a state of
    emergency", "deployed soldiers to help"); acts towards another political or named party
    ("Japan sent supplies to Morocco") stay, and so do acts of a state the dictionaries know
    ("India deployed troops to the border"). A story that only names a setting ("seized
    explosives from a warehouse") tells of no disaster: there, political participants count."""
    if not DISASTER.search(SETTING.sub(" ", context)):
        return not (_political(actor) or _political(recipient, as_victim=True)
                    or _named(actor) or (recipient is not None and _named(recipient)))
    own_forces = recipient is not None and (recipient.sector or "").lower() in STATE_FORCES
    if (_political(recipient, as_victim=True) and not own_forces) or (
            recipient is not None and _named(recipient)):
        return False
    return not (actor is not None and actor.id)


def ordinary_crime(event: Event, document_text: str = "") -> bool:
    """True when ``event`` belongs to a plainly criminal story: ACLED has no type for it.

    "Mexican police arrested the alleged leader of a drug cartel" or "a court sentenced a
    former bank manager for fraud" is a PLOVER arrest and no ACLED event; "gang members killed
    two police officers" (police as victims) and "soldiers clashed with cartel gunmen" (state
    forces fighting) keep their ACLED type.
    """
    context = NOT_AN_ATTACK.sub(" ", _context(event, document_text))
    if not CRIME.search(context) or ATTACK.search(context) or _state_fights_gang(event, context):
        return False
    if _political(event.recipient, as_victim=event.event_type == "ASSAULT", crime=True):
        return False
    # state forces intercepting a drug boat do police work, and courts trying criminals
    # judicial work; fighting, state forces are in a battle
    state = (event.actor.sector or "").lower() in STATE_AUTHORITIES if event.actor else False
    return not (_political(event.actor, crime=True) and (
        event.event_type == "ASSAULT" or not state))


def _context(event: Event, document_text: str) -> str:
    """The event's sentence, or the whole of a short snippet (one story)."""
    if document_text and len(document_text) <= SHORT_TEXT_CHARS:
        return document_text.lower()
    return event.evidence.sentence.lower()
