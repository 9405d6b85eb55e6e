"""Small dense networks exported from scikit-learn and run with numpy (no framework at run time)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np


def models_dir() -> Path:
    """The shipped models: ``models/`` at the repository root, or ``$SARABAN_MODELS``."""
    env = os.environ.get("SARABAN_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[1] / "models"


@dataclass(frozen=True)
class DenseNet:
    """Standardise, then dense layers with ReLU between them, softmax at the end."""

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    mean: np.ndarray
    std: np.ndarray
    version: str

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        h = (np.asarray(x, np.float32) - self.mean) / self.std
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            h = h @ w + b
            if i < len(self.weights) - 1:
                h = np.maximum(0, h)
        h = h - h.max(axis=-1, keepdims=True)
        e = np.exp(h)
        return e / e.sum(axis=-1, keepdims=True)  # type: ignore[no-any-return]


def save(path: Path, clf: object, mean: np.ndarray, std: np.ndarray, version: str) -> None:
    """Save a fitted ``sklearn.neural_network.MLPClassifier`` for :func:`load`."""
    coefs = clf.coefs_  # type: ignore[attr-defined]
    inter = clf.intercepts_  # type: ignore[attr-defined]
    arrays = {f"w{i}": w.astype(np.float32) for i, w in enumerate(coefs)}
    arrays |= {f"b{i}": b.astype(np.float32) for i, b in enumerate(inter)}
    if (
        len(inter[-1]) == 1
    ):  # a binary classifier has one logistic output: make it two softmax logits
        arrays[f"w{len(coefs) - 1}"] = (
            np.concatenate([-coefs[-1], coefs[-1]], axis=1).astype(np.float32) / 2
        )
        arrays[f"b{len(coefs) - 1}"] = (
            np.concatenate([-inter[-1], inter[-1]]).astype(np.float32) / 2
        )
    np.savez_compressed(
        path,
        mean=mean.astype(np.float32),
        std=std.astype(np.float32),
        version=np.array(version),
        layers=np.array(len(coefs)),
        **arrays,
    )


def load(path: Path) -> DenseNet | None:
    if not path.exists():
        return None
    d = np.load(path, allow_pickle=False)
    if "layers" in d:
        n = int(d["layers"])
        ws = tuple(d[f"w{i}"] for i in range(n))
        bs = tuple(d[f"b{i}"] for i in range(n))
    else:  # the first digit model's layout
        ws, bs = (d["w1"], d["w2"]), (d["b1"], d["b2"])
    return DenseNet(ws, bs, d["mean"], d["std"], str(d["version"]))
