"""The rules of eventwire.coding.nonpolitical for sport, company, disaster-relief and crime
stories, on hand-made events (synthetic sentences; no gold text)."""

from __future__ import annotations

from factories import sentence_event as event

from eventwire.coding.nonpolitical import is_non_political, ordinary_crime
from eventwire.model import Actor

GOV = Actor("government", sector="government")
OFFICIALS = Actor("Officials", sector="government")
PEOPLE = Actor("80,000 people", sector="civilians")


def test_match_reports_are_no_violence():
    bowlers = Actor("Sri Lanka's bowlers", id="LKA", country="LKA")
    assert is_non_political(event(
        "Sri Lanka's bowlers bombarded the batsmen with short balls on the opening day.",
        actor=bowlers, recipient=Actor("batsmen"), rule="verb:bombard"))
    assert is_non_political(event(
        "Manchester City attacked from the first whistle and crushed Bournemouth 6-1.",
        actor=Actor("Manchester City"), recipient=Actor("first whistle"), rule="verb:attack"))
    # a bomb at a stadium hurts people: no match report
    assert not is_non_political(event(
        "A bomb exploded outside the stadium before the league match, killing four fans.",
        actor=Actor("bomb"), recipient=Actor("four fans")))
    # one sports word and a number range are no score ("skulls from A.D. 640-890")
    assert not is_non_political(event(
        "Immigration and Customs Enforcement returned 12 skulls dating to A.D. 640-890 to Peru.",
        "CONCEDE", actor=Actor("Immigration and Customs Enforcement"),
        recipient=Actor("Peru", id="PER", country="PER"), rule="verb:return"))


def test_companies_dealing_with_companies_are_not_political():
    assert is_non_political(event(
        "Unilever agreed to buy a stake in a Mexican food company for 1.2 billion dollars.",
        "AGREE", actor=Actor("Unilever"),
        recipient=Actor("Mexican food company", id="MEX-BUS", country="MEX", sector="business"),
        rule="verb:agree"))
    # a state or public-life words keep it: sanctions, strikes, governments
    assert not is_non_political(event(
        "A former tycoon called for sanctions against Belneftekhim, Belarus's state oil company.",
        "REQUEST", actor=Actor("former tycoon"),
        recipient=Actor("Belneftekhim", sector="business"), rule="verb:call for"))
    assert not is_non_political(event(
        "The government agreed to buy a stake in the national airline.", "AGREE", actor=GOV,
        recipient=Actor("national airline", sector="business"), rule="verb:agree"))
    # plain company words ("settlement") need a company among the participants
    assert not is_non_political(event(
        "The Organization of African Unity launched a mediation effort to help reach a "
        "peaceful settlement.", "CONSULT", actor=Actor("Organization of African Unity"),
        rule="light:launch+mediation effort"))


def test_strikes_are_protests_even_at_a_company():
    assert not is_non_political(event(
        "Workers at the Ford plant went on strike for higher wages after the company's profits "
        "rose.", "PROTEST", actor=Actor("Workers", sector="labour"), rule="verb:go on strike"))


def test_relief_work_at_home_in_a_disaster_story_is_no_political_event():
    assert is_non_political(event(
        "Authorities evacuated 80,000 people from low-lying areas as Cyclone Fani approached.",
        "AID", actor=Actor("Authorities", sector="government"), recipient=PEOPLE,
        rule="typer:AID"))
    assert is_non_political(event(
        "Officials ordered residents of 30 villages to leave as lava flowed down the slopes.",
        "REQUEST", actor=OFFICIALS, recipient=Actor("residents", sector="civilians"),
        rule="verb:order"))
    assert is_non_political(event(
        "The prime minister visited the flood-hit district and promised compensation.",
        "CONSULT", actor=Actor("prime minister", sector="government"),
        recipient=Actor("flood-hit district"), rule="verb:visit"))
    # the state's own soldiers sent to help are no adversary
    assert is_non_political(event(
        "After the floods the government deployed soldiers to help evacuate residents.",
        "AID", actor=GOV, recipient=Actor("soldiers", sector="military"), rule="typer:AID"))
    # help for another state stays
    assert not is_non_political(event(
        "Japan sent 20 tonnes of emergency supplies to Morocco after the earthquake.", "AID",
        actor=Actor("Japan", id="JPN", country="JPN"),
        recipient=Actor("Morocco", id="MAR", country="MAR"), rule="verb:send"))
    # a setting is no disaster: security forces seizing explosives from a warehouse stay
    assert not is_non_political(event(
        "Security forces seized 200 kilograms of explosives from a warehouse in Karachi.",
        "COERCE", actor=Actor("Security forces", sector="security"),
        recipient=Actor("Karachi"), rule="verb:seize"))


