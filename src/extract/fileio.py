"""Whole-or-nothing file writes: a temporary file in the same folder, then a rename."""
from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once: os.umask can only be read by setting it
_OPEN_TEMPORARIES: set[str] = set()  # removed by remove_open_temporaries when a signal ends the process


class NotRegularFile(OSError):
    """A path that is not a regular file (a FIFO, a device, a folder): never read as an article."""


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file, or OSError; a FIFO or device is refused without waiting on it."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO with no writer would hang
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read()
    finally:
        os.close(fd)


def check_writable(path: Path) -> str | None:
    """Why a file cannot be written at ``path``, or None when it can (checked before any work)."""
    path = Path(path)
    if path.is_dir():
        return f"{path}: is a folder; give a file name"
    if path.is_symlink() and Path(os.path.realpath(path)).is_symlink():
        return f"{path}: symbolic link loop"
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"{path}: cannot be created, {parent} is not a folder"
    if not os.access(parent, os.W_OK):
        return f"{parent}: cannot write here"
    return None


def _process_start(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), or None when unknown (no /proc)."""
    try:
        ticks = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
        boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
    except (OSError, ValueError, IndexError, StopIteration):
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def _is_stale(tmp: Path) -> bool:
    """Whether a temporary file ``.<name>.<pid>.<random>.tmp`` was left by a process that is gone:
    no such process, or one started after the file was last written (its id was reused)."""
    try:
        pid = int(tmp.name.rsplit(".", 3)[-3])
        mtime = tmp.stat().st_mtime
    except (ValueError, IndexError, OSError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        pass  # the process exists but belongs to another user
    started = _process_start(pid)
    return started is not None and started > mtime + 1


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporaries of ``path`` left by killed runs (SIGKILL cannot be caught)."""
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        if _is_stale(tmp):
            with contextlib.suppress(OSError):
                tmp.unlink()


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w", durable: bool = True) -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it over ``path`` only if the block succeeds.

    ``durable`` flushes the data to disk before the rename; a cache entry, cheap to rebuild, skips it.
    A symlink is followed (its target is written, as ``>`` would); a FIFO or device is written
    through, never replaced by a regular file.
    """
    encoding = None if "b" in mode else "utf-8"
    if os.path.exists(path) and not os.path.isfile(path):  # through links: /dev/stdout, a FIFO, a device
        with open(path, mode, encoding=encoding, newline="" if encoding else None) as handle:
            yield handle
        return
    path = Path(os.path.realpath(path))
    if path.is_symlink():
        raise OSError(errno.ELOOP, "symbolic link loop", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    _OPEN_TEMPORARIES.add(tmp)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the file the usual permissions
        with os.fdopen(fd, mode, encoding=encoding, newline="" if encoding else None) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        _OPEN_TEMPORARIES.discard(tmp)


def remove_open_temporaries() -> None:
    """Delete the temporary files still open in this process (it is being ended by a signal)."""
    for tmp in list(_OPEN_TEMPORARIES):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def atomic_write_text(path: Path, text: str, durable: bool = True) -> None:
    """Write ``text`` (UTF-8, no newline translation) to ``path`` whole or not at all."""
    with atomic_writer(path, durable=durable) as handle:
        handle.write(text)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with atomic_writer(path, "wb") as handle:
        handle.write(data)
