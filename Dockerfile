# HealthGym's OpenEnv server (openenv.yaml): openenv-core's /ws sessions, /reset, /step,
# /state, /schema, /metadata, /health, /mcp on port 8000.
#   docker build -t healthgym-openenv . && docker run -p 8000:8000 healthgym-openenv
# Configure with HEALTHGYM_DOMAINS, HEALTHGYM_SPLIT, HEALTHGYM_MAX_TURNS and
# HEALTHGYM_MAX_CONCURRENT_ENVS (see src/healthgym/server/openenv_app.py).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    HOST=0.0.0.0 \
    PORT=8000

RUN useradd --create-home --uid 1000 healthgym
WORKDIR /app

COPY pyproject.toml README.md ./
COPY src ./src
# the local project (its pins: openenv-core==0.3.0), not a registry package
# hadolint ignore=DL3013
RUN pip install ".[openenv]"

USER 1000
# build the knowledge-base index once, at image build time, not on the first request
RUN python -c "from healthgym.knowledge.store import get_default_kb; get_default_kb()"

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/health', timeout=4)"]
CMD ["python", "-m", "healthgym.server.openenv_app"]
