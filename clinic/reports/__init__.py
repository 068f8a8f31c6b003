"""Reports: the counts coordinators read, from de-identified tallies only (DESIGN.md section 3).

No Qt and no personal data here. ``counts`` turns the store's tallies (site, date, event type,
language, volunteer, outcome, request type, flag codes and a random record id) into a
:class:`~clinic.reports.counts.Report`; ``export`` writes a report as CSV, JSON or PDF.
"""
