"""Random edits of a text file: what a careless hand or a damaged disk does to an export."""

from __future__ import annotations

import random


def mutate(rng: random.Random, text: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        op = rng.randrange(4)
        at = rng.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(at, len(chars) - 1)]
        elif op == 1:
            chars.insert(at, rng.choice("\x00\r\n,\"'9-.:\udcffé\u202eＣ{}[]e"))
        elif op == 2 and chars:
            chars[min(at, len(chars) - 1)] = rng.choice('0123456789,;"\n')
        else:
            j = rng.randrange(len(chars) + 1)
            chars[at:at] = chars[j : j + rng.randrange(1, 30)]
    return "".join(chars)
