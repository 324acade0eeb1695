"""Crime, accidents and disasters without a political side make no event
(eventwire.coding.nonpolitical). Synthetic records; no gold text."""

from __future__ import annotations

from factories import sentence_event as event

from eventwire.coding.nonpolitical import is_non_political
from eventwire.model import Actor

POLICE = Actor("Police", sector="police")
GANG = Actor("Gang members")
MEN = Actor("two men")


def test_gang_killing_and_police_arrest_of_thieves_are_crime():
    assert is_non_political(event(
        "Gang members shot and killed two men in what police called a turf war.", actor=GANG,
        recipient=MEN))
    assert is_non_political(event("Police arrested a man suspected of stealing cars.",
                                  "COERCE", actor=POLICE, recipient=Actor("a man"),
                                  rule="verb:arrest"))


def test_accidents_and_disasters_are_not_political():
    assert is_non_political(event("An explosion at a chemical plant killed 64 workers.",
                                  actor=Actor("explosion"), recipient=Actor("64 workers")))
    assert is_non_political(event("Firefighters battled the blaze as police cordoned off the "
                                  "area.", actor=Actor("Firefighters"), recipient=POLICE))


def test_political_participants_keep_the_event():
    # police as victims of a gang are political violence (ACLED codes them)
    assert not is_non_political(event("Gang members killed two police officers at a checkpoint.",
                                      actor=GANG, recipient=Actor("two police officers",
                                                                  sector="police")))
    assert not is_non_political(event("Soldiers killed five people near the flooded village.",
                                      actor=Actor("Soldiers", sector="military"),
                                      recipient=Actor("five people")))


def test_signs_of_an_armed_or_political_act_keep_the_event():
    assert not is_non_political(event(
        "Militants kidnapped three engineers and demanded a ransom for their release.",
        actor=Actor("Militants"), recipient=Actor("three engineers"), rule="verb:kidnap"))
    assert not is_non_political(event("A bomb hidden in a fuel tanker exploded at the market.",
                                      actor=Actor("bomb")))


def test_named_agencies_and_states_are_coded_even_about_crime():
    usa = Actor("The United States", name="United States", id="USA", country="USA")
    assert not is_non_political(event(
        "The United States returned a painting that was stolen in 1989 to its owner.",
        "CONCEDE", actor=usa, rule="verb:return"))
    assert not is_non_political(event(
        "Delhi Police arrested an alleged sharpshooter of a criminal gang.", "COERCE",
        actor=Actor("Delhi Police", sector="police"), rule="verb:arrest"))


def test_verbal_reactions_stay_but_typer_guesses_go():
    said = event("Investigators blamed the company for the factory fire.", "ACCUSE",
                 actor=Actor("Investigators"), rule="verb:blame")
    assert not is_non_political(said)
    guessed = event("Investigators are trying to determine the cause of the accident.",
                    "ACCUSE", actor=Actor("Investigators"), rule="typer:ACCUSE")
    assert is_non_political(guessed)


def test_short_documents_lend_their_other_sentences_as_context():
    shot = event("A man was shot dead outside a nightclub on Saturday.",
                 recipient=Actor("A man"))
    assert not is_non_political(shot)
    story = ("A man was shot dead outside a nightclub on Saturday. Police said the killing "
             "was linked to a drug debt.")
    assert is_non_political(shot, story)
    # a long document is read sentence by sentence
    assert not is_non_political(shot, story + " " + "Unrelated text follows. " * 60)


def test_a_fire_is_a_disaster_but_opening_fire_is_not():
    burned = event("A fire at a market in Onitsha killed three traders.",
                   actor=Actor("fire"), recipient=Actor("three traders"))
    assert is_non_political(burned)
    shot = event("Men opened fire on a minibus near Djibo, killing three traders.",
                 actor=Actor("Men"), recipient=Actor("three traders"))
    assert not is_non_political(shot)


def test_domestic_killings_are_crime():
    assert is_non_political(event("A man stabbed his wife to death after a quarrel.",
                                  actor=Actor("A man"), recipient=Actor("his wife")))


def test_attacks_in_disaster_stories_stay_but_thieves_attacking_are_crime():
    assert not is_non_political(event("Residents attacked Ebola health workers in Butembo.",
                                      actor=Actor("Residents"),
                                      recipient=Actor("Ebola health workers")))
    assert is_non_political(event("Thieves attacked a shop owner and stole his watches.",
                                  actor=Actor("Thieves"), recipient=Actor("a shop owner")))


def test_named_storms_and_cartel_leaders_are_no_political_actors():
    assert is_non_political(event("Cyclone Idai made landfall near Beira, killing 100 people.",
                                  actor=Actor("Cyclone Idai"), recipient=Actor("100 people")))
    assert is_non_political(event("The leader of a drug cartel was shot dead by rivals.",
                                  actor=Actor("rivals"),
                                  recipient=Actor("leader of a drug cartel",
                                                  sector="government")))


def test_clashes_erupting_are_no_volcano():
    assert not is_non_political(event(
        "Clashes erupted between two armed groups, forcing villagers to flee.", "COERCE",
        actor=Actor("Clashes"), recipient=Actor("villagers", sector="civilians"),
        rule="verb:force"))


def test_troops_sent_to_rescue_flood_victims_are_relief_not_mobilisation():
    assert is_non_political(event(
        "Floodwaters destroyed hundreds of homes, and the army was deployed to rescue stranded "
        "villagers.", "MOBILIZE", actor=Actor("army", sector="military"), rule="verb:deploy"))
    # a named state moving troops in a disaster story is still coded
    india = Actor("India", name="India", id="IND", country="IND", sector="government")
    assert not is_non_political(event(
        "India deployed troops to the border as floods hit the region.", "MOBILIZE",
        actor=india, rule="verb:deploy"))
