"""`omo-pos staff`: the live till's staff file, staff.json (0600, PIN hashes peppered with a secret from the
OS keyring, never PINs).

    omo-pos staff list
    omo-pos staff add S004 "Noor" manager        # the PIN is asked twice (or read from stdin)
    omo-pos staff set-pin S004
    omo-pos staff deactivate S004

A manager's PIN has at least 6 digits (a live till refuses a shorter one at login): it is also the
stronger credential that ends a PIN lockout. PINs are unique.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.paths import Paths
from app.settings import Settings
from app.staff import LIVE_MANAGER_PIN_DIGITS, load_staff, staff_file, staff_pepper, write_staff_file
from pos.staff import InMemoryStaffDirectory, PinError, Role, StaffMember


def _read_pin(role: Role) -> str:
    if sys.stdin.isatty():
        pin = getpass.getpass("PIN: ")
        if getpass.getpass("Same PIN again: ") != pin:
            raise PinError("The two PINs differ.")
    else:
        pin = sys.stdin.readline().strip()
    if role is Role.MANAGER and len(pin) < LIVE_MANAGER_PIN_DIGITS:
        raise PinError(f"A manager's PIN has at least {LIVE_MANAGER_PIN_DIGITS} digits.")
    return pin


def main(argv: list[str], *, paths: Paths, settings: Settings) -> int:
    parser = argparse.ArgumentParser(prog="omo-pos staff", description="The live till's staff and PINs.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    add = sub.add_parser("add")
    add.add_argument("staff_id")
    add.add_argument("name")
    add.add_argument("role", choices=[r.value for r in Role])
    sub.add_parser("set-pin").add_argument("staff_id")
    sub.add_parser("deactivate").add_argument("staff_id")
    args = parser.parse_args(argv)
    live = Settings({**settings.values, "mode": "live"}, settings.sources)
    current = load_staff(paths, live) if staff_file(paths).exists() else InMemoryStaffDirectory()
    if args.cmd == "list":
        for m in current.members():
            print(f"{m.id}\t{m.name}\t{m.role.value}\t{'active' if m.active else 'inactive'}")
        return 0
    # every hash written now is peppered; hashes kept from before keep working (no pepper needed)
    directory = InMemoryStaffDirectory.from_records(current.records(), pepper=staff_pepper(create=True))
    try:
        if args.cmd == "add":
            role = Role(args.role)
            directory.add(StaffMember(args.staff_id, args.name, role), _read_pin(role))
        elif args.cmd == "set-pin":
            member = directory.get(args.staff_id)
            if member is None:
                print(f"omo-pos staff: nobody has the id {args.staff_id}", file=sys.stderr)
                return 1
            directory.set_pin(member.id, _read_pin(member.role))
        else:
            directory.deactivate(args.staff_id)
    except (PinError, ValueError, KeyError) as e:
        print(f"omo-pos staff: {e}", file=sys.stderr)
        return 1
    path = write_staff_file(paths, directory)
    print(f"{path} written (mode 0600).")
    return 0
