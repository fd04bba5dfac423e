"""gunicorn's production settings: the image starts `gunicorn -c deploy/gunicorn.conf.py`.

The sync workers never face the network: the nginx of deploy/nginx/ reads each request
whole and buffers each answer, so a slow client holds an nginx connection, not a worker
(docs/performance.md, "Slow clients").
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"
# X-Forwarded-Proto and its kin are believed only from the proxy's address (the compose
# file gives nginx a fixed one); from anyone else gunicorn ignores them.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
