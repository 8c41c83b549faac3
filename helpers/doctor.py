"""`python -m helpers.doctor` (or `helpers.doctor()` in a notebook): is this installation ready?

One line per check, `OK` or `FIX` with the fix to apply: the Python version, every pinned package
against requirements.txt, both frameworks and their devices, the Jupyter kernel, a CJK font for
Chinese plot labels, and the checksum of every data file. Exits non-zero when a line says FIX.
Paste its output into a question when you are stuck.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

SUPPORTED_PYTHON = ((3, 10), (3, 12))  # oldest and newest minor version tested with the pins
CJK_FONTS = (
    "Noto Sans CJK",
    "Noto Serif CJK",
    "Source Han",
    "WenQuanYi",
    "SimHei",
    "Microsoft YaHei",
    "PingFang",
    "Heiti",
    "Hiragino Sans GB",
    "Droid Sans Fallback",
    "AR PL",
)
REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements.txt"
INSTALL = "activate the course's environment, then: pip install -r requirements.txt"


@dataclass(frozen=True)
class Check:
    """The result of one check: what was checked, whether it passed, and the fix when it did not."""

    name: str
    ok: bool
    detail: str
    fix: str = ""

    def line(self) -> str:
        """`OK   name: detail`, or `FIX  name: detail -> fix`."""
        return (
            f"OK   {self.name}: {self.detail}"
            if self.ok
            else f"FIX  {self.name}: {self.detail} -> {self.fix}"
        )


def check_python(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> Check:
    """The running Python is in the supported range."""
    (low, high), shown = SUPPORTED_PYTHON, ".".join(map(str, version))
    ok = low <= tuple(version[:2]) <= high
    supported = f"{low[0]}.{low[1]}-{high[0]}.{high[1]}"
    fix = f"install Python {supported}, then recreate the environment (README, Set-up)"
    return Check("python", ok, f"{shown} (supported: {supported})", fix)


def pinned_packages(requirements: Path = REQUIREMENTS) -> dict[str, str]:
    """Package -> pinned version of every `name==version` line that applies to this platform."""
    from packaging.requirements import Requirement

    if not requirements.exists():
        raise FileNotFoundError(
            f"{requirements} is missing: run the doctor from the course's folder"
        )
    pins = {}
    for raw in requirements.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #")[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        requirement = Requirement(line)
        specifiers = list(requirement.specifier)
        applies = requirement.marker is None or requirement.marker.evaluate()
        if applies and len(specifiers) == 1 and specifiers[0].operator == "==":
            pins[requirement.name] = specifiers[0].version
    return pins


def check_pins(requirements: Path = REQUIREMENTS) -> list[Check]:
    """Every pinned package is installed at its pinned version (a local label like +cpu is fine)."""
    from packaging.version import Version

    checks = []
    for name, pinned in pinned_packages(requirements).items():
        fix = f'pip install "{name}=={pinned}"'
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            checks.append(Check(name, False, f"not installed (pinned {pinned})", fix))
            continue
        ok = Version(installed).public == Version(pinned).public
        checks.append(Check(name, ok, f"{installed}" + ("" if ok else f", pinned {pinned}"), fix))
    return checks


def check_frameworks() -> list[Check]:
    """PyTorch and TensorFlow import, and which device each will use."""
    from . import device

    checks = []
    for name, pick in (("torch", device.torch_device), ("tensorflow", device.tf_device)):
        try:
            chosen, note = pick()
        except Exception as error:  # any import failure is reported, not raised
            checks.append(
                Check(f"{name} import", False, f"{type(error).__name__}: {error}", INSTALL)
            )
            continue
        checks.append(Check(f"{name} device", True, f"{chosen}" + (f" ({note})" if note else "")))
    return checks


def _kernel_python(argv: list[str]) -> str:
    """The interpreter a kernelspec starts. For the bare name `python`, Jupyter uses its own Python:
    that of the `jupyter` command on PATH."""
    if argv and argv[0] in ("python", "python3"):
        jupyter = shutil.which("jupyter")
        return (
            str(Path(jupyter).parent / Path(sys.executable).name)
            if jupyter
            else "(no jupyter on PATH)"
        )
    return argv[0] if argv else ""


def check_kernel(kernel_argv: Callable[[], list[str]] | None = None) -> Check:
    """The Jupyter kernel `python3` runs this environment's Python, so notebooks find `helpers`."""
    fix = (
        "activate the course environment and start `jupyter lab` from it; if it still fails, "
        "register it: python -m ipykernel install --user --name python3"
    )
    try:
        argv = kernel_argv() if kernel_argv else _python3_kernel_argv()
    except Exception as error:
        return Check("jupyter kernel", False, f"no python3 kernel found ({error})", fix)
    kernel = _kernel_python(argv)
    same = os.path.abspath(shutil.which(kernel) or kernel) == os.path.abspath(
        sys.executable
    )  # a venv is its path
    detail = f"python3 runs {kernel}" + ("" if same else f", not this Python ({sys.executable})")
    return Check("jupyter kernel", same, detail, fix)


