"""A real RTSP camera (gst-rtsp-server), run under the system python3 with python3-gi.

    python3 rtsp_server_main.py FRAME_PATTERN FPS [PORT]

FRAME_PATTERN is a printf pattern of numbered JPEG files (e.g. /tmp/x/%04d.jpg),
served in a loop as MJPEG over RTP at /cam. It prints "READY <port>" once
listening on 127.0.0.1 and "CLIENT" for every RTSP connection. Commands on
stdin, one per line:
  stall  - every stream already playing stops sending frames, connection kept
           open (a hung camera); new connections are served normally
  quit   - stop
This file must not import anything from the project: it runs in another Python.
"""

import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main() -> None:
    pattern, fps = sys.argv[1], int(float(sys.argv[2]))
    port = sys.argv[3] if len(sys.argv) > 3 else "0"  # 0: any free port
    Gst.init(None)
    loop = GLib.MainLoop()
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    # rtpjpegpay only takes baseline 4:2:0 JPEG, so the frames are re-encoded from I420.
    factory.set_launch(
        f"( multifilesrc location={pattern} loop=true index=0 "
        f"caps=image/jpeg,framerate={fps}/1 ! jpegdec ! videoconvert "
        "! video/x-raw,format=I420 ! valve name=tap drop=false "
        "! jpegenc quality=85 ! rtpjpegpay name=pay0 pt=26 )")
    factory.set_shared(False)
    taps = []

    def on_configure(_factory, media):
        taps.append(media.get_element().get_by_name("tap"))

    factory.connect("media-configure", on_configure)
    server.get_mount_points().add_factory("/cam", factory)

    def on_client(_server, _client):
        print("CLIENT", flush=True)

    server.connect("client-connected", on_client)
    server.attach(None)
    print(f"READY {server.get_bound_port()}", flush=True)

    def stall(stalled):
        for tap in stalled:
            tap.set_property("drop", True)
        print("STALLED", len(stalled), flush=True)
        return False  # run once

    def commands():
        for line in sys.stdin:
            cmd = line.strip()
            if cmd == "stall":
                GLib.idle_add(stall, list(taps))
            elif cmd == "quit":
                break
        GLib.idle_add(loop.quit)

    threading.Thread(target=commands, daemon=True).start()
    loop.run()


if __name__ == "__main__":
    main()
