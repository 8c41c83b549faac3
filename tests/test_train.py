"""Tests of helpers.train: History, the Keras converter, Timer, accuracy and the PyTorch loop."""

import time

import numpy as np
import pytest
import torch
from torch import nn

import helpers
from helpers import data, train


def test_history_records_epochs_and_last_values():
    history = train.History()
    history.append(loss=1.0, accuracy=0.5)
    history.append(loss=0.5, accuracy=0.75)
    assert history.epochs == 2 and history["loss"] == [1.0, 0.5]
    assert history.last() == {"loss": 0.5, "accuracy": 0.75}
    history.seconds = 3.0
    assert history.seconds_per_epoch == 1.5
    assert train.History().seconds_per_epoch == 0.0


def test_history_unknown_metric_names_the_known_ones():
    history = train.History({"loss": [1.0]})
    with pytest.raises(KeyError, match=r"no metric 'val_loss'.*\['loss'\]"):
        history["val_loss"]


def test_from_keras_converts_a_real_fit():
    import keras

    helpers.seed_everything(0)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    model.compile(optimizer="sgd", loss="mse")
    fitted = model.fit(
        np.ones((8, 3)), np.zeros((8, 2)), epochs=3, validation_split=0.25, verbose=0
    )
    history = train.from_keras(fitted, seconds=1.2)
    assert history.framework == "keras" and history.epochs == 3
    assert set(history.metrics) == {"loss", "val_loss"} and history.seconds == 1.2
    assert history["loss"] == pytest.approx(fitted.history["loss"])


def test_from_keras_rejects_other_objects():
    with pytest.raises(
        TypeError, match="expected the History returned by keras Model.fit, got dict"
    ):
        train.from_keras({"loss": [1.0]})


def test_timer_measures_elapsed_time():
    with train.Timer() as timer:
        time.sleep(0.05)
    assert 0.04 < timer.seconds < 1.0


def test_accuracy_and_its_shape_check():
    logits = np.array([[2.0, 1.0], [0.0, 3.0], [1.0, 0.0]])
    assert train.accuracy(logits, [0, 1, 1]) == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="do not match"):
        train.accuracy(logits, [0, 1])


def _separable_problem(n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 2)).astype(np.float32)
    return X, (X[:, 0] + X[:, 1] > 0).astype(np.int64)


def test_fit_learns_a_separable_problem_and_records_validation():
    helpers.seed_everything(0, frameworks=("torch",))
    X, y = _separable_problem()
    loader = data.to_dataloader(X[:150], y[:150], batch_size=32)
    val_loader = data.to_dataloader(X[150:], y[150:], shuffle=False)
    net = nn.Linear(2, 2)
    history = train.fit(
        net,
        loader,
        nn.CrossEntropyLoss(),
        torch.optim.SGD(net.parameters(), lr=0.5),
        num_epochs=10,
        val_loader=val_loader,
        progress=False,
    )
    assert set(history.metrics) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert history.epochs == 10 and history.seconds > 0
    assert history["loss"][-1] < history["loss"][0]
    assert history["val_accuracy"][-1] >= 0.95
    assert (
        train.evaluate(net, val_loader, nn.CrossEntropyLoss())["accuracy"]
        == history["val_accuracy"][-1]
    )


def test_evaluate_regression_has_no_accuracy():
    X = np.linspace(-1, 1, 16, dtype=np.float32).reshape(-1, 1)
    loader = data.to_dataloader(X, 2 * X, batch_size=4, shuffle=False)
    metrics = train.evaluate(nn.Linear(1, 1), loader, nn.MSELoss())
    assert set(metrics) == {"loss"} and metrics["loss"] > 0


@pytest.mark.parametrize("num_epochs", [0, -1, 2.0, True, np.int64(0)])
def test_fit_rejects_bad_epoch_counts(num_epochs):
    net = nn.Linear(2, 2)
    with pytest.raises(ValueError, match="num_epochs must be a positive integer"):
        train.fit(
            net, [], nn.CrossEntropyLoss(), torch.optim.SGD(net.parameters(), lr=0.1), num_epochs
        )


