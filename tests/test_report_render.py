"""The HTML report rendered in headless Chromium at 1,280 px: no horizontal overflow
(with every folded table opened), no broken images, and a screenshot.

The runs are real: oracle, lazy and random over two domains, a tiny TT-OPD training run
and the tiny trained model played as a ``local`` policy (so one run logs model tokens).
Chromium is Debian's ``chromium`` (``scripts/test.sh`` installs it when missing); without
it the test skips locally and fails under CI (``HEALTHGYM_REQUIRE_SHARED=1``).
``HEALTHGYM_WRITE_SCREENSHOT=1`` also writes the screenshot to docs/img/report-1280.png.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from healthgym.cli import app

pytest.importorskip("matplotlib")
runner = CliRunner()
WIDTH = 1280
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "docs" / "img" / "report-1280.png"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# opens every <details>, then reports the page width, the elements that stick out on
# the right and every image's natural size, in a <pre id="probe"> that --dump-dom prints
PROBE = """<script>
window.addEventListener('load', () => {
  const closedHeight = document.documentElement.scrollHeight;
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const root = document.documentElement;
  const wide = [];
  document.querySelectorAll('body *').forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 0.5 && wide.length < 10) {
      wide.push(el.tagName + ': ' + (el.textContent || '').trim().slice(0, 80));
    }
  });
  const images = Array.from(document.images).map(
    i => ({alt: i.alt, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight}));
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify({
    innerWidth: window.innerWidth, scrollWidth: root.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth, closedHeight: closedHeight,
    wide: wide, images: images});
  document.body.appendChild(pre);
});
</script>"""


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    message = (
        "headless Chromium is needed to render the report (Debian: apt-get install -y "
        "chromium; scripts/test.sh installs it when apt-get is available)"
    )
    if os.environ.get("HEALTHGYM_REQUIRE_SHARED") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args,
    ]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def probe(browser: str, page: Path, tmp: Path) -> dict:
    """Load ``page`` (with :data:`PROBE` added) at :data:`WIDTH` px and return the probe."""
    probed = tmp / f"probe-{page.name}"
    probed.write_text(page.read_text().replace("</body>", PROBE + "</body>"))
    result = _chromium(
        browser, tmp / "profile", f"--window-size={WIDTH},1000", "--virtual-time-budget=20000",
        "--dump-dom", probed.as_uri(),
    )  # fmt: skip
    found = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.S)
    assert found, f"the probe did not run; chromium said: {result.stderr[-1500:]}"
    return json.loads(html.unescape(found.group(1)))


def assert_fits(data: dict) -> None:
    assert data["innerWidth"] == WIDTH, data["innerWidth"]
    assert data["scrollWidth"] <= WIDTH, (data["scrollWidth"], data["wide"])
    assert data["bodyScrollWidth"] <= WIDTH, (data["bodyScrollWidth"], data["wide"])
    assert not data["wide"], data["wide"]
    assert data["images"], "no images in the report"
    broken = [i for i in data["images"] if not (i["complete"] and i["width"] > 0)]
    assert not broken, broken


@pytest.fixture(scope="module")
def real_runs(tmp_path_factory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("render")
    paths = []
    for policy in ("oracle", "lazy", "random"):
        out = root / policy
        args = ["run", "--policy", policy, "--domains", "medical_qa,triage_emergency"]
        result = runner.invoke(app, [*args, "--limit-per-domain", "3", "--out", str(out)])
        assert result.exit_code == 0, result.output
        paths.append(out)
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:  # the eval runs alone still exercise the page
        return root, paths
    train = root / "train-tt-opd"
    args = ["train", "--algo", "tt-opd", "--model", "tiny", "--steps", "3", "--out", str(train)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    local = root / "tiny-local"
    args = ["run", "--policy", "local", "--model", str(train / "final"), "--domains"]
    args += ["medical_qa", "--limit-per-domain", "1", "--max-turns", "2"]
    result = runner.invoke(app, [*args, "--max-new-tokens", "8", "--out", str(local)])
    assert result.exit_code == 0, result.output
    return root, [local, *paths, train]


def test_report_fits_1280_and_images_load(real_runs, tmp_path):
    browser = _browser()
    root, paths = real_runs
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", *[str(p) for p in paths], "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert f"{len(paths)} runs:" in text  # training runs counted too
    data = probe(browser, out, tmp_path)
    assert_fits(data)
    assert len(data["images"]) == len(re.findall(r"<img ", text))
    # the screenshot, as the page first opens (the accuracy table unfolded)
    shot = tmp_path / "report-1280.png"
    height = min(int(data["closedHeight"]) + 20, 16000)
    _chromium(
        browser, tmp_path / "profile", f"--window-size={WIDTH},{height}",
        "--virtual-time-budget=20000", f"--screenshot={shot}", out.as_uri(),
    )  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("HEALTHGYM_WRITE_SCREENSHOT") == "1":
        save_screenshot(shot, SCREENSHOT)


def save_screenshot(shot: Path, dest: Path) -> None:
    """``shot`` as a small palette PNG at ``dest`` (a documentation image)."""
    from PIL import Image

    dest.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(shot) as im:
        im.convert("RGB").quantize(colors=64).save(dest, optimize=True)


def test_many_runs_still_fit(real_runs, tmp_path):
    """Eight evaluation runs (copies of the real ones, two with the same folder name)
    side by side: the tables wrap, the page does not scroll sideways."""
    browser = _browser()
    root, paths = real_runs
    evals = [p for p in paths if (p / "summary.json").is_file()]
    copies = []
    for i in range(8):
        src = evals[0] if i < 2 else evals[i % len(evals)]
        dest = tmp_path / f"group-{i % 2}" / (src.name if i < 2 else f"{src.name}-copy-{i}")
        shutil.copytree(src, dest)
        copies.append(dest)
    out = tmp_path / "many.html"
    result = runner.invoke(app, ["report", *[str(p) for p in copies], "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "8 runs:" in text and "group-0/" in text and "group-1/" in text
    assert_fits(probe(browser, out, tmp_path))
