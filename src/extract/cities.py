"""Cities: names found in the GeoNames gazetteer, kept where their context says they name a place."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, IS_PUNCT, LENGTH
from spacy.tokens import Doc

from extract.chrome import Layout
from extract.facts import NamedFact, Span, SpanIndex, forms_alternation, opening_letters, sentence_start
from extract.gazetteer import City, Gazetteer
from extract.rules import Rules
from extract.textnorm import normalize_name

_MAX_TOKENS = 4
_REGION_AFTER = re.compile(r"-[A-ZÀ-Ý]")  # Casablanca-Settat: a region
_REGION_BEFORE = re.compile(r"[A-Za-zÀ-ÿ]-$")
_NAME_AFTER = re.compile(r"[ \u00a0][A-ZÀ-Ý]")  # the first word of a longer name
_PARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:De|Da|Di|Del|Van|Von)\s$")
_WORD_BEFORE = re.compile(r"(^|[^\w'’])([A-ZÀ-Ý][\w'’-]*) $")
_COMMON_AFTER = re.compile(r"[ \u00a0]([A-ZÀ-Ý][\w'’]*)(?![\w'’-]|[ \u00a0][A-ZÀ-Ý])")  # one capitalised word, no more
_SENTENCE_START = sentence_start(".!?:")  # a colon opens one too
_PLACE_NAME = r"(?P<name>[A-ZÀ-Ý][\w'’-]+(?:[ \u00a0][A-ZÀ-Ý][\w'’-]+){0,2})(?![\w'’-])"


@dataclass(frozen=True)
class Context:
    """What a city candidate is read against: the chrome, and the spans of people, organisations and places."""

    layout: Layout
    people: SpanIndex
    orgs: SpanIndex
    locs: SpanIndex


class Tokens:
    """A doc's token offsets and punctuation flags, read in one pass (spaCy's Token objects are slow to make)."""

    def __init__(self, doc: Doc) -> None:
        starts, lengths, punct = doc.to_array([IDX, LENGTH, IS_PUNCT]).T if len(doc) else numpy.zeros((3, 0), int)
        self.start_array: numpy.ndarray = starts
        self.starts: list[int] = starts.tolist()
        self.ends: list[int] = (starts + lengths).tolist()
        self.punct: list[int] = punct.tolist()

    def capitalised(self, text: str) -> list[int]:
        """The indices of the tokens of ``text`` that begin with a capital, where a city name may begin."""
        first = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), numpy.uint32)[self.start_array]
        # an ASCII capital is one, any other letter outside ASCII is asked (a few in a text)
        found = numpy.flatnonzero((first >= ord("A")) & (first <= ord("Z")) | (first > 127)).tolist()
        return [i for i in found if text[self.starts[i]].isupper()]


def entity_spans(doc: Doc, label: str) -> list[Span]:
    """Character spans of the doc's entities of one label."""
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == label]


