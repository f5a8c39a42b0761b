"""A slow, plain reference STV count, written for clarity, to check :mod:`electoral_rules.stv`.

Every paper is one record (ranking, value, holder, stage at which its holder received it);
parcels are never stored: the "parcel last received" is found by filtering the papers of
the holder by the stage they arrived. Nothing here imports the engine except the rule
record's fields. A tie the rule leaves to lot ends the count (``lot`` is set).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from electoral_rules.stv import StvRule, SurplusOrder, TransferMethod

__all__ = ["NaiveResult", "naive_stv"]


@dataclass
class NaiveResult:
    quota: int
    elected: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    totals: list[dict[str, Fraction]] = field(default_factory=list)
    lot: bool = False


@dataclass
class _Paper:
    ranking: tuple[str, ...]
    value: Fraction
    holder: str | None
    received: int


def naive_stv(ballots: list[tuple[tuple[str, ...], int]], seats: int, rule: StvRule, candidates: list[str]) -> NaiveResult:
    papers = [_Paper(ranking, Fraction(1), ranking[0], 1) for ranking, n in ballots for _ in range(n)]
    valid = len(papers)
    quota = valid // (seats + 1) + 1
    result = NaiveResult(quota=quota)
    continuing = list(candidates)
    votes = {c: Fraction(sum(1 for p in papers if p.holder == c)) for c in candidates}
    surpluses: list[tuple[str, int]] = []  # (candidate, stage it arose)
    stage = 1

    def next_choice(paper: _Paper) -> str | None:
        return next((c for c in paper.ranking if c in continuing), None)

    def earliest_differing(tied: list[str], highest: bool) -> str | None:
        for totals in result.totals:
            values = [totals[c] for c in tied]
            if len(set(values)) > 1:
                best = max(values) if highest else min(values)
                tied = [c for c in tied if totals[c] == best]
                if len(tied) == 1:
                    return tied[0]
        return None

    def end_stage() -> None:
        result.totals.append(dict(votes))
        reached = sorted((c for c in continuing if votes[c] >= quota), key=lambda c: (-votes[c], candidates.index(c)))
        for c in reached[: seats - len(result.elected)]:
            continuing.remove(c)
            result.elected.append(c)
            if votes[c] > quota:
                surpluses.append((c, stage))

    def not_transferred() -> Fraction:
        return sum((votes[c] - quota for c, _ in surpluses), Fraction(0))

    end_stage()
    while len(result.elected) < seats:
        vacancies = seats - len(result.elected)
        if len(continuing) <= vacancies:
            result.elected += sorted(continuing, key=lambda c: (-votes[c], candidates.index(c)))
            return result
        if vacancies == 1:
            top = sorted(continuing, key=lambda c: -votes[c])
            rest = sum(votes[c] for c in top[1:]) + not_transferred()
            if (votes[top[0]] >= rest if rule.last_vacancy_reaches else votes[top[0]] > rest) and votes[top[0]] != votes[top[1]]:
                result.elected.append(top[0])
                return result
        low = sorted(votes[c] for c in continuing)
        defer = rule.defer_small_surplus and not_transferred() < low[1] - low[0]
        stage += 1
        if surpluses and not defer:
            pool = surpluses
            if rule.surplus_order is SurplusOrder.EARLIEST_COUNT_FIRST:
                pool = [s for s in pool if s[1] == min(x[1] for x in pool)]
            big = max(votes[c] for c, _ in pool)
            tied = [c for c, _ in pool if votes[c] == big]
            who = tied[0] if len(tied) == 1 else earliest_differing(tied, highest=True)
            if who is None:
                result.lot = True
                return result
            surpluses[:] = [s for s in surpluses if s[0] != who]
            surplus = votes[who] - quota
            last = max(p.received for p in papers if p.holder == who)
            parcel = [p for p in papers if p.holder == who and p.received == last]
            groups = {c: [p for p in parcel if next_choice(p) == c] for c in continuing}
            total = sum(len(g) for g in groups.values())
            if rule.transfer is TransferMethod.WHOLE_VOTES:
                if total <= surplus:
                    take = {c: len(g) for c, g in groups.items()}
                else:
                    exact = {c: Fraction(len(g)) * surplus / total for c, g in groups.items()}
                    take = {c: int(x) for c, x in exact.items()}
                    extra = int(surplus) - sum(take.values())
                    order = sorted((c for c in exact if groups[c]), key=lambda c: -(exact[c] - int(exact[c])))
                    if extra and len(order) > extra and (exact[order[extra - 1]] - int(exact[order[extra - 1]])) == (exact[order[extra]] - int(exact[order[extra]])):
                        result.lot = True
                        return result
                    for c in order[:extra]:
                        take[c] += 1
                for c, g in groups.items():
                    for p in g[len(g) - take[c]:]:
                        p.holder, p.received = c, stage
                        votes[c] += 1
            else:
                scale = 10 ** (rule.decimals or 0)
                tv = min(Fraction(int(surplus * scale / total), scale), Fraction(1)) if total else Fraction(0)
                for c, g in groups.items():
                    for p in g:
                        p.value = min(p.value, tv)
                        p.holder, p.received = c, stage
                        votes[c] += p.value
                for p in parcel:
                    if p.holder == who:
                        p.holder = None
            votes[who] = Fraction(quota)
        else:
            ranked = sorted(continuing, key=lambda c: votes[c])
            out = [ranked[0]]
            if rule.bulk_exclusion:
                for k in range(len(ranked) - 1, 1, -1):
                    if len(ranked) - k >= vacancies and sum(votes[c] for c in ranked[:k]) + not_transferred() < votes[ranked[k]]:
                        out = ranked[:k]
                        break
            if len(out) == 1:
                tied = [c for c in ranked if votes[c] == votes[ranked[0]]]
                if len(tied) > 1:
                    loser = earliest_differing(tied, highest=False)
                    if loser is None:
                        result.lot = True
                        return result
                    out = [loser]
            for c in out:
                continuing.remove(c)
                result.excluded.append(c)
            for c in out:
                for p in papers:
                    if p.holder == c:
                        target = next_choice(p)
                        p.holder, p.received = target, stage
                        if target is not None:
                            votes[target] += p.value
                votes[c] = Fraction(0)
        end_stage()
    return result
