"""Join sightings into cameras on numpy arrays, the most alike pair first.

A *component* stands for one camera. Its position is the accuracy-weighted mean of its
sightings (weights 1/accuracy², so its own accuracy is 1/sqrt(Σ weights)); it holds at most
one sighting per survey; its kind and OSM node are those of its sightings; its traits are
the values most of its sightings give (a majority vote), its height their mean, its single
bearings an arc.

A pair of components scores its distance over its reach (``radius + 2.5 × sqrt(acc_a² +
acc_b²)``: a street's width plus what two fixes of one spot disagree by, 99.9 % of the time
when accuracies are 68 % radii), plus a penalty for the arc their bearings would span, for
each trait they disagree on, and for bearings further apart than the tolerance. They may
join with a score of at most 1: the more they disagree, the closer they must be. One join
may bring one disagreement (a wrong value in one sighting), a camera two in all.

Pairs join by stages: those scoring up to a quarter, then half, then all of the limit. In a
stage every component proposes its best partner and mutual proposals join at once; the best
valid pair is always mutual, so this is "best pair first" run in parallel. There is no
Python loop over sightings or pairs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from contrechamp.core._trait_words import TraitWords
from contrechamp.core.proximity import PairFilter, pairs_within

__all__ = ["Points", "cluster", "cover_arcs"]

FloatArray = NDArray[np.float64]
IndexArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
Codes = NDArray[np.signedinteger[Any]]

_STAGES = (0.25, 0.5, 1.0)
_ACCURACY_SPAN = 2.5  # reach = radius + this × sqrt(acc_a² + acc_b²)
_DIRECTION_WEIGHT = 0.25  # a pair's score: distance / reach + this × arc / tolerance...
_CLASH_PENALTY = 0.25  # ...+ this for each trait the two disagree on...
_TURNED_PENALTY = 0.6  # ...or this when their bearings span more than the tolerance
_MAX_CLASHES = 1  # disagreements one join may bring...
_MAX_TOTAL_CLASHES = 2  # ...and one camera may hold
_HEIGHT_SPREAD_M = 2.5  # heights are guessed from the pavement: 3 m and 5 m agree
_SAME_NODE_BONUS = 1.0  # two sightings of one OSM node go before any other pair


@dataclass(frozen=True)
class Points:
    """The sightings as arrays, one entry each.

    ``accuracy`` in metres (already defaulted and bounded); ``survey`` numbers the surveys
    from 0; ``kind`` 0 when unknown, else a family code (equal codes are compatible);
    ``osm`` the linked node id or 0; ``bearing`` the single direction in degrees or NaN;
    ``traits`` one column per trait, 0 when not given, else a code (equal codes agree);
    ``height`` in metres or NaN; sightings with equal ``seed`` start as one component; two
    components that both hold a ``locked`` sighting never join.
    """

    x: FloatArray
    y: FloatArray
    accuracy: FloatArray
    survey: IndexArray
    kind: IndexArray
    osm: IndexArray
    bearing: FloatArray
    traits: NDArray[np.int64]
    height: FloatArray
    seed: IndexArray
    locked: BoolArray


def cover_arcs(
    centre_a: FloatArray, half_a: FloatArray, centre_b: FloatArray, half_b: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """The smallest arc covering two arcs (centre and half-width in degrees; NaN: no arc).

    >>> centre, half = cover_arcs(np.array([350.0]), np.array([0.0]), np.array([20.0]), np.zeros(1))
    >>> float(centre[0]), float(half[0])
    (5.0, 15.0)
    >>> none, zero = np.array([np.nan]), np.zeros(1)
    >>> [float(v[0]) for v in cover_arcs(none, zero, np.array([90.0]), zero)]
    [90.0, 0.0]
    """
    offset = (centre_b - centre_a + 180.0) % 360.0 - 180.0
    low = np.minimum(-half_a, offset - half_b)
    high = np.maximum(half_a, offset + half_b)
    centre = (centre_a + (low + high) / 2.0) % 360.0
    half = (high - low) / 2.0
    none_a, none_b = np.isnan(centre_a), np.isnan(centre_b)
    centre = np.where(none_a, centre_b, np.where(none_b, centre_a, centre))
    half = np.where(none_a, half_b, np.where(none_b, half_a, half))
    return centre, half


def _covering_half(
    centre_a: FloatArray, half_a: FloatArray, centre_b: FloatArray, half_b: FloatArray
) -> FloatArray:
    """The half-width of :func:`cover_arcs`'s arc alone (the fast path for many pairs)."""
    offset = centre_b - centre_a
    offset -= 360.0 * np.round(offset / 360.0)
    half: FloatArray = np.maximum(half_a, offset + half_b) - np.minimum(-half_a, offset - half_b)
    return np.where(np.isnan(offset), np.maximum(half_a, half_b), half / 2.0)