def test_an_attack_ruled_out_makes_an_accident():
    blast = event("An explosion at an oil refinery killed three workers; officials ruled out an "
                  "attack.", actor=OFFICIALS, recipient=Actor("attack"), rule="typer:ASSAULT")
    assert is_non_political(blast)


def test_gunfire_exchanged_is_no_fire_disaster():
    fight = event("Gunmen and members of the Kenya Defence Forces exchanged fire near Lamu; "
                  "one gunman died.", actor=Actor("one gunman", sector="armed group"),
                  rule="typer:ASSAULT")
    assert not is_non_political(fight)


def test_criminals_words_and_arrests_without_a_doer_go():
    assert is_non_political(event(
        "Kidnappers abducted a businessman and demanded a ransom of 50 million naira.",
        "REQUEST", actor=Actor("Kidnappers", sector="armed group"),
        recipient=Actor("50 million naira"), rule="verb:demand"))
    assert is_non_political(event(
        "A woman was found dead in her flat, and a man has been arrested on suspicion of "
        "murder.", "COERCE", recipient=Actor("man", sector="civilians"), rule="verb:arrest"))
    # the place of the arrest is not its doer
    assert is_non_political(event(
        "An accountant was arrested in Nairobi for allegedly stealing from a church fund.",
        "COERCE", actor=Actor("Nairobi", id="KEN-GOV", country="KEN", sector="government"),
        rule="verb:arrest"))
    # an accused politician keeps the accusation even without a doer
    assert not is_non_political(event(
        "Ousted president Aristide has been accused of misusing funds, much of it embezzled.",
        "ACCUSE", recipient=Actor("Ousted president Aristide", sector="government"),
        rule="verb:accuse"))
    # prosecutors speak for the state: PLOVER codes the charge
    assert not is_non_political(event(
        "Prosecutors charged a former bank employee with stealing 5 million dollars.", "ACCUSE",
        actor=Actor("Prosecutors", sector="judiciary"),
        recipient=Actor("former bank employee", sector="business"), rule="verb:charge"))


def test_murders_and_neighbours_are_crime_and_a_place_is_no_name():
    assert is_non_political(event(
        "A man was hacked to death by his neighbours over a land dispute.", "COERCE",
        actor=Actor("his neighbours"), recipient=Actor("man", sector="civilians"),
        rule="verb:hack"))
    assert is_non_political(event(
        "Kidnappers abducted a businessman in Port Harcourt and demanded a ransom.",
        actor=Actor("Kidnappers", sector="armed group"),
        recipient=Actor("businessman in Port Harcourt", sector="business"), rule="verb:abduct"))
    # a "murderer" in a politician's mouth makes no crime story
    assert not is_non_political(event(
        "Erdogan blamed the Syrian government for a chemical weapons attack that killed dozens, "
        "calling Assad a murderer.", actor=Actor("suspected chemical weapons attack"),
        recipient=Actor("people", sector="civilians")))


def test_known_armed_groups_stay_political_whatever_their_name():
    clan = Actor("Gulf Clan cartel", id="CLAN_DEL_GOLFO", country="COL", sector="armed group")
    killed = event("Members of the Gulf Clan cartel killed two farmers who refused to pay "
                   "protection money.", actor=clan,
                   recipient=Actor("two farmers", sector="civilians"))
    assert not is_non_political(killed)
    unnamed = event("Members of a drug cartel killed two farmers who refused to pay protection "
                    "money.", actor=Actor("Members of a drug cartel", sector="armed group"),
                    recipient=Actor("two farmers", sector="civilians"))
    assert is_non_political(unnamed)


def test_court_sentences_for_crimes_lose_their_acled_type():
    court = Actor("court in Milan", sector="judiciary")
    sentenced = event("A court in Milan sentenced a former bank manager to eight years for "
                      "defrauding clients.", "COERCE", actor=court,
                      recipient=Actor("former bank manager", sector="business"),
                      rule="verb:sentence")
    assert not is_non_political(sentenced)  # PLOVER codes the sentence
    assert ordinary_crime(sentenced)  # ACLED does not
    political = event("A court sentenced an opposition leader to eight years for fraud.",
                      "COERCE", actor=court, recipient=Actor("opposition leader"),
                      rule="verb:sentence")
    assert not ordinary_crime(political)


