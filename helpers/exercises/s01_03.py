"""Checks of the exercises of section 1.3 "Deep learning vs classical machine learning"."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np

_CLASSICAL = ("SVM (RBF)", "decision tree", "logistic regression")


@lru_cache(maxsize=1)
def _digits() -> tuple:
    from helpers import data

    return tuple(data.load("digits", split=s) for s in ("train", "val", "test"))


def _flat(images: np.ndarray) -> np.ndarray:
    return images.reshape(len(images), -1)  # (n, 64)


def _classical_models() -> dict:
    """The three models of section 3 with the settings chosen there on validation."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier

    return {"SVM (RBF)": SVC(C=3),
            "decision tree": DecisionTreeClassifier(max_depth=10, random_state=0),
            "logistic regression": LogisticRegression(C=1, max_iter=2000)}


def exercise_1(answer: Any) -> None:
    """A random forest of at least 100 trees, fitted on the training split, clearly above one tree."""
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.exceptions import NotFittedError

    assert isinstance(answer, RandomForestClassifier), (
        f"expected a fitted sklearn.ensemble.RandomForestClassifier, got {type(answer).__name__}"
    )
    assert answer.n_estimators >= 100, (
        f"n_estimators={answer.n_estimators}: use 200 trees as the exercise says"
    )
    train_set, val_set, _ = _digits()
    try:
        val_acc = answer.score(_flat(val_set.X), val_set.y)
    except NotFittedError:
        raise AssertionError("the forest is not fitted yet: call .fit(X_train, y_train)") from None
    except ValueError as error:
        raise AssertionError(f"fit it on the flattened 64-pixel images: {error}") from None
    assert val_acc >= 0.95, (
        f"validation accuracy {val_acc:.3f}; a forest of 200 trees fitted on X_train, y_train "
        "reaches about 0.98 (the single tree: 0.84)"
    )


def exercise_2(answer: Any) -> None:
    """(torch_net, keras_net): the MLP with two hidden layers of 64 units in both frameworks."""
    import keras
    import torch

    assert isinstance(answer, (tuple, list)) and len(answer) == 2, (
        "expected a tuple (torch_net, keras_net)"
    )
    torch_net, keras_net = answer
    assert isinstance(torch_net, torch.nn.Module), "the first element should be a PyTorch module"
    assert isinstance(keras_net, keras.Model), "the second element should be a Keras model"
    expected = (64 * 64 + 64) * 2 + 64 * 10 + 10
    linear = [m for m in torch_net.modules() if isinstance(m, torch.nn.Linear)]
    assert [(m.in_features, m.out_features) for m in linear] == [(64, 64), (64, 64), (64, 10)], (
        "the PyTorch network should have three Linear layers: 64 -> 64 -> 64 -> 10"
    )
    torch_count = sum(p.numel() for p in torch_net.parameters())
    assert torch_count == expected, f"PyTorch: {torch_count:,} parameters, expected {expected:,}"
    keras_count = keras_net.count_params()
    assert keras_count == expected, (
        f"Keras: {keras_count:,} parameters, expected {expected:,} (two Dense(64) and a Dense(10))"
    )
    x = np.random.default_rng(0).random((5, 64), dtype=np.float32)
    with torch.no_grad():
        torch_out = torch_net(torch.from_numpy(x))
    assert tuple(torch_out.shape) == (5, 10), f"PyTorch output shape {tuple(torch_out.shape)}"
    keras_out = keras_net(x)
    assert tuple(keras_out.shape) == (5, 10), f"Keras output shape {tuple(keras_out.shape)}"


def exercise_3(answer: Any) -> None:
    """Test accuracy of the three classical models on test images shifted one pixel to the right."""
    assert isinstance(answer, dict), f"expected a dict {{model name: accuracy}}, got {answer!r}"
    missing = [name for name in _CLASSICAL if name not in answer]
    assert not missing, f"the dict needs the keys {list(_CLASSICAL)}; missing {missing}"
    train_set, _, test_set = _digits()
    shifted = _flat(np.roll(test_set.X, 1, axis=2))
    for name, model in _classical_models().items():
        expected = model.fit(_flat(train_set.X), train_set.y).score(shifted, test_set.y)
        got = float(answer[name])
        assert math.isclose(got, expected, abs_tol=0.004), (
            f"{name}: got {got:.3f}, expected {expected:.3f}. Shift along the columns "
            "(np.roll(test_set.X, 1, axis=2)), flatten to 64 values, and score the model trained "
            "on the unshifted training images"
        )


def exercise_4(answer: Any) -> None:
    """features(images): fewer than 64 hand-made features, logistic regression >= 0.955 on val."""
    from sklearn.linear_model import LogisticRegression

    assert callable(answer), f"expected a function features(images), got {answer!r}"
    train_set, val_set, _ = _digits()
    F_train = np.asarray(answer(train_set.X.copy()), dtype=np.float64)
    F_val = np.asarray(answer(val_set.X.copy()), dtype=np.float64)
    n = len(train_set.X)
    assert F_train.ndim == 2 and F_train.shape[0] == n, (
        f"features(images) of {n} images should have shape ({n}, F), got {F_train.shape}"
    )
    assert F_train.shape[1] < 64, (
        f"{F_train.shape[1]} features: the point is to describe an image with fewer numbers "
        "than its 64 pixels"
    )
    model = LogisticRegression(C=1, max_iter=5000).fit(F_train, train_set.y)
    val_acc = model.score(F_val, val_set.y)
    assert val_acc >= 0.955, (
        f"validation accuracy {val_acc:.3f} with {F_train.shape[1]} features; reach 0.955 "
        "(the 17 numbers of ink_profile give 0.911): add features that keep where the ink is"
    )
