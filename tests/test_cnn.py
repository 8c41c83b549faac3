"""Tests of helpers.cnn: the output-size formula, the LeNet builders in both frameworks, parameter counts."""

import numpy as np
import pytest
import torch

from helpers.cnn import LeNetConfig, conv_output_size, count_params, lenet_keras, lenet_torch


@pytest.mark.parametrize(
    "size, kernel, stride, padding, dilation",
    [
        (8, 3, 1, 1, 1),
        (8, 3, 2, 0, 1),
        (9, 3, 2, 1, 1),
        (10, 3, 1, 0, 2),
        (7, 2, 2, 0, 1),
        (5, 5, 1, 0, 1),
    ],
)
def test_conv_output_size_matches_pytorch(size, kernel, stride, padding, dilation):
    conv = torch.nn.Conv2d(1, 1, kernel, stride=stride, padding=padding, dilation=dilation)
    expected = conv(torch.zeros(1, 1, size, size)).shape[-1]
    assert conv_output_size(size, kernel, stride, padding, dilation) == expected


def test_conv_output_size_rejects_bad_inputs():
    with pytest.raises(ValueError, match="spans"):
        conv_output_size(4, 3, dilation=3)  # dilated kernel spans 7 > 4
    with pytest.raises(ValueError):
        conv_output_size(8, 3, stride=0)
    with pytest.raises(ValueError):
        conv_output_size(8, 3, padding=-1)
    with pytest.raises(ValueError, match=r"size must be an integer, got 8.0"):
        conv_output_size(8.0, 3)
    with pytest.raises(ValueError, match="stride must be an integer"):
        conv_output_size(8, 3, stride=True)


def test_numpy_integers_are_accepted_as_sizes():
    assert conv_output_size(np.int64(8), np.int32(3), padding=np.int64(1)) == 8
    config = LeNetConfig(image_size=np.int64(8), channels=(np.int64(4), 8), hidden=np.int32(16))
    assert config.image_size == 8 and type(config.image_size) is int and config.channels == (4, 8)


def test_default_lenet_has_the_same_parameters_in_both_frameworks():
    config = LeNetConfig()
    # conv1 32*(1*9)+32, conv2 64*(32*9)+64, dense 256*64+64, output 64*10+10
    expected = 320 + 18_496 + 16_448 + 650
    assert config.flat_features == 256
    assert count_params(lenet_torch(config)) == count_params(lenet_keras(config)) == expected


def test_lenet_output_shapes_for_other_sizes():
    config = LeNetConfig(
        image_size=28, in_channels=3, channels=(4, 8), kernel_size=5, hidden=16, num_classes=3
    )
    assert lenet_torch(config)(torch.zeros(2, 3, 28, 28)).shape == (2, 3)
    assert tuple(lenet_keras(config)(np.zeros((2, 28, 28, 3), np.float32)).shape) == (2, 3)
    assert count_params(lenet_torch(config)) == count_params(lenet_keras(config))


@pytest.mark.parametrize(
    "bad",
    [
        {"image_size": 3},
        {"kernel_size": 4},
        {"kernel_size": 0},
        {"channels": (8,)},
        {"channels": (8, 0)},
        {"hidden": 0},
        {"dropout": 1.0},
        {"dropout": -0.1},
        {"image_size": 7.5},
        {"kernel_size": 3.0},
        {"channels": "ab"},
        {"num_classes": True},
    ],
)
def test_lenet_config_rejects_bad_values(bad):
    with pytest.raises(ValueError):
        LeNetConfig(**bad)


def test_count_params_rejects_other_objects():
    with pytest.raises(TypeError, match="torch.nn.Module or a keras.Model"):
        count_params(np.zeros(3))


def test_count_params_of_an_unbuilt_keras_model_is_an_error():
    import keras

    unbuilt = keras.Sequential([keras.layers.Dense(3)])  # no Input: no weights yet
    with pytest.raises(ValueError, match="not built yet"):
        count_params(unbuilt)
    unbuilt(np.zeros((1, 4), np.float32))
    assert count_params(unbuilt) == 4 * 3 + 3


def test_count_params_skips_frozen_weights_in_both_frameworks():
    net = lenet_torch(LeNetConfig())
    total = count_params(net)
    for p in net[0].parameters():
        p.requires_grad_(False)
    assert count_params(net) == total - (3 * 3 * 1 * 32 + 32)
    model = lenet_keras(LeNetConfig())
    model.layers[0].trainable = False
    assert count_params(model) == total - (3 * 3 * 1 * 32 + 32)
