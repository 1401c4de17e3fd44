"""The "Kort fortalt" ranges (domain/glance.py), worked out by hand from the report's cost tables."""

from __future__ import annotations

from decimal import Decimal as D
from types import SimpleNamespace as NS

from generator.domain.glance import cost_glance
from generator.domain.units import Interval


def test_a_projects_ranges_over_its_table(real_catalogue):
    """Frederikshavn, Tabel 4 (s. 63), three columns:

    - Overgangssamtaler: 1.099 kr. pr. barn; one child a time -> 1.099 kr. pr. afholdelse;
      hours 2,25 + 0 + 1 + 0,25 = 3,5.
    - Trivselssamtale og 3-års: 1.269 kr.; one child -> 1.269 kr.; hours 2,75 + 0 + 1 + 0,25 = 4.
    - Forældrecaféer: 232 kr.; 15 families a time (the site's reading) -> 232 × 15 = 3.480 kr.;
      hours 6 + 2 + 0 + 1,5 = 9,5.

    Per child 232–1.269 kr.; per occurrence 1.099–3.480 kr.; hours 3,5–9,5; every staff group has hours somewhere
    (the leader only at the cafés). Establishment 5.543, 6.071 and 2.876 kr.: 2.876–6.071 kr. in three columns.
    """
    glance = cost_glance(real_catalogue.projects["styrket-deltagende-foraeldresamarbejde"].cost.columns)
    assert glance.columns == glance.per_child_counted == glance.per_occurrence_counted == glance.hours_counted == 3
    assert glance.per_child == Interval(D(232), D(1269))
    assert glance.per_occurrence == Interval(D(1099), D(3480))
    assert glance.hours == Interval(D("3.5"), D("9.5"))
    assert glance.staff_groups == ("paedagogisk_personale", "paedagogisk_leder", "vikarer", "samarbejdspartner")
    assert not glance.per_child_uses_reading
    assert glance.establishment == Interval(D(2876), D(6071)) and glance.establishment_counted == 3


def test_an_elements_ranges_over_the_columns_that_are_instances_of_it(real_catalogue):
    """Målrettet inspiration og praktisk guidning: three columns in two projects.

    - Vesthimmerland, Fremskudt forældresamarbejde: 112 kr., one child -> 112 kr.; hours 0,33 (staff only).
    - Vesthimmerland, Stay&Play: 432 kr., one child -> 432 kr.; hours 0,75 + 0,75 (a substitute) = 1,5.
    - Glostrup, Krop, sans og følelser: 85 kr., 20 children -> 85 × 20 = 1.700 kr.; hours 5 (staff only).

    Per child 85–432 kr.; per occurrence 112–1.700 kr.; hours 0,33–5; staff groups: staff and substitutes.
    """
    element = real_catalogue.elements["maalrettet-inspiration-og-praktisk-guidning"]
    glance = cost_glance([cost.column for cost in real_catalogue.activity_costs(element)])
    assert glance.per_child == Interval(D(85), D(432))
    assert glance.per_occurrence == Interval(D(112), D(1700))
    assert glance.hours == Interval(D("0.33"), D(5))
    assert glance.staff_groups == ("paedagogisk_personale", "vikarer")


def test_a_ranged_group_gives_the_widest_occurrence_range():
    """A column costed for "4-5 børn" at 100 kr. costs 400–500 kr. an occurrence; beside one of 1 child at 450 kr.
    the range runs from the lowest lower end (400) to the highest upper end (500), not 450."""

    def column(per_child: str, group: tuple[int, int]) -> NS:
        base = NS(value=D(0), regular=True, as_written="0")
        hours = NS(paedagogisk_personale=base, paedagogisk_leder=base, vikarer=base, samarbejdspartner=base)
        unit = NS(group=NS(low=group[0], high=group[1]), times=None, per=None)
        cost = NS(value=D(per_child), regular=True, as_written=per_child)
        # duck-typed CostColumn: what glance reads
        return NS(cost_per_child=cost, hours=hours, unit=unit, establishment=NS(value=None, as_written="-"))

    glance = cost_glance([column("100", (4, 5)), column("450", (1, 1))])
    assert glance.per_occurrence == Interval(D(400), D(500))
    assert glance.staff_groups == ()  # nought hours everywhere: nobody is listed
    assert glance.establishment is None and glance.establishment_counted == 0  # the report's '-'


def test_no_table_gives_no_ranges(real_catalogue):
    """Svendborg's Læsevenner has no cost table (the report says why): nothing to show, nothing invented."""
    glance = cost_glance([])
    assert (glance.per_child, glance.per_occurrence, glance.hours, glance.staff_groups) == (None, None, None, ())
    assert real_catalogue.projects["laesevenner"].cost is None
