"""Walk the paths a user names -> the article files to read, in a stable order."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

EXTENSIONS = (".md", ".markdown", ".txt")


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason): each counts as failed


def discover(paths: list[str | os.PathLike]) -> Discovery:
    """Files named directly are taken whatever their extension; folders are walked
    recursively for .md/.markdown/.txt, sorted, following symlinks once each."""
    found = Discovery()
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        kind, info = _kind(path)
        if kind == "dir":
            _walk(path, found, seen_files, seen_dirs)
        elif kind == "file":
            _add(path, info, found, seen_files)
        else:
            found.skipped.append((path, kind))
    return found


def _kind(path: Path) -> tuple[str, os.stat_result | None]:
    try:
        info = path.stat()
    except FileNotFoundError:
        return ("broken symlink" if path.is_symlink() else "no such file or folder"), None
    except PermissionError:
        return "permission denied", None
    except OSError as error:
        return f"cannot read ({error.strerror or error})", None
    if stat.S_ISDIR(info.st_mode):
        return "dir", info
    if stat.S_ISREG(info.st_mode):
        return "file", info
    return "not a regular file", info


def _add(path: Path, info: os.stat_result, found: Discovery, seen: set[tuple[int, int]]) -> None:
    identity = (info.st_dev, info.st_ino)
    if identity not in seen:  # the same file through a symlink or twice on the command line
        seen.add(identity)
        found.files.append(path)


def _walk(root: Path, found: Discovery, seen_files: set, seen_dirs: set) -> None:
    try:
        info = root.stat()
    except OSError:
        return
    identity = (info.st_dev, info.st_ino)
    if identity in seen_dirs:  # a symlink loop, or a folder reached twice
        return
    seen_dirs.add(identity)
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except PermissionError:
        found.skipped.append((root, "permission denied"))
        return
    except OSError as error:
        found.skipped.append((root, f"cannot list folder ({error.strerror or error})"))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue  # hidden files: editor swap files, .DS_Store, sync tool state
        kind, child = _kind(path)
        if kind == "dir":
            _walk(path, found, seen_files, seen_dirs)
        elif not path.name.lower().endswith(EXTENSIONS):
            continue
        elif kind == "file":
            _add(path, child, found, seen_files)
        else:
            found.skipped.append((path, kind))
