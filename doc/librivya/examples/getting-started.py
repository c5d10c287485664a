#!/usr/bin/python3
"""Submit a picture to Rivya and wait for it, from Python.

    RIVYA_API_KEY=rvya_sk_... python3 getting-started.py "a lighthouse at dusk"
"""
import os
import sys

import gi
gi.require_version('Rivya', '1.0')
from gi.repository import GLib, Rivya  # noqa: E402

loop = GLib.MainLoop()
status = 1

# None picks https://rivya.ai; the key never appears in the source.
client = Rivya.Client.new(os.environ.get('RIVYA_BASE_URL'), os.environ.get('RIVYA_API_KEY'))
poller = Rivya.Poller.new(client)


def finished(poller, generation):
    global status
    if generation.get_status() == Rivya.GenerationStatus.SUCCEEDED:
        print(generation.get_primary_url())
        status = 0
    else:
        print('Failed:', generation.get_error_message(), file=sys.stderr)
    loop.quit()


def created(client, result):
    try:
        generation = client.create_generation_finish(result)
    except GLib.Error as error:
        # Every API error carries the service's request id.
        print(error.message, '(request %s)' % Rivya.error_get_request_id(error), file=sys.stderr)
        loop.quit()
        return
    print('Submitted', generation.get_id(), file=sys.stderr)
    poller.add(generation.get_id(), 'image')


poller.connect('finished', finished)
request = Rivya.GenerationRequest.new(os.environ.get('RIVYA_MODEL', 'local-image'),
                                     sys.argv[1] if len(sys.argv) > 1 else 'a lighthouse at dusk')
request.set_param_string('aspect_ratio', '16:9')
client.create_generation_async(request, None, created)
loop.run()
sys.exit(status)
