"""The checks of section 1.3's exercises accept right answers and reject plausible wrong ones."""

import keras
import numpy as np
import pytest
import torch
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

import helpers
from helpers import exercises

train_set, val_set, test_set = (helpers.data.load("digits", split=s) for s in ("train", "val", "test"))
X_train = train_set.X.reshape(-1, 64)  # (n, 64)


def _forest(n_estimators=100, max_depth=None):
    model = RandomForestClassifier(n_estimators=n_estimators, max_depth=max_depth, random_state=0)
    return model.fit(X_train, train_set.y)


def _torch_mlp(widths):
    layers = []
    for a, b in zip(widths, widths[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1])


def _keras_mlp(hidden):
    return keras.Sequential([keras.Input((64,))]
                            + [keras.layers.Dense(h, activation="relu") for h in hidden]
                            + [keras.layers.Dense(10)])


def _shifted_accuracies(axis=2, shift=1):
    shifted = np.roll(test_set.X, shift, axis=axis).reshape(-1, 64)  # (n, 64)
    models = {"SVM (RBF)": SVC(C=3),
              "decision tree": DecisionTreeClassifier(max_depth=10, random_state=0),
              "logistic regression": LogisticRegression(C=1, max_iter=2000)}
    return {name: model.fit(X_train, train_set.y).score(shifted, test_set.y)
            for name, model in models.items()}


def _ink(images):
    return np.concatenate([images.sum(axis=2), images.sum(axis=1),
                           images.sum(axis=(1, 2))[:, None]], axis=1)


def _diagonals(images):
    return np.stack([np.trace(images, offset=k, axis1=1, axis2=2) for k in range(-7, 8)], axis=1)


def _ink_and_diagonals(images):
    return np.concatenate([_ink(images), _diagonals(images), _diagonals(images[:, :, ::-1])], 1)


@pytest.mark.parametrize("exercise", ["1.3.1", "1.3.2", "1.3.3", "1.3.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("1.3.1", lambda: _forest()),
    ("1.3.2", lambda: (_torch_mlp([64, 64, 64, 10]), _keras_mlp([64, 64]))),
    ("1.3.3", _shifted_accuracies),
    ("1.3.4", lambda: _ink_and_diagonals),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right()) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("1.3.1", lambda: DecisionTreeClassifier(max_depth=10, random_state=0).fit(X_train, train_set.y)),
    ("1.3.1", lambda: RandomForestClassifier(n_estimators=200, random_state=0)),  # not fitted
    ("1.3.1", lambda: _forest(max_depth=2)),  # stumps: far too weak
    ("1.3.2", lambda: (_torch_mlp([64, 64, 10]), _keras_mlp([64]))),  # one hidden layer
    ("1.3.2", lambda: (_torch_mlp([64, 64, 64, 10]), _keras_mlp([64]))),  # Keras not deepened
    ("1.3.2", lambda: (_torch_mlp([64, 32, 32, 10]), _keras_mlp([32, 32]))),
    ("1.3.3", lambda: {"SVM (RBF)": 1.0, "decision tree": 0.859, "logistic regression": 0.963}),
    ("1.3.3", lambda: _shifted_accuracies(axis=1)),  # shifted down, not right
    ("1.3.3", lambda: {"SVM (RBF)": 0.5}),
    ("1.3.4", lambda: _ink),  # the section's 17 features
    ("1.3.4", lambda: lambda images: images.reshape(len(images), -1)),  # the raw pixels
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong())
