#!/usr/bin/python3
# test-introspection.py
#
# Copyright 2026 The Rivya Desktop authors
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# This library is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
# Lesser General Public License for more details.
#
# You should have received a copy of the GNU Lesser General Public
# License along with this library; if not, see <http://www.gnu.org/licenses/>.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""librivya from Python through its typelib: list the models of a real
rivya-server, read a generation, and see an API error arrive as a
GLib.Error of the Rivya domain. Prints TAP."""

import os
import shutil
import subprocess
import sys
import tempfile

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Rivya', '1.0')
from gi.repository import GLib, Rivya  # noqa: E402

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def run_async(start, finish):
    """Runs one _async/_finish pair to completion on a main loop."""
    loop = GLib.MainLoop()
    box = {}

    def done(source, result):
        try:
            box['value'] = finish(result)
        except GLib.Error as error:
            box['error'] = error
        loop.quit()

    start(done)
    loop.run()
    return box.get('value'), box.get('error')


def main():
    data_dir = tempfile.mkdtemp(prefix='rivya-gi-test-')
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

        client = Rivya.Client.new(url, None)
        client.set_proxy_resolver(None)

        models, error = run_async(lambda cb: client.list_models_async(None, cb),
                                  client.list_models_finish)
        check('list_models succeeds', error is None, str(error))
        ids = sorted(models[i].get_id() for i in range(models.get_n_items()))
        check('four local models', ids == ['local-chat', 'local-image', 'local-speech', 'local-video'],
              str(ids))
        image = next(models[i] for i in range(models.get_n_items())
                     if models[i].props.id == 'local-image')
        check('properties read', image.props.display_name == 'Local Image'
              and image.props.base_credits == 1, image.props.display_name)
        check('reference media', image.get_reference_media().get_max_bytes('image') == 10485760)
        check('params list', image.get_params().get_n_items() == 4
              and image.find_param('aspect_ratio').get_value_type() == Rivya.ModelParamType.SELECT)

        # Without a key the credits route fails with the API's code.
        _, error = run_async(lambda cb: client.get_credits_async(None, cb),
                             client.get_credits_finish)
        check('error domain', error is not None and error.matches(Rivya.error_quark(),
                                                                  Rivya.Error.API_KEY_MISSING),
              str(error))

        client.set_api_key(key)
        credits, error = run_async(lambda cb: client.get_credits_async(None, cb),
                                   client.get_credits_finish)
        check('credits with a key', error is None and credits.get_current_credits() >= 0, str(error))

        request = Rivya.GenerationRequest.new('local-image', 'from python')
        request.set_param_string('aspect_ratio', '1:1')
        generation, error = run_async(lambda cb: client.create_generation_async(request, None, cb),
                                      client.create_generation_finish)
        check('create generation', error is None and generation.get_id().startswith('task_'),
              str(error))
        check('status enum', generation.get_status() in (Rivya.GenerationStatus.QUEUED,
                                                         Rivya.GenerationStatus.PROCESSING,
                                                         Rivya.GenerationStatus.SUCCEEDED))
        again, error = run_async(lambda cb: client.create_generation_async(request, None, cb),
                                 client.create_generation_finish)
        check('idempotent resubmit', error is None and again.get_id() == generation.get_id())
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
            print('# %s' % detail)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
