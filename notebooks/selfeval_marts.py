"""What the selfeval notebooks share: where the marts are, reading them, saving figures, and
quoting the report line a flag points to.

The notebooks read the published parquet marts only (``<warehouse>/marts/<mart>``, hive-partitioned
by ``fiscal_year``). Paths come from the environment, so the same notebook runs in JupyterLab and
headless (``notebooks/run.sh``):

=====================  ==========================================================================
``SELFEVAL_WAREHOUSE``  the warehouse ``bin/selfeval run`` wrote (default: the repository's
                        ``warehouse/``)
``SELFEVAL_FIGURES``    where figures are saved as PNG (default: the repository's
                        ``target/notebooks/``)
``SELFEVAL_REPORTS``    the folder the run read its reports from, to quote report lines (default:
                        the repository's ``data/reports/``; quotes are skipped when it is missing)
=====================  ==========================================================================
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
from matplotlib import font_manager

NOTEBOOKS = Path(__file__).resolve().parent
REPOSITORY = NOTEBOOKS.parent
MARTS = ("form_scorecard", "indicator_deviations", "inflation_flags", "unit_year_profiles")


def _path_from_env(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


def warehouse() -> Path:
    """The warehouse folder: ``SELFEVAL_WAREHOUSE``, else the repository's ``warehouse/``."""
    return _path_from_env("SELFEVAL_WAREHOUSE", REPOSITORY / "warehouse")


def figures_dir() -> Path:
    """Where figures go (created): ``SELFEVAL_FIGURES``, else ``target/notebooks/``."""
    path = _path_from_env("SELFEVAL_FIGURES", REPOSITORY / "target" / "notebooks")
    path.mkdir(parents=True, exist_ok=True)
    return path


def reports_dir() -> Path | None:
    """The reports folder of the run (``SELFEVAL_REPORTS``, else ``data/reports``), if present."""
    path = _path_from_env("SELFEVAL_REPORTS", REPOSITORY / "data" / "reports")
    return path if path.is_dir() else None


# -- reading the marts -------------------------------------------------------------------------

_PARTITIONING = ds.HivePartitioning(pa.schema([("fiscal_year", pa.int32())]))


def read_mart(name: str) -> pd.DataFrame:
    """One mart as a DataFrame.

    ``<warehouse>/marts/<name>`` is a symlink to the version the last run published; pyarrow
    follows it and skips Spark's ``_SUCCESS``/``_RUN_ID``/``.crc`` files. ``fiscal_year`` comes
    from the ``fiscal_year=YYYY`` folders (a nullable integer; Spark's
    ``__HIVE_DEFAULT_PARTITION__`` reads as missing). DECIMAL columns (amounts, rates, scores) are
    converted to float for arithmetic and plotting; the marts keep the exact decimals.
    """
    path = warehouse() / "marts" / name
    if not path.exists():
        raise FileNotFoundError(
            f"mart {name!r} not found at {path}: run `bin/selfeval run` first, or point "
            "SELFEVAL_WAREHOUSE at the warehouse it wrote")
    table = ds.dataset(str(path), format="parquet", partitioning=_PARTITIONING).to_table()
    floats = pa.schema([
        pa.field(f.name, pa.float64(), f.nullable) if pa.types.is_decimal(f.type) else f
        for f in table.schema])
    frame = table.cast(floats).to_pandas()
    frame["fiscal_year"] = frame["fiscal_year"].astype("Int64")
    return frame


def describe_marts() -> pd.DataFrame:
    """Rows, years and publishing run of each mart: what the notebook is looking at."""
    rows = []
    for name in MARTS:
        frame = read_mart(name)
        years = sorted(int(y) for y in frame["fiscal_year"].dropna().unique())
        rows.append({
            "mart": name,
            "rows": len(frame),
            "fiscal_years": ", ".join(str(y) for y in years) or "-",
            "run_id": ", ".join(sorted(frame["run_id"].dropna().unique())) or "-",
            "folder": str((warehouse() / "marts" / name).resolve()),
        })
    return pd.DataFrame(rows)


# -- figures ------------------------------------------------------------------------------------

_CJK_FONT_HINTS = ("CJK", "WenQuanYi", "SimHei", "YaHei", "PingFang", "Heiti", "Source Han",
                   "Hiragino Sans GB", "STHeiti", "SimSun", "AR PL")


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """A font with Chinese glyphs, if one is installed (it is put first in sans-serif)."""
    for font in font_manager.fontManager.ttflist:
        if any(hint.lower() in font.name.lower() for hint in _CJK_FONT_HINTS):
            return font.name
    return None


def setup_plots() -> None:
    """Plot defaults for the notebooks: a readable size and a Chinese font when there is one."""
    matplotlib.rcParams.update({
        "figure.figsize": (10, 5),
        "figure.dpi": 100,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.axisbelow": True,
        "figure.constrained_layout.use": True,
    })
    font = cjk_font()
    if font:
        matplotlib.rcParams["font.sans-serif"] = [font] + list(
            matplotlib.rcParams["font.sans-serif"])
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 160)


def unit_labels(frame: pd.DataFrame) -> dict[str, str]:
    """A plot label per ``unit_id``: the unit's name when a Chinese font is installed, else a
    short key (U1, U2, … in name order) that :func:`unit_key` spells out."""
    units = (frame[["unit_id", "unit_name"]].dropna(subset=["unit_id"])
             .drop_duplicates("unit_id").sort_values(["unit_name", "unit_id"]))
    if cjk_font():
        return {u: (n if isinstance(n, str) else u[:8])
                for u, n in zip(units["unit_id"], units["unit_name"])}
    return {u: f"U{i}" for i, u in enumerate(units["unit_id"], start=1)}


