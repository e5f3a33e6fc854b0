from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES


def queued_contacts(crm):
    return crm.queue.unassigned()


def full_house(crm):
    crm.operators.create("Анна", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    first = crm.contacts.register(ContactRequest("lead-1", "site")).contact
    crm.contacts.register(ContactRequest("lead-2", "site"))
    return first


def test_capacity_freed_in_the_window_is_drained_in_the_background(qtbot, ctx, settle):
    first = full_house(ctx.crm)
    window = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(window)
    assert ctx.crm.capacity_handler == window.drainer.request  # not inline on the GUI thread
    with qtbot.waitSignal(window.drainer.finished, timeout=5000) as done:
        ctx.crm.contacts.close(first.id)
    assert done.args[0].assigned == 1
    assert queued_contacts(ctx.crm) == []
    assert "1 contact" in window.queue_label.text()


def test_distribute_now_and_the_shared_auto_setting(qtbot, ctx, settle):
    first = full_house(ctx.crm)
    window = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(window)
    assert window.auto_action.isChecked()
    window.auto_action.setChecked(False)
    assert ctx.crm.queue.auto_enabled() is False  # stored in the database for everyone
    ctx.crm.contacts.close(first.id)
    settle()
    assert len(queued_contacts(ctx.crm)) == 1  # waits while automatic is off
    with qtbot.waitSignal(window.drainer.finished, timeout=5000):
        window.distribute_action.trigger()
    assert queued_contacts(ctx.crm) == []
    ctx.crm.queue.set_auto(True)  # e.g. another window turned it back on
    qtbot.waitUntil(window.auto_action.isChecked, timeout=3000)
