"""What long commands say on stderr: that the model is loading, then a progress bar over articles."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def say_loading() -> None:
    """Tell the user why nothing happens for a few seconds (for ``Extractor(on_load=...)``)."""
    print("loading model…", file=sys.stderr, flush=True)


def progress(items: Iterable[T], total: int, enabled: bool = True, unit: str = "article") -> Iterator[T]:
    """Yield ``items``, with a bar on stderr when enabled and stderr is a terminal.

    The bar appears with the first item, so that a model loaded for it ("loading model…") is not
    counted in the rate and the two messages do not share a line.
    """
    iterator = iter(items)
    if not enabled or not sys.stderr.isatty():
        yield from iterator
        return
    try:
        first = next(iterator)
    except StopIteration:
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=unit, file=sys.stderr, dynamic_ncols=True) as bar:
        bar.update(1)
        yield first
        for item in iterator:
            bar.update(1)
            yield item
