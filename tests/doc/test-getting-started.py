#!/usr/bin/python3
# test-getting-started.py
#
# Copyright 2026 The Rivya Desktop authors
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""The librivya reference's getting-started page: its C and Python
examples are the files the tests build and run (so the page cannot show
code that does not work), they submit a picture to a real rivya-server and
print a URL that serves it, and the generated reference has the page.
Arguments: the source root, the build root, the built C example. TAP."""

import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request

source_root, build_root, c_example = sys.argv[1:4]
results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def fetch(url):
    # Loopback only: no proxy, whatever the environment says.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=30) as answer:
        return answer.status, answer.headers.get('Content-Type', ''), answer.read()


def run_example(name, argv, env):
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        check('%s example finishes' % name, False, 'timed out')
        return
    url = done.stdout.strip()
    check('%s example succeeds' % name, done.returncode == 0 and url.startswith('http'),
          done.stderr)
    check('%s example reports the submitted task' % name, 'Submitted task_' in done.stderr,
          done.stderr)
    if url.startswith('http'):
        status, content_type, body = fetch(url)
        check('%s example\'s URL serves the picture' % name,
              status == 200 and content_type.startswith('image/') and len(body) > 1000,
              '%d %s %d bytes' % (status, content_type, len(body)))


def main():
    docs = os.path.join(source_root, 'doc', 'librivya')
    with open(os.path.join(docs, 'getting-started.md'), encoding='utf-8') as f:
        page = f.read()
    for example in ('getting-started.c', 'getting-started.py'):
        with open(os.path.join(docs, 'examples', example), encoding='utf-8') as f:
            code = f.read()
        check('the page shows %s as it is' % example, code in page)

    reference = os.path.join(build_root, 'doc', 'librivya', 'librivya')
    index = os.path.join(reference, 'index.html')
    if os.path.exists(index):
        with open(index, encoding='utf-8') as f:
            html = f.read()
        check('the reference links the getting-started page', 'getting-started.html' in html)
        check('the reference documents RivyaClient',
              os.path.exists(os.path.join(reference, 'class.Client.html')))
    else:
        check('the reference is built', False, index)

    data_dir = tempfile.mkdtemp(prefix='rivya-doc-test-')
    server = subprocess.Popen([os.environ['RIVYA_SERVER'], 'serve', '--data-dir', data_dir,
                               '--listen', '127.0.0.1:0', '--bootstrap'],
                              stdout=subprocess.PIPE, text=True)
    try:
        url = key = None
        for line in server.stdout:
            if line.startswith('Local API key'):
                key = line.rsplit(' ', 1)[1].strip()
            if line.startswith('Listening on '):
                url = line[len('Listening on '):].strip()
                break
        check('server started', url is not None and key is not None)

        env = dict(os.environ, RIVYA_BASE_URL=url, RIVYA_API_KEY=key)
        run_example('C', [c_example, 'a lighthouse at dusk'], env)
        run_example('Python', ['/usr/bin/python3', os.path.join(docs, 'examples', 'getting-started.py'),
                               'a lighthouse at dusk'], env)

        # An error shows the request id, as the examples promise.
        bad = dict(env, RIVYA_API_KEY='rvya_sk_not_a_real_key')
        done = subprocess.run([c_example], env=bad, capture_output=True, text=True, timeout=60)
        check('C example reports an API error with its request id',
              done.returncode != 0 and '(request req_' in done.stderr, done.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)

    print('1..%d' % len(results))
    failed = 0
    for number, (name, ok, detail) in enumerate(results, 1):
        print('%s %d %s' % ('ok' if ok else 'not ok', number, name))
        if not ok:
            failed += 1
            for line in str(detail).splitlines():
                print('# %s' % line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