def test_a_place_read_as_a_participant_is_none():
    # "attacked a bullion van in Lima": Lima (resolved to Peru's government) is where
    lima = Actor("Lima", id="PER-GOV", country="PER", sector="government")
    assert is_non_political(event("A group of armed robbers attacked a bullion van in Lima, "
                                  "killing the driver.", actor=Actor("armed robbers"),
                                  recipient=lima, rule="verb:attack"))


def test_bank_guards_are_no_state_force():
    guards = Actor("two security guards", sector="police")
    assert is_non_political(event("Unknown assailants robbed a bank, injuring two security "
                                  "guards.", actor=Actor("Unknown assailants",
                                                         sector="armed group"),
                                  recipient=guards, rule="verb:injure"))


def test_state_forces_fighting_organised_crime_are_a_battle():
    police = Actor("Police", sector="police")
    fight = event("Police clashed with members of a drug gang in Rio de Janeiro, leaving "
                  "eight suspects dead.", actor=police, recipient=Actor("Rio de Janeiro"),
                  rule="verb:clash")
    assert not is_non_political(fight)
    assert not ordinary_crime(fight)
    # police shooting robbers is police work, not a battle with an armed group
    assert is_non_political(event("Police shot dead three suspected robbers in a gunfight.",
                                  actor=police, recipient=Actor("three suspected robbers"),
                                  rule="verb:shoot"))


def test_crowd_crush_is_no_crowd_violence_and_ransom_sums_are_crime():
    crush = Actor("crowd crush at a Halloween celebration", sector="protesters")
    assert is_non_political(event("A crowd crush at a Halloween celebration killed 159 people.",
                                  actor=crush, recipient=Actor("159 people")))
    assert is_non_political(event(
        "A businessman was abducted by armed men; his abductors are demanding 100 million "
        "naira.", actor=Actor("armed men", sector="armed group"),
        recipient=Actor("businessman", sector="business"), rule="verb:abduct"))
    assert ordinary_crime(event(
        "The head of a loan-shark ring was jailed for 15 years for assaulting debtors.",
        "COERCE", actor=Actor("court", sector="judiciary"),
        recipient=Actor("head of a loan-shark ring"), rule="verb:jail"))


def test_epidemic_measures_are_policy_not_relief():
    lockdown = event("The government imposed a lockdown on the capital to contain the cholera "
                     "outbreak.", "COERCE", actor=GOV, recipient=Actor("capital"),
                     rule="verb:impose")
    assert not is_non_political(lockdown)
    arrested = event("The governor of Sinaloa was arrested on charges of protecting a drug "
                     "cartel.", "COERCE", recipient=Actor("governor of Sinaloa"),
                     rule="verb:arrest")
    assert not is_non_political(arrested)


def test_company_agreements_are_no_acled_agreement():
    from eventwire.coding.acled import acled_type

    assert acled_type("AGREE", None, "agree", "Bayer agreed to pay 10 billion dollars to settle "
                      "lawsuits over its weedkiller.", None, None, "") is None
    assert acled_type("COOPERATE", None, "approve", "The merger between two steelmakers was "
                      "approved by shareholders.", None, None, "") is None
    peace = acled_type("AGREE", None, "sign", "The government and the ELN signed a ceasefire "
                       "agreement worth billions in reconstruction.", "government", None, "")
    assert peace is not None and peace.sub_event_type == "Agreement"


def test_generic_police_words_in_crime_stories_go_like_their_arrests():
    police = Actor("Police", sector="police")
    assert is_non_political(event("Police are investigating the murder of a shopkeeper.",
                                  "ACCUSE", actor=police, recipient=Actor("murder"),
                                  rule="verb:investigate"))
    delhi = Actor("Delhi Police", sector="police")
    assert not is_non_political(event("Delhi Police accused a gang of smuggling drugs.",
                                      "ACCUSE", actor=delhi, recipient=Actor("gang"),
                                      rule="verb:accuse"))
    ruled_out = event("An explosion at a refinery killed three workers; officials ruled out an "
                      "attack.", "REJECT", actor=OFFICIALS, recipient=Actor("oil refinery"),
                      rule="verb:rule out")
    assert is_non_political(ruled_out)


def test_a_vehicle_or_hazard_doing_the_harm_is_an_accident():
    crash = event("A military helicopter crashed during a training flight, killing the army "
                  "chief and nine officers.", actor=Actor("military helicopter",
                                                          sector="military"),
                  recipient=Actor("army chief", sector="military"))
    assert is_non_political(crash)
    # shot down by rebels: an attack
    assert not is_non_political(event(
        "Rebels shot down a military helicopter, which crashed killing its crew.",
        actor=Actor("Rebels", sector="rebels"), recipient=Actor("crew", sector="military")))


