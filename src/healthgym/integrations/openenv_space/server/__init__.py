"""The OpenEnv hub package's server module (see ``server/app.py``)."""
