"""Tests of helpers.device: device choice with and without a GPU, seeding, lazy imports."""

import subprocess
import sys

import numpy as np
import pytest
import torch

import helpers
from helpers import device


def test_importing_helpers_imports_no_framework():
    code = ("import sys, helpers, helpers.data, helpers.train; "
            "print('torch' in sys.modules, 'tensorflow' in sys.modules)")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_setup_on_cpu_reports_both_frameworks(capsys):
    env = helpers.setup(seed=3)
    line = capsys.readouterr().out.strip()
    assert "\n" not in line
    assert f"PyTorch {torch.__version__}" in line and "TensorFlow" in line and "seed 3" in line
    assert env.torch_device.type in {"cpu", "cuda", "mps"}
    assert env.tf_device in {"/CPU:0", "/GPU:0"}


def test_setup_one_framework_only(capsys):
    env = helpers.setup(seed=0, frameworks=("torch",))
    assert "TensorFlow" not in capsys.readouterr().out
    assert env.tf_device is None and set(env.versions) == {"torch"}


def test_no_gpu_means_cpu_with_a_message(monkeypatch, capsys):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    chosen, note = device.torch_device()
    assert chosen == torch.device("cpu")
    assert "no CUDA or MPS GPU" in note
    helpers.setup(seed=0, frameworks=("torch",))
    assert "using the CPU" in capsys.readouterr().out


def test_cuda_is_preferred_over_mps(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert device.torch_device() == (torch.device("cuda"), None)


def test_mps_is_used_without_cuda(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert device.torch_device() == (torch.device("mps"), None)


def test_tensorflow_logs_no_info_lines():
    import logging

    import tensorflow as tf

    tf.get_logger().setLevel("INFO")
    device.tf_device()
    assert tf.get_logger().level == logging.WARNING


def test_tensorflow_without_gpu_uses_cpu(monkeypatch):
    import tensorflow as tf

    monkeypatch.setattr(tf.config, "list_physical_devices", lambda kind=None: [])
    chosen, note = device.tf_device()
    assert chosen == "/CPU:0" and "no GPU visible" in note


def test_tensorflow_gpu_gets_memory_growth(monkeypatch):
    import tensorflow as tf

    fake_gpus = ["gpu0", "gpu1"]
    grown = []
    monkeypatch.setattr(
        tf.config, "list_physical_devices", lambda kind=None: fake_gpus if kind == "GPU" else []
    )
    monkeypatch.setattr(
        tf.config.experimental, "set_memory_growth", lambda gpu, on: grown.append((gpu, on))
    )
    tf32 = []
    monkeypatch.setattr(
        tf.config.experimental, "enable_tensor_float_32_execution", lambda on: tf32.append(on)
    )
    assert device.tf_device() == ("/GPU:0", None)
    assert grown == [("gpu0", True), ("gpu1", True)]
    assert tf32 == [False]  # full float32 on the GPU, as on the CPU


def test_seeding_torch_makes_gpu_runs_repeatable_in_full_float32():
    cudnn, matmul = torch.backends.cudnn, torch.backends.cuda.matmul
    saved = (cudnn.deterministic, cudnn.benchmark, cudnn.allow_tf32, matmul.allow_tf32)
    try:
        cudnn.deterministic, cudnn.benchmark, cudnn.allow_tf32 = False, True, True
        matmul.allow_tf32 = True
        helpers.seed_everything(0, "torch")
        assert cudnn.deterministic and not cudnn.benchmark
        assert not cudnn.allow_tf32 and not matmul.allow_tf32
    finally:
        cudnn.deterministic, cudnn.benchmark, cudnn.allow_tf32, matmul.allow_tf32 = saved


def _draw_everything() -> list:
    import random

    import tensorflow as tf

    return [
        random.random(),
        float(np.random.rand()),
        float(torch.rand(1)),
        float(tf.random.uniform(())),
    ]


def test_seeding_gives_identical_numbers():
    helpers.seed_everything(7)
    first = _draw_everything()
    helpers.seed_everything(7)
    assert _draw_everything() == first
    helpers.seed_everything(8)
    assert _draw_everything() != first


@pytest.mark.parametrize("seed", [-1, 2**32, 1.5, "0", True])
def test_bad_seed_is_rejected(seed):
    with pytest.raises(ValueError, match="seed must be an integer"):
        helpers.seed_everything(seed)


def test_unknown_framework_is_rejected():
    with pytest.raises(ValueError, match=r"unknown framework.*jax.*choose from"):
        helpers.setup(frameworks=("torch", "jax"))


def _fresh_python(code: str, **env_overrides: str) -> str:
    """Run `code` in a new Python without the quiet/offline variables conftest.py sets; return stdout."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in device.QUIET_OFFLINE_ENV}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout


def test_importing_helpers_alone_sets_the_quiet_offline_environment():
    code = (
        "import os, sys; import helpers; "
        "print(sorted(k for k in helpers.device.QUIET_OFFLINE_ENV if k in os.environ)); "
        "print('tensorflow' in sys.modules, 'torch' in sys.modules)"
    )
    keys, frameworks = _fresh_python(code).splitlines()
    assert keys == str(sorted(device.QUIET_OFFLINE_ENV))
    assert frameworks == "False False"  # set before any framework could read them


def test_hugging_face_stays_offline_even_if_the_user_turned_it_on():
    code = "import os, helpers; print(os.environ['HF_HUB_OFFLINE'], os.environ['TRANSFORMERS_OFFLINE'])"
    assert _fresh_python(code, HF_HUB_OFFLINE="0", TRANSFORMERS_OFFLINE="0").split() == ["1", "1"]


def test_a_users_own_quiet_settings_are_kept():
    code = "import os, helpers; print(os.environ['TF_CPP_MIN_LOG_LEVEL'])"
    assert _fresh_python(code, TF_CPP_MIN_LOG_LEVEL="1").strip() == "1"


def test_setup_accepts_a_single_framework_name(capsys):
    env = helpers.setup(seed=0, frameworks="torch")
    assert set(env.versions) == {"torch"} and env.tf_device is None
    helpers.seed_everything(np.int64(3), frameworks="torch")


def test_tensorflow_imports_silently_with_onednn_on():
    code = "import helpers, os; import tensorflow; print(os.environ['TF_ENABLE_ONEDNN_OPTS'])"
    env = {k: v for k, v in __import__("os").environ.items() if k not in device.QUIET_OFFLINE_ENV}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "1" and result.stderr == ""


def test_only_the_onednn_notice_is_filtered_from_stderr():
    preamble = (
        "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n"
    )
    notice = (
        "I0000 00:00:1795.9   11060 port.cc:153] oneDNN custom operations are on. You may see...\n"
    )
    real = "E0000 00:00:1795.9   11060 cuda.cc:1] a real error\n"
    assert device.without_onednn_notice(preamble + notice + preamble + notice) == ""
    assert (
        device.without_onednn_notice(preamble + real + notice + "Traceback\n")
        == preamble + real + "Traceback\n"
    )