def _vote(code_a: Codes, votes_a: Codes, code_b: Codes, votes_b: Codes) -> tuple[Codes, Codes]:
    """Join two majority votes (Boyer–Moore): the value with more votes keeps the margin;
    a tie leaves no value (code 0).

    >>> code, votes = _vote(np.array([1, 1, 1]), np.array([2, 1, 0]),
    ...                     np.array([2, 2, 2]), np.array([1, 1, 1]))
    >>> code.tolist(), votes.tolist()
    ([1, 0, 2], [1, 0, 1])
    """
    none_a, none_b = votes_a == 0, votes_b == 0
    same = code_a == code_b
    code = np.where(none_a | (~none_b & ~same & (votes_b > votes_a)), code_b, code_a)
    votes = np.where(same, votes_a + votes_b, np.abs(votes_a - votes_b))
    votes = np.where(none_a, votes_b, np.where(none_b, votes_a, votes))
    return np.where(votes == 0, 0, code), votes


def _survey_bits(survey: IndexArray) -> tuple[IndexArray, NDArray[np.uint64]]:
    """Each sighting's survey as a word index and a bit in a mask of 64-bit words."""
    return survey // 64, np.left_shift(np.uint64(1), (survey % 64).astype(np.uint64))


class _Components:
    """The components as arrays indexed by component id (the id of their first sighting)."""

    def __init__(self, points: Points, radius: float, tolerance: float) -> None:
        self.radius, self.tolerance = radius, tolerance
        n = points.x.size
        _, first, inverse = np.unique(points.seed, return_index=True, return_inverse=True)
        self.start = first[inverse].astype(np.int64)  # each sighting's first component
        self.parent = np.arange(n, dtype=np.int64)
        self.alive = np.zeros(n, dtype=np.bool_)
        self.alive[first] = True
        weight = 1.0 / points.accuracy**2
        self.sw = np.bincount(self.start, weight, minlength=n)
        self.swx = np.bincount(self.start, weight * points.x, minlength=n)
        self.swy = np.bincount(self.start, weight * points.y, minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):  # 0/0: not a component
            self.x, self.y = self.swx / self.sw, self.swy / self.sw
        word, bit = _survey_bits(points.survey)
        self.mask = np.zeros((n, int(np.max(word, initial=0)) + 1), dtype=np.uint64)
        np.bitwise_or.at(self.mask, (self.start, word), bit)
        self.kind = np.zeros(n, dtype=np.int64)
        np.maximum.at(self.kind, self.start, points.kind)
        self.osm = np.zeros(n, dtype=np.int64)
        np.maximum.at(self.osm, self.start, points.osm)
        self.locked = np.zeros(n, dtype=np.bool_)
        np.logical_or.at(self.locked, self.start, points.locked)
        self._seed_arcs(points.bearing)
        self._seed_traits(points)
        self.clashes = np.zeros(n, dtype=np.int64)  # disagreements its joins brought
        # Tests that cannot fail are skipped (most merges link no node and keep nothing).
        self._any_node = bool(np.any(self.osm))
        self._any_locked = bool(np.any(self.locked))
        self._kinds_vary = np.unique(self.kind[self.kind != 0]).size > 1

    def _seed_traits(self, points: Points) -> None:
        """Traits (by majority vote) and mean height of each starting component."""
        n, columns = points.traits.shape
        self.traits = np.zeros((n, columns), dtype=np.int32)
        self.votes = np.zeros((n, columns), dtype=np.int32)
        for members in self._by_rank():
            at = self.start[members]
            given = points.traits[members]
            self.traits[at], self.votes[at] = _vote(
                self.traits[at], self.votes[at], given, (given != 0).astype(np.int32)
            )
        known = ~np.isnan(points.height)
        self.height_sum = np.bincount(self.start, np.where(known, points.height, 0.0), minlength=n)
        self.height_count = np.bincount(self.start, known.astype(np.float64), minlength=n)
        with np.errstate(invalid="ignore"):
            self.height = self.height_sum / self.height_count
        self.trait_words = TraitWords(columns)
        self.words = self.trait_words.pack(self.traits)

    def _by_rank(self) -> list[IndexArray]:
        """The sightings of the starting components, first members first, then seconds..."""
        order = np.argsort(self.start, kind="stable")
        owners = self.start[order]
        rank = np.arange(owners.size) - np.searchsorted(owners, owners)
        return [order[rank == r] for r in range(int(np.max(rank, initial=-1)) + 1)]

    def _seed_arcs(self, bearing: FloatArray) -> None:
        """The arc of each starting component: the smallest covering its members' bearings."""
        self.centre = np.full(bearing.size, np.nan)
        self.half = np.zeros(bearing.size)
        for members in self._by_rank():
            at = self.start[members]
            self.centre[at], self.half[at] = cover_arcs(
                self.centre[at], self.half[at], bearing[members], np.zeros(members.size)
            )

    def centres(self, ids: IndexArray) -> tuple[FloatArray, FloatArray]:
        """The positions of components ``ids``."""
        return self.x[ids], self.y[ids]

    def agreeing(self, ids: IndexArray) -> PairFilter:
        """What leaves out the pairs of components ``ids`` that surely clash on two traits
        or more (they may not join; see :meth:`evaluate`)."""
        return PairFilter(self.words[ids], self.trait_words.at_most_one_clash)

    def evaluate(
        self, a: IndexArray, b: IndexArray, limit: float = 1.0
    ) -> tuple[BoolArray, FloatArray]:
        """Which pairs of components may join with a score of at most ``limit``, and their
        scores (lower joins first; infinite for those that may not).

        The tests run one after the other on the pairs still in the running, the cheapest
        and most telling first: most pairs are out after the distance or two traits.
        """
        # Packed traits first: of millions of neighbours, most clash on two traits or more.
        live = np.flatnonzero(self.trait_words.at_most_one_clash(self.words[a], self.words[b]))
        score = self._distance_scores(a[live], b[live])
        near = score <= limit
        live, score = live[near], score[near]
        compatible = self._compatible(a[live], b[live])
        live, score = live[compatible], score[compatible]
        found, penalty = self._evidence(a[live], b[live], score, limit)
        live = live[found]  # found: positions among the live pairs
        valid = np.zeros(a.size, dtype=np.bool_)
        valid[live] = True
        result = np.full(a.size, np.inf)
        result[live] = score[found] + penalty
        return valid, result

    def _distance_scores(self, a: IndexArray, b: IndexArray) -> FloatArray:
        """Each pair's distance over its reach, less the bonus of one OSM node."""
        distance = np.hypot(self.x[a] - self.x[b], self.y[a] - self.y[b])
        reach = self.radius + _ACCURACY_SPAN * np.sqrt(1.0 / self.sw[a] + 1.0 / self.sw[b])
        score: FloatArray = distance / reach
        if self._any_node:
            osm_a, osm_b = self.osm[a], self.osm[b]
            score -= np.where((osm_a != 0) & (osm_a == osm_b), _SAME_NODE_BONUS, 0.0)
        return score

    def _compatible(self, a: IndexArray, b: IndexArray) -> BoolArray:
        """Pairs of different surveys, compatible kinds and OSM nodes, not both kept."""
        ok = self._apart(a, b)
        if self._kinds_vary:
            kind_a, kind_b = self.kind[a], self.kind[b]
            ok &= (kind_a == 0) | (kind_b == 0) | (kind_a == kind_b)
        if self._any_node:
            osm_a, osm_b = self.osm[a], self.osm[b]
            ok &= (osm_a == 0) | (osm_b == 0) | (osm_a == osm_b)
        if self._any_locked:
            ok &= ~(self.locked[a] & self.locked[b])
        return ok

    def _evidence(
        self, a: IndexArray, b: IndexArray, score: FloatArray, limit: float
    ) -> tuple[IndexArray, FloatArray]:
        """Which pairs (positions in a, b) stay within ``limit`` with their disagreements
        counted, and the penalty each of those gets; trait by trait, dropping the others."""
        live = np.arange(a.size)
        spread = 2.0 * _covering_half(self.centre[a], self.half[a], self.centre[b], self.half[b])
        turned = spread > self.tolerance
        penalty = np.where(turned, _TURNED_PENALTY, _DIRECTION_WEIGHT * spread / self.tolerance)
        clashes = turned.astype(np.int64)
        tests = [*(self.traits[:, k] for k in range(self.traits.shape[1])), None]
        for column in tests:
            keep = (score[live] + penalty <= limit) & (clashes <= _MAX_CLASHES)
            live, penalty, clashes = live[keep], penalty[keep], clashes[keep]
            ia, ib = a[live], b[live]
            if column is None:
                apart = np.abs(self.height[ia] - self.height[ib]) > _HEIGHT_SPREAD_M
                clash = apart  # NaN heights compare False: no clash
            else:
                ta, tb = column[ia], column[ib]
                clash = (ta != tb) & (ta != 0) & (tb != 0)
            clashes = clashes + clash
            penalty = penalty + _CLASH_PENALTY * clash
        ia, ib = a[live], b[live]
        keep = (
            (score[live] + penalty <= limit)
            & (clashes <= _MAX_CLASHES)
            & (self.clashes[ia] + self.clashes[ib] + clashes <= _MAX_TOTAL_CLASHES)
        )
        return live[keep], penalty[keep]

    def _clashes(self, a: IndexArray, b: IndexArray) -> IndexArray:
        """On how many traits each pair disagrees (the values most of their sightings give;
        bearings aside)."""
        ta, tb = self.traits[a], self.traits[b]
        clash = (ta != tb) & (ta != 0) & (tb != 0)
        heights = np.abs(self.height[a] - self.height[b]) > _HEIGHT_SPREAD_M  # NaN: False
        counts: IndexArray = clash.sum(axis=1) + heights
        return counts

    def _apart(self, a: IndexArray, b: IndexArray) -> BoolArray:
        """Whether components hold sightings of different surveys only."""
        if self.mask.shape[1] == 1:  # up to 64 surveys: one word, compared without a reduction
            words = self.mask[:, 0]
            disjoint: BoolArray = (words[a] & words[b]) == 0
            return disjoint
        return ~np.any(self.mask[a] & self.mask[b], axis=1)

    def join(self, a: IndexArray, b: IndexArray) -> None:
        """Join each pair (a[k], b[k]); no component may appear twice in the pairs."""
        keep, gone = np.minimum(a, b), np.maximum(a, b)
        spread = 2.0 * _covering_half(
            self.centre[keep], self.half[keep], self.centre[gone], self.half[gone]
        )
        self.clashes[keep] += (
            self.clashes[gone] + self._clashes(keep, gone) + (spread > self.tolerance)
        )
        for total in (self.sw, self.swx, self.swy):
            total[keep] += total[gone]
        self.x[keep], self.y[keep] = self.swx[keep] / self.sw[keep], self.swy[keep] / self.sw[keep]
        self.mask[keep] |= self.mask[gone]
        self.kind[keep] = np.maximum(self.kind[keep], self.kind[gone])
        self.osm[keep] = np.maximum(self.osm[keep], self.osm[gone])
        self.locked[keep] |= self.locked[gone]
        self.traits[keep], self.votes[keep] = _vote(
            self.traits[keep], self.votes[keep], self.traits[gone], self.votes[gone]
        )
        self.words[keep] = self.trait_words.pack(self.traits[keep])
        self.height_sum[keep] += self.height_sum[gone]
        self.height_count[keep] += self.height_count[gone]
        with np.errstate(invalid="ignore"):
            self.height[keep] = self.height_sum[keep] / self.height_count[keep]
        self.centre[keep], self.half[keep] = cover_arcs(
            self.centre[keep], self.half[keep], self.centre[gone], self.half[gone]
        )
        self.alive[gone] = False
        self.parent[gone] = keep

    def labels(self) -> IndexArray:
        """Each sighting's final component id."""
        parent = self.parent.copy()
        while True:
            above = parent[parent]
            if np.array_equal(above, parent):
                return parent[self.start]
            parent = above