def test_drugs_by_name_and_loot_by_kind_make_crime_stories():
    assert is_non_political(event(
        "Two men on a motorbike shot a goldsmith and escaped with his gold.",
        actor=Actor("Two men"), recipient=Actor("goldsmith"), rule="verb:shoot"))
    assert ordinary_crime(event(
        "Moroccan police seized 9 tonnes of hashish hidden in a truck.", "COERCE",
        actor=Actor("Moroccan police", sector="police"), recipient=Actor("hashish"),
        rule="verb:seize"))


def test_a_states_companies_are_not_the_state():
    assert is_non_political(event(
        "Two of Brazil's largest meatpackers agreed to merge, creating the biggest exporter.",
        "AGREE", actor=Actor("Brazil's largest meatpackers", id="BRA", country="BRA"),
        rule="verb:agree"))


def test_police_are_victims_of_violence_not_of_their_own_arrest():
    officers = Actor("Two traffic police officers", sector="police")
    assert is_non_political(event("Two traffic police officers were arrested for taking bribes "
                                  "from truck drivers.", "COERCE", recipient=officers,
                                  rule="verb:arrest"))
    sentenced = event("A court sentenced a former police officer to 22 years for murder.",
                      "COERCE", actor=Actor("court", sector="judiciary"),
                      recipient=Actor("former police officer", sector="police"),
                      rule="verb:sentence")
    assert ordinary_crime(sentenced)
    assert not is_non_political(event("Gunmen shot dead two police officers in a robbery.",
                                      actor=Actor("Gunmen", sector="armed group"),
                                      recipient=Actor("two police officers", sector="police"),
                                      rule="verb:shoot"))


def test_a_court_is_no_killer_and_a_ransom_paid_is_crime():
    assert is_non_political(event(
        "An Indian court jailed a man for life for raping and murdering a nine-year-old girl.",
        actor=Actor("Indian court", sector="judiciary"), recipient=Actor("nine-year-old girl"),
        rule="verb:murder"))
    assert is_non_political(event(
        "A businessman was kidnapped and his family paid 200,000 dollars for his release.",
        recipient=Actor("businessman", sector="business"), rule="verb:kidnap"))


def test_a_target_after_at_or_on_is_no_place():
    police = Actor("police officers", sector="police")
    assert not is_non_political(event("Gang members fired at police officers, killing two.",
                                      actor=Actor("Gang members"), recipient=police,
                                      rule="verb:fire"))
    # an ambassador recalled is no product recall
    assert not is_non_political(event("The ministry recalled its ambassador after the "
                                      "shareholders' meeting.", "SANCTION",
                                      actor=Actor("ministry", sector="government"),
                                      recipient=Actor("ambassador", sector="government"),
                                      rule="verb:recall"))


def test_political_charges_keep_their_acled_arrest():
    jailed = event("A judge ordered nine ex-members of the regional cabinet jailed on charges of "
                   "sedition, rebellion and embezzlement.", "COERCE",
                   actor=Actor("judge", sector="judiciary"), recipient=Actor("nine ex"),
                   rule="verb:order+jail")
    assert not ordinary_crime(jailed)


def test_storms_do_not_speak_and_opponents_storm_no_weather():
    assert is_non_political(event("Cyclone Mocha slammed into the coast of Rakhine state.",
                                  "ACCUSE", actor=Actor("Cyclone Mocha"),
                                  recipient=Actor("Rakhine state"), rule="verb:slam"))
    assert not is_non_political(event(
        "The president resigned as the opposition threatened to storm his residence.",
        "THREATEN", actor=Actor("opposition", sector="opposition"), rule="verb:threaten"))
    warned = event("Heavy rain is expected, with the Met Office issuing a yellow warning.",
                   "THREATEN", actor=Actor("Met Office"), rule="light:issue+warning")
    assert is_non_political(warned)


def test_a_cause_blamed_is_no_one_accused_and_score_words_make_a_match():
    assert is_non_political(event(
        "Nineteen people died when a fire swept through a building; officials blamed a faulty "
        "space heater.", "ACCUSE", actor=OFFICIALS, recipient=Actor("faulty space heater"),
        rule="verb:blame"))
    assert is_non_political(event(
        "The Kansas City Chiefs beat the Eagles 38-35 to claim the Super Bowl.",
        actor=Actor("Kansas City Chiefs"), recipient=Actor("Eagles"), rule="verb:beat"))


def test_a_place_with_a_lowercase_modifier_is_still_a_place():
    assert is_non_political(event("A teenager was shot dead in a gang-related shooting in south "
                                  "London.", actor=Actor("south London"),
                                  recipient=Actor("teenager"), rule="verb:shoot"))
