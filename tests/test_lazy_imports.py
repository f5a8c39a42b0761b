"""What ``import electoral_rules`` and the command line import, checked in a fresh
interpreter (not timed: ``bench/bench_speed.py`` times the import)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parent.parent / "src")


def _modules_after(code: str) -> set[str]:
    # -I -S: no site-packages and no ``.pth`` files, whose start-up code may import anything
    # (a sandbox's certificate hook imports importlib.resources); the library needs none.
    script = f"import sys; sys.path.insert(0, {SRC!r})\n{code}\nimport json; print(json.dumps(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-I", "-S", "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(run.stdout.splitlines()[-1]))


def test_a_bare_interpreter_has_not_loaded_what_the_checks_look_for() -> None:
    loaded = _modules_after("pass")
    assert not {"importlib.resources", "urllib.request"} & loaded


def test_import_leaves_the_french_rules_and_renderers_for_later() -> None:
    loaded = _modules_after("import electoral_rules")
    assert not {name for name in loaded if name.startswith(("electoral_rules.france", "electoral_rules.europe"))}
    assert not {name for name in loaded if name.startswith(("electoral_rules.render", "electoral_rules.io"))}
    assert "importlib.resources" not in loaded
    assert "urllib.request" not in loaded


def test_lazy_names_are_there_on_first_use() -> None:
    loaded = _modules_after(
        "import electoral_rules as er\n"
        "from electoral_rules import RunnerUpTie, france\n"
        "assert er.RunnerUpTie is RunnerUpTie and RunnerUpTie.ALL_STAND\n"
        "assert france.municipal.__name__ == 'electoral_rules.france.municipal'\n"
        "assert 'france' in dir(er) and 'municipal' in dir(france)\n"
        "assert er.europe.seats('EL', 2024) == 21 and 'europe' in dir(er)"
    )
    assert "electoral_rules.france.municipal" in loaded
    assert "electoral_rules.france.regional" not in loaded


def test_the_command_line_draws_only_when_asked() -> None:
    loaded = _modules_after(
        "import contextlib, io\n"
        "from electoral_rules.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['allocate', '--seats', '5', 'A=1023', 'B=258', 'C=253']) == 0"
    )
    assert "electoral_rules.render.svg" not in loaded
    assert "urllib.request" not in loaded