def _noisy_problem(n: int = 120) -> tuple:
    rng = np.random.default_rng(1)
    X = rng.normal(size=(n, 20)).astype(np.float32)
    return X, rng.integers(
        0, 2, size=n
    )  # random labels: a big model overfits, validation loss rises


def _fit_overfitting_net(num_epochs: int, **options) -> tuple:
    """Fit a 20-64-2 MLP to random labels (it overfits); return the net, validation loader and History."""
    helpers.seed_everything(0, frameworks=("torch",))
    X, y = _noisy_problem()
    loader, val_loader = (
        data.to_dataloader(X[:80], y[:80], 16),
        data.to_dataloader(X[80:], y[80:], shuffle=False),
    )
    net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2))
    history = train.fit(
        net,
        loader,
        nn.CrossEntropyLoss(),
        torch.optim.Adam(net.parameters(), lr=0.01),
        num_epochs,
        val_loader=val_loader,
        progress=False,
        **options,
    )
    return net, val_loader, history


def test_keep_best_restores_the_epoch_with_the_lowest_validation_loss():
    net, val_loader, history = _fit_overfitting_net(30, keep_best=True)
    best = int(np.argmin(history["val_loss"])) + 1
    assert history.best_epoch == best < 30  # it overfits, so the best epoch is not the last
    assert train.evaluate(net, val_loader, nn.CrossEntropyLoss())["loss"] == pytest.approx(
        min(history["val_loss"])
    )


def test_patience_stops_early():
    _, _, history = _fit_overfitting_net(100, patience=3)
    assert history.epochs == history.best_epoch + 3 < 100


def test_keep_best_needs_validation_data_and_patience_must_be_positive():
    net = nn.Linear(2, 2)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    with pytest.raises(ValueError, match="pass a val_loader"):
        train.fit(net, [], nn.CrossEntropyLoss(), optimizer, 1, keep_best=True)
    with pytest.raises(ValueError, match="patience must be a positive integer"):
        train.fit(net, [], nn.CrossEntropyLoss(), optimizer, 1, val_loader=[], patience=0)


def _diverging_fit(loss_fn, **options) -> train.History:
    X, y = _separable_problem(32)
    loader = data.to_dataloader(X, y, batch_size=16)
    net = nn.Linear(2, 2)
    return train.fit(
        net,
        loader,
        loss_fn,
        torch.optim.SGD(net.parameters(), lr=0.1),
        3,
        val_loader=loader,
        progress=False,
        **options,
    )


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
@pytest.mark.parametrize("options", [{}, {"keep_best": True}, {"patience": 1}])
def test_a_non_finite_loss_stops_training_naming_epoch_and_batch(bad, options):
    loss_fn = lambda logits, target: logits.sum() * bad  # noqa: E731  (a loss that diverged)
    with pytest.raises(
        train.NonFiniteLossError, match=r"the loss is (nan|inf|-inf) at batch 1 of epoch 1"
    ):
        _diverging_fit(loss_fn, **options)


def test_a_loss_that_diverges_later_names_that_epoch_and_batch():
    calls = {"n": 0}

    def loss_fn(logits, target):  # finite for the first three batches, then NaN
        calls["n"] += 1
        loss = nn.functional.cross_entropy(logits, target)
        return loss if calls["n"] <= 3 else loss * float("nan")

    X, y = _separable_problem(32)
    net = nn.Linear(2, 2)
    with pytest.raises(train.NonFiniteLossError, match="at batch 2 of epoch 2"):
        train.fit(
            net,
            data.to_dataloader(X, y, batch_size=16),
            loss_fn,
            torch.optim.SGD(net.parameters(), lr=0.1),
            3,
            progress=False,
        )


def test_a_non_finite_validation_loss_names_the_epoch():
    calls = {"n": 0}

    def loss_fn(logits, target):  # finite while training epoch 1 (2 batches), NaN on validation
        calls["n"] += 1
        return logits.sum() * (1.0 if calls["n"] <= 2 else float("nan"))

    with pytest.raises(
        train.NonFiniteLossError, match="batch 1 of the validation data after epoch 1"
    ):
        _diverging_fit(loss_fn)


