"""Sync between clinic laptops and the organization's server (DESIGN.md section 6).

``clinic.sync.crypto`` holds the end-to-end encryption: envelopes sealed to X25519 keys, the
passphrase-wrapped org key file, and the enrollment bundles read with a one-time code. It imports
no Qt, no network and no database code.
"""
