"""The table of the permission matrix (`tests/test_permission_matrix.py`): one row per URL name,
saying what each persona gets by GET and by POST, in one module per app.

A new address needs a row in its app's module here. The rules are in `permission_matrix.py`:
  everyone(A)      every persona gets A
  logged_in(A)     anonymous: to the login page; anyone logged in: A
  customer(A)      the person's (or the chosen organisation's) own page: anonymous to log in,
                   a person acting for an organisation without a right to the refusal page
  customer_wide(A) as customer, but a mandate for some services only gets 404
  owners(A)        an object: whoever may see it (its customer; for the organisation's things a
                   role holder, and a mandate holder within S1) gets A, anyone else 404
  auditor(A)       the audit log: A for staff with the auditor role, other staff 404, anyone
                   else to the staff login (elsewhere the auditor is a clerk of another agency)
  agency_admins(A) an agency's staff pages: A for its administrator and for a superuser with a
                   verified device, other staff 404, anyone else to the staff login (elsewhere
                   the agency administrator gets what the service manager gets)
  admin_only(A)    the Django admin: A for a superuser with a verified device, else its login
"""

from django.conf import settings

from asiointi.tests.permission_matrix import Row
from asiointi.tests.permission_rows import (
    attachments,
    backoffice,
    catalogue,
    courses,
    customers,
    devidp,
    eforms,
    feedback,
    folder,
    formeditor,
    identity,
    notify,
    organisations,
    registration,
    site,
    submissions,
)

# The order the cells are tried in (GETs first, then POSTs, each in this order).
ROWS: list[Row] = [
    *site.ROWS,
    *identity.PROTOCOL_ROWS,
    *organisations.PROTOCOL_ROWS,
    *devidp.ROWS,
    *customers.ROWS,
    *catalogue.ROWS,
    *notify.ROWS,
    *identity.ROWS,
    *registration.ROWS,
    *folder.ROWS,
    *organisations.ROWS,
    *eforms.ROWS,
    *submissions.ROWS,
    *attachments.ROWS,
    *courses.ROWS,
    *feedback.ROWS,
    *backoffice.ROWS,
    *formeditor.ROWS,
]


def mounted_rows() -> list[Row]:
    return [row for row in ROWS if not row.only_if or getattr(settings, row.only_if)]
