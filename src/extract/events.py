"""Events (ANNOTATION.md section 7): who raised, bought, invested, lent, earned, opened or was named, with which facts.

Runs after the six finders, on their facts. For each sentence outside chrome: find trigger words (rules/events.json),
read each named mention's grammatical relation to the trigger (subject, object, or a cue such as ``auprès de``,
``mené par``, ``à``; see :mod:`extract.relations`), map relations to roles through the trigger's frame, add the
nearest amount, date, city and counts of the trigger's clause, keep events whose key roles are all stated, and
merge repeats of one real-world event.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations, product
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extract.coref import SentenceSubjects, generic_mentions, generic_pattern
from extract.eventroles import KEY_ROLES, LIST_KINDS, ROLES, empty_roles
from extract.facts import Span, forms_alternation, opening_letters, sentence_bounds
from extract.relations import Anchor, Relation, Slot, SurfaceRelations
from extract.rules import load_rules, rules_dir
from extract.textnorm import normalize_name, normalize_unit

Relate = Callable[[str, Span, "Trigger", Sequence[Slot]], dict[Slot, Relation]]
NAME_KINDS = {"org": ("org", "orgs"), "person": ("person",)}
ROLES_BY_NAME = {role: kind for roles in ROLES.values() for role, kind in roles.items()}


@dataclass(frozen=True)
class Frame:
    """How one group of trigger words reads: its event type and which relation fills which role."""

    type: str
    subj: tuple[str, ...]
    obj: tuple[str, ...]
    preps: dict[str, tuple[str, ...]]
    metric: str | None = None
    needs: tuple[str, ...] = ()
    named_facility: bool = False  # yields only where the facility is named with a facility word (`Clinique X`)
    object_head: re.Pattern[str] | None = None  # what must follow the trigger (`accueillir une usine`)
    flip: re.Pattern[str] | None = None
    flip_names: re.Pattern[str] | None = None
    flip_subj: tuple[str, ...] = ()
    adjacent: dict[str, tuple[str, ...]] = field(default_factory=dict)  # cues that count only right after a noun


@dataclass(frozen=True)
class Trigger:
    """A trigger word found in the text: its frame, span and voice (``active``, ``passive`` or ``noun``)."""

    frame: Frame
    start: int
    end: int
    voice: str


@dataclass
class EventRules:
    """rules/events.json compiled: one trigger regex per frame and voice, cue and reference patterns."""

    frames: list[tuple[Frame, dict[str, list[str]]]]
    cues: dict[str, str]
    coordination: tuple[str, ...]
    adverbials: tuple[str, ...]  # set phrases opening with a cue word that are no cue (`par ailleurs`)
    active_aux: re.Pattern[str]
    reflexive: re.Pattern[str]  # before a verb: another verb (`s'engage à`, `se sont mobilisés`), no trigger
    passive_aux: re.Pattern[str]
    clause_break: re.Pattern[str]
    complement_joiner: re.Pattern[str]  # `aussi` after `mais`: two complements joined, no new clause
    generic: re.Pattern[str]
    generic_names: dict[str, re.Pattern[str]]
    anaphors: list[str]
    not_triggers: list[str]
    part_cue: re.Pattern[str]
    delta_cue: re.Pattern[str]
    trend_end: re.Pattern[str]
    comparison: re.Pattern[str]
    reference_place: re.Pattern[str]
    owned_facility: re.Pattern[str]
    acting_body: re.Pattern[str]
    compared_amount: re.Pattern[str]
    assets: re.Pattern[str]
    shares_of: re.Pattern[str]
    holder: re.Pattern[str]
    location: re.Pattern[str]
    topic_marker: re.Pattern[str]
    facility_name: re.Pattern[str]
    facility_before: re.Pattern[str]  # a plant-type noun right before a name, maybe with an adjective: `le complexe portuaire X`
    opened_object: re.Pattern[str]  # an object right after an opening verb: `a ouvert un entrepôt`
    facility_reference: re.Pattern[str]
    placed_facility: re.Pattern[str]
    total_cue: re.Pattern[str]
    total_before: re.Pattern[str]
    per_unit: re.Pattern[str]
    capacity_units: frozenset[str]
    stake_units: frozenset[str]
    not_facility: re.Pattern[str]
    not_facility_before: re.Pattern[str]
    not_facility_head: re.Pattern[str]
    not_results: re.Pattern[str]
    forecast_bet: re.Pattern[str]  # `X mise sur 2 MMDH`, a forecast; not the noun `la mise sur le marché`
    conditional: re.Pattern[str]  # `pourrait`, `s'établirait`: a forecast
    dated_compared: re.Pattern[str]  # `après`, `par rapport aux` before a figure: compared only if a period follows
    dated_compared_link: re.Pattern[str]  # right after such a figure: a period's (`réalisés`, `en 2022`)
    percent_of: re.Pattern[str]  # a percentage of the noun after it (`15% du `): a share
    share_link: re.Pattern[str]  # a sum's link to the result noun after it (`2 milliards du `): a share
    share_tie: re.Pattern[str]  # between a share's noun and its figure (`…, soit 120 MDH`)
    forecast_horizon: re.Pattern[str]  # anywhere in a result's clause: a forecast (`à l'horizon 2026`)
    sector_result: re.Pattern[str]  # right after a result trigger: a sector's figure (`le CA du secteur`)
    unit_of: re.Pattern[str]  # between a sector noun and an organisation that owns the unit (` marocaine de `)
    next_item: re.Pattern[str]  # after a sum, what opens the next item of a list (` et son `): no measure of the noun after
    booked_sales: re.Pattern[str]  # right after a result trigger: sales booked, not yet made (`CA sécurisé`)
    result_share: re.Pattern[str]
    intent: re.Pattern[str]
    not_investments: re.Pattern[str]
    raise_target: re.Pattern[str]
    deal_part: re.Pattern[str]
    many_deals: re.Pattern[str]
    raised_debt: re.Pattern[str]
    signed_with: re.Pattern[str]
    capital_level: re.Pattern[str]
    for_sum: re.Pattern[str]  # `pour`, `pour un montant de` right before a sum: what a sum of a list of projects follows
    next_for_sum: re.Pattern[str]  # what joins one sum of such a list to the next: ` et de Noor III pour `
    sum_place: re.Pattern[str]  # between a sum and the city it is spent in: ` à `, ` dans la ville de `
    next_placed_sum: re.Pattern[str]  # between that city and the next sum of a list: `, `, ` et de `
    board: re.Pattern[str]
    negation: re.Pattern[str]
    landmark: re.Pattern[str]
    demonstrative: re.Pattern[str]
    definite: re.Pattern[str]
    held_in: re.Pattern[str]  # after a holder of shares: the company they are held in (`les parts de X dans Y`)
    measure_of: re.Pattern[str]  # between a sum and the trigger noun it measures: `100 MDH de chiffre d'affaires`
    complement_of: re.Pattern[str]  # what joins a noun trigger to the trigger of its complement: ` prévu pour l'`
    giver_clause: re.Pattern[str]  # between a name and a sum its relative clause states: `, qui pourrait mettre jusqu'à `
    new_facility: re.Pattern[str]  # an opening noun trigger that names its own object: `nouvelle usine`, `future usine`
    told_facility: re.Pattern[str]  # one that, after a definite article, was told before: `le nouvel établissement`
    adjacent: re.Pattern[str]  # what may stand between a noun trigger and a name its `adjacent` cue ties to it
    continuation: re.Pattern[str]
    # a passive or sentence-opening participle (group 1), maybe a date or adverbial (not `depuis`), and a post:
    # `a été porté, en 1998, à la tête` (not `a porté la société à la tête du marché`, `installée depuis 2015 à la tête`)
    posted: re.Pattern[str]
    called_off: re.Pattern[str]  # a deal, then words that call it off: `l'opération est caduque`
    person_pronoun: re.Pattern[str]  # a subject pronoun that may stand for a person: `il`, `elle`
    # such a pronoun as the subject of the trigger right after: `il est ` (nommé), `il rejoint X, puis est ` (nommé)
    pronoun_subject: re.Pattern[str]
    possessive_subject: re.Pattern[str]  # a possessive right before an appointment noun: `sa ` (nomination)
    # a sentence naming what the event before it left unnamed, maybe past a place: `Il s'agit de X`, `À Fès, il s'agit de`
    naming: re.Pattern[str]
    list_item: re.Pattern[str]  # what stands before each name of that list
    year_before: re.Pattern[str]  # after a figure compared with: it is the year before's (`un an plus tôt`)
    cleft: re.Pattern[str]  # what opens a cleft whose head is the trigger: `C'est l'` (investissement que…)
    sum_anaphor: re.Pattern[str]  # a sentence that opens on the sum told before: `Ce montant`, `Cette enveloppe`
    amount_link: re.Pattern[str]  # between an amount and the same sum in another currency: ` (`, `, soit `


def _alternation(forms: Sequence[str]) -> str:
    """Forms as one regex alternation, longest first, apostrophes either way, spaces flexible."""
    return forms_alternation(forms).replace(r"\ ", r"\s+")


def _links(forms: Sequence[str]) -> str:
    """Linking words as one regex alternation, each with the space after it (maybe none after an elided one)."""
    return "|".join(rf"(?:{_alternation([f])})\s" + ("*" if f.endswith("'") else "+") for f in forms)


def _words(forms: Sequence[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-]){opening_letters(forms)}(?:{_alternation(forms)})(?![\w'’-])", flags)


def _facility_openings(data: dict[str, Any]) -> list[str]:
    """Each `facility_openings` noun after each `facility_opening_words` word that agrees with it, singular and plural:
    `nouvel établissement`, `futures usines`."""
    return [form for group, nouns in data["facility_openings"].items() for noun, nouns_ in nouns.items()
            for word, words in data["facility_opening_words"][group].items()
            for form in (f"{word} {noun}", f"{words} {nouns_}")]


def _roles(value: str | list[str] | None) -> tuple[str, ...]:
    return () if value is None else (value,) if isinstance(value, str) else tuple(value)


@cache
def load_event_rules() -> EventRules:
    """Read rules/events.json once per process."""
    data = json.loads((rules_dir() / "events.json").read_text(encoding="utf-8"))
    canonical = data["cue_canonical"]
    frames = []
    for spec in data["frames"]:
        flip = spec.get("flip")
        frame = Frame(
            type=spec["type"],
            subj=_roles(spec.get("subj")),
            obj=_roles(spec.get("obj")),
            preps={cue: _roles(role) for cue, role in spec.get("preps", {}).items()},
            metric=spec.get("metric"),
            needs=tuple(spec.get("needs", ())),
            named_facility=spec.get("named_facility", False),
            object_head=re.compile(rf"(?:\s+(?:[a-zà-ÿ]+ment|{_alternation(data['auxiliary_adverbs'])}))?\s*"
                                   rf"(?:(?:{_alternation(data['object_determiners'])})\s*)*(?:[a-zà-ÿ-]+\s+)?"
                                   rf"(?:{_alternation(spec['object_heads'] + data['plant_nouns'])})(?![\w'’-])", re.I)
            if spec.get("object_heads") else None,
            flip=_words(flip["verbs"]) if flip else None,
            flip_names=_words(flip["names"], 0) if flip and flip.get("names") else None,
            flip_subj=_roles(flip["subj"]) if flip else (),
            adjacent={cue: _roles(role) for cue, role in spec.get("adjacent", {}).items()},
        )
        voices = {"active": "verbs", "passive": "participles", "noun": "nouns"}
        forms = {voice: spec[key] for voice, key in voices.items() if spec.get(key)}
        if spec.get("new_facilities"):
            forms["noun"] = forms["noun"] + _facility_openings(data)
        frames.append((frame, forms))
    aux = data["auxiliaries"]
    adverb = rf"(?:\s+(?:[a-zà-ÿ]+ment|{_alternation(data['auxiliary_adverbs'])}))?"
    place = rf"(?:{_alternation(data['place_prepositions'])})\s+"
    facilities = data["plant_nouns"] + data["facility_nouns"]
    links = _alternation(aux["active"] + aux["passive"] + data["auxiliary_adverbs"] + data["pronoun_links"])
    about = rf"(?:(?:{_alternation(data['approximators'])})\s+)?"  # `près de `, `environ ` before a figure
    level_about = rf"(?:(?:{_alternation(data['level_approximators'])})\s+)?"
    return EventRules(
        frames=frames,
        cues={cue: canonical.get(cue, cue) for cue in data["cues"]},
        coordination=tuple(data["coordination"]),
        adverbials=tuple(data["adverbials"]),
        active_aux=re.compile(rf"(?<![\w'’])(?:{_alternation(aux['active'])}){adverb}\s+$", re.IGNORECASE),
        reflexive=re.compile(rf"(?<![\w'’])(?:{_links(data['reflexive_pronouns'])})(?:(?:{_alternation(aux['passive'])})"
                             rf"{adverb}\s+)?$", re.IGNORECASE),
        passive_aux=re.compile(rf"(?<![\w'’])(?:{_alternation(aux['passive'])}){adverb}\s+$", re.IGNORECASE),
        clause_break=re.compile("|".join(re.escape(b) for b in data["clause_breaks"]), re.IGNORECASE),
        complement_joiner=re.compile(rf"(?:{_alternation(data['complement_joiners'])})\b", re.IGNORECASE),
        generic=generic_pattern(data["generic_references"], data["generic_modifiers"]),
        generic_names={head: _words(names) for head, names in data["generic_names"].items()},
        anaphors=data["anaphors"],
        not_triggers=data["not_triggers"],
        part_cue=re.compile(rf"(?<![\w'’])(?:{_alternation(data['part_cues'])})\s+(?:[\w'’]+\s+){{0,2}}$", re.I),
        delta_cue=re.compile(rf"(?<![\w'’])(?:{_alternation(data['delta_cues'])})\s+(?:(?:du|des|de\s+la|de\s+l['’]|de|d['’])\s*"
                             rf"(?:[\w'’]+\s+){{0,4}}?)?(?:de|d['’])\s*{about}$", re.I),
        trend_end=re.compile(rf"(?<![\w'’])(?:{_alternation(data['trend_cues'])})\s+de\s+[^.;]{{1,60}}?\s+à\s+"
                             rf"{level_about}$", re.I),
        comparison=re.compile(rf"(?<![\w'’])(?:{_alternation(data['comparison_cues'])})\s+(?:[\w'’]+\s+){{0,4}}?$", re.I),
        reference_place=re.compile(rf"(?<![\w'’])(?:{_alternation(data['reference_places'])})\s*(?:du|des|de|d['’])\s*"
                                   rf"(?:(?:la|le|les|l['’])\s*)?(?:[a-zéèêàâîôû]+\s+(?:de\s+|d['’]|du\s+)?){{0,2}}$", re.I),
        acting_body=re.compile(rf"(?<![\w'’])(?:{_alternation(data['acting_bodies'])})\s*(?:de|du|des|d['’])\s*"
                               rf"(?:(?:la|le|les|l['’])\s*)?$", re.I),
        owned_facility=re.compile(rf"(?<!\w)(?:{_alternation(data['owned_facilities'])})\s+(?:(?:de|du|d['’])\s*"
                                  rf"(?:(?:la|le|les|l['’])\s*)?(?:[a-zà-ÿ-]+\s+){{0,2}})?$", re.I),
        compared_amount=re.compile(rf"(?<![\w'’])(?:{_alternation(data['compared_amount_cues'])})\s+{about}$", re.I),
        assets=_words(data["asset_nouns"]),
        shares_of=re.compile(rf"(?<![\w'’])(?:{_alternation(data['share_nouns'])})\s+(?:de|du|des|d['’])\s*"
                             rf"(?:(?:la|le|les|l['’])\s*)?(?:[a-zà-ÿ-]+\s+)?$", re.I),
        holder=re.compile(rf"(?<![\w'’])(?:{_alternation(data['holder_cues'])})\s+(?:(?:la|le|les|l['’])\s*)?"
                          rf"(?:[a-zà-ÿ-]+\s+){{0,2}}$", re.I),
        location=re.compile(rf"(?<![\w'’])(?:{_alternation(data['location_words'])})\s+{place}"
                            rf"(?:(?:la|le|l['’])\s*)?(?:[a-zà-ÿ-]+\s+(?:de\s+|d['’]|du\s+)?){{0,3}}$", re.I),
        facility_name=_words(data["facility_name_words"]),
        facility_before=re.compile(rf"(?<![\w'’])(?:{_alternation(data['plant_nouns'] + data['facilities_named_after'])})"
                                   rf"(?:\s+[a-zà-ÿ-]+)?\s+$", re.I),
        opened_object=re.compile(rf"(?:\s+(?-i:[a-zà-ÿ]+)){{0,2}}?\s+(?:{_alternation(data['opened_objects'])})(?![\w'’])",
                                 re.I),
        topic_marker=re.compile(rf"(?:{_alternation(data['topic_markers'])})\s*(?:(?:la|le|les|l['’])\s*)?", re.I),
        facility_reference=re.compile(rf"(?<![\w'’])(?:{_alternation(data['demonstratives'] + data['definite_articles'])})\s*"
                                      rf"(?:(?:{_alternation(data['facility_adjectives'])})\s+)?"
                                      rf"(?:{_alternation(facilities)})(?![\w'’-])", re.I),
        placed_facility=re.compile(rf"(?<![\w'’])(?:{_alternation(facilities)})(?![\w'’-])[^.;!?]{{0,60}}?"
                                   rf"(?<![\w'’]){place}(?:(?:{_alternation(data['city_nouns'])})\s+(?:de\s+|d['’]\s*))?$", re.I),
        total_cue=re.compile(rf"[^,;.]{{0,30}}?(?<![\w'’])(?:{_alternation(data['total_cues'])})(?![\w'’])", re.I),
        total_before=re.compile(rf"(?<![\w'’])(?:{_alternation(data['total_before_cues'])})\s+(?:[\w'’]+\s+){{0,4}}$", re.I),
        per_unit=re.compile(rf"\s*(?:{_alternation(data['per_unit_cues'])})(?![\w'’])", re.I),
        capacity_units=frozenset(normalize_unit(u) for u in data["capacity_units"]),
        stake_units=frozenset(data["stake_units"]),
        not_facility=re.compile(rf"[^,.;:]{{0,30}}?(?<![\w'’])(?:{_alternation(data['not_facilities'])})(?![\w'’])", re.I),
        not_facility_before=re.compile(rf"(?<![\w'’])(?:{_alternation(data['not_facilities'])})(?![\w'’])[^,.;:]{{0,30}},?\s*$",
                                       re.I),
        not_facility_head=re.compile(rf"\s*(?:(?:{_alternation(data['object_determiners'])})\s*)*"
                                     rf"(?:{_alternation(data['not_facility_heads'])})(?![\w'’-])", re.I),
        not_results=_words(data["not_results"]),
        forecast_bet=re.compile("".join(rf"(?<!\b{re.escape(d)}\s)" for d in data["object_determiners"])
                                + rf"(?<![\w'’])(?:{_alternation(data['forecast_bets'])})(?![\w'’])", re.I),
        conditional=_words(data["conditionals"]),
        dated_compared=re.compile(rf"(?<![\w'’])(?:{_alternation(data['dated_compared_amount_cues'])})\s+{about}$", re.I),
        dated_compared_link=re.compile(rf"\s*,?\s*(?:{_alternation(data['dated_compared_links'])})(?![\w'’])", re.I),
        percent_of=re.compile(rf"(?<![\d.,])(?<!\bde\s)(?<!\bd['’])(?<!\benviron\s)\d+(?:[.,]\d+)?\s*%\s+"
                              rf"(?:{_alternation(data['share_links'])})\s*$", re.I),
        share_link=re.compile(rf"\s*(?:{_alternation(data['share_links'])})\s*$", re.I),
        share_tie=re.compile(rf"[^,;]*,(?!\s*(?:{_alternation(data['share_ties'])})(?![\w'’]))", re.I),
        sector_result=re.compile(rf"\s*(?:[a-zà-ÿ]+\s+)?(?:{_alternation(data['sector_determiners'])})\s*"
                                 rf"(?:{_alternation(data['sector_results'])})(?![\w'’])", re.I),
        unit_of=re.compile(rf"[^,;.]{{0,25}}?(?:{_alternation(data['unit_links'])})\s*"),
        next_item=re.compile(rf"\s*,?\s*et\s+(?:{_alternation(data['next_item_determiners'])})\s*"),
        forecast_horizon=_words(data["forecast_horizons"]),
        booked_sales=re.compile(rf"\s*\)?\s*(?:\([^()]{{1,40}}\)\s*)?(?:{_alternation(data['booked_sales'])})(?![\w'’-])", re.I),
        result_share=re.compile(rf"(?<![\w'’])(?:{_alternation(data['result_shares'])})(?![\w'’])[^,;.]{{0,60}}$", re.I),
        intent=re.compile(rf"(?<![\w'’])(?:{_alternation(data['intent_verbs'])})\s+(?:[a-zà-ÿ]+ment\s+)?"
                          rf"[a-zà-ÿ]+(?:er|ir|re|oir)(?![\w'’-])", re.IGNORECASE),
        not_investments=_words(data["not_investments"]),
        raised_debt=re.compile(rf"[^.;,]{{0,50}}?(?<![\w'’])(?:{_alternation(data['debt_lead_ins'])})\s*"
                               rf"(?:[\w'’-]+\s+)?(?:{_alternation(data['raised_debt'])})(?![\w'’])", re.I),
        signed_with=re.compile(rf"(?<![\w'’])(?:{_alternation(data['signed_with'])})\s+avec\s+[^,;.]{{0,60}}$", re.I),
        capital_level=re.compile(rf"(?<![\w'’])(?:{_alternation(data['capital_levels'])})\s+{level_about}$", re.I),
        for_sum=re.compile(rf"(?<![\w'’])pour\s+(?:(?:{_alternation(data['sum_lead_ins'])})\s+)?$", re.I),
        next_for_sum=re.compile(rf"\s*(?:,|et|,\s*et)\s+(?:{_alternation(data['list_item_openers'])})\s*[^,;.()]{{1,60}}?\s+pour\s+"
                                rf"(?:(?:{_alternation(data['sum_lead_ins'])})\s+)?", re.I),
        sum_place=re.compile(rf"\s*{place}(?:(?:{_alternation(data['city_nouns'])})\s+(?:de\s+|d['’]\s*))?", re.I),
        next_placed_sum=re.compile(rf"\s*(?:{_alternation(data['list_links'])})\s*(?:(?:de|d['’])\s*)?", re.I),
        many_deals=re.compile(rf"(?<![\w'’])(?:{_alternation(data['many_deals'])})(?![\w'’])[^.;]{{0,60}}$", re.I),
        deal_part=re.compile(rf"(?<![\w'’])(?:{_alternation(data['deal_parts'])})\s*(?:une|un|des|la|le|l['’])?\s*$", re.I),
        raise_target=re.compile(rf"(?<![\w'’])(?:{_alternation(data['raise_targets'])})\s+(?:[\w'’]+\s+){{0,3}}$", re.I),
        board=_words(data["boards"]),
        negation=re.compile(rf"(?<![\w'’])(?:{_alternation(data['negations'])})\s*$", re.I),
        landmark=re.compile(rf"(?<![\w'’]){opening_letters(data['landmarks'] + data['sources'])}"
                            rf"(?:{_alternation(data['landmarks'] + data['sources'])})\s*(?:(?:la|le|les|l['’])\s*)?"
                            rf"(?:[a-zà-ÿ-]+\s+){{0,2}}$", re.I),
        demonstrative=re.compile(rf"(?<![\w'’])(?:{_alternation(data['demonstratives'])})\s+$", re.I),
        definite=re.compile(rf"(?<![\w'’])(?:{_alternation(data['definite_articles'])})\s*$", re.I),
        held_in=re.compile(rf"[^,.;]{{0,40}}?(?<![\w'’])(?:{_alternation(data['held_in_cues'])})(?![\w'’])", re.I),
        measure_of=re.compile(rf"\s*(?:{_links(data['measure_links'])})"),
        complement_of=re.compile(rf"\s+(?:[a-zà-ÿ]+\s+)?(?:{_links(data['complement_links'])})"
                                 rf"(?:(?:[a-zà-ÿ]+|\d+)\s+|l['’]\s*){{0,3}}"),
        giver_clause=re.compile(rf"\s*(?:\([^()]{{1,20}}\)\s*)?,?\s*(?:{_alternation(data['giver_relatives'])})\s+"
                                rf"[^,;.:()]{{0,60}}?(?:{_links(data['sum_approximators'])})?", re.I),
        new_facility=re.compile(rf"(?:{_alternation(data['new_facility_words'] + data['future_facility_words'])})(?![\w'’-])",
                                re.I),
        told_facility=re.compile(rf"(?:{_alternation(data['new_facility_words'])})(?![\w'’-])", re.I),
        adjacent=re.compile(rf"(?:\s+(?:{_alternation(data['trigger_adjectives'])}))?\s*(?:de|du|des|d['’])\s*"
                            rf"(?:la\s+|le\s+|les\s+|l['’])?(?:[a-zà-ÿ-]+\s+|(?:{forms_alternation(load_rules().honorifics)})\s*)?",
                            re.IGNORECASE),  # `la nomination de M. X`: an honorific before a person's name
        continuation=re.compile(rf"\W*(?:{_alternation(data['continuations'])})(?![\w'’-])", re.I),
        posted=re.compile(rf"(?:(?<![\w'’])(?:{_alternation(aux['passive'])}){adverb}\s+|^|(?<=[.!?\n])\s*)"
                          rf"({_alternation(data['posting_participles'])})(?:\s*,\s*|\s+)"
                          rf"(?:(?:(?!depuis(?![\w'’]))(?-i:[^,.;:A-ZÀ-Ý])){{1,30}}?(?:\s*,\s*|\s+))?"
                          rf"(?:{_alternation(data['posts'])})(?![\w'’])", re.I),
        person_pronoun=_words(data["person_pronouns"]),
        pronoun_subject=re.compile(rf"(?<![\w'’])(?:{_alternation(data['person_pronouns'])})\s+(?:[^.;:]*?"
                                   rf"(?:{_alternation(data['coordination'])})\s+(?=(?:{links})\s))?"
                                   rf"(?:(?:{links})\s+)*$", re.I),
        possessive_subject=re.compile(rf"(?<![\w'’])(?:{_alternation(data['possessive_subjects'])})\s+$", re.I),
        called_off=re.compile(rf"(?<![\w'’])(?:{_alternation(data['deal_nouns'])})(?![\w'’])[^.;:]{{0,90}}?"
                              rf"(?<![\w'’])(?:{_alternation(data['called_off'])})(?![\w'’])", re.I),
        naming=re.compile(rf"\W*(?:{place}[^,.;:]{{1,40}}?,\s*)?(?:{_alternation(data['naming_openers'])})(?![\w'’-])",
                          re.I),
        list_item=re.compile(rf"(?:(?:{_alternation(data['naming_openers'])})\s*|(?:,|(?<![\w'’])et)\s*"
                             rf"(?:{_links(data['list_item_links'])}))(?:(?:{_alternation(data['definite_articles'])})\s*)?$",
                             re.I),
        sum_anaphor=re.compile(rf"\W*(?:{_alternation(data['sum_anaphors'])})(?![\w'’-])", re.I),
        amount_link=re.compile(rf"\s*[,(]?\s*(?:{forms_alternation(data['amount_equivalents'])}|\s)*\s*$", re.I),
        year_before=re.compile(rf"[^.;]{{0,30}}?(?<![\w'’])(?:{_alternation(data['year_before_cues'])})(?![\w'’])", re.I),
        cleft=re.compile(rf"\W*(?:{_alternation(data['cleft_openers'])})(?:(?<=['’])|(?![\w'’-]))\s*"
                         rf"(?:(?:{_alternation(data['cleft_determiners'])})(?:(?<=['’])|\s+))?", re.I),
    )


@dataclass
class Event:
    """An event being built: type, trigger text, roles, evidence spans, and the trigger's offset."""

    type: str
    trigger: str
    roles: dict[str, Any]
    evidence: list[Span] = field(default_factory=list)
    at: int = 0
    frame: Frame | None = None
    recalled: bool = False  # named with a demonstrative (`ce financement`): may only add to an event already read
    listed: list[dict[str, Any]] = field(default_factory=list)  # roles of the others of a list: one event each
    from_topic: tuple[str, ...] = ()  # roles the clause left unnamed, given the organisation the text is about
    joint: frozenset[str] = frozenset()  # the organisations of a coordinated subject (`A et B injectent 900 MDH`)

    def complete(self) -> bool:
        """Whether every key role is stated."""
        return all(self.roles[role] not in (None, []) for role in KEY_ROLES[self.type])

    def variant(self, roles: dict[str, Any]) -> Event:
        """The same event read again with some roles set otherwise (one of a list of cities or targets)."""
        return Event(self.type, self.trigger, {**self.roles, **roles}, list(self.evidence), self.at, self.frame,
                     self.recalled, from_topic=tuple(r for r in self.from_topic if r not in roles), joint=self.joint)

    def record(self) -> dict:
        return {"type": self.type, "trigger": self.trigger, "roles": self.roles,
                "evidence": [list(span) for span in sorted(self.evidence)]}


