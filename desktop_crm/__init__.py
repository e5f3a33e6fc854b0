"""Lead Dispatcher: a desktop mini-CRM that hands incoming lead contacts to operators."""

__version__ = "0.1.0"
APP_NAME = "Lead Dispatcher"
APP_SLUG = "desktop-crm"
