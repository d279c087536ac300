"""Name normalisation for comparison, as defined in ANNOTATION.md section 3."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Applied before NFKC, which would split ``´`` into a space and an accent; a soft hyphen is invisible.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "\u00ad": None})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:l'|(?:le|la|les) )")
PLURAL_ENDINGS = "sx"  # the letters a French plural ends with (maisons, bureaux)


def strip_accents(text: str) -> str:
    """Remove combining accents (``é`` → ``e``)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Normalise a name: NFKC, lower case, no accents, one apostrophe and dash, no leading article."""
    text = unicodedata.normalize("NFKC", text.translate(_APOSTROPHES)).lower()
    text = _DASHES.sub("-", strip_accents(text))
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_ARTICLE.sub("", text).lstrip()


def normalize_unit(text: str) -> str:
    """Normalise a count's unit: as a name, with ``²`` → ``2`` and a final ``s`` or ``x`` dropped."""
    text = normalize_name(text.replace("²", "2"))
    if len(text) > 1 and text[-1] in PLURAL_ENDINGS:
        text = text[:-1]
    return text
