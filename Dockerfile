# Production image: the archive under gunicorn, static files served by whitenoise. The
# development app (devtools/), the tests and the docs are left out (.dockerignore).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY archive ./archive
COPY minutes ./minutes
COPY alerts ./alerts
RUN pip install .

COPY . .
# collectstatic needs settings but no database or real secret.
RUN SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --noinput

RUN useradd --create-home --uid 1000 archive && mkdir -p /app/var/media && chown -R archive /app/var
USER archive

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz/', timeout=4)"
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn archive.wsgi:application -c deploy/gunicorn.conf.py"]
