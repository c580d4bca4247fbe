"""Coreference scores: MUC, B³, CEAF-e and their CoNLL average, implemented from the papers.

A *clustering* is a list of clusters; a cluster is a collection of hashable mention ids.
The key (gold) and the response (system) need not hold the same mentions: a mention
only one side has ("twinless") is handled the way the CoNLL-2012 reference scorer
(Pradhan et al. 2014, "Scoring Coreference Partitions of Predicted Mentions") does:

* **MUC** (Vilain et al. 1995): recall = Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1), where p(K)
  is the partition of key cluster K by the response clusters, each mention of K
  that no response cluster holds being a part of its own; precision swaps the roles.
  Singletons contribute nothing.
* **B³** (Bagga & Baldwin 1998): recall = Σ_K Σ_R |K∩R|² / |K| over Σ_K |K|,
  precision = Σ_R Σ_K |K∩R|² / |R| over Σ_R |R| (a twinless mention shares nothing).
* **CEAF-e** (Luo 2005): the one-to-one alignment of key and response clusters that
  maximises Σ φ4(K, R) = Σ 2|K∩R| / (|K| + |R|); recall divides by the number of key
  clusters, precision by the number of response clusters.
* **CoNLL F1**: the unweighted mean of the three F1 scores.

Each score keeps its numerators and denominators (:class:`CorefScore`), so scores over
several documents add up the way the reference scorer micro-averages them.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

from claimgraph.eval.metrics import f1

Cluster = Collection[Hashable]
Clustering = Sequence[Cluster]


@dataclass(frozen=True)
class CorefScore:
    """Recall and precision as numerator/denominator pairs (summable across documents)."""

    r_num: float = 0.0
    r_den: float = 0.0
    p_num: float = 0.0
    p_den: float = 0.0

    def __add__(self, other: CorefScore) -> CorefScore:
        return CorefScore(self.r_num + other.r_num, self.r_den + other.r_den,
                          self.p_num + other.p_num, self.p_den + other.p_den)

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def as_dict(self, prefix: str) -> dict[str, float]:
        return {f"{prefix}_precision": self.precision, f"{prefix}_recall": self.recall, f"{prefix}_f1": self.f1}


def _sets(clusters: Iterable[Cluster]) -> list[frozenset[Hashable]]:
    """Non-empty clusters as sets; a mention may sit in one cluster only."""
    out: list[frozenset[Hashable]] = []
    seen: set[Hashable] = set()
    for c in clusters:
        s = frozenset(c)
        if not s:
            continue
        dup = s & seen
        if dup:
            raise ValueError(f"mention(s) in more than one cluster: {sorted(map(str, dup))[:3]}")
        seen |= s
        out.append(s)
    return out


def _index(clusters: list[frozenset[Hashable]]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> tuple[float, float]:
    where = _index(response)
    num = den = 0
    for k in key:
        parts = {where.get(m, ("alone", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return float(num), float(den)


def muc(key: Clustering, response: Clustering) -> CorefScore:
    """MUC link-based score (Vilain et al. 1995)."""
    k, r = _sets(key), _sets(response)
    r_num, r_den = _muc_side(k, r)
    p_num, p_den = _muc_side(r, k)
    return CorefScore(r_num, r_den, p_num, p_den)


def _b3_side(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> tuple[float, float]:
    where = _index(response)
    num = 0.0
    for k in key:
        shared: dict[int, int] = {}
        for m in k:
            if m in where:
                shared[where[m]] = shared.get(where[m], 0) + 1
        num += sum(n * n for n in shared.values()) / len(k)
    return num, float(sum(len(k) for k in key))


def b_cubed(key: Clustering, response: Clustering) -> CorefScore:
    """B³ mention-based score (Bagga & Baldwin 1998)."""
    k, r = _sets(key), _sets(response)
    r_num, r_den = _b3_side(k, r)
    p_num, p_den = _b3_side(r, k)
    return CorefScore(r_num, r_den, p_num, p_den)


def _best_alignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one alignment of rows to columns."""
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(weights, maximize=True)
    return float(sum(weights[i][j] for i, j in zip(rows, cols)))


def ceaf_e(key: Clustering, response: Clustering) -> CorefScore:
    """Entity-based CEAF with φ4 similarity (Luo 2005).

    Clusters that share no mention have similarity 0, so the optimal alignment is solved
    separately on each group of clusters connected by shared mentions (exactly the same
    optimum, and fast on corpora with thousands of clusters).
    """
    k, r = _sets(key), _sets(response)
    where = _index(r)
    # connected components of the bipartite "shares a mention" graph
    comp_of_r: dict[int, int] = {}
    components: list[tuple[list[int], list[int]]] = []
    for i, kc in enumerate(k):
        linked = sorted({where[m] for m in kc if m in where})
        if not linked:
            continue
        comps = sorted({comp_of_r[j] for j in linked if j in comp_of_r})
        if comps:
            target = comps[0]
            for other in comps[1:]:  # merge components joined by this key cluster
                ks, rs = components[other]
                components[target][0].extend(ks)
                components[target][1].extend(rs)
                for j in rs:
                    comp_of_r[j] = target
                components[other] = ([], [])
        else:
            target = len(components)
            components.append(([], []))
        components[target][0].append(i)
        for j in linked:
            if comp_of_r.get(j) != target:
                comp_of_r[j] = target
                components[target][1].append(j)
    total = 0.0
    for ks, rs in components:
        if not ks:
            continue
        weights = [[2 * len(k[i] & r[j]) / (len(k[i]) + len(r[j])) for j in rs] for i in ks]
        total += _best_alignment(weights)
    return CorefScore(total, float(len(k)), total, float(len(r)))


def conll(scores: dict[str, CorefScore]) -> float:
    """The CoNLL-2012 F1: the mean of the MUC, B³ and CEAF-e F1 scores."""
    return (scores["muc"].f1 + scores["b3"].f1 + scores["ceafe"].f1) / 3


def all_scores(key: Clustering, response: Clustering) -> dict[str, CorefScore]:
    """MUC, B³ and CEAF-e of one key/response pair."""
    return {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}


def add_scores(a: dict[str, CorefScore], b: dict[str, CorefScore]) -> dict[str, CorefScore]:
    """Two score sets added metric by metric (micro-average over documents)."""
    return {name: a.get(name, CorefScore()) + b.get(name, CorefScore()) for name in {*a, *b}}


def as_metrics(scores: dict[str, CorefScore], prefix: str) -> dict[str, float]:
    """Flat ``prefix.muc_f1`` … ``prefix.conll_f1`` metrics of a score set."""
    out: dict[str, float] = {}
    for name in ("muc", "b3", "ceafe"):
        out.update(scores.get(name, CorefScore()).as_dict(f"{prefix}.{name}"))
    out[f"{prefix}.conll_f1"] = conll({n: scores.get(n, CorefScore()) for n in ("muc", "b3", "ceafe")})
    return out
