"""Amounts of money: a number, a scale and a currency, in every press form."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from extract.facts import Allowed, SpanIndex, sentence_bounds
from extract.numbers import parse_number, scaled
from extract.quantities import Qualifiers, Quantity, alternation, find_numbers, number_regex, quantity_records
from extract.rules import Rules


class AmountFinder:
    """Finds sums of money in a text; its regexes are compiled once from the rules."""

    def __init__(self, rules: Rules) -> None:
        self.currencies = rules.currencies
        self.scales = {form: mult for form, (mult, _) in rules.scales.items()}
        words = [f for f, (_, kind) in rules.scales.items() if kind == "word"]
        prefixes = [f for f, (_, kind) in rules.scales.items() if kind == "prefix"]
        number = number_regex(rules)
        self.amount = re.compile(
            rf"(?P<num>{number_regex(rules, glued=True)})\s*"
            rf"(?:(?P<word>{alternation(words)})\s+(?:de\s+|d['’]\s*)?)?"
            rf"(?:(?P<prefix>{alternation(prefixes)})\s?(?:de\s+|d['’]\s*)?)?"
            rf"(?P<cur>{alternation(list(self.currencies))})(?![\w])"
        )
        big = [w for w in words if self.scales[w] >= 1e6] + [p for p in prefixes if self.scales[p] >= 1e6 and len(p) > 1]
        self.bare = re.compile(
            rf"(?P<num>{number})\s*(?:(?P<word>{alternation(big)})(?![\w])(?!\s*(?:de\s+(?!(?:plus|moins)\b)|d['’]))"
            r"(?![ \u00a0]+[A-Z]{2,}s?\b)"  # un million EVP, 3 millions TEU: a unit in capitals, not a sum
            rf"|(?=\s+(?:à|au|en|pour)\s+[A-ZÀ-Ý]))"
        )
        # a range opens with "entre … et", "de … à" or joins two numbers with a dash
        self.range_head = re.compile(
            rf"(?:(?i:\bentre)\s+(?P<num>{number})\s*(?:(?P<word>{alternation(words)})\s*)?et"
            rf"|(?i:\bde|\bd['’])\s*(?P<num2>{number})\s*(?:(?P<word2>{alternation(words)})\s*)?à"
            rf"|(?P<num3>{number})\s*(?:(?P<word3>{alternation(words)})\s*)?[-–])\s*$"
        )
        # an item of a list that shares the scale and currency of its last number: 20, 20 et 60 millions d'euros
        self.list_item = re.compile(
            rf"(?P<num>{number})\s*(?:(?P<word>{alternation(words)})\s*)?(?P<sep>,|\bet|\bou)\s*$"
        )
        prefixed = [c for c in self.currencies if not c[0].isalpha() or (c.isupper() and len(c) == 3)]
        # each currency checks from after itself that no letter, digit or sign stands before it: the regex then opens
        # with the currencies, and re skips to their first characters instead of trying every offset
        edged = "|".join(f"{re.escape(c)}(?<![\\w$€£]{re.escape(c)})" for c in sorted(prefixed, key=len, reverse=True))
        self.prefixed = re.compile(
            rf"(?P<cur>{edged})\s?(?P<num>{number})(?:\s*(?P<word>{alternation(words)})(?![\w]))?"
        )
        self.qualifiers = Qualifiers(rules)
        nouns = alternation(rules.numbers["money_nouns"]).replace("'", "['’]")
        self.money_noun = re.compile(rf"(?i)\b(?:{nouns})(?![\w])")

    def find(self, text: str, allowed: Allowed) -> list[dict]:
        """Amount facts in ``text``; ``allowed(start, end)`` says whether a span may be used."""
        found: list[Quantity] = []
        for match in find_numbers(self.amount, text):
            if not allowed(match.start(), match.end()):
                continue
            amount = self._read(text, match, self.currencies[match.group("cur")])
            if amount is None:
                continue
            found.append(amount)
            head = self.range_head.search(text[max(0, match.start() - 40) : match.start()])
            if head:
                offset = max(0, match.start() - 40)
                first = self._range_start(text, head, offset, match, amount)
                if first is not None and allowed(*first.mentions[0]):
                    found.append(first)
            else:
                found += self._list_items(text, match, amount, allowed)
        taken = SpanIndex(q.mentions[0] for q in found)  # what this loop adds ends before its next match
        for match in self.prefixed.finditer(text):
            if allowed(*match.span()) and not taken.overlaps(match.span()):
                amount = self._read(text, match, self.currencies[match.group("cur")])
                if amount is not None:
                    found.append(amount)
        found += self._inherited(text, found, allowed)
        return quantity_records(found, "currency")

    def _read(self, text: str, match: re.Match, currency: str, inherited: float = 1.0) -> Quantity | None:
        number = parse_number(match.group("num"))
        if number is None:
            return None
        scale = self._multiplier(match) if match.groupdict().get("word") or match.groupdict().get("prefix") else inherited
        qualifier, start = self.qualifiers.before(text, match.start())
        return Quantity(scaled(number, scale), currency, qualifier, text[start : match.end()], [(start, match.end())], scale)

    def _multiplier(self, match: re.Match) -> float:
        multiplier = 1.0
        for group in ("word", "prefix"):
            if match.groupdict().get(group):
                multiplier *= self.scales[match.group(group)]
        return multiplier

    def _range_start(self, text: str, head: re.Match, offset: int, match: re.Match, end: Quantity) -> Quantity | None:
        """The first end of a range (``entre 6.000 et 8.000 €``), in the second end's currency and scale."""
        suffix = next(g for g in ("", "2", "3") if head.group("num" + g))
        num_group, word_group = "num" + suffix, "word" + suffix
        number = parse_number(head.group(num_group))
        second = parse_number(match.group("num"))
        if number is None or second is None:
            return None
        word = head.group(word_group)
        if word:
            multiplier = self.scales[word]
        elif number < second:
            multiplier = self._multiplier(match)  # de 10 à 15 millions: the scale is shared
        elif number < end.value:
            multiplier = 1.0  # entre 500.000 et 1 million
        else:
            return None  # not a range: "en 2023 à 350 dirhams"
        start = offset + head.start(num_group)
        qualifier, q_start = self.qualifiers.before(text, start)
        end_of_mention = offset + (head.end(word_group) if word else head.end(num_group))
        return Quantity(scaled(number, multiplier), end.key, qualifier, text[q_start:end_of_mention], [(q_start, end_of_mention)])

    def _list_items(self, text: str, match: re.Match, last: Quantity, allowed: Allowed) -> list[Quantity]:
        """The numbers listed before an amount with its scale and currency (``750 et 350 millions de dirhams``,
        ``20, 20 et 60 millions d'euros``, ``200 ou 300 millions``): ``et`` or ``ou`` joins the last two, commas
        the others (``le 2, 300 DH`` is no list); a year (``en 2023 et 300 DH``) ends the list."""
        items: list[Quantity] = []
        pos, last_link = match.start(), True
        while True:
            offset = max(0, pos - 40)
            item = self.list_item.search(text[offset:pos])
            if item is None or (item.group("sep") == ",") == last_link:
                return items
            number = parse_number(item.group("num"))
            if number is None or re.fullmatch(r"(?:19|20)\d\d", item.group("num")):
                return items
            if item.group("word"):
                multiplier = self.scales[item.group("word")]
            else:
                multiplier = last.scale  # shared: 750 et 350 millions
                if scaled(number, multiplier) > 100 * last.value:
                    multiplier = 1.0  # 500.000 ou 1 million de dirhams
            start = offset + item.start("num")
            end = offset + (item.end("word") if item.group("word") else item.end("num"))
            if not allowed(start, end):
                return items
            qualifier, q_start = self.qualifiers.before(text, start)
            items.append(Quantity(scaled(number, multiplier), last.key, qualifier, text[q_start:end], [(q_start, end)], multiplier))
            pos, last_link = start, False

    def _inherited(self, text: str, found: list[Quantity], allowed: Allowed) -> list[Quantity]:
        """A bare ``870 millions``, or ``210 à Tanger`` in a list, after an amount in the same sentence
        takes its currency (and, for a list item, its scale)."""
        if not found:
            return []  # nothing to inherit from
        bounds = sentence_bounds(text)
        taken = SpanIndex(q.mentions[0] for q in found)
        by_start = sorted((q.mentions[0][0], i) for i, q in enumerate(found))  # to read one sentence's amounts only
        starts = [start for start, _ in by_start]
        extra = []
        for match in find_numbers(self.bare, text):
            span = (match.start(), match.end())
            if not allowed(*span) or taken.overlaps(span):
                continue
            if not match.group("word") and not self._list_item(text, match):
                continue
            sentence = bounds[bisect_right(bounds, match.start()) - 1]
            earlier = by_start[bisect_left(starts, sentence) : bisect_left(starts, match.start())]
            if earlier:
                # the last found of those in the sentence before, a conversion in parentheses aside when another is
                # outside: 435 millions de dirhams (40 millions d’euros) contre un objectif de 350 millions
                outside = [i for start, i in earlier if not self._in_parentheses(text, sentence, start)]
                last = found[max(outside or [i for _, i in earlier])]
                scale = last.scale
            elif match.group("word") and self.money_noun.search(text, sentence, match.start()):
                # a sentence that names a sum (Sur ce montant, 1,52 milliard…) goes on with its paragraph's currency
                paragraph = text.rfind("\n\n", 0, match.start())
                before = [i for start, i in by_start[: bisect_left(starts, match.start())] if start > paragraph]
                if not before:
                    continue
                last, scale = found[max(before)], 1.0
            else:
                continue
            amount = self._read(text, match, last.key, scale)
            if amount is not None:
                extra.append(amount)
        return extra

    @staticmethod
    def _in_parentheses(text: str, sentence: int, start: int) -> bool:
        """Whether ``start`` is inside parentheses opened in its sentence."""
        before = text[sentence:start]
        return before.count("(") > before.count(")")

    @staticmethod
    def _list_item(text: str, match: re.Match) -> bool:
        """A bare number after a comma, ``et`` or ``dont`` (``…, 210 à Tanger``), and not a year (``en 2023 à``)."""
        if re.fullmatch(r"(?:19|20)\d\d", match.group("num")):
            return False
        return bool(re.search(r"(?:[,;]|\b(?:et|dont|puis|contre|soit))\s*$", text[max(0, match.start() - 8) : match.start()]))
