"""Allow ``python -m clinic`` as an alias of the ``clinic`` command."""

from clinic.cli import main

raise SystemExit(main())