def _mutual_best(a: IndexArray, b: IndexArray, score: FloatArray, size: int) -> BoolArray:
    """The pairs that are the best pair of both their components (ties: the first pair)."""
    best = np.full(size, np.inf)
    np.minimum.at(best, a, score)
    np.minimum.at(best, b, score)
    pair = np.arange(a.size)
    first = np.full(size, a.size)
    for end in (a, b):
        at_best = score == best[end]
        np.minimum.at(first, end[at_best], pair[at_best])
    chosen: BoolArray = (first[a] == pair) & (first[b] == pair)
    return chosen


def _join_rounds(components: _Components, a: IndexArray, b: IndexArray, limit: float) -> int:
    """Join mutual best pairs among the candidate pairs until none is left; how many joined.

    Only the pairs touching a component that just joined are evaluated again: the others
    keep their validity and score.
    """
    valid, score = components.evaluate(a, b, limit)
    a, b, score = a[valid], b[valid], score[valid]
    joined = 0
    while a.size:
        chosen = _mutual_best(a, b, score, components.parent.size)
        if not chosen.any():
            break
        components.join(a[chosen], b[chosen])
        joined += int(chosen.sum())
        touched = np.zeros(components.parent.size, dtype=np.bool_)
        touched[a[chosen]] = touched[b[chosen]] = True
        a, b = components.parent[a], components.parent[b]
        apart = a != b
        a, b, score = a[apart], b[apart], score[apart]
        again = touched[a] | touched[b]
        valid, score[again] = components.evaluate(a[again], b[again], limit)
        keep = np.ones(a.size, dtype=np.bool_)
        keep[again] = valid
        a, b, score = a[keep], b[keep], score[keep]
    return joined


def cluster(points: Points, radius: float, tolerance: float) -> IndexArray:
    """Return each sighting's camera: the id of one sighting of its component."""
    components = _Components(points, radius, tolerance)
    if points.x.size < 2:
        return components.labels()
    widest = radius + _ACCURACY_SPAN * math.sqrt(2.0) * float(np.max(points.accuracy))
    for stage in _STAGES:
        ids = np.nonzero(components.alive)[0]
        a, b = pairs_within(*components.centres(ids), widest * stage, components.agreeing(ids))
        _join_rounds(components, ids[a], ids[b], stage)
    return components.labels()