class CityFinder:
    """Finds city mentions in a doc, keeping those whose context says they name a place."""

    def __init__(self, gazetteer: Gazetteer, rules: Rules) -> None:
        conf = rules.cities
        self.gazetteer = gazetteer
        self.common = frozenset(normalize_name(w) for w in conf["common_words"])
        cues = "|".join(map(re.escape, conf["region_cues"]))
        self.region_before = re.compile(rf"\b{opening_letters(conf['region_cues'])}(?:{cues})\s+(?:de\s+|d['’]\s*|du\s+)?$")
        self.locative = frozenset(conf["locative_cues"])
        self.countries = frozenset(normalize_name(c) for c in conf["countries"] + conf["regions"])
        self.strong = frozenset(conf["strong_locative_cues"])
        self.preferred = frozenset(conf["preferred_countries"])
        self.large = conf["large_city_population"]
        self.org_cues = frozenset(conf["org_cues"])
        self.district_prefixes = frozenset(conf["district_prefixes"])
        self.first_names = rules.first_names
        self.adjective = re.compile(rules.adjective_regex)
        self.in_name_population = conf["city_in_name_population"]
        self.home = conf["preferred_countries"][0]
        bare = conf["place_nouns_without_de"]
        nouns = forms_alternation([noun for noun in conf["place_nouns"] if noun not in bare])
        bare, adjectives = forms_alternation(bare), forms_alternation(conf["place_noun_adjectives"])
        home = {name: country for country, names in conf["home_country_names"].items() for name in names}
        homes = forms_alternation(home)
        self.home_names = {normalize_name(name): country for name, country in home.items()}
        self.cued_place = re.compile(  # lower-case nouns only: not le Quartier Général
            rf"\b(?:(?:{bare})(?:\s+(?:{adjectives}))?\s+(?:de\s+|d['’]\s*|du\s+)?|(?:{nouns})(?:\s+(?:{adjectives}))?\s+(?:de\s+|d['’]\s*|du\s+)){_PLACE_NAME}"
            rf"|(?<![\w'’])à\s+{_PLACE_NAME.replace('name', 'at')}\s*(?:,\s*(?:au|en)\s+|\(\s*)(?P<home>{homes})(?![\w'’-])"
        )

    def find(self, doc: Doc, text: str, layout: Layout, people: list[dict], orgs: list[dict]) -> list[dict]:
        """City facts of ``doc`` (whose text is ``text``: spaCy rebuilds ``doc.text`` at each call, token by token):
        one per GeoNames id, with every mention, given its people and organisations."""
        org_names = {normalize_name(n) for o in orgs for n in [o["name"], *o["aliases"]]}
        surnames = {normalize_name(p["name"]).split()[-1] for p in people}
        context = Context(
            layout,
            SpanIndex(tuple(m) for p in people for m in p["mentions"]),
            SpanIndex(tuple(m) for o in orgs for m in o["mentions"]),
            SpanIndex(entity_spans(doc, "LOC")),
        )
        tokens = Tokens(doc)
        facts: dict[int | str, tuple[City, NamedFact]] = {}
        position = 0  # the first token not yet inside a city name
        for i in tokens.capitalised(text):
            hit = self._longest_match(tokens, text, i) if i >= position else None
            if hit is None:
                continue
            end_i, city = hit
            span = (tokens.starts[i], tokens.ends[end_i - 1])
            surface = text[span[0] : span[1]]
            key = normalize_name(surface)
            previous = doc[i - 1].lower_ if i > 0 else ""
            # a person's surname used alone (Selon Settat, …) names the person unless a preposition says place; a listed
            # district names a place even as a facility's name (la clinique Ain Borja)
            surname = key in surnames and (i == 0 or previous not in self.locative)
            if not surname and (key not in org_names or not city.geonameid) and self._names_place(text, previous, span, city, context):
                _, fact = facts.setdefault(city.geonameid or city.name, (city, NamedFact()))  # a district has no id
                if surface not in fact.forms:
                    fact.forms.append(surface)
                fact.mentions.append(span)  # spans come in text order, once each: not searched (a city may have many)
            position = end_i
        self._add_cued_places(text, context, facts)
        return [
            {
                "name": fact.forms[0],
                "country": city.country,
                "geonameid": city.geonameid or None,
                "aliases": fact.forms[1:],
                "mentions": sorted(map(list, fact.mentions)),
            }
            for city, fact in facts.values()
        ]

    def _add_cued_places(self, text: str, context: Context, facts: dict[int | str, tuple[City, NamedFact]]) -> None:
        """Add the names a place noun or the home country marks as a town or a district (le quartier X; à X, au
        Maroc), listed or not; in place."""
        taken = {span for _, fact in facts.values() for span in fact.mentions}
        free = lambda span: not (  # noqa: E731
            span in taken or context.layout.in_chrome(*span) or context.people.overlaps(span) or context.orgs.overlaps(span))
        for match in self.cued_place.finditer(text):
            group = "name" if match.group("name") else "at"
            surface = match.group(group)
            if not free(match.span(group)) or self._no_town(surface):
                continue
            city = self.gazetteer.lookup(surface)
            if city is None and " " not in surface and (group == "at" or self.adjective.match(surface.lower())):
                continue  # à Dieu, au Maroc; le quartier Ancien: one unlisted word is a town only after a place noun, no adjective
            if city is None:
                country = self.home_names[normalize_name(match.group("home"))] if match.group("home") else self._country_before(match.start(group), facts)
                city = City(0, surface, country, 0)
            _, fact = facts.setdefault(city.geonameid or normalize_name(city.name), (city, NamedFact()))
            if surface not in fact.forms:
                fact.forms.append(surface)
            # every mention of a name of several words, the cue given once (au quartier X Y … X Y compte 3 écoles)
            spans = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w'’-])", text)] if " " in surface \
                else [match.span(group)]
            for span in filter(free, spans):
                taken.add(span)
                fact.mentions.append(span)
            fact.mentions.sort()

    def _no_town(self, surface: str) -> bool:
        """A name a place cue may not make a town: a country, a common word, the home country, or one joining countries
        by a hyphen (Maroc-Algérie). No first-name test: Hay and Imi open towns' names as well as people's."""
        key = normalize_name(surface)
        return key in self.countries or key in self.common or key in self.home_names \
            or "-" in surface and any(normalize_name(part) in self.countries for part in surface.split("-"))

    def _country_before(self, start: int, facts: dict[int | str, tuple[City, NamedFact]]) -> str:
        """The country of the last city named before ``start``, else the first preferred country."""
        before = [(fact.mentions[0][0], city.country) for city, fact in facts.values() if fact.mentions[0][0] < start]
        return max(before)[1] if before else self.home

    def _longest_match(self, tokens: Tokens, text: str, i: int) -> tuple[int, City] | None:
        """The longest gazetteer name of at most ``_MAX_TOKENS`` tokens from the capitalised token ``i``, and its
        city; None when there is none, or when a country's name opens there (no ``Côte`` of ``Côte d'Ivoire``)."""
        start, ends, punct = tokens.starts[i], tokens.ends, tokens.punct
        for end_i in range(min(len(ends), i + _MAX_TOKENS), i, -1):
            if punct[end_i - 1]:
                continue
            surface = text[start : ends[end_i - 1]]
            if "\n" in surface:
                continue
            if normalize_name(surface) in self.countries:
                return None
            city = self.gazetteer.lookup(surface)
            if city is not None:
                return end_i, city
        return None

    def _names_place(self, text: str, previous: str, span: Span, city: City, context: Context) -> bool:
        if context.layout.in_chrome(*span) or context.people.overlaps(span):
            return False
        if _REGION_AFTER.match(text, span[1]) and self._hyphen_place(text, span[1]) \
                or _REGION_BEFORE.search(text[max(0, span[0] - 3) : span[0]]):
            return False  # a region such as Casablanca-Settat or Béni Mellal-Khénifra
        before = text[max(0, span[0] - 40) : span[0]].lower()
        if self.region_before.search(before):
            return False
        surface = text[span[0] : span[1]]
        tagged = context.locs.overlaps(span)
        if self._known_in_a_name(text, span, city, context):
            return True  # Tanger Med, Euronext Paris, Centre … Casablanca: a known city inside an organisation's name
        if surface.isupper() or _NAME_AFTER.match(text, span[1]) and not self._common_word_after(text, span, city):
            return False  # an acronym, or the first word of a longer name (Sidi Maârouf, Hay Riad)
        if _PARTICLE_BEFORE.search(text[max(0, span[0] - 5) : span[0]]):
            return False  # a surname after its capitalised particle (De Vinci, Da Costa)
        if previous in self.district_prefixes:
            return False  # Hay Riad, Sidi Maârouf: a district named after something else
        containing = context.orgs.containing(span)
        if not city.geonameid and (len(surface.split()) > 1 and not context.orgs.overlaps(span) or containing):
            return True  # a listed district (no GeoNames id): Derb Kabir in a list, Agdal in a facility's name
        if normalize_name(surface) in self.common:
            return tagged and (previous in self.strong or previous in self.org_cues)
        known = city.country in self.preferred or city.population >= self.large
        if containing:
            # inside a name: after "de"/"à" (Centre … de Casablanca), or a known city closing a name the model
            # reads as a place (not Gaz of X Gaz, a hamlet somewhere)
            return previous in self.org_cues or (tagged and known and any(o[1] == span[1] for o in containing))
        if context.orgs.overlaps(span) or self._glued_after_name(text, span):
            return False
        # a small town abroad met through one of its other spellings (Nike for Nīkêh) needs a strong cue: à, depuis
        other_spelling = normalize_name(surface) != normalize_name(city.name)
        return tagged and (known or previous in self.locative and not other_spelling) or (previous in self.locative and known) \
            or previous in self.strong

    def _known_in_a_name(self, text: str, span: Span, city: City, context: Context) -> bool:
        """A populous city inside an organisation's name that does not open a hyphenated place (Tanger Med, Nador
        West Med, Euronext Paris; not Casablanca-Settat)."""
        return self._populous(text[span[0] : span[1]], city) and bool(context.orgs.containing(span)) \
            and not (_REGION_AFTER.match(text, span[1]) and self._hyphen_place(text, span[1]))

    def _populous(self, surface: str, city: City) -> bool:
        """A city populous enough to be meant inside a longer name, spelled as GeoNames names it (a Moroccan one may
        take another spelling if very large: Tanger, not Mohammadia; thresholds in rules/cities.json), no common word,
        first name or acronym."""
        key = normalize_name(surface)
        main = key == normalize_name(city.name)  # Paris, Nador; not Part (Perth)
        home = city.country in self.preferred
        need = self.in_name_population["home" if main else "home_other_spelling"] if home else self.in_name_population["abroad"]
        if not city.geonameid or city.population < need or not (main or home):
            return False
        return key not in self.common and key not in self.first_names and not surface.isupper()

    def _common_word_after(self, text: str, span: Span, city: City) -> bool:
        """A populous city before one common word that ends the name (Tanger Med, Casablanca Marina): the city's
        port, quarter or site, so a mention of it."""
        word = _COMMON_AFTER.match(text, span[1])
        return bool(word) and normalize_name(word.group(1)) in self.common and self._populous(text[span[0] : span[1]], city)

    def _hyphen_place(self, text: str, end: int) -> bool:
        """Whether the word after a hyphen at ``end`` is a place too (Casablanca-Settat, not Tanger-Med)."""
        word = re.match(r"-([\w'’]+(?:[ -][A-ZÀ-Ý][\w'’]+)*)", text[end : end + 40])
        if not word:
            return True
        parts = [word.group(1), word.group(1).split()[0].split("-")[0]]
        return any(self.gazetteer.contains(w) and normalize_name(w) not in self.common or normalize_name(w) in self.countries for w in parts)

    def _glued_after_name(self, text: str, span: Span) -> bool:
        """A city word right after another capitalised word (Hay Riad, Bank Al-Maghrib) ends another name."""
        before = _WORD_BEFORE.search(text[max(0, span[0] - 30) : span[0]])
        if not before or before.group(2).lower() in self.locative:
            return False
        return not _SENTENCE_START.search(text[max(0, span[0] - 30 - 4) : span[0] - len(before.group(2)) - 1])