def unit_key(frame: pd.DataFrame) -> pd.DataFrame:
    """The table from the plot labels of :func:`unit_labels` to the units' names."""
    labels = unit_labels(frame)
    units = frame[["unit_id", "unit_name"]].dropna(subset=["unit_id"]).drop_duplicates("unit_id")
    units = units.assign(label=units["unit_id"].map(labels))
    return units[["label", "unit_name", "unit_id"]].sort_values("label", key=_natural_key)


def _natural_key(labels: pd.Series) -> pd.Series:
    return labels.map(lambda s: (len(s), s))


def note(ax, text: str) -> None:
    """Write a note in the middle of an axes, for a chart that has nothing to draw."""
    ax.text(0.5, 0.5, text, ha="center", va="center", wrap=True, fontsize=11,
            transform=ax.transAxes, color="0.3")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)


def save_figure(fig, name: str) -> Path:
    """Save a figure as ``<figures>/<name>.png`` (a stable name other tools can pick up)."""
    path = figures_dir() / f"{name}.png"
    fig.savefig(path, dpi=120, bbox_inches="tight")
    print(f"saved {path}")
    return path


# -- report lines -------------------------------------------------------------------------------

_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff·]"
_NOT_NAME = r"(?!联系|电话|填报|日期|填表|签字|签名|盖章|手机|单位)"
# The masking rules of the extractor (jobs/.../extract/PiiMasker.java), so a quote never shows
# what the pipeline would not store.
_LABELLED_NAME = re.compile(
    r"(填表人|联系人|单位负责人|财务负责人|项目负责人|负责人|经办人|审核人|制表人|签字人)"
    r"(\s*(?:签字|签名)?\s*[:：]\s*)"
    rf"((?:{_NOT_NAME}{_HAN}){{2,4}})")
_LABELLED_PHONE = re.compile(
    r"((?:联系)?电话|手机|联系方式|传真)(\s*[:：]\s*)([0-9０-９][0-9０-９\-－— ]{5,18}[0-9０-９])")
_PLAIN_PII = [
    re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    re.compile(r"(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])"),
    re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"),
    re.compile(r"(?<![0-9.])0[0-9]{2,3}[-－—][0-9]{7,8}(?![0-9])"),
]
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def mask_personal_data(text: str) -> str:
    """Signer names, phone numbers, ID numbers and e-mail addresses replaced by ``***``."""
    text = _LABELLED_NAME.sub(lambda m: m.group(1) + m.group(2) + "***", text)
    text = _LABELLED_PHONE.sub(lambda m: m.group(1) + m.group(2) + "***", text)
    for pattern in _PLAIN_PII:
        text = pattern.sub("***", text)
    return text


def decode_report(data: bytes) -> str:
    """Report bytes as text, detected as the extractor does: a byte-order mark (UTF-8, UTF-16),
    else strict UTF-8, else GB18030 (which covers GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


@lru_cache(maxsize=64)
def _report_lines(source_file: str) -> tuple[str, ...] | None:
    root = reports_dir()
    if root is None or not source_file:
        return None
    path = (root / source_file).resolve()
    if root.resolve() not in path.parents or not path.is_file():
        return None
    # masked as a whole, as at extraction, so a label and a name on two lines are still caught;
    # lines are numbered as the extractor numbers them (\r\n, \r and \n each end one)
    return tuple(_LINE_BREAK.split(mask_personal_data(decode_report(path.read_bytes()))))


def report_line(source_file: str, line: int, max_lines: int = 16) -> str | None:
    """The report text a flag points to (``source_file`` relative to the reports folder, ``line``
    1-based), or None when the reports folder or the file is not at hand.

    A table printed one row per line (cells separated by tabs), or prose, quotes that line. A
    table printed one cell per line (each cell starts with a tab, rows separated by an empty
    line) quotes the row the line belongs to, cells joined with `` | `` and the cell on the line
    itself marked «…» when the row starts before it.
    """
    lines = _report_lines(source_file)
    if lines is None or line is None or pd.isna(line) or not 1 <= int(line) <= len(lines):
        return None
    at = int(line) - 1
    text = lines[at]
    if not text.startswith("\t") or "\t" in text.strip("\t\u3000 "):
        return _clean(text.replace("\t", " | "))
    start = at
    while start > 0 and at - start < max_lines and not _outside_row(lines, start - 1):
        start -= 1
    end = at
    while end + 1 < len(lines) and end - start < max_lines and not _outside_row(lines, end + 1):
        end += 1
    cells = list(lines[start:end + 1])
    if start < at and lines[at].strip("\t\u3000 "):
        cells[at - start] = "\t«" + lines[at].strip("\t\u3000 ") + "»"
    return _clean(" | ".join(cells).replace("\t", " | "))


def _outside_row(lines: tuple[str, ...], k: int) -> bool:
    """Whether line k is not part of the table row around it: the empty line before a line that
    opens a cell (an empty line inside a cell, as in 效益指标 / blank / （30分）, is part of it), or
    text that does not open a cell and reads as prose or a heading rather than the rest of a
    wrapped cell (it starts with a space or is longer than a few characters)."""
    text = lines[k]
    if text.startswith("\t"):
        return False
    if text.strip(" ") == "":
        return k + 1 < len(lines) and lines[k + 1].startswith("\t")
    return text.startswith(" ") or len(text.strip()) > 8


def _clean(text: str) -> str:
    parts = [p.strip(" \u3000") for p in text.split("|")]
    return " | ".join(p for p in parts if p)
