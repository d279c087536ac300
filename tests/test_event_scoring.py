"""Event matching and scoring (ANNOTATION.md section 7) on hand-made records, and gold validation of events."""
from __future__ import annotations

import re

import pytest

from extract.event_scoring import describe_event, event_totals, match_events, role_accuracy
from extract.gold import RecordError, validate_record
from extract.scoring import Tally

EMPTY = {"organizations": [], "people": [], "cities": [], "amounts": [], "dates": [], "counts": []}


def record(events: list[dict], **facts) -> dict:
    return {"id": "a", **EMPTY, **facts, "events": events}


def funding(recipient: str, amount: list[dict], investors: list[str] = (), date: str | None = None) -> dict:
    return {"type": "funding", "trigger": "levée", "roles": {
        "recipient": recipient, "investors": list(investors), "amount": amount, "stake": [], "date": date}}


def mad(value: float) -> dict:
    return {"value": value, "currency": "MAD"}


ORGS = [{"name": "Oncorad Group", "aliases": ["Oncorad"]}, {"name": "STOA", "aliases": []}]


def test_a_name_role_matches_through_the_aliases_of_the_facts_it_names() -> None:
    gold = record([funding("Oncorad Group", [mad(458e6)])], organizations=ORGS)
    predicted = record([funding("Oncorad", [mad(458e6)])], organizations=[{"name": "Oncorad", "aliases": []}])
    assert match_events(predicted, gold)["funding"].tally.tp == 1


def test_an_amount_matches_when_any_currency_of_one_equals_any_of_the_other() -> None:
    gold = record([funding("STOA", [mad(458e6), {"value": 42e6, "currency": "EUR"}])], organizations=ORGS)
    predicted = record([funding("STOA", [{"value": 42.02e6, "currency": "EUR"}])], organizations=ORGS)
    assert match_events(predicted, gold)["funding"].tally.tp == 1
    wrong = record([funding("STOA", [{"value": 458e6, "currency": "EUR"}])], organizations=ORGS)
    assert match_events(wrong, gold)["funding"].tally == Tally(0, 1, 1)


def test_a_gold_event_without_amount_leaves_the_amount_out_of_the_key() -> None:
    gold = record([funding("STOA", [])], organizations=ORGS)
    predicted = record([funding("STOA", [mad(1e6)])], organizations=ORGS)
    assert match_events(predicted, gold)["funding"].tally.tp == 1
    # the other way round is no match: the prediction misses a key role the gold states
    assert match_events(gold, record([funding("STOA", [mad(1e6)])], organizations=ORGS))["funding"].tally.tp == 0


def test_matching_is_one_to_one_and_per_type() -> None:
    gold = record([funding("STOA", [mad(5e6)])], organizations=ORGS)
    investment = {"type": "investment", "trigger": "investit",
                  "roles": {"investor": "STOA", "amount": [mad(5e6)], "city": None, "date": None}}
    predicted = record([funding("STOA", [mad(5e6)]), funding("STOA", [mad(5e6)]), investment], organizations=ORGS)
    scores = match_events(predicted, gold)
    assert scores["funding"].tally == Tally(1, 1, 0)
    assert scores["investment"].tally.fp == 1
    totals = event_totals([scores])
    assert (totals["micro"].tp, totals["micro"].fp, totals["micro"].fn) == (1, 2, 0)


def test_role_accuracy_over_matched_pairs_lists_as_sets() -> None:
    gold = record([funding("Oncorad Group", [mad(458e6)], ["STOA", "CDG Invest"], "2023-05")], organizations=ORGS)
    predicted = record([funding("Oncorad", [mad(458e6)], ["CDG Invest", "STOA"], "2023")], organizations=ORGS)
    scores = match_events(predicted, gold)
    accuracy = role_accuracy([(predicted, gold, scores)])
    assert (accuracy["funding.investors"].correct, accuracy["funding.investors"].total) == (1, 1)
    assert (accuracy["funding.date"].correct, accuracy["funding.date"].total) == (0, 1)
    assert "appointment.role" not in accuracy  # free text, not scored


def test_no_prediction_misses_every_gold_event() -> None:
    gold = record([funding("STOA", [mad(5e6)])], organizations=ORGS)
    assert match_events(None, gold)["funding"].tally.fn == 1


def test_describe_names_the_key_roles() -> None:
    assert describe_event(funding("STOA", [mad(5e6)])) == "funding: recipient=STOA, amount=5e+06 MAD"


@pytest.mark.parametrize(
    "event, message",
    [
        ({"type": "merger", "roles": {}}, "events[0].type"),
        ({"type": "funding", "roles": {"recipient": "X"}}, "events[0].roles.investors: missing"),
        (funding("X", [{"value": "5", "currency": "MAD"}]), "events[0].roles.amount[0].value"),
        (funding("X", [mad(5)], date="mai 2023"), "events[0].roles.date"),
        ({**funding("X", []), "roles": {**funding("X", [])["roles"], "buyer": "Y"}}, "buyer is no role"),
        ({"type": "result", "roles": {"org": "X", "metric": "sales", "amount": [], "period": None}}, "metric"),
    ],
)
def test_gold_events_are_validated(event, message) -> None:
    with pytest.raises(RecordError, match=re.escape(message)):
        validate_record(record([event]), "gold/a.json")


def test_a_record_without_events_is_still_valid() -> None:
    assert validate_record({"id": "a", **EMPTY}, "gold/a.json")
