"""The license authority: the vendor's side (issues codes, signs licenses).

A separate HTTP service (``licdesk-authority``): ``service`` holds the rules, ``register``
its SQLite file, ``signer`` its Ed25519 keys, ``server`` the Starlette app, ``cli`` the
command line, ``wire`` the JSON shapes, ``client`` the customer app's ``HttpAuthority``,
``demo`` an in-process demo authority. ``keys`` is the in-app authority of v1 (its trust
store and verification are still what the customer app uses).
"""
