"""Traits packed into one 64-bit word per component, to count the clashes of many pairs at once.

Each trait takes a field of ``64 // traits`` bits: its top bit says the trait is given, the bits
below hold its code, folded when too large for them (``(code - 1) mod 2^(bits - 1)``): equal
codes stay equal, but two different codes may fold into one. So
:func:`TraitWords.at_most_one_clash` may miss a clash, never invent one: it is a prefilter that
leaves out only pairs that surely clash on two traits or more (``core/_clustering.py`` allows
one), and the pairs it keeps are tested on the real codes.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["TraitWords"]

Words = NDArray[np.uint64]
_MAX_TRAITS = 32  # a field needs two bits at least: its top bit and one below


class TraitWords:
    """Packs the trait codes of ``traits`` columns and compares packed words."""

    def __init__(self, traits: int) -> None:
        self.traits = traits
        self.usable = 1 <= traits <= _MAX_TRAITS
        self.bits = 64 // traits if self.usable else 64
        top, low = 0, 0
        for k in range(traits if self.usable else 0):
            top |= 1 << (k * self.bits + self.bits - 1)
            low |= ((1 << (self.bits - 1)) - 1) << (k * self.bits)
        self._top, self._low = np.uint64(top), np.uint64(low)

    def pack(self, codes: NDArray[np.signedinteger]) -> Words:
        """One word per row of ``codes`` (rows of non-negative trait codes, 0: not given).

        >>> words = TraitWords(2)
        >>> [hex(int(w)) for w in words.pack(np.array([[1, 0], [3, 2]]))]
        ['0x80000000', '0x8000000180000002']
        """
        words = np.zeros(codes.shape[0], dtype=np.uint64)
        if not self.usable:
            return words
        span, flag = np.uint64(1 << (self.bits - 1)), np.uint64(1 << (self.bits - 1))
        for k in range(self.traits):
            code = codes[:, k].astype(np.uint64)
            field = np.where(code == 0, np.uint64(0), flag | (code - np.uint64(1)) % span)
            words |= field << np.uint64(k * self.bits)
        return words

    def at_most_one_clash(self, a: Words, b: Words) -> NDArray[np.bool_]:
        """Whether each pair of words disagrees on at most one trait that both give.

        >>> words = TraitWords(3)
        >>> one, other = words.pack(np.array([[1, 2, 0]])), words.pack(np.array([[3, 4, 5]]))
        >>> bool(words.at_most_one_clash(one, other)[0]), bool(words.at_most_one_clash(one, one)[0])
        (False, True)
        """
        # Per field: the codes differ (adding the low mask carries into the top bit) and
        # both are given (both top bits); no carry crosses a field.
        clash = (((a ^ b) & self._low) + self._low) & a & b & self._top
        alone: NDArray[np.bool_] = (clash & (clash - np.uint64(1))) == 0  # no second bit
        return alone
