"""License Desk: licenses, update subscriptions and renewals."""

APP_NAME = "License Desk"
APP_ID = "licdesk"
ORG_NAME = "LicenseDesk"
__version__ = "0.1.0"
