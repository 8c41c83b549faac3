"""GPU checks of helpers: run only where PyTorch sees a CUDA GPU (skipped on CPU machines and in CI).

On a GPU machine: `python -m pytest -o addopts="" --noconftest tests/test_gpu.py -v -s`.
They show that `helpers.setup()` picks the GPU, that `helpers.train.fit` really trains there
(parameters and memory on the GPU) and that it learns the same model as on the CPU.
"""

import time

import numpy as np
import pytest
import torch
from torch import nn

import helpers
from helpers import cnn, data, train

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU")


def _digits_loaders() -> tuple:
    train_set, val_set = data.load("digits", split="train"), data.load("digits", split="val")
    return (data.to_dataloader(train_set.X[:, None], train_set.y, batch_size=64, seed=0),
            data.to_dataloader(val_set.X[:, None], val_set.y, batch_size=256, shuffle=False))


def _train_lenet(device: str, epochs: int = 5, dropout: float = 0.3) -> tuple:
    helpers.seed_everything(0, "torch")
    model = cnn.lenet_torch(cnn.LeNetConfig(dropout=dropout))
    train_loader, val_loader = _digits_loaders()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    history = train.fit(model, train_loader, nn.functional.cross_entropy, optimizer, epochs,
                        val_loader=val_loader, device=device, progress=False)
    return model, history


def test_setup_picks_the_gpu(capsys):
    env = helpers.setup(frameworks="torch")
    assert env.torch_device.type == "cuda"
    assert "cuda" in capsys.readouterr().out
    print(f"PyTorch {torch.__version__} on {torch.cuda.get_device_name(0)}")


def test_fit_trains_on_the_gpu_and_learns_what_the_cpu_learns():
    torch.cuda.reset_peak_memory_stats()
    # No dropout here: the CPU and each GPU draw dropout masks from their own generators, so
    # one seed gives different masks on the two (seeded GPU runs still repeat, test below).
    gpu_model, gpu_history = _train_lenet("cuda", dropout=0.0)
    assert all(p.device.type == "cuda" for p in gpu_model.parameters())
    assert torch.cuda.max_memory_allocated() > 0
    cpu_model, cpu_history = _train_lenet("cpu", dropout=0.0)
    print(f"val accuracy after 5 epochs: GPU {gpu_history['val_accuracy'][-1]:.4f}, "
          f"CPU {cpu_history['val_accuracy'][-1]:.4f}")
    assert gpu_history["val_accuracy"][-1] > 0.9
    # Same data order and start; only the order of float32 additions differs (full float32,
    # no TF32: helpers.seed_everything). Measured on an H200: first-epoch losses agree to 3e-5,
    # and over 100 Adam steps the rounding differences grow to 0.5 % of the loss.
    assert gpu_history["loss"][0] == pytest.approx(cpu_history["loss"][0], rel=1e-3)
    assert np.allclose(gpu_history["loss"], cpu_history["loss"], rtol=2e-2)
    assert abs(gpu_history["val_accuracy"][-1] - cpu_history["val_accuracy"][-1]) < 0.02


def test_evaluate_on_the_gpu_matches_the_cpu():
    model, _ = _train_lenet("cuda", epochs=1)
    _, val_loader = _digits_loaders()
    on_gpu = train.evaluate(model, val_loader, nn.functional.cross_entropy, device="cuda")
    on_cpu = train.evaluate(model.cpu(), val_loader, nn.functional.cross_entropy, device="cpu")
    assert on_gpu["accuracy"] == pytest.approx(on_cpu["accuracy"], abs=1 / 256)
    assert on_gpu["loss"] == pytest.approx(on_cpu["loss"], rel=1e-4)


def test_seeded_gpu_runs_repeat_exactly():
    first, _ = _train_lenet("cuda", epochs=1)
    second, _ = _train_lenet("cuda", epochs=1)
    for a, b in zip(first.parameters(), second.parameters()):
        assert torch.equal(a, b)


def test_matrix_product_timing_is_reported():
    """Prints a timing for the record; speed is never asserted (machines differ)."""
    size = 4096
    a = torch.randn(size, size, device="cuda")
    for _ in range(3):
        a @ a
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(10):
        a @ a
    torch.cuda.synchronize()
    seconds = (time.perf_counter() - start) / 10
    print(f"{size}x{size} float32 product on the GPU: {seconds * 1e3:.2f} ms, "
          f"{2 * size**3 / seconds / 1e12:.1f} TFLOP/s")
    assert (a @ a).device.type == "cuda"
