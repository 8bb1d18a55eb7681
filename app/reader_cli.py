"""`omo-pos reader list | register CODE [--label L] | locations`: pair the till with a Stripe reader.

Uses the till's own settings (`stripe.api_base`, `stripe.location_id`) and the Stripe key from the OS
keyring, exactly as the till does; the chosen reader then goes into the `stripe.reader_id` setting.
"""

from __future__ import annotations

import argparse
import sys

from app.settings import Settings


def main(argv: list[str], *, settings: Settings) -> int:
    from hardware.stripe_terminal.driver import StripeTerminal
    from pos.payment import PaymentError

    p = argparse.ArgumentParser(prog="omo-pos reader")
    sub = p.add_subparsers(dest="what", required=True)
    sub.add_parser("list", help="readers of this store's Location, with their status")
    sub.add_parser("locations", help="the account's Terminal Locations")
    reg = sub.add_parser("register", help="register a new reader with the code it shows")
    reg.add_argument("code")
    reg.add_argument("--label", default=f"Till {settings['till.id']}")
    args = p.parse_args(argv)
    try:
        terminal = StripeTerminal(
            reader_id=settings["stripe.reader_id"] or "-",
            location_id=settings["stripe.location_id"] or None,
            api_base=settings["stripe.api_base"],
            country=settings["store.country"],
            connect_timeout=settings["stripe.connect_timeout_s"],
            read_timeout=settings["stripe.read_timeout_s"],
            allow_live_secret_key=settings["stripe.allow_live_secret_key"],
        )
        try:
            if args.what == "locations":
                for loc in terminal.list_locations():
                    print(f"{loc['id']}  {loc['display_name']}")
            elif args.what == "list":
                readers = terminal.list_readers()
                for r in readers:
                    chosen = " (this till)" if r.id == settings["stripe.reader_id"] else ""
                    print(f"{r.id}  {r.label or '-':<20} {r.device_type:<22} {r.status or 'unknown'}{chosen}")
                if not readers:
                    print("No readers in this Location yet: `omo-pos reader register CODE`.")
            else:
                r = terminal.register_reader(args.code, args.label)
                print(f"Registered {r.id} ({r.device_type}, {r.status or 'status unknown'}).")
                print(f'Pair this till with it: set stripe.reader_id = "{r.id}" in the settings file.')
        finally:
            terminal.close()
    except PaymentError as e:
        print(f"omo-pos reader: {e.message}", file=sys.stderr)
        return 1
    return 0