def test_evaluate_rejects_a_non_finite_loss_and_an_empty_loader():
    X, y = _separable_problem(8)
    loader = data.to_dataloader(X, y, batch_size=4)
    with pytest.raises(train.NonFiniteLossError, match="at batch 1"):
        train.evaluate(nn.Linear(2, 2), loader, lambda logits, target: logits.sum() / 0.0)
    with pytest.raises(ValueError, match="the loader yielded no batches"):
        train.evaluate(nn.Linear(2, 2), [], nn.CrossEntropyLoss())


def test_fit_on_an_empty_loader_is_a_clear_error():
    net = nn.Linear(2, 2)
    with pytest.raises(ValueError, match="the loader yielded no batches"):
        train.fit(
            net,
            [],
            nn.CrossEntropyLoss(),
            torch.optim.SGD(net.parameters(), lr=0.1),
            1,
            progress=False,
        )


def test_fit_accepts_numpy_integers():
    X, y = _separable_problem(32)
    net = nn.Linear(2, 2)
    history = train.fit(
        net,
        data.to_dataloader(X, y, batch_size=np.int64(8)),
        nn.CrossEntropyLoss(),
        torch.optim.SGD(net.parameters(), lr=0.1),
        np.int64(2),
        progress=False,
    )
    assert history.epochs == 2


def test_per_position_loss_is_the_mean_per_token_skipping_padding():
    PAD = 0
    Y = np.array([[1, 2, 3, 4], [1, PAD, PAD, PAD]], dtype=np.int64)  # 4 tokens, then 1 token
    loader = data.to_dataloader(Y, Y, batch_size=1, shuffle=False)  # one row per batch
    embed = nn.Embedding(5, 5)
    loss_fn = lambda logits, y: nn.functional.cross_entropy(  # noqa: E731
        logits.flatten(0, 1), y.flatten(), ignore_index=PAD
    )
    with torch.no_grad():
        per_token = nn.functional.cross_entropy(
            embed(torch.from_numpy(Y)).flatten(0, 1),
            torch.from_numpy(Y).flatten(),
            ignore_index=PAD,
        )
    tokens = train.evaluate(embed, loader, loss_fn, ignore_index=PAD)["loss"]
    rows = train.evaluate(embed, loader, loss_fn)["loss"]  # without ignore_index: padding counted
    assert tokens == pytest.approx(float(per_token), rel=1e-6)
    assert rows != pytest.approx(tokens, rel=1e-3)


def test_per_position_targets_get_a_loss_but_no_accuracy():
    X = np.zeros((6, 4), dtype=np.int64)
    loader = data.to_dataloader(X, X, batch_size=3, shuffle=False)
    embed = nn.Embedding(5, 5)  # logits (batch, positions, classes) for targets (batch, positions)
    loss_fn = lambda logits, y: nn.functional.cross_entropy(logits.flatten(0, 1), y.flatten())  # noqa: E731
    metrics = train.evaluate(embed, loader, loss_fn)
    assert set(metrics) == {"loss"} and metrics["loss"] > 0


def test_saved_notebook_progress_bar_shows_the_final_state_not_zero(tmp_path):
    """The text fallback saved with a notebook (GitHub, the website) shows the last epoch."""
    import nbclient
    import nbformat

    code = (
        "import torch\n"
        "from helpers import train\n"
        "model = torch.nn.Linear(2, 2)\n"
        "batch = (torch.randn(8, 2), torch.randint(0, 2, (8,)))\n"
        "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
        "history = train.fit(model, [batch], torch.nn.functional.cross_entropy, optimizer, 3)"
    )
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nbclient.NotebookClient(notebook, timeout=120, resources={"metadata": {"path": "."}}).execute()
    texts = [output["data"]["text/plain"] for output in notebook.cells[0].outputs]
    assert len(texts) == 1, texts
    assert texts[0].startswith("epochs: 100%") and "3/3" in texts[0] and "loss=" in texts[0]