def _slots(facts: dict) -> list[Slot]:
    """Every mention of the record's facts as a slot, in text order."""
    kinds = {"organizations": "org", "people": "person", "cities": "city", "amounts": "amount",
             "dates": "date", "counts": "count"}
    slots = []
    for fact_type, kind in kinds.items():
        for fact in facts[fact_type]:
            if kind in ("org", "person", "city"):
                value: Any = fact["name"]
            elif kind == "date":
                value = fact["value"]
            elif kind == "amount":
                value = (fact["value"], fact["currency"])
            else:
                value = (fact["value"], fact["unit"])
            slots += [Slot(kind, start, end, value) for start, end in fact["mentions"]]
    return sorted(slots, key=lambda s: (s.start, -s.end))


def _without_landmarks(text: str, slots: list[Slot], landmark: re.Pattern[str]) -> list[Slot]:
    """The slots but organisations named as landmarks (`à côté de la clinique X`) or as the news source (`indique le
    quotidien X`), and the slots inside them: a place named to situate another, or a paper that reports, fills no
    role."""
    places = [(s.start, s.end) for s in slots if s.kind == "org" and landmark.search(text, max(0, s.start - 60), s.start)]
    if not places:
        return slots  # most texts name no landmark
    return [s for s in slots if not any(start <= s.start and s.end <= end for start, end in places)]


