"""Tests of helpers.doctor: all OK here, and a FIX line with its fix for each simulated problem."""

import os
import subprocess
import sys

import pytest

from helpers import data, doctor


def test_every_check_prints_one_ok_or_fix_line():
    checks = doctor.run_checks()
    assert {"python", "torch", "tensorflow device", "jupyter kernel", "CJK font"} <= {
        c.name for c in checks
    }
    assert all(c.line().startswith(("OK   ", "FIX  ")) for c in checks)
    assert all(" -> " in c.line() for c in checks if not c.ok)  # every FIX says what to do


@pytest.mark.skipif(
    not os.environ.get("CI"), reason="CI installs the complete environment, font included"
)
def test_the_ci_environment_is_all_ok():
    result = subprocess.run(
        [sys.executable, "-m", "helpers.doctor"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.rstrip().endswith("0 to FIX: ready for the course")


def test_a_wrong_pin_is_a_fix_line(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(
        "numpy==1.0.0\npytest==9.2.0  # the test runner\nnot-a-real-package==1.2\n"
    )
    lines = {c.name: c.line() for c in doctor.check_pins(requirements)}
    assert (
        lines["numpy"].startswith("FIX  numpy: ") and 'pip install "numpy==1.0.0"' in lines["numpy"]
    )
    assert lines["pytest"] == "OK   pytest: 9.2.0"
    assert lines["not-a-real-package"].startswith("FIX  not-a-real-package: not installed")


def test_platform_markers_decide_which_pins_apply(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text('numpy==2.4.6; sys_platform == "nowhere"\n-e .\nscipy\n')
    assert doctor.pinned_packages(requirements) == {}


def test_the_python_range():
    assert doctor.check_python((3, 11, 7)).ok
    old = doctor.check_python((3, 8, 10))
    assert not old.ok and "install Python 3.10-3.12" in old.fix


def test_a_missing_cjk_font_is_a_fix_line():
    check = doctor.check_cjk_font(lambda: [])
    assert check.line().startswith("FIX  CJK font: none found -> install one")
    assert doctor.check_cjk_font(lambda: ["Noto Sans CJK SC"]).ok


def test_a_kernel_of_another_python_is_a_fix_line():
    check = doctor.check_kernel(lambda: ["/opt/other/bin/python3", "-m", "ipykernel_launcher"])
    assert (
        not check.ok
        and "/opt/other/bin/python3" in check.detail
        and "ipykernel install" in check.fix
    )
    assert doctor.check_kernel(lambda: [sys.executable, "-m", "ipykernel_launcher"]).ok


def test_a_corrupted_data_file_is_a_fix_line(tmp_path, monkeypatch):
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(data.data_dir(), copy)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(copy))
    with open(copy / "landmark_models.csv", "a", encoding="utf-8") as file:
        file.write("tampered\n")
    lines = {c.name: c.line() for c in doctor.check_data()}
    assert lines["data landmark_models.csv"].startswith("FIX  data landmark_models.csv: data file ")
    assert "git checkout data/" in lines["data landmark_models.csv"]


def test_helpers_doctor_is_callable_and_returns_the_exit_code(capsys, monkeypatch):
    import helpers

    monkeypatch.setattr(
        doctor, "check_cjk_font", lambda: doctor.Check("CJK font", False, "none found", "install")
    )
    assert helpers.doctor() == 1
    assert "to FIX" in capsys.readouterr().out
