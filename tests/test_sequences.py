"""Tests of helpers.sequences: the PyTorch -> Keras GRU weight mapping."""

import numpy as np
import pytest

import helpers  # noqa: F401  (sets TensorFlow's quiet environment before Keras is imported)
from helpers.sequences import gru_torch_to_keras

torch = pytest.importorskip("torch")
keras = pytest.importorskip("keras")


def _keras_gru(inputs: int, hidden: int):
    return keras.Sequential(
        [keras.Input((None, inputs)), keras.layers.GRU(hidden, return_sequences=True)]
    )


def test_mapped_weights_give_the_same_outputs():
    torch.manual_seed(0)
    gru = torch.nn.GRU(3, 5, batch_first=True)
    with torch.no_grad():
        for p in gru.parameters():
            p.uniform_(-1, 1)  # large, distinct biases so a swapped gate or bias cannot pass
    X = np.random.default_rng(0).normal(size=(4, 7, 3)).astype(np.float32)
    model = _keras_gru(3, 5)
    model.layers[0].set_weights(gru_torch_to_keras(gru))
    with torch.no_grad():
        expected = gru(torch.from_numpy(X))[0].numpy()
    np.testing.assert_allclose(model(X).numpy(), expected, atol=1e-5)


def test_shapes_match_keras():
    weights = gru_torch_to_keras(torch.nn.GRU(3, 5))
    assert [w.shape for w in weights] == [w.shape for w in _keras_gru(3, 5).layers[0].get_weights()]


def test_unmapped_gate_order_differs():
    torch.manual_seed(1)
    gru = torch.nn.GRU(2, 4, batch_first=True)
    w = {name: p.detach().numpy() for name, p in gru.named_parameters()}
    naive = [w["weight_ih_l0"].T, w["weight_hh_l0"].T, np.stack([w["bias_ih_l0"], w["bias_hh_l0"]])]
    X = np.random.default_rng(1).normal(size=(2, 5, 2)).astype(np.float32)
    model = _keras_gru(2, 4)
    model.layers[0].set_weights(naive)  # without reordering the gates
    with torch.no_grad():
        expected = gru(torch.from_numpy(X))[0].numpy()
    assert np.abs(model(X).numpy() - expected).max() > 1e-3


@pytest.mark.parametrize("kwargs", [dict(num_layers=2), dict(bidirectional=True), dict(bias=False)])
def test_rejects_grus_that_do_not_map(kwargs):
    with pytest.raises(ValueError):
        gru_torch_to_keras(torch.nn.GRU(3, 5, **kwargs))


def test_rejects_other_modules():
    with pytest.raises(TypeError):
        gru_torch_to_keras(torch.nn.LSTM(3, 5))
