"""A task's log lines carry the id of the request that queued it, and the task's name as view."""

from typing import Any

from celery.signals import before_task_publish, task_postrun, task_prerun

from asiointi.operations.context import RequestContext, current

_tokens: dict[str, Any] = {}


@before_task_publish.connect
def _pass_request_id(headers: dict[str, Any] | None = None, **kwargs: Any) -> None:
    context = current.get()
    if context is not None and headers is not None:
        headers["asiointi_request_id"] = context.request_id


@task_prerun.connect
def _task_started(task_id: str = "", task: Any = None, **kwargs: Any) -> None:
    # Run in-process (embedded profile), a task keeps the id of the request it runs in.
    outer = current.get()
    request_id = getattr(getattr(task, "request", None), "asiointi_request_id", None) or (
        outer.request_id if outer else task_id
    )
    context = RequestContext(request_id=request_id, view=getattr(task, "name", ""))
    _tokens[task_id] = current.set(context)


@task_postrun.connect
def _task_ended(task_id: str = "", **kwargs: Any) -> None:
    token = _tokens.pop(task_id, None)
    if token is not None:
        current.reset(token)