def _sentences(text: str) -> list[Span]:
    """Sentence spans, stripped of surrounding white space, empty ones left out; a line that a hard wrap cut mid-sentence
    goes on with the next (a line that ends `l'investissement` and a next that opens `est estimé à`)."""
    bounds = [b for b in sentence_bounds(text) if not _wrapped(text, b)]
    bounds.append(len(text))
    spans = []
    for start, end in zip(bounds, bounds[1:]):
        chunk = text[start:end].rstrip()
        if chunk:
            spans.append((start + len(chunk) - len(chunk.lstrip()), start + len(chunk)))
    return spans


@dataclass
class Context:
    """One sentence being read: its span, its slots, the owner of each amount, its subject, the record's people."""

    text: str
    sentence: Span
    slots: list[Slot]
    owners: dict[Slot, int]
    subject: Callable[[], str | None]  # read only when asked
    people_roles: dict[str, str | None]
    topic: str | None
    cities: list[str]  # the names of the record's cities
    next_topic: Callable[[], str | None]  # the organisation the text is about besides ``topic`` (read when asked)
    triggers: list[Trigger] = field(default_factory=list)  # the first trigger word of each of the sentence's groups
    person_told: Callable[[int], str | None] = lambda at: None  # the person a pronoun at some offset stands for
    # the subject of the sentence before, where that sentence holds an acquisition or names one of the given names
    previous_subject: Callable[[set[str]], str | None] = lambda named: None
    told_before: list[Slot] = field(default_factory=list)  # the amounts of the sentence before, where it is a sum alone


