"""extract: structured facts from French press articles."""
