"""A job stopped part-way, as the window says it: what stopped it and what was committed,
all in the user's language."""

from __future__ import annotations

from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseBusy, NotFound, StoppedPartWay
from desktop_crm.ui.texts import error_text, stop_reason_text

BUSY = DatabaseBusy(
    QT_TRANSLATE_NOOP("errors", "The database stayed busy; nothing was written. Try again.")
)
QUEUE_STOPPED = QT_TRANSLATE_NOOP(
    "errors",
    "{reason} Distributing the queue stopped part-way (contacts assigned: "
    "{committed}; they stay); run it again to continue.",
)


def test_busy_past_the_wait_does_not_claim_that_nothing_was_written(qapp):
    stop = StoppedPartWay(QUEUE_STOPPED, cause=BUSY, committed=200)
    text = error_text(stop)
    assert text.startswith("The database stayed busy past the wait. Distributing the queue")
    assert "nothing was written" not in text and "(contacts assigned: 200;" in text


def test_the_whole_message_is_translated(russian):
    stop = StoppedPartWay(QUEUE_STOPPED, cause=BUSY, committed=200)
    assert error_text(stop) == (
        "База данных оставалась занятой дольше срока ожидания. Распределение очереди "
        "остановлено на полпути (назначено обращений: 200, они сохранены); запустите "
        "его снова, чтобы продолжить."
    )
    assert stop_reason_text(KeyboardInterrupt()) == "Прервано."
    assert stop_reason_text(RuntimeError("x")) == "Её остановила внутренняя ошибка."
    missing = NotFound(QT_TRANSLATE_NOOP("errors", "No source {ref!r}."), ref="tg")
    assert stop_reason_text(missing) == error_text(missing) != str(missing)