def _python3_kernel_argv() -> list[str]:
    from jupyter_client.kernelspec import KernelSpecManager

    return list(KernelSpecManager().get_kernel_spec("python3").argv)


def cjk_fonts() -> list[str]:
    """Names of the installed fonts matplotlib can use for Chinese text."""
    from matplotlib import font_manager

    return sorted(
        {f.name for f in font_manager.fontManager.ttflist if f.name.startswith(CJK_FONTS)}
    )


def check_cjk_font(fonts: Callable[[], list[str]] = cjk_fonts) -> Check:
    """A font with Chinese characters is installed, so Chinese plot labels are not empty boxes."""
    found = fonts()
    fix = (
        "install one (Debian/Ubuntu: sudo apt install fonts-noto-cjk; Windows and macOS ship one), "
        "then delete matplotlib's font cache (fontlist-*.json in matplotlib.get_cachedir())"
    )
    return Check("CJK font", bool(found), ", ".join(found[:3]) if found else "none found", fix)


def check_data() -> list[Check]:
    """Every file in data/ and every checked model file matches its sha256 in data/README.md."""
    from . import data

    try:
        files = {
            **{n: lambda n=n: data.verified_path(n) for n in data.manifest_checksums()},
            **{
                n: lambda n=n: data.verified_package_file(*n.split("/", 1))
                for n in data.package_checksums()
            },
        }
    except data.DataError as error:
        return [
            Check("data manifest", False, str(error), "restore data/README.md: git checkout data/")
        ]
    checks = []
    for name, verify in files.items():
        try:
            verify()
            checks.append(Check(f"data {name}", True, "sha256 matches"))
        except data.DataError as error:
            fix = re.sub(r".*(restore|reinstall)", r"\1", str(error))
            checks.append(Check(f"data {name}", False, str(error).split(":")[0], fix))
    return checks


def run_checks(requirements: Path = REQUIREMENTS) -> list[Check]:
    """Every check, in the order a student would fix them."""
    return [
        check_python(),
        *check_pins(requirements),
        *check_frameworks(),
        check_kernel(),
        check_cjk_font(),
        *check_data(),
    ]


def main(requirements: Path = REQUIREMENTS) -> int:
    """Print one line per check and a verdict; return 0 if all are OK, else 1."""
    checks = run_checks(requirements)
    for check in checks:
        print(check.line())
    broken = [c for c in checks if not c.ok]
    print(
        f"{len(checks) - len(broken)} OK, {len(broken)} to FIX"
        + ("" if broken else ": ready for the course")
    )
    return 1 if broken else 0


class _CallableModule(types.ModuleType):
    """Lets a notebook write `helpers.doctor()` while `python -m helpers.doctor` runs the same checks."""

    def __call__(self, requirements: Path = REQUIREMENTS) -> int:
        return main(requirements)


sys.modules[__name__].__class__ = _CallableModule

if __name__ == "__main__":
    sys.exit(main())