class EventFinder:
    """Finds the events of one doc from its facts. Trigger words are token patterns (spaCy PhraseMatcher, on the
    lower-case form; acronyms such as `CA` or `PNB` in capitals only); ``relate`` reads grammatical relations."""

    def __init__(self, nlp: Language, relate: Relate | None = None) -> None:
        self.rules = load_event_rules()
        self.surface = SurfaceRelations(self.rules.cues, self.rules.coordination, self.rules.adverbials,
                                        tuple(load_rules().honorifics))
        self.relate: Relate = relate or self.surface
        self.matchers = {"LOWER": PhraseMatcher(nlp.vocab, attr="LOWER"), "ORTH": PhraseMatcher(nlp.vocab)}
        self.keys: dict[int, tuple[Frame | None, str]] = {}
        self.frame_order = {id(frame): i for i, (frame, _) in enumerate(self.rules.frames)}
        # the frame a posting participle reads under (`a été installé à la présidence de X`): the appointment's with
        # participles
        self.posting = next(f for f, forms in self.rules.frames if f.type == "appointment" and "passive" in forms)
        groups = [(frame, voice, forms) for frame, voices in self.rules.frames for voice, forms in voices.items()]
        tokenize = nlp.tokenizer.pipe  # the model's own tokenizer's: a pipeline's may mark chrome, which a phrase is not
        extra = [(None, "anaphor", self.rules.anaphors), (None, "blocker", self.rules.not_triggers)]
        for index, (frame, voice, forms) in enumerate(groups + extra):
            key = f"event:{index}:{voice}"
            self.keys[nlp.vocab.strings.add(key)] = (frame, voice)
            variants = {v for f in forms for v in (f, f.replace("'", "’"))}
            for attr, chosen in (("LOWER", [f.lower() for f in variants if not f.isupper()]),
                                 ("ORTH", [f for f in variants if f.isupper()])):
                if chosen:
                    self.matchers[attr].add(key, list(tokenize(chosen)))

    def find(self, doc: Doc, facts: dict, in_chrome: Callable[[int, int], bool], text: str | None = None) -> list[dict]:
        """The events of ``doc``, whose facts are ``facts`` (the six lists), as output records; ``text`` is the doc's
        text when the caller has it (spaCy rebuilds ``doc.text`` at each access)."""
        found = self.trigger_words(doc)
        if not found:
            return []
        text = doc.text if text is None else text
        slots = _without_landmarks(text, [s for s in _slots(facts) if not in_chrome(s.start, s.end)],
                                   self.rules.landmark)
        starts = [s.start for s in slots]
        people_roles = {p["name"]: p.get("role") for p in facts["people"]}
        people = [s for s in slots if s.kind == "person"]
        trigger_starts = [t.start for t in found]
        events: list[Event] = []
        sentences = [s for s in _sentences(text) if not in_chrome(*s)]
        if hasattr(self.relate, "prepare"):
            self.relate.prepare(text, [s for s in sentences if any(s[0] <= t.start < s[1] for t in found)])
        slots_in = [[s for s in slots[bisect_left(starts, sentence[0]) : bisect_left(starts, sentence[1])]
                     if s.end <= sentence[1]] for sentence in sentences]
        named_orgs = [(s.start, s.value) for s in slots if s.kind == "org"]

        def subject_of(n: int) -> tuple[int, str] | None:
            """The sentence's named subject: the name after a topic marker opening it (`Quant à X, il compte…`);
            where a generic noun phrase opens it before any name (`Cette société, dont…`; not a pronoun, which may
            stand for a facility), the organisation that reference stands for."""
            lead = _OPENING_REFERENCE.match(text, sentences[n][0]).end()
            if (marker := self.rules.topic_marker.match(text, lead)) is not None:  # `Quant à X, il compte…`: X
                named = next((s for s in slots_in[n] if s.kind == "org" and s.start >= marker.end()), None)
                if named is not None and _FEW_WORDS.fullmatch(text, marker.end(), named.start):
                    return named.start, named.value
            found = self._subject(text, sentences[n], slots_in[n])
            reference = self.rules.generic.match(text, lead)
            if n and _noun_phrase(reference) and (found is None or found[0] > reference.start()):
                head = self.rules.generic_names.get(reference.group().split()[-1].lower())
                name = subjects.resolve(n - 1, sentences[n][0], [head] if head else [])
                return found if name is None else (reference.start(), name)
            return found

        subjects = SentenceSubjects(subject_of, len(sentences), named_orgs)
        city_names = [c["name"] for c in facts["cities"]]
        lead_end = sentences[1][1] if len(sentences) > 1 else len(text)
        named = _without_acronyms(text, slots)
        topic = _topic(named, subjects.first, lead_end)
        next_topic = cache(lambda: _topic([s for s in named if s.value != topic],
                                          lambda: subjects.first(lambda name: name != topic), lead_end))
        for number, (sentence, inside) in enumerate(zip(sentences, slots_in)):
            words = found[bisect_left(trigger_starts, sentence[0]) : bisect_left(trigger_starts, sentence[1])]
            triggers = self.group([self._with_voice(text, sentence, t) for t in words if t.end <= sentence[1]
                                   and not self._reflexive(text, sentence, t) and not _in_name(t, inside)])
            previous = sentences[number - 1] if number else None
            triggers = [self._resolve_anaphor(text, sentence, g, previous, events) for g in triggers]
            triggers = [g for g in triggers if g]
            since = sentences[max(0, number - 2)][0]
            if not triggers:
                if not self._named_after(text, sentence, inside, events, since):
                    self._continue(text, sentence, inside, previous, events)
                continue
            thing = self._topic_thing(text, sentence, inside)
            inside = self._with_references(text, sentence, inside,
                                           lambda at, prefer: None if thing and _PRONOUN.match(text, at)
                                           else subjects.last_named(at) if _LATTER.match(text, at)
                                           else subjects.resolve(number, at, prefer) or (
                                               topic if _noun_phrase(self.rules.generic.match(text, at)) else None))
            told_before = [s for s in slots_in[number - 1] if s.kind == "amount" and self._is_figure(text, s)] \
                if previous is not None and not any(previous[0] <= t < previous[1] for t in trigger_starts) \
                and _bare_sum(text, previous, slots_in[number - 1]) else []
            context = Context(text, sentence, inside, self._amount_owners(text, triggers, inside),
                              lambda: subjects.of(number), people_roles, topic, city_names,
                              next_topic, [g[0] for g in triggers],
                              lambda at, n=number: _person_told(people, sentences[max(0, n - 3)][0], at),
                              lambda named, n=number: subjects.of(n - 1) if n and self._tied(
                                  sentences[n - 1], slots_in[n - 1], found, named) else None, told_before)
            for index, group in enumerate(triggers):
                if group[0].frame is None:  # an anaphor
                    self._add_to_previous(context, group[0], index, events)
                else:
                    events += _after_results(self._read(context, group, index), events)
            self._named_after(text, sentence, inside, events, since)
        group = self.rules.generic_names["groupe"]
        groups = {o["name"] for o in facts["organizations"] if any(group.search(f) for f in (o["name"], *o["aliases"]))}
        _to_owner(events, topic, [s for s in slots if s.kind != "org" or s.value in groups],
                  lambda keep: subjects.first(lambda name: name in groups and keep(name)), lead_end)
        cities = [s for s in slots if s.kind == "city"]
        _located(text, events, sentences, cities, self.rules)
        events = _into_capital(text, events, sentences, self.rules.sum_anaphor)
        return [event.record() for event in _sited(_placed(merge(events, sentences)), sentences, cities)]

    def _topic_thing(self, text: str, sentence: Span, inside: list[Slot]) -> bool:
        """Whether the sentence opens with a topic marker and a common noun, not a name (`Quant à la convention signée
        avec la BAD, elle…`): its pronouns stand for that thing, no organisation."""
        lead = _OPENING_REFERENCE.match(text, sentence[0]).end()
        marker = self.rules.topic_marker.match(text, lead)
        if marker is None or not text[marker.end() : marker.end() + 1].islower():
            return False
        named = next((s for s in inside if s.kind == "org" and s.start >= marker.end()), None)
        return named is None or not _FEW_WORDS.fullmatch(text, marker.end(), named.start)

    def trigger_words(self, doc: Doc) -> list[Trigger]:
        """Every trigger word and anaphor of the doc, in text order (a participle's voice still to be read), but
        those inside a longer phrase that is no trigger (`fonds d'investissement`); a participle of posting before a
        post, maybe parted from it by a date or adverbial (`a été porté, en 1998, à la tête de X`), is an appointment
        trigger."""
        found = []
        for matcher in self.matchers.values():
            for key, start, end in matcher(doc):
                frame, voice = self.keys[key]
                span = doc[start:end]  # one span, not a token for each end
                found.append(Trigger(frame, span.start_char, span.end_char, voice))
        found += [Trigger(self.posting, m.start(1), m.end(1), "passive") for m in self.rules.posted.finditer(doc.text)]
        blocked = sorted((t.start, t.end) for t in found if t.voice == "blocker")
        longest = max((e - s for s, e in blocked), default=0)
        found = [t for t in found if t.voice != "blocker" and not _inside_any(blocked, longest, t.start, t.end)]
        return sorted(found, key=lambda t: (t.start, -(t.end - t.start)))

    def _reflexive(self, text: str, sentence: Span, trigger: Trigger) -> bool:
        """Whether a verb trigger follows a reflexive pronoun its form does not hold: a reflexive verb means another
        thing (`s'engage à participer`, `se lance dans`, `se nomme`)."""
        return trigger.voice in ("active", "passive") and self.rules.reflexive.search(
            text, max(sentence[0], trigger.start - 30), trigger.start) is not None

    def _with_voice(self, text: str, sentence: Span, trigger: Trigger) -> Trigger:
        """A participle with its voice read from the auxiliary before it (`a racheté` active, `a été racheté` or
        bare passive)."""
        if trigger.voice != "passive":
            return trigger
        tail = text[max(sentence[0], trigger.start - 40) : trigger.start]
        if self.rules.passive_aux.search(tail) or not self.rules.active_aux.search(tail):
            return trigger
        return Trigger(trigger.frame, trigger.start, trigger.end, "active")

    def group(self, found: list[Trigger]) -> list[list[Trigger]]:
        """Trigger words grouped where they overlap, longest and first frame first in each group (an anaphor
        overlapped by a trigger word gives way to it)."""
        groups: list[list[Trigger]] = []
        for trigger in found:
            if groups and trigger.start < max(t.end for t in groups[-1]):
                groups[-1].append(trigger)
            else:
                groups.append([trigger])
        order = self.frame_order
        return [sorted(g, key=lambda t: (-(t.end - t.start), t.frame is not None, order.get(id(t.frame), 0),
                                         VOICE_ORDER.index(t.voice))) for g in groups]

    def _resolve_anaphor(self, text: str, sentence: Span, group: list[Trigger], previous: Span | None,
                         events: list[Event]) -> list[Trigger]:
        """A group's anaphor alone where it refers back (`Cet investissement, mené par…`), else its trigger words."""
        anaphor = next((t for t in group if t.frame is None), None)
        if anaphor is not None and self._refers_back(text, sentence, anaphor, previous, events):
            return [anaphor]
        return [t for t in group if t.frame is not None]

    def _subject(self, text: str, sentence: Span, inside: list[Slot]) -> tuple[int, str] | None:
        """The sentence's subject (offset, name): its first organisation with no cue before it."""
        orgs = [s for s in inside if s.kind == "org"]
        if not orgs:
            return None
        relations = self.surface(text, sentence, Anchor(sentence[1], sentence[1]), orgs)
        subject = next((s for s, r in relations.items()
                        if r.label in ("subj", "other") and r.cue is None and not r.joined), None)
        if subject is None or _VERB_BEFORE.search(text, sentence[0], subject.start):
            return None  # `Une option … est prévue dans un accord liant X à Y`: a name after the verb is no subject
        return subject.start, subject.value

    def _with_references(self, text: str, sentence: Span, inside: list[Slot],
                         resolve: Callable[[int, list[re.Pattern[str]]], str | None]) -> list[Slot]:
        """The slots plus generic references (`le groupe`, `il`) resolved to an organisation (``resolve``: the one a
        reference at some offset stands for, preferring names that fit patterns; see :mod:`extract.coref`)."""
        named = [(s.start, s.end) for s in inside if s.kind in ("org", "person", "city")]
        added = []
        for start, end in generic_mentions(text, sentence, self.rules.generic, named):
            head = self.rules.generic_names.get(text[start:end].split()[-1].lower())
            adjective = _ADJECTIVE.match(text, end)
            prefer = [] if head is None else [head] if adjective is None else [  # `la banque européenne`
                re.compile(rf"(?=.*(?:{head.pattern}))(?=.*(?<![\w'’]){re.escape(adjective.group(1))}(?![\w'’]))", re.I),
                head]
            name = resolve(start, prefer)
            if name is not None:
                added.append(Slot("org", start, end, name, generic=True))
        return sorted(inside + added, key=lambda s: (s.start, -s.end))

    def _amount_owners(self, text: str, groups: list[list[Trigger]], inside: list[Slot]) -> dict[Slot, int]:
        """Each amount (not a part of a sum, a total over many deals or a price per unit) → index of the trigger
        group it belongs to: the trigger noun it measures (`100 MDH de chiffre d'affaires`), else the nearest, after
        the trigger rather than before, but a trigger that takes no sum and is the complement of one that does
        (`l'investissement prévu pour l'ouverture de ces magasins est de 600 MDH`)."""
        owners = {}
        takes = [any(t.frame is None or "amount" in ROLES[t.frame.type] for t in group) for group in groups]
        governed = [False] * len(groups)  # the complement of a trigger that takes a sum, or of such a complement
        for i in range(1, len(groups)):
            governed[i] = not takes[i] and (takes[i - 1] or governed[i - 1]) and self.rules.complement_of.fullmatch(
                text, max(t.end for t in groups[i - 1]), groups[i][0].start) is not None
        takers = [i for i in range(len(groups)) if not governed[i]]
        for slot in inside:
            if slot.kind != "amount" or not takers or not self._is_figure(text, slot):
                continue

            def distance(i: int) -> int:
                t = groups[i][0]
                if slot.end <= t.start and t.frame is not None and t.frame.type == "result" \
                        and self.rules.next_item.fullmatch(text, slot.end, t.start):
                    return len(text)  # `le PNB s'élève à 2,6 MMDH et son résultat net à 410 MDH`: the PNB's
                return slot.start - t.end if slot.start >= t.end else 3 * (t.start - slot.end) if slot.end <= t.start else 0

            measured = next((i for i in takers if self.rules.measure_of.fullmatch(text, slot.end, groups[i][0].start)), None)
            owners[slot] = measured if measured is not None else min(takers, key=distance)
        return owners

    def _is_figure(self, text: str, slot: Slot) -> bool:
        """Whether an amount may be an event's sum: not a part of a sum, a change (`en hausse de 20 MDH`, `passé de X
        à Y`), a total over many deals (`… depuis 2012`, `ont jusqu'ici investi …`) or a price per unit."""
        rules = self.rules
        return not (rules.part_cue.search(text[max(0, slot.start - 40) : slot.start])
                    or rules.delta_cue.search(text, max(0, slot.start - 60), slot.start)
                    or rules.trend_end.search(text, max(0, slot.start - 90), slot.start)
                    or rules.total_cue.match(text, slot.end, slot.end + 50)
                    or rules.total_before.search(text, max(0, slot.start - 60), slot.start)
                    or rules.per_unit.match(text, slot.end))

    def _continue(self, text: str, sentence: Span, inside: list[Slot], previous: Span | None,
                  events: list[Event]) -> None:
        """A sentence with no trigger that goes on about the event just read, which lacks a key role (`Elle sera située
        à X.`, `Le montant s'élève à 200 MDH.`): its amount, city, date and counts fill the roles that event leaves
        unstated."""
        if not events or events[-1].frame is None or events[-1].evidence[-1] != previous or events[-1].complete():
            return
        opening = self.rules.continuation.match(text, sentence[0])
        names = [s for s in inside if s.kind in NAME_KINDS]
        if opening is None or any(s.start < opening.end() for s in names):
            return  # no subject going on about the event (`Le Centre X` is a name)
        event = events[-1]
        kinds = ROLES[event.type]
        found: dict[str, Any] = {}
        for slot in inside:
            role = next((r for r, k in kinds.items() if event.roles[r] in (None, []) and r not in found
                         and CONTINUED.get(k) == slot.kind), None)
            if role is None or slot.kind == "city" and any(n.start <= slot.start and slot.end <= n.end for n in names):
                continue
            if slot.kind == "amount" and self._is_figure(text, slot):
                found[role] = _amount_list(text, slot, inside, self.rules)
            elif slot.kind == "count" and normalize_unit(slot.value[1]) in (
                    self.rules.stake_units if role == "stake" else self.rules.capacity_units):
                found[role] = [{"value": s.value[0], "unit": s.value[1]} for s in inside if s.kind == "count"
                               and normalize_unit(s.value[1]) == normalize_unit(slot.value[1])]
            elif slot.kind in ("city", "date"):
                found[role] = slot.value
        if found:
            event.roles.update(found)
            event.evidence.append(sentence)

    @staticmethod
    def _tied(sentence: Span, inside: list[Slot], triggers: list[Trigger], named: set[str]) -> bool:
        """Whether a sentence holds an acquisition trigger or names one of ``named``."""
        return any(s.value in named for s in inside) or any(
            t.frame is not None and t.frame.type == "acquisition" and sentence[0] <= t.start < sentence[1]
            for t in triggers)

    def _named_after(self, text: str, sentence: Span, inside: list[Slot], events: list[Event], since: int) -> bool:
        """`… une prise de participation dans deux cliniques. Il s'agit de la Clinique A et de la Clinique B.`: a
        sentence opening with a `naming_openers` phrase, maybe past a place (`À Fès, il s'agit de la Clinique A ; à
        Oujda, de la Clinique B`), names the targets that the last acquisition read from ``since`` on with a buyer left
        unnamed, one event each (the names after the phrase, or after a comma or `et` and `de`). Not the phrase within
        a sentence of its own (`Le groupe a signé un partenariat : il s'agit de X`)."""
        naming = self.rules.naming.match(text, sentence[0], sentence[1])
        event = next((e for e in reversed(events) if e.type == "acquisition" and e.roles["buyer"] is not None
                      and e.evidence[-1][0] >= since), None) if naming is not None else None
        if event is None or event.roles["target"] is not None:
            return False
        named = [s.value for s in inside if s.kind == "org" and s.start >= naming.end()
                 and self.rules.list_item.search(text, max(sentence[0], s.start - 30), s.start)]
        named = [n for n in _unique(named) if n not in event.roles.values()]
        if not named:
            return False
        event.roles["target"] = named[0]
        event.evidence.append(sentence)
        events += [event.variant({"target": name}) for name in named[1:]]
        return True

    def _scope(self, text: str, sentence: Span, trigger: Trigger) -> Span:
        """The trigger's clause: the sentence cut at clause breaks (`;`, `tandis que`…) around the trigger."""
        start, end = sentence
        for match in self.rules.clause_break.finditer(text, sentence[0], sentence[1]):
            if match.group() == "»" and "«" in text[max(sentence[0], match.start() - 30) : match.start()]:
                continue  # a quoted word (`est resté «stable» à 327 MDH`), no end of a quotation
            if self.rules.complement_joiner.match(text, match.end()):
                continue  # `au Maroc, mais aussi dans ses filiales`: complements joined, no new clause
            if match.end() <= trigger.start:
                start = match.end()
            elif match.start() >= trigger.end:
                end = match.start()
                break
        return start, end

    def _read(self, context: Context, group: list[Trigger], index: int) -> list[Event]:
        """The first complete event the trigger group yields under one of its frames (an opening: one per city
        named), or a partial one, or none."""
        owned = [s for s, i in context.owners.items() if i == index]
        partial: list[Event] = []
        before = context.text[max(context.sentence[0], group[0].start - 30) : group[0].start]
        if group[0].voice == "noun" and self.rules.negation.search(before):
            return []  # `aucune ouverture`, `pas de rachat` (but `n'empêche pas d'ouvrir`)
        recalled = bool(self.rules.demonstrative.search(before)  # `ce financement`: an event already told
                        or self.rules.told_facility.match(context.text, group[0].start) and group[0].frame.type == "opening"
                        and self.rules.definite.search(before)  # `le nouvel établissement`, not `le nouveau DG`
                        or group[0].frame.type in ("funding", "loan") and self.rules.deal_part.search(before))
        # `l'opération combine une augmentation de capital de 300 MDH et une cession`: a part of the deal told
        for trigger in group:
            event = self._fill(context, trigger, owned)
            if event is None or not all(event.roles[r] not in (None, []) for r in trigger.frame.needs):
                continue
            if trigger.frame.named_facility and not self.rules.facility_name.search(event.roles["facility"] or ""):
                continue  # `Créée en 2011, la société X`: a company founded, no facility opened
            event.recalled = recalled
            if event.complete():
                if not event.listed:
                    return self._per_city(context, trigger, event)
                return [event] + [event.variant(roles) for roles in event.listed]
            partial = partial or [event]
        return partial

    def _per_city(self, context: Context, trigger: Trigger, event: Event) -> list[Event]:
        """An opening in several cities (`à Nador, Safi et Oujda`) is one opening per city of the list that holds the
        chosen city (`des hôpitaux de Khouribga et Azilal` further on is another list)."""
        if event.type != "opening":
            return [event]
        scope = self._scope(context.text, context.sentence, trigger)
        names = [s for s in context.slots if s.kind in NAME_KINDS]
        cities = [s for s in context.slots if s.kind == "city" and scope[0] <= s.start < scope[1]
                  and not any(n.start <= s.start and s.end <= n.end for n in names)]
        chosen = [i for i, s in enumerate(cities) if s.value == event.roles["city"]]
        if not chosen:
            return [event]
        first = last = min(chosen, key=lambda i: _distance(cities[i], trigger))
        while first > 0 and _CITY_LINK.fullmatch(context.text, cities[first - 1].end, cities[first].start):
            first -= 1
        while last + 1 < len(cities) and _CITY_LINK.fullmatch(context.text, cities[last].end, cities[last + 1].start):
            last += 1
        listed = _unique(s.value for s in cities[first : last + 1])
        if len(listed) < 2:
            return [event]
        return [event.variant({"city": city}) for city in listed]

    @staticmethod
    def _refers_back(text: str, sentence: Span, anaphor: Trigger, previous: Span | None, events: list[Event]) -> bool:
        """Whether an anaphor opens its sentence (`L'opération a été arrangée par…`) right after one that gave an
        event."""
        opening = len(text[sentence[0] : anaphor.start].split()) <= 2
        return opening and bool(events) and events[-1].frame is not None and events[-1].evidence[-1] == previous

    def _add_to_previous(self, context: Context, anaphor: Trigger, index: int, events: list[Event]) -> None:
        """`L'opération, menée par X…`: what the anaphor's sentence says joins the event read just before it."""
        previous = events[-1]
        trigger = Trigger(previous.frame, anaphor.start, anaphor.end, "noun")
        extra = self._fill(context, trigger, [s for s, i in context.owners.items() if i == index])
        if extra is not None:
            if _conflicts(previous, extra):  # other names in the sentence: keep only its amount, date and counts
                extra.roles = {r: v if ROLES[extra.type][r] in ("amounts", "counts", "date") else empty_roles(
                    extra.type)[r] for r, v in extra.roles.items()}
            _absorb(previous, extra)

    def _sector_result(self, context: Context, trigger: Trigger) -> bool:
        """Whether a result noun's complement names a sector (`le CA du secteur`), not a company's unit of it (`le CA
        de la branche marocaine de X`: X's figure)."""
        sector = self.rules.sector_result.match(context.text, trigger.end)
        return sector is not None and not any(
            s.kind == "org" and not s.generic and self.rules.unit_of.fullmatch(context.text, sector.end(), s.start)
            for s in context.slots)

    def _share_of_result(self, context: Context, trigger: Trigger, scope: Span, owned: list[Slot]) -> bool:
        """Whether a percentage or a sum right before a result noun makes it a share of the result (`représente 15%
        du chiffre d'affaires de X, soit 120 MDH`, `représentent 2 milliards de dirhams du chiffre d'affaires de X`),
        unless a clause of its own states the figure after it (`…, qui a atteint 8 MMDH`)."""
        text = context.text
        if not self.rules.percent_of.search(text, max(scope[0], trigger.start - 30), trigger.start) and not any(
                s.kind == "amount" and scope[0] <= s.start and s.end <= trigger.start
                and self.rules.share_link.fullmatch(text, s.end, trigger.start) for s in context.slots):
            return False
        after = [s.start for s in owned if s.start >= trigger.end]
        return not after or not self.rules.share_tie.match(text, trigger.end, min(after))

    def _fill(self, context: Context, trigger: Trigger, owned: list[Slot]) -> Event | None:
        """The event a trigger reads under its frame, with whatever roles its clause states."""
        frame, rules, text = trigger.frame, self.rules, context.text
        scope = self._scope(text, context.sentence, trigger)
        if frame.type == "result":
            if rules.booked_sales.match(text, trigger.end) or self._sector_result(context, trigger) \
                    or rules.result_share.search(text, max(scope[0], trigger.start - 80), trigger.start) \
                    or self._share_of_result(context, trigger, scope, owned):
                return None  # sales booked, a sector's figure (`le CA du secteur`), or a share of the result (`la
                # contribution du cobalt au CA`, `représente 15% du chiffre d'affaires de X, soit 120 MDH`)
            forecast = min((m.start() for m in (p.search(text, scope[0], scope[1]) for p in (
                rules.not_results, rules.forecast_bet, rules.intent, rules.conditional, _FUTURE)) if m), default=None)
            if forecast is not None:  # a forecast, but for a figure stated before it (`a réalisé 800 MDH en 2023 et
                # vise 1 MMDH en 2025`): the clause ends there
                if forecast < trigger.start or not any(s.end <= forecast for s in owned):
                    return None
                scope = (scope[0], forecast)
            if rules.forecast_horizon.search(text, scope[0], scope[1]):
                return None
        if frame.type == "acquisition" and rules.called_off.search(text, context.sentence[0], context.sentence[1]):
            return None  # `le projet d'acquisition … : l'opération est caduque`: a deal called off, no acquisition
        if frame.type == "investment" and rules.not_investments.search(text, scope[0], scope[1]):
            return None  # `un dividende de 9,50 DH par action, soit une enveloppe de 1,5 MMDH`
        if frame.type in ("funding", "loan") and rules.raise_target.search(text, max(scope[0], trigger.start - 60),
                                                                           trigger.start):
            return None  # `vise à lever 600 MDH`, `a pour objectif de lever`: a target, no money raised yet
        if frame.type in ("funding", "loan") and rules.many_deals.search(text, max(scope[0], trigger.start - 80), trigger.start):
            return None  # `ont signé plusieurs conventions portant sur le financement, à hauteur de 17 MMDH`: a total
        if frame.type == "funding" and "recipient" in frame.subj and rules.raised_debt.match(text, trigger.end, scope[1]):
            return None  # `a levé 1 milliard par voie d'emprunt obligataire`, `lève une dette`: borrowed, no funding
        if frame.type in ("funding", "investment") and _INTO_DEAL.match(text, trigger.end, scope[1]):
            return None  # `a investi 35 M€ dans l'acquisition de X`: the money buys a company, an acquisition
        if frame.type == "opening" and (rules.not_facility.match(text, trigger.end) or trigger.voice == "passive"
                                        and rules.not_facility_before.search(text, scope[0], trigger.start)):
            return None  # `a ouvert une ligne`, `l'ouverture d'une liaison`, `la souscription sera ouverte`: no facility
        if frame.object_head is not None and not frame.object_head.match(text, trigger.end):
            return None  # `Marrakech accueillera le salon`: no facility of the frame's kinds
        if frame.type == "opening" and trigger.voice != "passive" and not self.rules.new_facility.match(text, trigger.start) \
                and rules.not_facility_head.match(text, trigger.end):
            return None  # `a créé une filiale`, `la création de son groupe`, `le lancement d'une campagne`: no facility
            # (but `de nouvelles usines du groupe`: the trigger names the facility)
        in_scope = [s for s in context.slots if scope[0] <= s.start and s.end <= scope[1]
                    and not (s.start < trigger.end and trigger.start < s.end)]
        if frame.type == "opening" and trigger.voice == "active" and any(
                s.kind == "city" and s.start >= trigger.end and not text[trigger.end : s.start].strip() for s in in_scope):
            return None  # `ouvrir Dakar et Abidjan`: a market, no facility
        roles = empty_roles(frame.type)
        names = [s for s in in_scope if s.kind in NAME_KINDS]
        relations = self.relate(text, scope, trigger, names)
        used: set[str] = set()
        if _AFTER_HAVING.search(text, max(context.sentence[0], trigger.start - 20), trigger.start):
            # `Après avoir levé 10 M$, la startup X ouvre…`: the main clause's subject did it
            self._assign_main_subject(text, trigger, names, frame.subj, roles, used)
        if trigger.voice == "passive" and _OPENING_REFERENCE.fullmatch(text, context.sentence[0], trigger.start):
            # `Nommé à la tête de X en 2018, Y pilote…`: a participle opening the sentence tells of the main clause's
            # subject
            if frame.type == "opening" and (main := _main_subject(text, trigger, names)) is not None \
                    and rules.not_facility_head.match(text, main[1]):
                return None  # `Lancée en 2012 par X, la société Y…`: a company launched, no facility
            self._assign_main_subject(text, trigger, names, frame.obj, roles, used)
        # the nearest first; for a noun, the complements right after it (`la reprise de X par Y`) before the verb's
        # subject
        for slot in sorted(relations, key=lambda s: (not (trigger.voice == "noun" and s.start >= trigger.end
                                                          and _distance(s, trigger) <= 50), _distance(s, trigger))):
            found = self._roles_for(text, trigger, slot, relations[slot])
            if "target" in found and (relations[slot].cue == "de" and rules.assets.search(text, trigger.end, slot.start)
                                      and not (frame.subj == ("seller",) and self._shares_of(text, slot))
                                      or slot.generic and rules.assets.match(text, slot.end + 1)):
                found = ("seller",)  # `le rachat de deux actifs du groupe X`, `la cession de ses parts`: X sells them
            if frame.type == "acquisition" and not slot.generic and rules.holder.search(text, max(0, slot.start - 50),
                                                                                         slot.start):
                found = ("seller",)  # `les 53% du capital que détenait le français X`: X held them, X sells
            if "facility" in found and not slot.generic and rules.owned_facility.search(text, max(0, slot.start - 40),
                                                                                            slot.start):
                found = ("operator",)  # `l'usine X`, `le siège de X`: X owns the facility, it is no facility's name
            if any(self._assign(roles, role, slot, used) for role in found):
                used.add(slot.value)
        if frame.type == "acquisition" and trigger.voice == "passive" and not any(
                r.label == "agent" or r.cue == "par" for r in relations.values()):
            # a bare participle with no agent (`la clinique X, reprise en 2021`): the sentence's subject did it; where
            # that is what was bought (`La clinique X a été rachetée en 2021.`), the subject of the sentence before,
            # if that sentence tells of the deal or of the company bought (else, as `X a publié ses résultats.`, none)
            subject = context.subject()
            if subject is None or subject in used:
                subject = context.previous_subject(used)
            for role in frame.subj if subject is not None else ():
                if subject not in used and self._assign(roles, role, Slot("org", 0, 0, subject), used):
                    break
        amounts = [s for s in in_scope if s in owned and not (
            frame.type == "funding" and rules.capital_level.search(text, max(scope[0], s.start - 50), s.start))]
        earlier = [s for s in amounts if frame.type == "result" and (  # `contre 1,15 milliard un an plus tôt`
            rules.compared_amount.search(text, max(scope[0], s.start - 40), s.start)
            or rules.dated_compared.search(text, max(scope[0], s.start - 40), s.start)  # `après 1,1 MMDH en 2019`,
            and rules.dated_compared_link.match(text, s.end, scope[1]))]  # not `après 120 MDH de charges`
        amounts = [s for s in amounts if s not in earlier] or [  # `a investi 35 M€ dans l'acquisition de X`
            s for s in in_scope if s.kind == "amount" and frame.type == "acquisition"
            and _INTO_DEAL_BEFORE.fullmatch(text, s.end, trigger.start)]
        if "amount" in roles and amounts:
            chosen = min(amounts, key=lambda s: _distance(s, trigger))
            roles["amount"] = _amount_list(text, chosen, in_scope, rules)
            if frame.type in ("loan", "investment"):
                self._sum_giver(text, frame, chosen, names, roles)
        elif "amount" in roles and len(context.told_before) == 1 and rules.cleft.fullmatch(text, context.sentence[0],
                                                                                           trigger.start):
            # `Près de 200 MDH ! C'est l'investissement que vient d'injecter X`: the sum the cleft sentence points back to
            roles["amount"] = _amount_list(text, context.told_before[0], context.told_before, rules)
        dates = [s for s in in_scope if s.kind == "date"
                 and not rules.comparison.search(text, max(scope[0], s.start - 60), s.start)
                 and not any(0 <= s.start - e.end <= 25 for e in earlier)]  # `contre 4,5 MMDH en 2022`: its period
        date = min(dates, key=lambda s: _distance(s, trigger)) if dates else None
        if date is not None:
            roles["period" if "period" in roles else "date"] = _fiscal_year(text, date) if "period" in roles else date.value
        cities = [s for s in in_scope if s.kind == "city" and not _dateline(text, s) and (
            not rules.reference_place.search(text, max(scope[0], s.start - 50), s.start)  # `à 40 km au nord de X`
            or s.value in text[scope[0] : s.start - 30])]  # `la zone de X Med, à 40 km de X`: a site named after it
        if frame.type == "opening":  # `À X, le groupe va ouvrir une clinique et en ouvrira une autre à Y`: Y is its
            rivals = [t for t in context.triggers if t.frame is not None and t.frame.type == "opening"
                      and t.start != trigger.start
                      and not rules.new_facility.match(text, t.start)]  # `la création de nouvelles usines`: its own object
            cities = [s for s in cities if not any(trigger.end <= t.start and t.end <= s.start or s.end <= t.start
                                                   and t.end <= trigger.start for t in rivals)]
        if "city" in roles and cities:
            outside = [c for c in cities if not any(n.start <= c.start and c.end <= n.end for n in names)]
            # after the trigger rather than before (`l'extension de la clinique de X et l'ouverture … à Y`)
            chosen = min(outside or cities, key=lambda s: (s.start < trigger.end, _distance(s, trigger)))
            if not outside:  # `la polyclinique Rabat Agdal`: the last city the name holds, the most precise
                holder = next(n for n in names if n.start <= chosen.start and chosen.end <= n.end)
                chosen = max((c for c in cities if holder.start <= c.start and c.end <= holder.end), key=lambda c: c.start)
            roles["city"] = chosen.value
        listed = self._listed(frame.type, roles, relations, used, in_scope) if frame.type in LISTED_ROLE else []
        if frame.type == "investment" and roles["amount"]:
            listed += _placed_sums_listed(text, roles, [s for s in in_scope if s in owned and s.kind == "amount"], cities,
                                          rules)
        if frame.type == "loan" and roles["amount"]:
            listed += _loans_listed(text, roles, [s for s in in_scope if s.kind == "amount"], names)
            listed += _sums_listed(text, roles, [s for s in in_scope if s in owned and s.kind == "amount"], rules)
        if roles.get("amount"):  # the figure of the period compared with is a result of its own
            listed += [{"amount": _amount_list(text, s, in_scope, rules), "period": next(
                (d.value for d in in_scope if d.kind == "date" and (0 <= d.start - s.end <= 25 or d is not date and
                 _compared_after(text, d.end, s.start, rules))), None)  # `1,1 MMDH en 2019`, `2015 où il affichait
                # 1 MMDH`; not the result's own period (`à 2,1 MMDH en 2023, contre 1,8 MMDH un an plus tôt`)
                or (_year_before(roles["period"]) if rules.year_before.match(text, s.end) else None)} for s in earlier]
        for role, units in (("stake", rules.stake_units), ("capacity", rules.capacity_units)):
            if role in roles:
                counts = [s for s in in_scope if s.kind == "count" and normalize_unit(s.value[1]) in units]
                roles[role] = _unique([{"value": s.value[0], "unit": s.value[1]} for s in counts])
        if frame.metric:
            roles["metric"] = frame.metric
        unnamed = {role for role, value in roles.items() if value is None}
        self._fallbacks(frame.type, roles, names, context.topic, context.next_topic)
        if frame.type == "funding" and roles["recipient"] is None and "recipient" in frame.subj \
                and not roles["investors"]:
            # `l'augmentation de capital de 3 milliards de DH opérée en août`, no investor named, in a text about a
            # company: it raised the money
            roles["recipient"] = context.topic
        if frame.type == "loan" and roles["borrower"] is None and roles["lender"] is not None:
            # a loan whose borrower is not named is to the organisation the text is about (section 7, real-press
            # decisions), unless that is the lender
            roles["borrower"] = context.topic if context.topic != roles["lender"] else context.next_topic()
        if frame.type == "opening" and roles["city"] is None:
            roles["city"] = _city_named_in(roles["facility"], context.cities)
        if frame.type == "appointment" and roles["org"] is None and rules.board.search(text, scope[0], scope[1]):
            # `nommé président du conseil d'administration`: of the text's organisation, not the person's employer
            # (`X, associé chez Y, rejoint le conseil`)
            employer = context.topic is not None and context.topic in (context.people_roles.get(roles["person"]) or "")
            roles["org"] = context.next_topic() if employer else context.topic
        if frame.type == "appointment" and roles["person"] is None and (
                rules.pronoun_subject.search(text, scope[0], trigger.start)
                or trigger.voice == "noun" and rules.possessive_subject.search(text, scope[0], trigger.start)
                and not _INDEFINITE_AFTER.match(text, trigger.end)):
            # `… puis il est nommé en 2003 à la tête de X`, `sa nomination`: the person the text tells of (and the
            # pronoun stands for no organisation); not `il faudra attendre la nomination`, `sa nomination d'un
            # directeur` (a post, no person)
            roles["person"] = context.person_told(trigger.start)
            if roles["person"] is not None and any(
                    s.generic and s.value == roles["org"] and rules.person_pronoun.fullmatch(text, s.start, s.end)
                    for s in relations):
                roles["org"] = None
        if "role" in roles and roles.get("person"):
            roles["role"] = context.people_roles.get(roles["person"])
        from_topic = tuple(r for r in unnamed if context.topic is not None and roles[r] == context.topic)
        joint = frozenset(s.value for s, r in relations.items() if r.label == "subj" and s.kind == "org" and not s.generic)
        return Event(frame.type, text[trigger.start : trigger.end], roles, [context.sentence], trigger.start, frame,
                     listed=listed, from_topic=from_topic, joint=joint if len(joint) > 1 else frozenset())

    @staticmethod
    def _listed(event_type: str, roles: dict[str, Any], relations: dict[Slot, Relation], used: set[str],
                in_scope: list[Slot]) -> list[dict[str, Any]]:
        """The roles of each other target or facility listed with the one read (`les hôtels A Rabat et B Agadir`):
        one event each, a facility in the city its name holds; the one read takes its own name's city too."""
        role = LISTED_ROLE[event_type]
        others = _listed_with(relations, roles[role], used, "person" if role == "person" else "org")
        if not others or role != "facility":
            return [{role: name} for name in others]

        def own_city(name: str) -> str | None:
            """The last city the facility's name holds, the most precise (`Clinique Casablanca Anfa`: Anfa)."""
            mention = next(s for s in relations if s.value == name)
            held = [c.value for c in in_scope if c.kind == "city" and mention.start <= c.start and c.end <= mention.end]
            return held[-1] if held else None

        cities = {name: own_city(name) for name in (roles[role], *others)}
        if not any(cities.values()):
            return [{role: name} for name in others]
        roles["city"] = cities[roles[role]] or roles["city"]  # where names hold their cities, each takes its own
        return [{role: name, "city": cities[name]} for name in others]

    def _shares_of(self, text: str, slot: Slot) -> bool:
        """Whether a name follows a noun for shares of it and holds them in no other: in a sale (`la cession des parts
        de la société X au profit de Y`), the shares are X's own and X is what is sold (a purchase of `les parts de X`
        may be a minority stake, a funding)."""
        return bool(self.rules.shares_of.search(text, max(0, slot.start - 50), slot.start)
                    and not self.rules.held_in.match(text, slot.end))

    def _assign_main_subject(self, text: str, trigger: Trigger, names: list[Slot], candidates: Sequence[str],
                             roles: dict[str, Any], used: set[str]) -> None:
        """Give the subject of the main clause after a leading clause holding ``trigger`` the first of ``candidates``
        roles it may fill."""
        main = (_main_subject(text, trigger, names) or (None, 0))[0]
        for role in candidates if main is not None else ():
            if self._assign(roles, role, main, used):
                used.add(main.value)
                break

    def _sum_giver(self, text: str, frame: Frame, amount: Slot, names: list[Slot], roles: dict[str, Any]) -> None:
        """`… notamment A, B ainsi que la Banque mondiale qui pourrait mettre jusqu'à 297 M$`: the organisation whose
        relative clause states the sum puts it up; it takes the subject's role (a lender's name, the lender's)."""
        giver = next((n for n in reversed(names) if n.kind == "org" and n.end <= amount.start
                      and self.rules.giver_clause.fullmatch(text, n.end, amount.start)), None)
        if giver is None:
            return
        flipped = frame.flip_names is not None and frame.flip_names.search(giver.value)
        role = (frame.flip_subj if flipped else frame.subj)[0]
        for other in ROLES[frame.type]:
            if roles[other] == giver.value:
                roles[other] = None
        roles[role] = giver.value

    @staticmethod
    def _assign(roles: dict[str, Any], role: str, slot: Slot, used: set[str]) -> bool:
        """Put a named slot into a role of its kind if the role is free (a list role takes several)."""
        kind = ROLES_BY_NAME.get(role)
        if role not in roles or kind not in NAME_KINDS[slot.kind] or slot.value in used:
            return False
        if kind == "orgs":
            roles[role].append(slot.value)
            return True
        if roles[role] is None:
            roles[role] = slot.value
            return True
        return False

    def _roles_for(self, text: str, trigger: Trigger, slot: Slot, relation: Relation) -> tuple[str, ...]:
        """The roles a relation may fill under the trigger's frame and voice."""
        frame = trigger.frame
        subj = frame.subj
        if frame.flip is not None and (frame.flip.search(text, relation.start, trigger.start)
                                       or frame.flip_names is not None and frame.flip_names.search(slot.value)):
            subj = frame.flip_subj
        if relation.label == "subj" and frame.type == "opening" and trigger.voice == "active" and not slot.generic \
                and (self.rules.facility_name.search(slot.value)
                     or self.rules.facility_before.search(text, max(0, slot.start - 40), slot.start)
                     and not self.rules.opened_object.match(text, trigger.end)):
            return frame.obj  # `la Clinique X qui a ouvert en août`, `le complexe touristique X a ouvert en mai`: the
            # facility opens, its owner is told elsewhere (but `La plateforme X a ouvert un entrepôt`: X opens it)
        if relation.label == "subj" and trigger.voice == "passive" and slot.generic \
                and _POSSESSIVE.fullmatch(text, slot.start, slot.end):
            return ()  # `Dès sa mise en service, l'électricité sera vendue à X`: a possessive determines a noun, no subject
        if relation.label == "subj":
            return frame.obj if trigger.voice == "passive" else subj
        if frame.type == "opening" and slot.generic and _POSSESSIVE.fullmatch(text, slot.start, slot.end) and \
                _SMALL_WORDS.fullmatch(text, trigger.end, slot.start):
            return subj  # `l'inauguration officielle de son hôtel`, `a ouvert sa clinique`: its owner opens it
        if relation.label == "obj" and trigger.voice == "noun" and frame.type == "acquisition" and not slot.generic \
                and _APPOSED.fullmatch(text, trigger.end, slot.start):
            return frame.obj  # `sa dernière acquisition Mobilis`: the name apposed is its object
        if relation.label == "obj" and trigger.voice == "noun" and frame.type == "opening" and not slot.generic \
                and _APPOSED.fullmatch(text, trigger.end, slot.start) \
                and self.rules.owned_facility.search(text, max(0, slot.start - 40), slot.start):
            return subj  # `la future usine X de Kenitra`: the maker named after the plant runs it
        if relation.label == "obj":
            return () if trigger.voice == "noun" else frame.obj
        if relation.label == "agent" or (relation.cue == "par" and trigger.voice == "passive"):
            return subj
        if relation.start < trigger.start and relation.cue == "avec" and frame.type == "loan" and \
                self.rules.signed_with.search(text, max(0, slot.start - 80), slot.start):
            # `la convention signée avec la BAD concerne le financement…`: the bank signed it, it lends
            return frame.flip_subj if frame.flip_names is not None and frame.flip_names.search(slot.value) else subj
        if relation.start < trigger.start and relation.cue == "de" and frame.type in ("investment", "opening") \
                and not slot.generic and self.rules.owned_facility.search(text, max(0, slot.start - 40), slot.start):
            return subj  # `l'usine de X nécessitera 462 MDH`: the facility's owner spends the money
        if relation.start < trigger.start and relation.cue == "de" and frame.type == "appointment" and not slot.generic \
                and self.rules.acting_body.search(text, max(0, slot.start - 60), slot.start):
            return subj  # `Le conseil d'administration de X a nommé Y`: X names Y through its board
        if relation.start < trigger.start:
            # a complement before the trigger belongs to its subject (`X, filiale de Y, a levé`), but for one that
            # leads the deal (`Mené par X, le tour de table…`)
            return frame.preps.get("mené par", ()) if relation.cue == "mené par" else ()
        if relation.cue in frame.adjacent and trigger.voice == "noun" and not slot.generic \
                and self.rules.adjacent.fullmatch(text, trigger.end, relation.start):
            return frame.adjacent[relation.cue]  # `l'introduction en Bourse des Laboratoires X`, `le CA consolidé de X`
        return frame.preps.get(relation.cue or "", ())

    def _fallbacks(self, event_type: str, roles: dict[str, Any], names: list[Slot], topic: str | None,
                   next_topic: Callable[[], str | None]) -> None:
        """Roles the clause leaves unnamed are the organisation the text is about (`Le PNB ressort à…` in a text
        about a bank); failing that, an investment's spender is the named body the money goes to
        and a named facility runs itself (section 7). A facility the text is about (`l'hôpital X sera reconstruit`)
        runs no other facility: such an opening is the next organisation's the text is about, if that is no facility."""
        if event_type == "investment" and roles["investor"] is None:
            orgs = [s for s in names if s.kind == "org"]
            roles["investor"] = topic or (orgs[0].value if orgs else None)
        if event_type == "opening" and roles["operator"] is None:
            runs = (lambda name: name is not None and (name == roles["facility"]
                                                       or not self.rules.facility_name.search(name)))
            roles["operator"] = next((name for name in (topic, next_topic()) if runs(name)), roles["facility"])
        if event_type == "result" and roles["org"] is None:
            roles["org"] = topic


