"""RoundOutcome.trace: built on first access, once; the record still pickles, copies and
is replaced like a plain dataclass."""

from __future__ import annotations

import copy
import dataclasses
import pickle

from electoral_rules import RoundOutcome, Step, StepKind, Tally
from electoral_rules.france import legislative

TALLY = Tally(votes={"A": 240, "B": 125, "C": 100}, registered=1000)


def test_the_trace_is_built_once_on_first_access() -> None:
    calls: list[int] = []
    steps = (Step(kind=StepKind.RESULT, subject="A", note="elected"),)

    def build() -> tuple[Step, ...]:
        calls.append(1)
        return steps

    outcome = RoundOutcome(election="test", round=1, tally=TALLY, elected=("A",), trace_factory=build)
    assert calls == []
    assert outcome.trace == steps and outcome.trace is outcome.trace
    assert calls == [1]
    assert RoundOutcome(election="test", round=1, tally=TALLY, trace=steps).trace == steps


def test_a_first_round_trace_is_the_same_whenever_it_is_read() -> None:
    outcome = legislative.elect(TALLY)
    fresh = legislative.elect(TALLY).trace
    assert outcome.trace == fresh
    assert [step.subject for step in fresh if step.kind is StepKind.RESULT] == ["A", "B", "C"]


def test_pickle_copy_and_replace_keep_the_trace() -> None:
    for outcome in (legislative.elect(TALLY), legislative.elect(Tally(votes={"A": 5, "B": 4}), round=2)):
        expected = legislative.elect(TALLY).trace if outcome.round == 1 else outcome.trace
        restored = pickle.loads(pickle.dumps(outcome))
        assert restored == outcome and restored.trace == expected
        assert copy.copy(outcome).trace == expected
        replaced = dataclasses.replace(outcome, legal_basis="x")
        assert replaced.legal_basis == "x" and replaced.trace == expected and replaced == dataclasses.replace(
            outcome, legal_basis="x"
        )
