"""Users' roles and what each may do (DESIGN.md section 1). Pure data, no I/O."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """A user's role at the clinic."""

    VOLUNTEER = "volunteer"  # screens, fills, prints
    ATTORNEY = "attorney"  # reviews, comments, returns, approves
    COORDINATOR = "coordinator"  # site setup, users, reports, alerts, forms
    ADMIN = "admin"  # everything, key custody


ROLE_NAMES = tuple(r.value for r in Role)


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValueError(f"unknown role (choose one of: {', '.join(ROLE_NAMES)})") from None


def may_manage(actor: Role, target: Role) -> bool:
    """Whether ``actor`` may add, disable or reset the passphrase of a user with role ``target``.

    Admins manage everyone; coordinators manage volunteers and attorneys; nobody else manages users.
    """
    if actor is Role.ADMIN:
        return True
    if actor is Role.COORDINATOR:
        return target in (Role.VOLUNTEER, Role.ATTORNEY)
    return False


def may_approve(actor: Role) -> bool:
    """Only attorneys (and admins acting as one) approve packets."""
    return actor in (Role.ATTORNEY, Role.ADMIN)


def may_read_audit(actor: Role) -> bool:
    return actor in (Role.COORDINATOR, Role.ADMIN)


def may_set_up_site(actor: Role) -> bool:
    """Coordinators and admins set up the site (its name, forms)."""
    return actor in (Role.COORDINATOR, Role.ADMIN)


def may_enroll_devices(actor: Role) -> bool:
    """Coordinators and admins make enrollment codes and read the organization's counts from
    its server: the user's role, whatever role the laptop was enrolled as."""
    return actor in (Role.COORDINATOR, Role.ADMIN)


def may_hold_org_key(actor: Role) -> bool:
    """Attorneys, coordinators and admins may keep the organization's key on a laptop."""
    return actor in (Role.ATTORNEY, Role.COORDINATOR, Role.ADMIN)


def may_index(role: str) -> bool:
    """Laptops enrolled as attorney, coordinator or admin hold the organization's blind-index
    key and look people up in the org index; a volunteer's laptop never does (a key on every
    volunteer's laptop made the index an oracle for who the organization serves). ``role`` is
    a laptop's enrolled role, as the server and the codes name it."""
    return role in (Role.ATTORNEY.value, Role.COORDINATOR.value, Role.ADMIN.value)


def a_role(role: str) -> str:
    """A role's name with its article, as English messages say it: ``a volunteer``, ``an
    attorney``, ``an admin``."""
    return f"{'an' if role[:1] in 'aeiou' else 'a'} {role}"