VOICE_ORDER = ("active", "passive", "noun", "anaphor")
"""The order in which readings of one word in one frame are tried (`mise en service`: participle, then noun)."""

LISTED_ROLE = {"acquisition": "target", "opening": "facility", "appointment": "person"}
"""The role that a list splits into one event per item."""

CONTINUED = {"amounts": "amount", "city": "city", "date": "date", "counts": "count"}
"""The kinds of role a sentence going on about an event may add to it, by the kind of slot that fills them."""


def _person_told(people: list[Slot], start: int, end: int) -> str | None:
    """The person a pronoun at ``end`` stands for: of those named from ``start`` on, the one the whole text names
    most often (the last named, on a tie)."""
    near = [s.value for s in people if start <= s.start < end]
    counts = {name: sum(s.value == name for s in people) for name in near}
    return max(reversed(near), key=lambda name: counts[name]) if near else None


def _main_subject(text: str, trigger: Trigger, names: list[Slot]) -> tuple[Slot, int] | None:
    """The subject of the main clause after a leading clause holding ``trigger`` (`Nommé en 2018, le Dr X…`), and the
    offset its noun phrase opens at (after the comma)."""
    for slot in names:
        if slot.start >= trigger.end and (lead := _MAIN_SUBJECT.search(text, trigger.end, slot.start)) is not None:
            return slot, lead.start() + 1
    return None


