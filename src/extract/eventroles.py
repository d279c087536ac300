"""The event contract (ANNOTATION.md section 7): the roles of each event type, what fills them, which are key."""
from __future__ import annotations

EVENT_TYPES = ("funding", "acquisition", "investment", "loan", "result", "opening", "appointment")

# Per type, in schema order: role → what fills it. ``org``, ``person``, ``city``: a name; ``orgs``: a list of
# names; ``date``: a date value; ``amounts``: [{value, currency}]; ``counts``: [{value, unit}]; ``text``/``metric``.
ROLES: dict[str, dict[str, str]] = {
    "funding": {"recipient": "org", "investors": "orgs", "amount": "amounts", "stake": "counts", "date": "date"},
    "acquisition": {
        "buyer": "org", "target": "org", "seller": "org", "amount": "amounts", "stake": "counts", "date": "date",
    },
    "investment": {"investor": "org", "amount": "amounts", "city": "city", "date": "date"},
    "loan": {"lender": "org", "borrower": "org", "amount": "amounts", "date": "date"},
    "result": {"org": "org", "metric": "metric", "amount": "amounts", "period": "date"},
    "opening": {"operator": "org", "city": "city", "facility": "org", "capacity": "counts", "date": "date"},
    "appointment": {"person": "person", "org": "org", "role": "text", "date": "date"},
}

KEY_ROLES: dict[str, tuple[str, ...]] = {
    "funding": ("recipient", "amount"),
    "acquisition": ("buyer", "target"),
    "investment": ("investor", "amount"),
    "loan": ("lender", "amount"),
    "result": ("org", "metric", "amount"),
    "opening": ("operator", "city"),
    "appointment": ("person", "org"),
}

METRICS = ("revenue", "net_income", "operating_income", "ebitda")
LIST_KINDS = frozenset({"orgs", "amounts", "counts"})


def empty_roles(event_type: str) -> dict:
    """Every role of ``event_type``, unstated: null, or [] for a list."""
    return {role: [] if kind in LIST_KINDS else None for role, kind in ROLES[event_type].items()}
