"""A task backend (Django's tasks framework, `django.tasks`) that runs each task in a thread of
its own once the enqueueing transaction commits, so a request answers without waiting for it.

A stand-in until the portal has a queue with workers: a task is not kept anywhere, so one still
running when its process is killed is lost (a graceful stop waits for it), and its result is not
stored. Moving to a queue (e.g. django-tasks-db) changes the TASKS setting, not the tasks.
"""

import logging
import threading

from django.db import close_old_connections, connections, transaction
from django.tasks import TaskResultStatus
from django.tasks.backends.immediate import ImmediateBackend

logger = logging.getLogger(__name__)


class ThreadBackend(ImmediateBackend):
    supports_async_task = False

    def _execute_task(self, task_result):
        # ImmediateBackend.enqueue builds the result and calls this at once: here it is deferred
        # to a thread started after the commit, so the task sees what the request saved.
        run = super()._execute_task

        def in_thread():
            close_old_connections()
            try:
                run(task_result)
                if task_result.status == TaskResultStatus.FAILED:
                    logger.error(
                        "Task %s failed:\n%s",
                        task_result.task.module_path,
                        task_result.errors[-1].traceback,
                    )
            finally:
                connections.close_all()  # this thread's connections only

        def start():
            # Not a daemon: a worker that stops gracefully waits for the task to finish.
            threading.Thread(target=in_thread, name=f"task-{task_result.id}").start()

        transaction.on_commit(start)
