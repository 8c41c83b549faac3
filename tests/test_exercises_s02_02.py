"""The checks of section 2.2's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest

from helpers import exercises
from helpers.cnn import LeNetConfig, count_params, lenet_keras, lenet_torch

torch = pytest.importorskip("torch")
keras = pytest.importorskip("keras")
nn = torch.nn


def _copy(torch_net, keras_net, reorder=True, transpose_conv=True):
    """PyTorch LeNet weights into the Keras LeNet (Flatten order (C, H, W) -> (H, W, C))."""
    convs = [m for m in torch_net if isinstance(m, nn.Conv2d)]
    dense = [m for m in torch_net if isinstance(m, nn.Linear)]
    weights = []
    for conv in convs:
        w = conv.weight.detach().numpy()  # (out, in, kh, kw)
        w = w.transpose(2, 3, 1, 0) if transpose_conv else w.reshape(w.shape[2:] + w.shape[1::-1])
        weights += [w, conv.bias.detach().numpy()]
    first = dense[0].weight.detach().numpy()  # (hidden, C * H * W)
    c2 = convs[1].out_channels
    side = int(round(math.sqrt(first.shape[1] // c2)))
    if reorder:
        first = first.reshape(-1, c2, side, side).transpose(2, 3, 1, 0).reshape(-1, first.shape[0])
    else:
        first = first.T
    weights += [first, dense[0].bias.detach().numpy()]
    weights += [dense[1].weight.detach().numpy().T, dense[1].bias.detach().numpy()]
    keras_net.set_weights(weights)


def _avg_nets(cfg, torch_pool=nn.AvgPool2d, keras_pool="AveragePooling2D"):
    config = LeNetConfig(**cfg)
    torch_net = lenet_torch(config)
    torch_net[2], torch_net[5] = torch_pool(2), torch_pool(2)
    (c1, c2), k, side = config.channels, config.kernel_size, config.image_size
    pool = getattr(keras.layers, keras_pool)
    keras_net = keras.Sequential([
        keras.Input((side, side, 1)),
        keras.layers.Conv2D(c1, k, padding="same", activation="relu"), pool(2),
        keras.layers.Conv2D(c2, k, padding="same", activation="relu"), pool(2),
        keras.layers.Flatten(),
        keras.layers.Dense(cfg["hidden"], activation="relu"),
        keras.layers.Dropout(cfg["dropout"]),
        keras.layers.Dense(cfg["num_classes"]),
    ])
    return torch_net, keras_net


def _count(cfg, bias=True, side_of=lambda n: n // 4):
    c1, c2 = cfg["channels"]
    k, h, side, b = cfg["kernel_size"], cfg["hidden"], side_of(cfg["image_size"]), int(bias)
    return (c1 * (k * k + b) + c2 * (c1 * k * k + b) + h * (c2 * side * side + b)
            + cfg["num_classes"] * (h + b))


@pytest.mark.parametrize("exercise", ["2.2.1", "2.2.2", "2.2.3", "2.2.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("2.2.1", lambda acc, n: math.sqrt(acc * (1 - acc) / n)),
    ("2.2.1", lambda acc, n: np.sqrt(np.float32(acc) * (1 - acc) / n)),
    ("2.2.2", _copy),
    ("2.2.3", _avg_nets),
    ("2.2.4", _count),
    ("2.2.4", lambda cfg: count_params(lenet_torch(LeNetConfig(**cfg)))),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


def test_a_copy_that_returns_the_keras_net_passes():
    def copy_and_return(torch_net, keras_net):
        _copy(torch_net, keras_net)
        return keras_net

    assert exercises.check("2.2.2", copy_and_return) is True


def _keras_max_pool_torch_avg(cfg):
    return _avg_nets(cfg)[0], lenet_keras(LeNetConfig(**cfg))


@pytest.mark.parametrize("exercise, wrong", [
    ("2.2.1", lambda acc, n: acc * (1 - acc) / n),  # the variance
    ("2.2.1", lambda acc, n: math.sqrt(acc * (1 - acc) * n)),  # of the count, not the accuracy
    ("2.2.1", lambda acc, n: math.sqrt(acc * (1 - acc) / (n - 1))),
    ("2.2.2", lambda t, k: _copy(t, k, reorder=False)),  # Flatten order ignored
    ("2.2.2", lambda t, k: _copy(t, k, transpose_conv=False)),  # reshaped, not transposed
    ("2.2.2", lambda t, k: None),  # nothing copied
    ("2.2.3", lambda cfg: _avg_nets(cfg, torch_pool=nn.MaxPool2d)),  # PyTorch still max
    ("2.2.3", _keras_max_pool_torch_avg),  # Keras still max
    ("2.2.3", lambda cfg: _avg_nets(cfg, keras_pool="MaxPooling2D")),
    ("2.2.3", lambda cfg: _avg_nets(cfg)[0]),  # one network, not a pair
    ("2.2.4", lambda cfg: _count(cfg, bias=False)),  # biases forgotten
    ("2.2.4", lambda cfg: _count(cfg, side_of=lambda n: n)),  # poolings forgotten
    ("2.2.4", lambda cfg: _count(cfg, side_of=lambda n: n // 2)),  # one pooling only
    ("2.2.4", lambda cfg: 35_914),  # the section's count for every cfg
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
