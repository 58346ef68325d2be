"""Execute the selfeval notebooks headless with nbclient and save the executed copies.

Usage: python run_notebooks.py --warehouse DIR --out DIR [--reports DIR] [NOTEBOOK.ipynb ...]

Every notebook (default: all *.ipynb beside this file, in name order) runs in a fresh python3
kernel with the notebooks folder as its working directory and SELFEVAL_WAREHOUSE,
SELFEVAL_FIGURES (= --out) and SELFEVAL_REPORTS set, so it reads the marts of that warehouse and
saves its figures into --out. The executed copy goes to --out/<name>.ipynb, also when a cell fails.
Exit code 0 when every notebook ran through, 1 when a cell errored (the notebook, the cell and the
error are printed), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warehouse", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--reports", type=Path,
                        default=Path(os.environ.get("SELFEVAL_REPORTS",
                                                    HERE.parent / "data" / "reports")))
    parser.add_argument("--kernel", default="python3")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)

    warehouse = args.warehouse.resolve()
    if not (warehouse / "marts").is_dir():
        print(f"run_notebooks: no marts under {warehouse}: run `bin/selfeval run "
              f"--warehouse {warehouse}` first", file=sys.stderr)
        return 2
    notebooks = args.notebooks or sorted(HERE.glob("*.ipynb"))
    if not notebooks:
        print(f"run_notebooks: no notebooks in {HERE}", file=sys.stderr)
        return 2
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    # the kernel inherits this environment: it is how the notebooks find their inputs
    os.environ["SELFEVAL_WAREHOUSE"] = str(warehouse)
    os.environ["SELFEVAL_FIGURES"] = str(out)
    os.environ["SELFEVAL_REPORTS"] = str(args.reports.resolve())
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")

    failures = []
    for path in notebooks:
        failure = execute(path.resolve(), out, args.kernel, args.timeout)
        if failure:
            failures.append(failure)
    if failures:
        print(f"run_notebooks: {len(failures)} of {len(notebooks)} notebooks failed:",
              file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print(f"run_notebooks: {len(notebooks)} notebooks ran; executed copies and figures in {out}")
    return 0


def execute(path: Path, out: Path, kernel: str, timeout: int) -> str | None:
    """Run one notebook; None when it ran through, else what failed, naming notebook and cell."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout,
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.monotonic()
    failure = None
    try:
        client.execute()
    except CellExecutionError as e:
        failure = f"{path.name}: {failed_cell(nb)}: {first_line(e)}"
    except CellTimeoutError:
        failure = f"{path.name}: {failed_cell(nb, running=True)}: timed out after {timeout} s"
    except DeadKernelError as e:
        failure = f"{path.name}: the kernel died: {e}"
    executed = out / path.name
    nbformat.write(nb, executed)
    elapsed = time.monotonic() - started
    status = "FAILED" if failure else "ok"
    print(f"run_notebooks: {path.name} {status} in {elapsed:.1f} s -> {executed}", flush=True)
    if failure:
        print(f"run_notebooks: {failure}", file=sys.stderr, flush=True)
    return failure


def failed_cell(nb, running: bool = False) -> str:
    """The cell that stopped the run: the one with an error output (or, on a timeout, the first
    code cell without an execution count), as 'cell N (code cell M)' with its first line."""
    code_index = 0
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        code_index += 1
        errored = any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        if errored or (running and cell.get("execution_count") is None):
            head = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            return f"cell {index} (code cell {code_index}) `{head[:80]}`"
    return "unknown cell"


def first_line(error: CellExecutionError) -> str:
    ename = getattr(error, "ename", "") or "error"
    evalue = getattr(error, "evalue", "") or str(error).strip().splitlines()[-1]
    return f"{ename}: {evalue}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
