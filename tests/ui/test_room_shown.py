"""What the window shows about room and reasons is the domain's answer, at the boundary.

An operator one below its limit can take a contact; one at its limit cannot. Each
view that shows room or a reason is checked on both sides of that line, so a view
that re-derived the rule (or the rule itself changing ``<`` to ``<=``) fails here.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.refs import OperatorRef
from desktop_crm.services.dto.sources import SourceInfo, WeightInfo
from desktop_crm.services.dto.stats import OperatorStats, Statistics
from desktop_crm.ui.assign_dialog import NAME, STATE, OperatorChoiceModel
from desktop_crm.ui.models.base import RAW_ROLE
from desktop_crm.ui.models.operators import LOAD as OPERATORS_LOAD
from desktop_crm.ui.models.operators import OperatorsModel
from desktop_crm.ui.models.sources import OPERATORS, SourcesModel
from desktop_crm.ui.models.statistics import LOAD as STATISTICS_LOAD
from desktop_crm.ui.models.statistics import StatisticsModel
from desktop_crm.ui.models.weights import ACTIVE, LOAD, SHARE, WeightsModel
from desktop_crm.ui.theme import Tone, color

BELOW = OperatorInfo(1, "Below", True, 3, 2)  # one place left
AT = OperatorInfo(2, "At", True, 3, 3)  # none left
ZERO = OperatorInfo(3, "Zero", True, 0, 0)  # a limit of 0: never any room


def test_the_choice_of_an_operator_enables_exactly_those_with_room(qapp, qtmodeltester):
    model = OperatorChoiceModel([BELOW, AT, ZERO])  # listed by name: At, Below, Zero
    qtmodeltester.check(model)
    enabled = [
        bool(model.flags(model.index(r, NAME)) & Qt.ItemFlag.ItemIsEnabled) for r in range(3)
    ]
    assert enabled == [False, True, False]
    assert [model.index(r, STATE).data() for r in range(3)] == [
        "at the limit (3)",
        "1 free of 3",
        "at the limit (0)",
    ]
    assert model.first_available() == 1


def test_the_operators_table_shows_how_full_each_one_is(qapp, qtmodeltester):
    model = OperatorsModel(None, None)  # only shown here, never edited
    model.set_rows([BELOW, AT, ZERO])
    qtmodeltester.check(model)
    fractions = [model.index(r, OPERATORS_LOAD).data(RAW_ROLE) for r in range(3)]
    assert fractions == [pytest.approx(2 / 3), 1.0, 1.0]


def test_statistics_show_the_same_fullness_as_the_operators_table(qapp):
    def stats(info: OperatorInfo) -> OperatorStats:
        return OperatorStats(OperatorRef(info.id, info.name), True, info.load, info.max_load, 0)

    model = StatisticsModel()
    model.set_statistics(Statistics(None, None, tuple(stats(o) for o in (BELOW, AT, ZERO)), ()))
    fractions = [model.index(r, STATISTICS_LOAD).data(RAW_ROLE) for r in range(3)]
    assert fractions == [pytest.approx(2 / 3), 1.0, 1.0]


def _source(*operators: OperatorInfo) -> SourceInfo:
    return SourceInfo(
        1,
        "site",
        None,
        tuple(
            WeightInfo(OperatorRef(o.id, o.name), 1, o.active, o.load, o.max_load)
            for o in operators
        ),
    )


def _weights_model(*operators: OperatorInfo) -> WeightsModel:
    model = WeightsModel()
    model.set_source(_source(*operators), operators)
    return model


def test_the_weights_editor_gives_a_live_share_only_to_who_has_room(qapp, qtmodeltester):
    model = _weights_model(BELOW, AT)
    qtmodeltester.check(model)
    below, at = model.rows()
    assert (model.live_share(below), model.live_share(at)) == (1.0, 0.0)
    assert model.index(0, LOAD).data().endswith("1 free")
    assert model.index(1, LOAD).data().endswith("full")
    assert model.index(0, ACTIVE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Can take 1 more active contact(s)."
    )
    assert model.index(1, ACTIVE).data(Qt.ItemDataRole.ToolTipRole).startswith("Full:")
    assert "Gets nothing right now" in model.index(1, SHARE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Gets nothing right now" not in model.index(0, SHARE).data(Qt.ItemDataRole.ToolTipRole)


def test_the_sources_table_warns_when_nobody_has_room(qapp):
    model = SourcesModel(None)
    model.set_rows([_source(BELOW), _source(AT)])
    index_below, index_at = model.index(0, OPERATORS), model.index(1, OPERATORS)
    assert index_below.data(Qt.ItemDataRole.ForegroundRole) != color(Tone.WARN)
    assert index_at.data(Qt.ItemDataRole.ForegroundRole) == color(Tone.WARN)
    assert "full" not in index_below.data(Qt.ItemDataRole.ToolTipRole)
    assert "At: 1 (100 %) — full" in index_at.data(Qt.ItemDataRole.ToolTipRole)
    assert "None of them can take contacts now" in index_at.data(Qt.ItemDataRole.ToolTipRole)


def test_the_sources_table_warns_when_everyone_weighted_is_away_or_capped(qapp):
    """Away and capped operators take nothing either (what the service's weights say)."""
    away = WeightInfo(OperatorRef(1, "Анна"), 1, True, 0, 5, presence=Exclusion.AWAY)
    capped = WeightInfo(OperatorRef(2, "Борис"), 1, True, 0, 5, today=3, daily_cap=3)
    model = SourcesModel(None)
    model.set_rows([SourceInfo(1, "site", None, (away, capped))])
    index = model.index(0, OPERATORS)
    assert index.data(Qt.ItemDataRole.ForegroundRole) == color(Tone.WARN)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Анна: 1 (50 %) — away" in tip and "Борис: 1 (50 %) — daily cap reached" in tip
    assert "None of them can take contacts now" in tip


def test_the_weights_editor_counts_nobody_away_as_getting_contacts(qapp):
    away = OperatorInfo(1, "Away", True, 3, 0, presence=Exclusion.AWAY)
    model = _weights_model(BELOW, away)
    below, gone = model.rows()
    assert (model.live_share(below), model.live_share(gone)) == (1.0, 0.0)
    assert model.getting_contacts() == 1  # the editor's "gets contacts now" count