def _loans_listed(text: str, roles: dict[str, Any], amounts: list[Slot], names: list[Slot]) -> list[dict[str, Any]]:
    """`un prêt de 115 M€ à A, de 100 M€ à B et de 50 M€ à C`: one loan per sum and borrower of the list; the first
    sum's borrower is the one named right after it."""
    def borrower(amount: Slot) -> Slot | None:
        return next((n for n in names if n.kind == "org" and _TO_BORROWER.fullmatch(text, amount.end, n.start)), None)

    chain = _paired_chain(text, roles, amounts, borrower, _NEXT_SUM, skip_unpaired=True)
    if not chain:
        return []
    roles["borrower"] = chain[0][1].value
    return [{"amount": [{"value": a.value[0], "currency": a.value[1]}], "borrower": b.value} for a, b in chain[1:]]


def _paired_chain(text: str, roles: dict[str, Any], amounts: list[Slot], pair: Callable[[Slot], Slot | None],
                  joiner: re.Pattern[str], skip_unpaired: bool) -> list[tuple[Slot, Slot]]:
    """The list of sums each with its own name (`pair`: the borrower or city right after it), from the sum read on,
    while ``joiner`` links one pair's name to the next sum; empty unless the list has two pairs or more. A sum with
    no name of its own is passed over (``skip_unpaired``) or ends the list."""
    pairs = [(amount, pair(amount)) for amount in sorted(amounts, key=lambda s: s.start)]
    if skip_unpaired:
        pairs = [p for p in pairs if p[1] is not None]
    first = next((i for i, (a, _) in enumerate(pairs) if a.value[0] == roles["amount"][0]["value"]), None)
    if first is None or pairs[first][1] is None:
        return []
    chain = [pairs[first]]
    for amount, named in pairs[first + 1 :]:
        if not joiner.fullmatch(text, chain[-1][1].end, amount.start) or named is None:
            break
        chain.append((amount, named))
    return chain if len(chain) > 1 else []


def _sums_listed(text: str, roles: dict[str, Any], amounts: list[Slot], rules: EventRules) -> list[dict[str, Any]]:
    """`le financement de Noor II pour 330 M€ et de Noor III pour 324 M€`: one loan per project and sum of the list,
    each sum after `pour`; the first is the one read."""
    ordered = sorted(amounts, key=lambda s: s.start)
    first = next((i for i, s in enumerate(ordered) if s.value[0] == roles["amount"][0]["value"]
                  and rules.for_sum.search(text, max(0, s.start - 40), s.start)), None)
    if first is None:
        return []
    chain = [ordered[first]]
    for amount in ordered[first + 1 :]:
        if not rules.next_for_sum.fullmatch(text, chain[-1].end, amount.start):
            break
        chain.append(amount)
    return [{"amount": [{"value": a.value[0], "currency": a.value[1]}]} for a in chain[1:]]


