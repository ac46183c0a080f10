"""Run slow work off the GUI thread and post the outcome back through signals.

Checking a sheet, packing, sending, decrypting, verifying the journal and
exporting can take seconds to minutes. They run on a ``QThreadPool`` (Picard's
``run_task`` pattern); the worker only ever talks to the GUI through queued
signals, so the window keeps painting and a Cancel button keeps working.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# A job receives ``progress(done, total)`` and ``cancel() -> bool`` to hand to the core.
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    """The only way a task's results reach the GUI thread."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception; the page turns it into a message
    finished = Signal()


class Task(QRunnable):
    """One job on the pool; ``cancel()`` asks the core to stop at its next check."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until ``finished``
        self.signals = TaskSignals()
        self._job = job
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Request a stop; the core raises ``HandoffError('cancelled')`` when it sees it."""
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            result = self._job(self.signals.progress.emit, self.is_cancelled)
        except BaseException as exc:  # every failure goes back to the GUI as a message
            from handoff.core import diagnostics

            diagnostics.failure(exc, getattr(self._job, "__name__", "task"))
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they report back.

    Tests can call :meth:`wait_idle` to wait for the pool without sleeping.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._running: set[Task] = set()
        # Finished tasks are kept until the pool is idle: the pool thread still
        # touches the runnable after run() returns, so freeing it at once could crash.
        self._retired: list[Task] = []

    def start(
        self,
        job: Job,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        watch: Callable[[Task], None] | None = None,
    ) -> Task:
        """Run ``job`` in the pool; the callbacks run on the GUI thread.

        ``watch`` sees the task before it starts, so a progress panel never
        misses a fast task's ``finished``.
        """
        task = Task(job)
        if on_success is not None:
            task.signals.succeeded.connect(on_success)
        if on_failure is not None:
            task.signals.failed.connect(on_failure)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        task.signals.finished.connect(lambda: self._retire(task))
        if watch is not None:
            watch(task)
        self._running.add(task)
        self._pool.start(task)
        return task

    def _retire(self, task: Task) -> None:
        self._running.discard(task)
        self._retired.append(task)
        if self._pool.activeThreadCount() == 0:
            self._retired.clear()

    def busy(self) -> bool:
        return bool(self._running)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until every worker thread is done (shutdown and tests)."""
        done = self._pool.waitForDone(msecs)
        if done:
            self._retired.clear()
        return done

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()


def simple(func: Callable[[], Any]) -> Job:
    """Wrap a call that takes neither progress nor cancel as a :data:`Job`."""
    return lambda _progress, _cancel: func()
