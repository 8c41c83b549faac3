"""Unit tests of helpers.text: vocabulary, tokenisers, padding and masks."""

import numpy as np
import pytest

from helpers import text
from helpers.text import PAD, UNK, Vocab, char_tokens, pad, padding_mask, standardize, word_tokens


def test_standardize_and_word_tokens():
    assert standardize("Great TEA, isn't it?!") == "great tea isnt it"
    assert word_tokens("  Great   tea!\n(Really.)") == ["great", "tea", "really"]
    assert word_tokens("...") == []
    with pytest.raises(TypeError):
        standardize(b"bytes")


def test_char_tokens_keeps_every_character():
    assert char_tokens("好吃 a") == ["好", "吃", " ", "a"]
    assert "".join(char_tokens("不错！")) == "不错！"
    with pytest.raises(TypeError):
        char_tokens(["a"])


def test_vocab_build_orders_by_count_then_alphabet():
    vocab = Vocab.build([["b", "a", "c"], ["c", "b"], ["c"]])
    assert vocab.tokens == (PAD, UNK, "c", "b", "a")
    assert len(vocab) == 5
    assert Vocab.build([["b", "a", "c"], ["c", "b"], ["c"]], max_size=3).tokens == (PAD, UNK, "c")
    assert Vocab.build([["b", "a", "c"], ["c", "b"], ["c"]], min_count=2).tokens == (
        PAD,
        UNK,
        "c",
        "b",
    )


def test_vocab_special_tokens_are_not_counted():
    vocab = Vocab.build([[PAD, UNK, "x", PAD]])
    assert vocab.tokens == (PAD, UNK, "x")


def test_encode_decode_and_unknown():
    vocab = Vocab.build([["the", "tea", "the"]])
    ids = vocab.encode(["the", "coffee", "tea"])
    assert ids == [2, 1, 3]
    assert vocab.decode(ids) == ["the", UNK, "tea"]
    assert vocab.decode([2, 0, 0]) == ["the"]
    assert vocab.decode([2, 0], skip_pad=False) == ["the", PAD]
    with pytest.raises(IndexError):
        vocab.decode([99])
    with pytest.raises(TypeError):
        vocab.encode("the tea")


def test_vocab_rejects_bad_token_lists():
    with pytest.raises(ValueError):
        Vocab(("a", "b"))
    with pytest.raises(ValueError):
        Vocab((PAD, UNK, "a", "a"))
    with pytest.raises(ValueError):
        Vocab.build([["a"]], max_size=1)
    with pytest.raises(ValueError):
        Vocab.build([["a"]], min_count=0)
    with pytest.raises(ValueError, match="max_size must be an integer"):
        Vocab.build([["a"]], max_size=2.5)


@pytest.mark.parametrize("texts", ["hello world", ["hello world", "good tea"], ("a b",)])
def test_vocab_build_refuses_raw_text(texts):
    with pytest.raises(TypeError, match="list of token lists.*tokenise each text first"):
        Vocab.build(texts)


def test_pad_truncates_and_fills():
    X = pad([[5, 6, 7], [8], []], length=2)
    assert X.dtype == np.int64 and X.shape == (3, 2)
    assert X.tolist() == [[5, 6], [8, 0], [0, 0]]
    assert pad([[1]], length=3, pad_id=9).tolist() == [[1, 9, 9]]
    with pytest.raises(ValueError):
        pad([[1]], length=0)


def test_padding_mask():
    mask = padding_mask(np.array([[3, 4, 0], [5, 0, 0]]))
    assert mask.dtype == bool
    assert mask.tolist() == [[True, True, False], [True, False, False]]
    with pytest.raises(TypeError):
        padding_mask(np.array([0.0, 1.0]))


def test_word_ids_equal_keras_text_vectorization_on_unicode_and_whitespace():
    import keras

    texts = ["Café ÉCLAIR Über", "a\xa0b c", "x\u2003y", "A,B.c! tea\tTEA\nTea", "  spaced   out  "]
    tokens = [text.word_tokens(t) for t in texts]
    vocab = text.Vocab.build(tokens)
    layer = keras.layers.TextVectorization(
        vocabulary=list(vocab.tokens[2:]), output_sequence_length=6
    )
    ours = text.pad([vocab.encode(t) for t in tokens], 6)
    assert np.array_equal(layer(texts).numpy(), ours)
    assert text.word_tokens("Café ÉCLAIR") == [
        "café",
        "Éclair",
    ]  # ASCII-only lower-casing, as Keras


def test_pad_rejects_non_integer_and_negative_ids():
    with pytest.raises(TypeError, match="token ids must be integers"):
        text.pad([[1.7, 2.2]], 3)
    with pytest.raises(ValueError, match="token ids must be >= 0"):
        text.pad([[1, -2]], 3)
    with pytest.raises(ValueError, match="length must be a positive integer"):
        text.pad([[1]], 2.5)