def _placed_sums_listed(text: str, roles: dict[str, Any], amounts: list[Slot], cities: list[Slot],
                        rules: EventRules) -> list[dict[str, Any]]:
    """`investira 100 MDH à Fès, 200 MDH à Meknès et 300 MDH à Taza`: one investment per sum and the city right after
    it, from the sum read on; that sum takes its own city."""
    def placed(amount: Slot) -> Slot | None:
        return next((c for c in cities if c.start >= amount.end and rules.sum_place.fullmatch(text, amount.end, c.start)),
                    None)

    chain = _paired_chain(text, roles, amounts, placed, rules.next_placed_sum, skip_unpaired=False)
    if not chain:
        return []
    roles["city"] = chain[0][1].value
    return [{"amount": _amount_list(text, a, amounts, rules), "city": c.value} for a, c in chain[1:]]


_TO_BORROWER = re.compile(r"\s*(?:à|au|aux)\s*(?:la\s+|le\s+|les\s+|l['’]\s*)?", re.IGNORECASE)
"""What joins a loan's sum to its borrower in a list: `à l'`, `au`."""
_NEXT_SUM = re.compile(r"\s*(?:,|et|,\s*et)\s*(?:de|d['’])\s*", re.IGNORECASE)
"""What joins one borrower to the next sum of the list: `, de `, ` et de `."""


def _listed_with(relations: dict[Slot, Relation], first: str | None, used: set[str], kind: str = "org") -> list[str]:
    """The names of ``kind`` coordinated with the one named ``first`` (`la Clinique A et la Clinique B`), unused: those
    after it, and for people those before it too (`A et B ont été nommés`: the subject read is the nearest, B)."""
    ordered = sorted(relations, key=lambda s: s.start)
    start = next((i for i, s in enumerate(ordered) if s.value == first and s.kind == kind), None)
    if start is None:
        return []
    chain: list[Slot] = []
    if kind == "person":
        i = start
        while i > 0 and relations[ordered[i]].joined and ordered[i - 1].kind == kind and not ordered[i - 1].generic:
            i -= 1
            chain.insert(0, ordered[i])
    for slot in ordered[start + 1 :]:
        if not relations[slot].joined or slot.kind != kind or slot.generic:
            break
        chain.append(slot)
    listed: list[str] = []
    for slot in chain:
        if slot.value not in used and slot.value != first and slot.value not in listed:
            listed.append(slot.value)
    return listed


_CITY_LINK = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}\s*(?=,|\set\s))?"
                        r"(?:,|et|puis|ou|ainsi\s+qu['’]|ainsi\s+que|,\s*et|,\s*puis)?\s*"
                        r"(?:(?:[\w'’*-]+,?\s+){0,4}?(?:à\s+|au\s+|aux\s+|dans\s+|en\s+|sur\s+|de\s+|d['’]))?(?:(?:la\s+)?ville\s+de\s+|l['’])?",
                        re.IGNORECASE)
"""What joins two cities of one list: `, `, ` et `, ` puis à `, ` et deux à `, ` (…), à `, `, Place Unknown, `."""


_APPOSED = re.compile(r"\s+")
"""What stands between a noun trigger and the name apposed to it: a space (after a comma, the name opens a clause:
`Après cette acquisition, X a…`)."""

_POSSESSIVE = re.compile(r"son|sa|ses|leurs?", re.IGNORECASE)
"""A possessive determiner: its owner is the one the facility after it belongs to."""
_INDEFINITE_AFTER = re.compile(r"\s*d['’]une?(?![\w'’])", re.IGNORECASE)
"""An indefinite object right after a noun trigger: `la nomination d'un directeur` names a post, no person."""

_LATTER = re.compile(r"(?:ce|cette|ces)\s+derni(?:er|ère)s?\b", re.IGNORECASE)
"""`Cette dernière`, `ce dernier`: the organisation named last, subject or not."""

_VERB_BEFORE = re.compile(r"(?<![\w'’-])(?:est|sont|sera|seront|était|étaient|a|ont|avait|avaient)\s+[a-zà-ÿ]", re.I)
"""An auxiliary and a lower-case word: a clause's verb, after which a name is no longer its subject."""

_AFTER_HAVING = re.compile(r"(?<![\w'’])après\s+avoir\s+(?:[a-zà-ÿ]+ment\s+)?$", re.IGNORECASE)
"""`après avoir` before a participle: the subject is the main clause's, after the participial clause."""
_MAIN_SUBJECT = re.compile(r",\s*(?:(?:le|la|les|l['’])\s*)?(?:[a-zà-ÿ-]+\s+){0,3}$")
"""What stands between the participial clause and the main clause's subject: a comma, an article, role words."""

_INTO_DEAL = re.compile(r"[^.;]{0,80}?(?<![\w'’])dans\s+(?:l['’]|le\s+|la\s+)\s*(?:acquisition|rachat|reprise)(?![\w'’])",
                        re.IGNORECASE)
"""Money put `dans l'acquisition de …`: it pays for an acquisition."""
_INTO_DEAL_BEFORE = re.compile(r"[^.;]{0,30}?dans\s+(?:l['’]|le\s+|la\s+)\s*", re.IGNORECASE)
"""Between an amount and an acquisition trigger it pays for: `… dans l'`."""

_DATELINE_END = re.compile(r"\s*(?:\([A-Z]{2,6}\)\s*)?[–—-]\s")
"""What follows the city of a dateline: an agency in capitals maybe, then a dash."""

_OPENING_REFERENCE = re.compile(r"[«\"“(\s]*")
"""What may stand before a generic reference that opens a sentence: quotes, a parenthesis."""

_PRONOUN = re.compile(r"(?:il|elle|ils|elles)(?![\w'’-])", re.IGNORECASE)
"""A subject pronoun."""

_FEW_WORDS = re.compile(r"(?:[a-zà-ÿ'’-]+\s+){0,3}")
"""At most three lower-case words (`groupe japonais `): what may stand between a topic marker and its name."""

_WRAPPED = re.compile(r"[\w,'’-][ \t]*\n$")
"""The end of a line cut mid-sentence: a word or a comma, not a stop or a colon."""
_BEFORE_NAME = re.compile(r"(?<![\w'’])(?:de|du|des|la|le|les|et|à|au|aux|en)[ \t]*\n$")
"""The end of a line on a word that needs one after it: a name may open the next line (`Banque Africaine de`, then `Développement`)."""


def _wrapped(text: str, start: int) -> bool:
    """Whether the line that opens at ``start`` goes on with the sentence of the line before (a hard wrap): that line
    ends with a word or a comma, and this one opens with a lower-case word or a digit, or with a name after `de`."""
    if not (start and text[start - 1] == "\n" and _WRAPPED.search(text, max(0, start - 40), start)):
        return False
    first = text[start : start + 1]
    return first.islower() or first.isdigit() or first.isupper() and _BEFORE_NAME.search(text, max(0, start - 40), start)


_PERIOD_LEAD = re.compile(r"\s*,?\s*")
"""What may stand between a period and a `compared_amount_cues` phrase after it."""


def _compared_after(text: str, start: int, end: int, rules: EventRules) -> bool:
    """Whether ``text[start:end]``, after a period, is a `compared_amount_cues` phrase that leads to the figure at
    ``end`` (` où il affichait `): the figure is the period's."""
    cue = rules.compared_amount.search(text, start, end)
    return cue is not None and _PERIOD_LEAD.fullmatch(text, start, cue.start()) is not None

_SMALL_WORDS = re.compile(r"\s*(?:[a-zà-ÿ'’]+\s*){0,2}")
"""At most two lower-case words (`officielle de `): what may stand between a trigger and its complement."""

_ADJECTIVE = re.compile(r"\s+([a-zà-ÿ]{4,})(?![\w'’])")
"""A lower-case word after a generic reference, an adjective that may be in the name (`la banque européenne`)."""

_FUTURE = re.compile(r"(?<![\w'’-])[a-zàâçéèêëîïôûù]+[eiduvr]r(?:a|ont)(?![\w'’-])")
"""A verb in the future tense (`sera`, `atteindra`, `dépassera`): a forecast, no result (the conditional, whose ending is
also the imperfect's, is listed in rules/events.json `conditionals`)."""

_YEAR_END = re.compile(r"(?<![\w'’-])fin\s+(?:de\s+)?$", re.IGNORECASE)
"""What opens a month at its end (`fin décembre 2023`, `à fin décembre 2023`)."""


def _year_before(period: str | None) -> str | None:
    """The year before a result's period (`2016` → `2015`), or None where the period is not dated by its year."""
    return str(int(period[:4]) - 1) if period and period[:4].isdigit() else None


def _fiscal_year(text: str, date: Slot) -> str:
    """A result's period: a figure at the end of December is the year's (`le PNB s'établit à 3,4 MMDH fin décembre
    2023`, `au 31 décembre 2023`: 2023); a bare month (`en décembre 2023`) stays a month."""
    value = date.value
    if value.endswith("-12-31") or value[4:] == "-12" and _YEAR_END.search(text, max(0, date.start - 10), date.start):
        return value[:4]
    return value


def _bare_sum(text: str, sentence: tuple[int, int], slots: Sequence[Slot]) -> bool:
    """Whether a sentence is a sum alone, maybe exclaimed (`Plus de 90 MDH !`), that a cleft after it may point to."""
    rest = text[sentence[0] : sentence[1]]
    for slot in sorted((s for s in slots if s.kind == "amount"), key=lambda s: s.start, reverse=True):
        rest = rest[: slot.start - sentence[0]] + rest[slot.end - sentence[0] :]
    return rest.rstrip().endswith("!") or len(re.findall(r"\w+", rest)) <= 3


def _dateline(text: str, city: Slot) -> bool:
    """Whether a city opens a line before a dash (`Rabat – La société X…`, `Casablanca (MAP) - `): the place the
    dispatch was written in, not where the event happens."""
    line_start = text.rfind("\n", 0, city.start) + 1
    return not text[line_start : city.start].strip() and _DATELINE_END.match(text, city.end) is not None


def _city_named_in(name: str | None, cities: list[str]) -> str | None:
    """The city whose name a facility's name holds (`Clinique Al Amal Fès` → Fès), or None."""
    if name is None:
        return None
    return next((city for city in cities if re.search(rf"(?<![\w-]){re.escape(city)}(?![\w-])", name)), None)


def _without_acronyms(text: str, slots: list[Slot]) -> list[Slot]:
    """The slots but a name's acronym in parentheses right after it (`l'Union pour la Méditerranée (UpM)`): one
    mention, not two, when counting how often an organisation is named."""
    return [s for i, s in enumerate(slots) if not (
        i and s.kind == "org" and slots[i - 1].kind == "org" and slots[i - 1].value == s.value
        and text[slots[i - 1].end : s.start].strip() == "(" and text[s.end : s.end + 1] == ")")]


def _topic(slots: list[Slot], first_subject: Callable[[], str | None], lead_end: int) -> str | None:
    """The organisation the text is about: the one named most often (the first named, on a tie); where none is named
    twice, the first named as a subject, else the first named in the lead (ending at ``lead_end``), but not an
    organisation the text only cites further on (`selon l'OMS`)."""
    counts: dict[str, int] = {}
    for slot in slots:
        if slot.kind == "org":
            counts[slot.value] = counts.get(slot.value, 0) + 1
    best = max(counts, key=lambda name: counts[name]) if counts else None
    if best is not None and counts[best] > 1:
        return _local_branch(best, counts) or best
    if (first := first_subject()) is not None:
        return first
    return next((s.value for s in slots if s.kind == "org" and s.start < lead_end), None)


def _local_branch(name: str, names: Iterable[str]) -> str | None:
    """The Moroccan subsidiary of ``name`` named in the text (`X Maroc`, `X-Maroc` beside `Groupe X` or `X Ltd`): in
    Moroccan press, what the group does in the country, its local company does."""
    words = set(normalize_name(name).split())
    return next((other for other in names if other != name and (parts := normalize_name(other).replace("-", " ").split())
                 and parts[-1] == "maroc" and " ".join(parts[:-1]) in words), None)


def _noun_phrase(reference: re.Match[str] | None) -> bool:
    """Whether a generic reference is a noun phrase (`le deuxième groupe bancaire`), not a pronoun or a possessive: only
    a noun phrase with no subject before it stands for the organisation the text is about."""
    return reference is not None and re.search(r"\s", reference.group()) is not None


def _located(text: str, events: list[Event], sentences: list[Span], cities: list[Slot], rules: EventRules) -> None:
    """An opening whose sentence names no city takes the one the sentence before it places a facility in (`Située à
    Casablanca, la nouvelle usine…`, `cette unité, qui se situe à X`): one city so introduced, and only one. Failing
    that, an opening told of a facility named by a definite or demonstrative noun before its trigger (`La nouvelle
    usine ouvrira ses portes fin 2018`) takes the city one of the three sentences before it last placed a facility in
    (`une seconde unité de production, à Berrechid`)."""
    for event in events:
        if event.type != "opening" or event.roles["city"] is not None or not event.evidence:
            continue
        here, previous = _cities_before(event, sentences, cities)
        if not here or sentences[here] != event.evidence[0]:
            continue
        start = sentences[here - 1][0]
        placed = {c.value for c in previous if rules.location.search(text, max(start, c.start - 40), c.start)}
        if len(placed) == 1:
            event.roles["city"] = placed.pop()
        elif not placed and rules.facility_reference.search(text, sentences[here][0], event.at):
            start = sentences[max(0, here - 3)][0]
            before = [c for c in cities if start <= c.start < sentences[here][0]
                      and rules.placed_facility.search(text, max(start, c.start - 90), c.start)]
            if before:
                event.roles["city"] = before[-1].value


