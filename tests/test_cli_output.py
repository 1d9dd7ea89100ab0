"""CLI output that fits the terminal, friendly errors, progress and the warning filter."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import warnings
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from healthgym import _warnings
from healthgym._cli_output import Column, print_table, unknown_name
from healthgym._progress import ProgressAgent, RunProgress
from healthgym.cli import app
from healthgym.eval.registry import BENCHMARKS, DATA_FILES, missing_data_files
from shared_data import BENCHMARKS as SHARED
from shared_data import needs_shared

runner = CliRunner()


def invoke(args: list[str], columns: int = 80):
    return runner.invoke(app, args, env={"COLUMNS": str(columns), "TERMINAL_WIDTH": None})


def _lines_fit(text: str, width: int) -> bool:
    return all(len(line) <= width for line in text.splitlines())


# ---------------------------------------------------------------- tables that fit
@pytest.mark.parametrize("columns", [60, 80])
def test_tools_list_fits_and_never_cuts_a_tool_name(columns):
    r = invoke(["tools", "list", "--domains", "clinical_diagnosis"], columns)
    assert r.exit_code == 0, r.output
    assert _lines_fit(r.stdout, columns)
    names = json.loads(
        invoke(["tools", "list", "--domains", "clinical_diagnosis", "--format", "json"]).stdout
    )
    lines = r.stdout.splitlines()
    for tool in names:  # each name whole, on one line of its own or in the name column
        assert any(re.search(rf"(^|\s){re.escape(tool['name'])}(\s|$)", line) for line in lines)
    assert "…" not in r.stdout.split("description")[0]


@pytest.mark.parametrize("columns", [60, 80])
def test_kb_search_never_cuts_a_passage_id(columns):
    r = invoke(["kb", "search", "acute kidney injury", "--k", "3"], columns)
    assert r.exit_code == 0, r.output
    assert _lines_fit(r.stdout, columns)
    hits = json.loads(
        invoke(["kb", "search", "acute kidney injury", "--k", "3", "--format", "json"]).stdout
    )
    assert hits
    for h in hits:
        assert h["id"] in r.stdout.splitlines() or any(
            h["id"] in line.split() for line in r.stdout.splitlines()
        )


@pytest.mark.parametrize("columns", [60, 80])
def test_tasks_stats_totals_sit_in_their_columns(columns):
    r = invoke(["tasks", "stats"], columns)
    assert r.exit_code == 0, r.output
    stats = json.loads(invoke(["tasks", "stats", "--format", "json"]).stdout)
    total_row = [line for line in r.stdout.splitlines() if line.startswith("total")]
    assert total_row, r.stdout
    train = sum(v["train"] for v in stats["by_domain"].values())
    test = sum(v["test"] for v in stats["by_domain"].values())
    assert total_row[0].split() == ["total", str(train), str(test), str(stats["total"])]
    header = r.stdout.splitlines()[0]
    assert header.split() == ["domain", "train", "test", "total"]
    # right-aligned numbers end under their headers
    assert total_row[0].rstrip().endswith(str(stats["total"]))
    assert header.index("total") + len("total") == len(total_row[0].rstrip())


def test_print_table_falls_back_to_blocks_with_ids_whole():
    rows = [
        {"id": "builtin:disease/prerenal_aki/management", "text": "word " * 40},
        {"id": "short", "text": "x"},
    ]
    cols = [Column("id", "id", ident=True), Column("text", "text", fold=True)]
    for width, layout in ((200, "table"), (40, "blocks")):
        buf = io.StringIO()
        console = Console(file=buf, width=width, color_system=None)
        assert print_table(cols, rows, console=console) == layout
        out = buf.getvalue()
        assert "builtin:disease/prerenal_aki/management" in out
        assert _lines_fit(out, max(width, 39))


def test_lint_table_keeps_task_ids_whole():
    r = invoke(["tasks", "lint", "--domains", "obstetrics", "--limit", "3", "--workers", "1"], 60)
    assert r.exit_code in (0, 1), r.output
    assert _lines_fit(r.stdout, 60)


def test_format_json_everywhere_a_table_is_printed():
    for args in (
        ["tools", "list"],
        ["tasks", "stats"],
        ["kb", "search", "gout", "--k", "2"],
        ["kb", "stats"],
        ["eval", "list"],
        ["eval", "list", "--files"],
        ["calc", "--list"],
        ["tasks", "lint", "--domains", "medical_qa", "--limit", "2", "--workers", "1"],
    ):
        r = invoke([*args, "--format", "json"])
        assert r.exit_code in (0, 1), (args, r.output)
        json.loads(r.stdout)


# ----------------------------------------------------------------- friendly errors
def test_calc_readme_example_and_missing_field_hint():
    r = invoke(
        [
            "calc",
            "cockcroft_gault",
            "--json",
            '{"age": 70, "sex": "male", "weight": [80, "kg"], "height": [175, "cm"], '
            '"creatinine": [1.2, "mg/dL"]}',
        ]
    )
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["value"] == pytest.approx(60.18, abs=0.01)
    r = invoke(
        [
            "calc",
            "cockcroft_gault",
            "--json",
            '{"age": 70, "sex": "male", "weight": [80, "kg"], "creatinine": [1.2, "mg/dL"]}',
        ]
    )
    assert r.exit_code == 2
    err = json.loads(r.stderr)
    assert "height" in err["error"] and '"height"' in err["hint"]
    r = invoke(["calc", "cockcroft_gault", "--json", '{"age": 70, "wieght": 80}'])
    err = json.loads(r.stderr)
    assert "did you mean weight" in err["hint"] and '"sex"' in err["hint"]
    r = invoke(["calc", "cockroft_gault"])
    assert r.exit_code == 2 and "did you mean cockcroft_gault" in r.output


def test_unknown_names_get_suggestions_without_stray_quotes(tmp_path):
    cases = [
        (["tasks", "show", "astrology-00001"], "unknown domain astrology"),
        (["tasks", "show", "clinical_diagnosys-00001"], "did you mean clinical_diagnosis"),
        (
            ["run", "--policy", "lazy", "--domains", "obstetric", "--out", str(tmp_path / "r")],
            "did you mean obstetrics",
        ),
        (["tools", "list", "--domains", "psychiatri"], "did you mean psychiatry"),
        (["tools", "show", "get_vital"], "did you mean get_vitals"),
        (
            [
                "eval",
                "--benchmarks",
                "medq",
                "--data-dir",
                str(tmp_path),
                "--out",
                str(tmp_path / "e"),
            ],
            "did you mean medqa",
        ),
        (["tasks", "lint", "--domains", "obstetric"], "did you mean obstetrics"),
    ]
    for args, expected in cases:
        r = invoke(args, 200)
        assert r.exit_code == 2, (args, r.output)
        text = " ".join(r.output.split())
        assert expected in text, (args, text)
        assert "'" not in text.split("Error:")[-1].split("(available")[0], text
        assert '"' not in text.split("Error:")[-1], text
    assert not (tmp_path / "r").exists()


def test_unknown_name_wording():
    assert unknown_name("domain", "obstetric", ["obstetrics", "psychiatry"]) == (
        "unknown domain obstetric; did you mean obstetrics? (available: obstetrics, psychiatry)"
    )


def test_wrong_data_dir_names_the_missing_file_and_leaves_nothing(tmp_path):
    out = tmp_path / "runs" / "lazy"
    args = ["eval", "--benchmarks", "medqa,mmlu_medical", "--data-dir", str(tmp_path / "nope")]
    r = invoke([*args, "--out", str(out)], 200)
    assert r.exit_code == 2
    text = " ".join(r.output.split())
    assert "phrases_no_exclude_test.jsonl" in text and "anatomy_test.csv" in text
    assert "github.com/jind11/MedQA" in text
    assert not out.exists() and not (tmp_path / "runs").exists()


# ------------------------------------------------------------ eval list --files
def test_eval_list_files_names_the_files_and_sources():
    r = invoke(["eval", "list", "--files", "--format", "json"])
    rows = json.loads(r.stdout)
    assert [row["name"] for row in rows] == list(BENCHMARKS)
    by = {row["name"]: row for row in rows}
    assert by["medqa"]["files"] == ["medqa_usmle_4opt/phrases_no_exclude_test.jsonl"]
    assert "pubmedqa/test_ground_truth.json" in by["pubmedqa"]["files"]
    assert all(row["source"] for row in rows)
    table = invoke(["eval", "list", "--files"], 80)
    assert _lines_fit(table.stdout, 80)
    assert "medqa_usmle_4opt/phrases_no_exclude_test.jsonl" in table.stdout
    assert set(DATA_FILES) == set(BENCHMARKS)


@pytest.mark.parametrize("name", sorted(BENCHMARKS))
def test_missing_files_agree_with_the_loader(name, tmp_path):
    """Where the check says files are missing, the loader fails to find them too."""
    for data_dir in (tmp_path / "absent", tmp_path):
        missing = missing_data_files(name, data_dir)
        assert missing
        with pytest.raises((FileNotFoundError, OSError)):
            BENCHMARKS[name].load(data_dir)


@needs_shared(SHARED)
def test_missing_files_empty_for_the_shared_benchmarks():
    for name in (
        "medqa",
        "medmcqa",
        "mmlu_medical",
        "pubmedqa",
        "mirage",
        "medcalc",
        "kqa",
        "liveqa",
        "medicationqa",
    ):
        assert missing_data_files(name, SHARED) == [], name
    assert [p.name for p in missing_data_files("ehrsql", SHARED)] == ["mimic_iv.sqlite"]


# --------------------------------------------------------------------- help
def test_help_is_readable_at_80_columns():
    r = invoke(["run", "--help"], 80)
    assert r.exit_code == 0
    assert _lines_fit(r.stdout, 80)
    for option in (
        "--limit-per-domain",
        "--episodes-in-flight",
        "--context-window",
        "--max-new-tokens",
    ):
        assert option in r.stdout
    assert "…" not in r.stdout


# ---------------------------------------------------------------- eval report labels
def test_eval_report_labels_runs_by_folder(tmp_path):
    from healthgym.cli_eval import default_labels

    def run(folder: Path, label: str) -> Path:
        folder.mkdir(parents=True)
        summary = {"config": {"label": label, "policy": "lazy", "mode": "direct", "model": None}}
        (folder / "summary.json").write_text(json.dumps(summary))
        return folder

    a = run(tmp_path / "a" / "lazy", "lazy (direct)")
    b = run(tmp_path / "b" / "lazy", "lazy (direct)")
    c = run(tmp_path / "c", "My run")
    assert default_labels([a, b, c]) == ["a/lazy", "b/lazy", "My run"]
    assert default_labels([tmp_path / "a" / "lazy" / "summary.json"]) == ["lazy"]


# ------------------------------------------------------------------ warnings
def test_noisy_warnings_are_filtered_once_and_others_still_show(caplog):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        _warnings.install()
        warnings.warn(
            "`past_key_values` is deprecated and will be removed in version 5.40.0 for "
            "`LlamaForCausalLM.forward`. Use `cache` instead.",
            FutureWarning,
            stacklevel=1,
        )
        warnings.warn("something else", FutureWarning, stacklevel=1)
    assert [str(w.message) for w in seen] == ["something else"]
    log = logging.getLogger("transformers.utils.generic")
    with caplog.at_level(logging.WARNING, logger="transformers.utils.generic"):
        log.warning("`past_key_values`/`cache_params` are deprecated. Use `cache` instead.")
        log.warning("a real problem")
    assert [r.getMessage() for r in caplog.records] == ["a real problem"]


def test_cli_installs_the_filters(monkeypatch):
    calls = []
    monkeypatch.setattr("healthgym.cli.install_warning_filters", lambda: calls.append(1))
    assert invoke(["tasks", "stats", "--format", "json"]).exit_code == 0
    assert calls == [1]


# ------------------------------------------------------------------ progress
class _Gen:
    def __init__(self, n: int) -> None:
        self.completion_tokens = n


class _FakeSession:
    def __init__(self, agent: _FakeAgent) -> None:
        self.agent = agent

    async def generate(self, max_new_tokens=None):
        await asyncio.sleep(0)
        if getattr(self.agent, "on_tokens", None) is not None:  # a sampler reports each step
            for _ in range(3):
                self.agent.on_tokens(2)
        return _Gen(6)

    def trajectory(self):
        return {"messages": []}


class _FakeAgent:
    name = "fake"

    def __init__(self, live: bool) -> None:
        if live:
            self.on_tokens = None

    def start(self, task, observation, info):
        return _FakeSession(self)

    async def aclose(self):
        return None


@pytest.mark.parametrize("live_tokens", [False, True])
def test_progress_moves_per_turn_and_token_before_any_episode_ends(live_tokens):
    buf = io.StringIO()
    console = Console(file=buf, width=80, color_system=None)
    ticks = iter(range(0, 10_000, 20))
    progress = RunProgress(
        console, "fake episodes", 2, interval=10, live=False, clock=lambda: next(ticks)
    )
    agent = ProgressAgent(_FakeAgent(live_tokens), progress)
    assert agent.name == "fake"

    async def play():
        s = agent.start(None, "obs", {})
        await s.generate()
        await s.generate()
        return s

    with progress:
        session = asyncio.run(play())
        assert session.trajectory() == {"messages": []}
        assert progress.episodes == 0 and progress.turns == 2 and progress.tokens == 12
        assert progress.lines and "0/2, 2 turns, 12 tokens" in progress.lines[-1]
        progress.episode_done({})
        progress.episode_done({})
    assert "fake episodes: 2/2, 2 turns, 12 tokens" in buf.getvalue()


def test_run_prints_progress_per_episode_in_a_log(tmp_path):
    r = invoke(
        [
            "run",
            "--policy",
            "oracle",
            "--domains",
            "medical_qa",
            "--limit-per-domain",
            "2",
            "--out",
            str(tmp_path),
        ]
    )
    assert r.exit_code == 0, r.output
    assert "oracle episodes: 1/2" in r.stderr and "oracle episodes: 2/2" in r.stderr


def test_local_model_run_reports_every_sampled_token(tmp_path):
    """A real local model (tiny random Qwen2): the sampler's per-step hook counts exactly
    the tokens the trajectories hold, and the log shows turns before the end."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from test_agents_tinylm import tiny_qwen2, tiny_tokenizer

    tok = tiny_tokenizer()
    tiny_qwen2(len(tok)).save_pretrained(tmp_path / "tiny")
    tok.save_pretrained(tmp_path / "tiny")
    out = tmp_path / "run"
    args = ["run", "--policy", "local", "--model", str(tmp_path / "tiny"), "--domains"]
    args += ["medical_qa", "--limit-per-domain", "2", "--max-turns", "2", "--max-new-tokens"]
    args += ["8", "--out", str(out)]
    r = invoke(args)
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in (out / "trajectories.jsonl").read_text().splitlines()]
    tokens = sum(rec["completion_tokens"] for rec in records)
    turns = sum(len(rec["turns"]) for rec in records)
    assert f"local episodes: 2/2, {turns} turns, {tokens:,} tokens" in r.stderr


def test_ids_inside_text_cells_stay_whole():
    """Task ids inside a wrapped column (lint examples) are never broken, not even at
    their hyphen: the table gives up for blocks first."""
    task = "clinical_diagnosis-01234"
    rows = [{"rule": "vitals_plausible", "examples": f"{task}: heart rate 400 bpm " * 2}]
    cols = [Column("rule", "rule", ident=True), Column("examples", "first examples", fold=True)]
    for width in (40, 60, 80):
        buf = io.StringIO()
        print_table(
            cols,
            rows,
            console=Console(file=buf, width=width, color_system=None),
            must_show=lambda r: [task],
        )
        assert buf.getvalue().count(task) == 2, buf.getvalue()
