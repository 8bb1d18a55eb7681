"""Devices behind small interfaces: card reader (Stripe Terminal), camera and QR, scanner, printer.

Each device: a Qt-free driver, an interface the domain calls, and a simulator. Never imports Qt or ui.
"""