def _cities_before(event: Event, sentences: list[Span], cities: list[Slot]) -> tuple[int, list[Slot]]:
    """The index of the sentence an event's evidence opens in and the cities of the sentence before it; 0 and none
    where there is no sentence before it."""
    here = bisect_left(sentences, event.evidence[0])
    if not 0 < here < len(sentences):
        return 0, []
    start, end = sentences[here - 1]
    return here, [c for c in cities if start <= c.start < end]


def _into_capital(text: str, events: list[Event], sentences: list[Span], sum_anaphor: re.Pattern[str]) -> list[Event]:
    """An investment followed by a sentence that opens on its sum and tells a funding with no sum of its own (`X a injecté
    120 MDH. Ce montant a été mobilisé dans le cadre d'une augmentation du capital de sa filiale Y`) put the money
    into Y's capital: a funding of Y by X (section 7)."""
    starts = [start for start, _ in sentences]
    out = list(events)
    for i, spent in enumerate(events):
        if spent.type != "investment" or not spent.complete() or not spent.evidence:
            continue
        after = bisect_right(starts, spent.evidence[-1][0])
        if after >= len(sentences) or not sum_anaphor.match(text, sentences[after][0]):
            continue
        raised = next((e for e in events[i + 1 :] if e.type == "funding" and sentences[after] in e.evidence
                       and e.roles["recipient"] and not e.roles["amount"]), None)
        if raised is not None and normalize_name(raised.roles["recipient"]) != normalize_name(spent.roles["investor"]):
            out[i] = Event("funding", spent.trigger, {
                **empty_roles("funding"), "recipient": raised.roles["recipient"], "investors": [spent.roles["investor"]],
                "amount": spent.roles["amount"], "date": spent.roles["date"]}, spent.evidence + raised.evidence, spent.at,
                raised.frame)
    return out


def _placed(events: list[Event]) -> list[Event]:
    """An investment that names no city takes the city of the one opening its investor tells (`une usine à X … pour un
    investissement de 60 MDH`), where there is one."""
    for event in events:
        if event.type == "investment" and event.roles["city"] is None and event.roles["investor"]:
            cities = {o.roles["city"] for o in events if o.type == "opening"
                      and normalize_name(o.roles["operator"]) == normalize_name(event.roles["investor"])}
            if len(cities) == 1:
                event.roles["city"] = cities.pop()
    return events


def _sited(events: list[Event], sentences: list[Span], cities: list[Slot]) -> list[Event]:
    """An investment whose clause and opening name no city is in the one city the sentence before it names (`Le groupe
    lance un grand projet de santé à Agadir. Pour un investissement de 240 MDH, il…`), where it names one only."""
    for event in events:
        if event.type != "investment" or event.roles["city"] is not None or not event.evidence:
            continue
        before = {c.value for c in _cities_before(event, sentences, cities)[1]}
        if len(before) == 1:
            event.roles["city"] = before.pop()
    return events


def _after_results(new: list[Event], earlier: list[Event]) -> list[Event]:
    """New results that name no organisation belong to the one whose result was read last (`Atlantis a publié… ses
    primes émises atteignent… Le résultat net ressort à…`), rather than to the text's topic; one that names no period
    is of the period of the last result that names one (not of a figure of the period compared with)."""
    named = next((e.roles["org"] for e in reversed(earlier) if e.type == "result" and e.roles["org"]
                  and "org" not in e.from_topic), None)
    for event in new if named is not None else ():
        if event.type == "result" and "org" in event.from_topic:
            event.roles["org"] = named
            event.from_topic = tuple(r for r in event.from_topic if r != "org")
    read: dict[int, Event] = {}  # the event each trigger read first (the others: figures of periods compared with)
    for event in earlier:
        read.setdefault(event.at, event)
    period = next((e.roles["period"] for e in reversed(earlier) if e.type == "result" and e.roles["period"]
                   and e.complete() and read[e.at] is e), None)
    if new and new[0].type == "result" and new[0].roles["period"] is None:
        new[0].roles["period"] = period  # `Au terme de l'exercice 2016, le CA… L'EBE ressort à…`: the same period (but
        # not for the figures of the period compared with, read after it)
    return new


def _to_owner(events: list[Event], topic: str | None, groups: list[Slot],
              first_subject: Callable[[Callable[[str], bool]], str | None], lead_end: int) -> None:
    """Where the organisation the text is about is a facility it tells opening (`la clinique X, inaugurée…`), the
    roles that fell to it go to the group the text is about (``groups`` and ``subjects``: the slots and subjects but
    those of organisations not named as a group, `groupe`, `holding`; ``first_subject(keep)`` is the first such
    subject that ``keep`` accepts): the facility's owner."""
    opened = {e.roles["facility"] for e in events if e.type == "opening" and e.roles["facility"] is not None}
    if topic not in opened:
        return
    owner = _topic([s for s in groups if s.kind != "org" or s.value not in opened],
                   lambda: first_subject(lambda name: name not in opened), lead_end)
    for event in events if owner is not None else ():
        for role in event.from_topic:
            event.roles[role] = owner


def _in_name(trigger: Trigger, slots: list[Slot]) -> bool:
    """Whether a trigger word is part of an organisation's name (`Crédit Souss`, `Fonds Atlas d'Investissement`): a
    word of the name, no trigger."""
    return any(s.kind == "org" and not s.generic and s.start <= trigger.start and trigger.end <= s.end for s in slots)


def _inside_any(spans: list[Span], longest: int, start: int, end: int) -> bool:
    """Whether ``start``-``end`` lies inside one of ``spans`` (sorted, none longer than ``longest``): only the spans
    that begin close enough before it are looked at, so that a long text costs no more per word than a short one."""
    first, last = bisect_left(spans, (start - longest,)), bisect_right(spans, (start, float("inf")))
    return any(spans[k][1] >= end for k in range(first, last))


def _distance(slot: Slot, trigger: Trigger) -> int:
    """Characters between a slot and a trigger; slots before the trigger count a little further."""
    if slot.start >= trigger.end:
        return slot.start - trigger.end
    return (trigger.start - slot.end) + 1


def _amount_list(text: str, primary: Slot, in_scope: list[Slot], rules: EventRules) -> list[dict]:
    """The chosen amount and the same sum in other currencies right beside it (`458 MDH (42 M€)`, `soit …`)."""
    amounts = sorted((s for s in in_scope if s.kind == "amount"), key=lambda s: s.start)
    i = amounts.index(primary)
    chain = [primary]
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(amounts):
            a, b = (amounts[j], amounts[j + step]) if step == 1 else (amounts[j + step], amounts[j])
            if not rules.amount_link.fullmatch(text[a.end : b.start]) or b.end - a.start > 120:
                break
            j += step
            chain.append(amounts[j])
    currencies = {primary.value[1]}
    result = [{"value": primary.value[0], "currency": primary.value[1]}]
    for slot in sorted(chain[1:], key=lambda s: s.start):
        if slot.value[1] not in currencies:
            currencies.add(slot.value[1])
            result.append({"value": slot.value[0], "currency": slot.value[1]})
    return result


def _unique(items) -> list:
    """The items, each once, in order."""
    out: list = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _same_value(a: Any, b: Any, kind: str) -> bool:
    """Whether two role values name the same thing: names after normalisation, amounts sharing one sum."""
    if kind in ("org", "person", "city"):
        return normalize_name(a) == normalize_name(b)
    if kind == "amounts":
        return any(x["currency"] == y["currency"] and abs(x["value"] - y["value"]) <= 0.001 * max(x["value"], y["value"])
                   for x in a for y in b)
    return a == b


def _compatible(a: Event, b: Event) -> bool:
    """Same type, no key role in conflict, and at least one named key role shared."""
    if a.type != b.type:
        return False
    shared = waived = False
    for role in KEY_ROLES[a.type]:
        x, y = a.roles[role], b.roles[role]
        if x in (None, []) or y in (None, []):
            continue
        if "amount" in KEY_ROLES[a.type] and (role in a.from_topic or role in b.from_topic):
            waived = True  # guessed from the topic: yields to the name a clause gives for the same sum
            continue
        if not _same_value(x, y, ROLES[a.type][role]):
            return False
        shared = shared or ROLES[a.type][role] in ("org", "person") or waived and ROLES[a.type][role] == "amounts"
    return shared and not (a.type == "opening" and _other_dates(a.roles["date"], b.roles["date"]))


def _other_dates(a: str | None, b: str | None) -> bool:
    """Whether two dates are both stated and in different years (`2008` and `2009`; not `2024` and `2024-05`)."""
    return a is not None and b is not None and a[:4] != b[:4]


def _conflicts(a: Event, b: Event) -> bool:
    """Whether two readings of one event disagree on a key role both state."""
    return any(a.roles[r] not in (None, []) and b.roles[r] not in (None, [])
               and not _same_value(a.roles[r], b.roles[r], ROLES[a.type][r]) for r in KEY_ROLES[a.type])


def _absorb(into: Event, other: Event) -> None:
    """Fill ``into``'s unstated roles from ``other``, join lists, and add its evidence."""
    for role, kind in ROLES[into.type].items():
        mine, theirs = into.roles[role], other.roles[role]
        if kind == "orgs":
            into.roles[role] = mine + [n for n in theirs if n not in mine]
        elif kind in LIST_KINDS:
            if len(theirs) > len(mine):
                into.roles[role] = theirs
        elif mine is None or role in into.from_topic and role not in other.from_topic:
            into.roles[role] = theirs
    into.from_topic = tuple(r for r in into.from_topic if r in other.from_topic)
    into.evidence += [span for span in other.evidence if span not in into.evidence]


def merge(events: list[Event], sentences: Sequence[Span]) -> list[Event]:
    """One event per real-world event: complete events that repeat merge; partial and recalled ones only add to a
    complete one."""
    complete: list[Event] = []
    for event in (e for e in events if e.complete() and not e.recalled):
        twin = next((c for c in complete if _compatible(c, event)), None)
        if twin is None:
            complete.append(event)
        else:
            _absorb(twin, event)
    for event in (e for e in events if not e.complete() or e.recalled):
        twin = next((c for c in complete if _compatible(c, event)), None)
        if twin is not None:
            _absorb(twin, event)
    starts = [start for start, _ in sentences]
    complete = sorted((e for e in complete if not _total_of_others(e, complete, starts)), key=lambda e: e.at)
    return [e for i, e in enumerate(complete) if not any(_part_of(e, whole) for whole in complete[:i])]


def _total_of_others(total: Event, events: list[Event], sentence_starts: list[int]) -> bool:
    """Whether an investment, loan or funding's sum is the sum of those of two or three others of its type at most
    two sentences away (`Ils vont investir 912 MDH. Cet accord… X compte investir 450 MDH, tandis que Y nécessitera
    462 MDH`), and it names no organisation those leave unnamed: a total over many deals. The sums of one list read
    from one trigger (`100 MDH à Fès, 200 MDH à Meknès et 300 MDH à Taza`) are no total of one another."""
    if total.type not in ("investment", "loan", "funding"):
        return False
    if _joint_total(total, events):
        return True
    sentence = bisect_right(sentence_starts, total.at)
    near = [e for e in events if e is not total and e.type == total.type and e.at != total.at  # not one of its list
            and abs(bisect_right(sentence_starts, e.at) - sentence) <= 2]
    for whole in total.roles["amount"]:
        parts = [(a["value"], e) for e in near for a in e.roles["amount"]
                 if a["currency"] == whole["currency"] and a["value"] < whole["value"]]
        if any(abs(sum(v for v, _ in c) - whole["value"]) <= 0.001 * whole["value"]
               and _organisations(total) <= set().union(*(_organisations(e) for _, e in c))
               for n in (2, 3) for c in combinations(parts, n)):
            return True
    return False


JOINT_MARGIN = 0.05
"""How far a coordinated subject's sum may be from the sum of its members' own (`plus de 900 MDH` for 450 + 462)."""


def _joint_total(total: Event, events: list[Event]) -> bool:
    """Whether a sum put up by a coordinated subject (`A et B injectent plus de 900 MDH`) is, within a margin, the sum
    of sums of the same type that each of them puts up in the text: their two deals told together, no deal of its
    own."""
    key = next((r for r in KEY_ROLES[total.type] if ROLES[total.type][r] == "org"), None)
    if key is None or len(total.joint) < 2:
        return False
    members = {normalize_name(n) for n in total.joint}
    for whole in total.roles["amount"]:
        sums: dict[str, list[float]] = {}
        for e in events:
            if e is not total and e.type == total.type and e.at != total.at and e.roles[key] \
                    and (member := normalize_name(e.roles[key])) in members:
                sums.setdefault(member, []).extend(a["value"] for a in e.roles["amount"]
                                                   if a["currency"] == whole["currency"])
        if len(sums) == len(members) and any(abs(sum(c) - whole["value"]) <= JOINT_MARGIN * whole["value"]
                                             for c in product(*sums.values())):
            return True
    return False


def _organisations(event: Event) -> set[str]:
    """The organisations an event names, normalised."""
    names = (n for role, kind in ROLES[event.type].items() if kind in ("org", "orgs")
             for n in (event.roles[role] if kind == "orgs" else [event.roles[role]]) if n)
    return {normalize_name(n) for n in names}


def _part_of(part: Event, whole: Event) -> bool:
    """Whether an investment is a share of one told before (`Ledit plan prévoit une enveloppe de 26 MMDH pour la
    branche…` after a 51 MMDH plan): same investor, a smaller sum in the same currency, and no city of its own in
    either (a project with its own place and sum is an event of its own)."""
    if part.type != "investment" or whole.type != "investment" or part.roles["city"] or whole.roles["city"]:
        return False
    if part.roles["investor"] is None or normalize_name(part.roles["investor"]) != normalize_name(whole.roles["investor"] or ""):
        return False
    return any(x["currency"] == y["currency"] and x["value"] < y["value"] for x in part.roles["amount"]
               for y in whole.roles["amount"])
