"""The checks of section 2.3's exercises accept right answers and reject plausible wrong ones."""

import pytest

from helpers import exercises

torch = pytest.importorskip("torch")
keras = pytest.importorskip("keras")
nn = torch.nn


def _vgg(c_in, c_out, n, bias=True, all_from_c_in=False):
    b = int(bias)
    first = (9 * c_in + b) * c_out
    rest = (9 * (c_in if all_from_c_in else c_out) + b) * c_out
    return first + (n - 1) * rest


def _vgg_built(c_in, c_out, n):
    convs = [nn.Conv2d(c_in if i == 0 else c_out, c_out, 3, padding=1) for i in range(n)]
    return sum(p.numel() for conv in convs for p in conv.parameters())


def _stds(net, x, inputs=False, biased=False):
    values, out = [], x
    with torch.no_grad():
        for layer in net:
            before = out
            out = layer(out)
            chosen = before if inputs else out
            values.append(float(chosen.std(correction=0 if biased else 1)))
    return values


_FLATTEN = 6_270_592 + (7 * 7 * 1024 * 4096 + 4096) + (4096 * 4096 + 4096) + (4096 * 1000 + 1000)


@pytest.mark.parametrize("exercise", ["2.3.1", "2.3.2", "2.3.3", "2.3.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("2.3.1", _vgg),
    ("2.3.1", _vgg_built),
    ("2.3.2", lambda: keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5)),
    ("2.3.3", _FLATTEN),
    ("2.3.4", _stds),
    ("2.3.4", lambda net, x: _stds(net, x, biased=True)),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


def test_flatten_count_is_what_the_built_network_has():
    filters, convs, c_in = (64, 128, 256, 512, 1024), [], 3
    for f in filters:
        convs += [nn.Conv2d(c_in, f, 3, stride=2, padding=1)]
        c_in = f
    dense = [(7 * 7 * 1024, 4096), (4096, 4096), (4096, 1000)]
    count = sum(p.numel() for c in convs for p in c.parameters())
    count += sum(n_in * n_out + n_out for n_in, n_out in dense)
    assert count == _FLATTEN


@pytest.mark.parametrize("exercise, wrong", [
    ("2.3.1", lambda c_in, c_out, n: _vgg(c_in, c_out, n, bias=False)),  # biases forgotten
    ("2.3.1", lambda c_in, c_out, n: _vgg(c_in, c_out, n, all_from_c_in=True)),
    ("2.3.1", lambda c_in, c_out, n: n * (9 * c_in + 1) * c_out),
    ("2.3.2", lambda: keras.layers.BatchNormalization()),  # Keras' defaults
    ("2.3.2", lambda: keras.layers.BatchNormalization(momentum=0.1, epsilon=1e-5)),  # torch's word
    ("2.3.2", lambda: keras.layers.BatchNormalization(momentum=0.9)),  # epsilon still 1e-3
    ("2.3.2", lambda: nn.BatchNorm2d(3)),  # the PyTorch layer itself
    ("2.3.3", 31_347_304),  # the count with global average pooling
    ("2.3.3", _FLATTEN - 4096),  # the new layer's biases forgotten
    ("2.3.3", 205_524_992),  # only the new layer
    ("2.3.4", lambda net, x: _stds(net, x, inputs=True)),  # each layer's input
    ("2.3.4", lambda net, x: _stds(net, x)[-1]),  # only the last
    ("2.3.4", lambda net, x: [float(layer(x).detach().std()) for layer in net[:1]]),
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
